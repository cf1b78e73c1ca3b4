/**
 * The organisations that own the steps of a person's own journeys, by name, with the steps each owns: whom the
 * person may want to give their documents to (the documents page offers them).
 */
import { and, asc, eq, notInArray } from 'drizzle-orm';
import type { StepKind } from '../../domain/journey/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { organisation } from '../people/index.ts';
import { journey, journeyStep } from './schema.ts';

export interface StepOwner {
  readonly id: string;
  readonly name: string;
  /** The steps it owns in the person's journeys, in the order of the plan, each once. */
  readonly steps: readonly StepKind[];
}

/** Steps that ask nothing of their owner: not part of the journey, or given up. */
const IDLE_STATUSES = ['not-required', 'withdrawn'];

/** The owners of the steps of the journeys whose applicant is `personId`, in the order their first step comes. */
export async function stepOwnersOf(db: DbOrTx, personId: string): Promise<StepOwner[]> {
  const rows = await db
    .select({ id: organisation.id, name: organisation.name, kind: journeyStep.kind })
    .from(journeyStep)
    .innerJoin(journey, eq(journey.id, journeyStep.journeyId))
    .innerJoin(organisation, eq(organisation.id, journeyStep.ownerId))
    .where(and(eq(journey.applicantId, personId), notInArray(journeyStep.status, IDLE_STATUSES)))
    .orderBy(asc(journey.openedAt), asc(journeyStep.position));
  const owners = new Map<string, { id: string; name: string; steps: StepKind[] }>();
  for (const r of rows) {
    const owner = owners.get(r.id) ?? { id: r.id, name: r.name, steps: [] };
    owners.set(r.id, owner);
    const kind = r.kind as StepKind;
    if (!owner.steps.includes(kind)) owner.steps.push(kind);
  }
  return [...owners.values()];
}
