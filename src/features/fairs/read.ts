/** What the fair pages read: a fair with its organising states, exhibitors, talks and slots (nothing personal). */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { employerProfile } from '../employers/index.ts';
import { jobAd } from '../jobs/index.ts';
import { organisation } from '../people/index.ts';
import {
  type ExhibitorStatus,
  type FairAnswer,
  type FairRow,
  fair,
  fairBooking,
  fairExhibitor,
  fairSession,
  fairSlot,
  fairState,
} from './schema.ts';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type FairStateRow = { stateCode: string; answer: FairAnswer | null; answeredAt: Date | null };
export type ExhibitorRow = { organisationId: string; name: string; status: ExhibitorStatus };
export type SessionRow = typeof fairSession.$inferSelect;
export type SlotView = {
  id: string;
  organisationId: string;
  startsAt: Date;
  minutes: number;
  booked: boolean;
};

export interface FairDetail extends FairRow {
  states: FairStateRow[];
  exhibitors: ExhibitorRow[];
  sessions: SessionRow[];
}

/** The states that organise the fair: those that agreed. */
export const organisersOf = (f: { states: FairStateRow[] }) =>
  f.states.filter((s) => s.answer === 'agreed').map((s) => s.stateCode);

/** Public once no organising state's answer is open and at least one agreed. */
export const isPublic = (f: { states: FairStateRow[] }) =>
  f.states.every((s) => s.answer !== null) && organisersOf(f).length > 0;

export async function fairById(db: DbOrTx, id: string): Promise<FairDetail | undefined> {
  if (!UUID.test(id)) return undefined;
  const [f] = await db.select().from(fair).where(eq(fair.id, id));
  if (!f) return undefined;
  const states = await db
    .select({ stateCode: fairState.stateCode, answer: fairState.answer, answeredAt: fairState.answeredAt })
    .from(fairState)
    .where(eq(fairState.fairId, id))
    .orderBy(asc(fairState.stateCode));
  const exhibitors = await db
    .select({
      organisationId: fairExhibitor.organisationId,
      name: organisation.name,
      status: fairExhibitor.status,
    })
    .from(fairExhibitor)
    .innerJoin(organisation, eq(organisation.id, fairExhibitor.organisationId))
    .where(eq(fairExhibitor.fairId, id))
    .orderBy(asc(organisation.name));
  const sessions = await db
    .select()
    .from(fairSession)
    .where(eq(fairSession.fairId, id))
    .orderBy(asc(fairSession.startsAt));
  return { ...f, states, exhibitors, sessions };
}

/** Every fair, newest start first, with its states (the officers' list and the public list filter it). */
export async function allFairs(db: DbOrTx): Promise<(FairRow & { states: FairStateRow[] })[]> {
  const rows = await db.select().from(fair).orderBy(desc(fair.startsOn)).limit(200);
  if (rows.length === 0) return [];
  const states = await db
    .select()
    .from(fairState)
    .where(
      inArray(
        fairState.fairId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({ ...r, states: states.filter((s) => s.fairId === r.id) }));
}

/** The slots of a fair (optionally of one exhibitor), each with whether it is booked. */
export async function slotsOf(db: DbOrTx, fairId: string, organisationId?: string): Promise<SlotView[]> {
  const where = organisationId
    ? and(eq(fairSlot.fairId, fairId), eq(fairSlot.organisationId, organisationId))
    : eq(fairSlot.fairId, fairId);
  return db
    .select({
      id: fairSlot.id,
      organisationId: fairSlot.organisationId,
      startsAt: fairSlot.startsAt,
      minutes: fairSlot.minutes,
      booked: sql<boolean>`${fairBooking.id} is not null`,
    })
    .from(fairSlot)
    .leftJoin(fairBooking, eq(fairBooking.slotId, fairSlot.id))
    .where(where)
    .orderBy(asc(fairSlot.startsAt));
}

/** The published ads of the approved exhibitors (links to the ad pages). */
export async function exhibitorAds(db: DbOrTx, organisationIds: readonly string[], today: string) {
  if (organisationIds.length === 0) return [];
  return db
    .select({ id: jobAd.id, employerId: jobAd.employerId, titleDe: jobAd.titleDe, titleEn: jobAd.titleEn })
    .from(jobAd)
    .innerJoin(employerProfile, eq(employerProfile.organisationId, jobAd.employerId))
    .where(
      and(
        inArray(jobAd.employerId, [...organisationIds]),
        eq(employerProfile.trust, 'confirmed'),
        eq(jobAd.status, 'published'),
        sql`${jobAd.expiresOn} >= ${today}`,
      ),
    )
    .orderBy(desc(jobAd.publishedAt))
    .limit(300);
}
