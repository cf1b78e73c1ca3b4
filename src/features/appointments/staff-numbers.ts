/**
 * An office's staff numbers (issue 15, V2.3): the full-time-equivalent caseworkers from a day on, entered by the
 * office's own staff, kept with history (a new row per change, none overwritten). Read by the office (workload
 * page) and by the ministry officers of its state (staffing calculator). Every read and every change is decided by
 * the policy (`office-staffing`) and audited.
 */
import { desc, inArray } from 'drizzle-orm';
import { z } from 'zod';
import {
  type Actor,
  decideFor,
  type Membership,
  organisationRelations,
  type Relation,
} from '../../domain/access/policy.ts';
import { type IsoDate, isIsoDate } from '../../domain/calendar.ts';
import { type AuditEvent, appendAudit, appendAuditMany } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { isoFromInput } from '../../web/forms.ts';
import { officeStaff } from './schema.ts';

export const MAX_FTE = 1000;

/** A number of full-time caseworkers: 0 to 1000, at most two decimals (4.5, 12.75). */
export const fteNumber = z
  .number()
  .min(0, { error: 'must not be negative' })
  .max(MAX_FTE, { error: `must be at most ${MAX_FTE}` })
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { error: 'at most two decimals' });
const isoDay = z.string().refine(isIsoDate, { error: 'must be a date YYYY-MM-DD' });

/** The API's body: `{ "fte": 4.5, "effectiveFrom": "2026-12-01" }`. */
export const staffNumberBody = z.strictObject({ fte: fteNumber, effectiveFrom: isoDay });
/** The workload page's form: the number as people type it ("4,5"), the day as `1.12.2026` or ISO. */
export const staffNumberForm = z.object({
  fte: z
    .string()
    .trim()
    .regex(/^-?\d+([.,]\d+)?$/, { error: 'must be a number' })
    .transform((v) => Number(v.replace(',', '.')))
    .pipe(fteNumber),
  effectiveFrom: z.string().trim().transform(isoFromInput).pipe(isoDay),
});
export type StaffNumberInput = z.output<typeof staffNumberBody>;

export type StaffNumber = { fte: number; effectiveFrom: IsoDate; recordedAt: Date };
/** An office as the policy sees it: the organisation and its state (for the ministry's within-jurisdiction). */
export type StaffedOffice = { organisationId: string; stateCode: string | null };
export type StaffNumbers = { current: StaffNumber | null; history: StaffNumber[] };

function relationsOf(office: StaffedOffice) {
  return (m: Membership): ReadonlySet<Relation> => {
    const out = new Set(organisationRelations(m, office));
    if (
      office.stateCode &&
      m.jurisdictions.some((j) => j.scope === 'state' && j.stateCode === office.stateCode)
    )
      out.add('within-jurisdiction');
    return out;
  };
}

/** The membership the policy allows `action` on the office's staff numbers with, or null. */
export function staffingMembership(
  actor: Actor,
  action: 'read' | 'update',
  office: StaffedOffice,
): Membership | null {
  const d = decideFor(actor, action, 'office-staffing', relationsOf(office));
  return d.allow ? (d.membership ?? null) : null;
}

const auditOf = (actor: Actor, m: Membership, action: string, organisationId: string): AuditEvent => ({
  actorPersonId: actor.personId,
  actorRole: m.role,
  actorOrganisationId: m.organisationId,
  action,
  objectType: 'office-staffing',
  objectId: organisationId,
  subjectPersonId: null,
  purpose: 'office staffing',
  result: 'success',
});

/** The figure on a day: the latest `effectiveFrom` up to it (history is newest first). */
export function staffNumberOn(history: readonly StaffNumber[], day: IsoDate): StaffNumber | null {
  return history.find((h) => h.effectiveFrom <= day) ?? null;
}

async function histories(db: DbOrTx, ids: readonly string[]): Promise<Map<string, StaffNumber[]>> {
  const out = new Map<string, StaffNumber[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await db
    .select()
    .from(officeStaff)
    .where(inArray(officeStaff.organisationId, [...ids]))
    .orderBy(desc(officeStaff.effectiveFrom), desc(officeStaff.recordedAt));
  for (const r of rows)
    out.get(r.organisationId)?.push({ fte: r.fte, effectiveFrom: r.effectiveFrom, recordedAt: r.recordedAt });
  return out;
}

/**
 * The staff numbers of the offices the actor may read (others are left out), each read audited before the data
 * leaves (one append for all). Keyed by organisation id.
 */
export async function readStaffNumbers(
  db: DbOrTx,
  actor: Actor,
  offices: readonly StaffedOffice[],
  asOf: IsoDate,
  now: Date,
): Promise<Map<string, StaffNumbers>> {
  const allowed = offices.flatMap((o) => {
    const m = staffingMembership(actor, 'read', o);
    return m ? [{ o, m }] : [];
  });
  const found = await histories(
    db,
    allowed.map((a) => a.o.organisationId),
  );
  await appendAuditMany(
    db,
    allowed.map((a) => auditOf(actor, a.m, 'read', a.o.organisationId)),
    now,
  );
  const out = new Map<string, StaffNumbers>();
  for (const [id, history] of found) out.set(id, { current: staffNumberOn(history, asOf), history });
  return out;
}

/** Records a new staff number for the office (a new row; the history stays), audited in the same transaction. */
export async function recordStaffNumber(
  db: Database,
  actor: Actor,
  office: StaffedOffice,
  input: StaffNumberInput,
  now: Date,
): Promise<StaffNumber> {
  const m = staffingMembership(actor, 'update', office);
  if (!m) throw new AppError('not-found');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(officeStaff)
      .values({
        organisationId: office.organisationId,
        fte: input.fte,
        effectiveFrom: input.effectiveFrom,
        recordedAt: now,
        recordedBy: actor.personId,
      })
      .returning();
    if (!row) throw new Error('office_staff insert returned no row');
    await appendAudit(tx, auditOf(actor, m, 'update', office.organisationId), now);
    return { fte: row.fte, effectiveFrom: row.effectiveFrom, recordedAt: row.recordedAt };
  });
}
