/**
 * An authority's on-time rate per organisation (the work queue shows it on every page): closed deadlines met on
 * time, breached, and the running ones already breached.
 */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { organisation } from '../people/index.ts';
import { journeyStep } from './schema.ts';

export type OnTimeRates = Awaited<ReturnType<typeof computeOnTimeRate>>;
const RATE_TTL_MS = 60_000;

/**
 * Per organisation: closed deadlines met on time, breached, and the running ones already breached. An aggregate
 * over every deadline the organisation ever had, so each answer is kept for a minute (the work queue shows it on
 * every page). One cache per journey service, which the composition root builds once; `now` is the app's clock.
 */
export function createOnTimeRate(db: DbOrTx, now: () => Date) {
  const rates = new Map<string, { expires: number; value: Promise<OnTimeRates> }>();
  return (organisationIds: readonly string[], today: string): Promise<OnTimeRates> => {
    const key = `${today}|${[...organisationIds].sort().join(',')}`;
    const at = now().getTime();
    const hit = rates.get(key);
    if (hit && hit.expires > at) return hit.value;
    if (rates.size > 1000) rates.clear();
    const value = computeOnTimeRate(db, organisationIds, today);
    rates.set(key, { expires: at + RATE_TTL_MS, value });
    value.catch(() => rates.delete(key));
    return value;
  };
}

async function computeOnTimeRate(db: DbOrTx, organisationIds: readonly string[], today: string) {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .select({
      organisationId: journeyStep.ownerId,
      name: organisation.name,
      closedOnTime: sql<number>`count(*) filter (where ${journeyStep.deadlineClosedOn} is not null and ${journeyStep.deadlineClosedOn} <= ${journeyStep.deadlineDueAt})::int`,
      closedLate: sql<number>`count(*) filter (where ${journeyStep.deadlineClosedOn} is not null and ${journeyStep.deadlineClosedOn} > ${journeyStep.deadlineDueAt})::int`,
      runningBreached: sql<number>`count(*) filter (where ${journeyStep.deadlineClosedOn} is null and ${journeyStep.pausedSince} is null and ${journeyStep.deadlineDueAt} < ${today}::date)::int`,
    })
    .from(journeyStep)
    .innerJoin(organisation, eq(organisation.id, journeyStep.ownerId))
    .where(and(inArray(journeyStep.ownerId, [...organisationIds]), isNotNull(journeyStep.deadlineDueAt)))
    .groupBy(journeyStep.ownerId, organisation.name);
  return rows.map((r) => {
    const all = r.closedOnTime + r.closedLate + r.runningBreached;
    return { ...r, total: all, rate: all === 0 ? null : r.closedOnTime / all };
  });
}
