import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Membership } from '../../domain/access/policy.ts';
import { appendAudit, appendAuditMany } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { activeConsentOrgIds } from '../people/index.ts';
import { STATE_CODES } from '../regions/index.ts';
import { counsellingCase, OUTCOMES, REFERRALS, type Referral, TOPICS } from './schema.ts';

export type CaseRow = typeof counsellingCase.$inferSelect;

/** Suppressed below this count in the centre's reporting (small numbers could identify people). */
export const SUPPRESS_BELOW = 5;

export interface CaseInput {
  stateCode: string;
  openedOn: string;
  topic: string;
  applicantPersonId: string;
  referrals: string[];
  outcome: string;
  closedOn: string;
}

/** The raw form fields, as the browser sent them (checkboxes as one value or a list). */
export function formInput(body: unknown): CaseInput {
  const b = (body ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const raw = b.referrals;
  const referrals = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
    (v): v is string => typeof v === 'string',
  );
  return {
    stateCode: str(b.stateCode),
    openedOn: str(b.openedOn),
    topic: str(b.topic),
    applicantPersonId: str(b.applicantPersonId),
    referrals,
    outcome: str(b.outcome) || 'open',
    closedOn: str(b.closedOn),
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A day the calendar has: Date.parse rolls 2023-02-30 over to 2 March, so the day must survive the round trip. */
const isDate = (s: string) => {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** Checks a case; returns the message keys of failing fields (empty when valid). */
export function validate(input: CaseInput, isNew: boolean): Array<{ field: string; key: string }> {
  const out: Array<{ field: string; key: string }> = [];
  if (isNew) {
    if (!(STATE_CODES as readonly string[]).includes(input.stateCode))
      out.push({ field: 'stateCode', key: 'counselling.error.state' });
    if (!isDate(input.openedOn)) out.push({ field: 'openedOn', key: 'counselling.error.opened-on' });
    if (input.applicantPersonId !== '' && !UUID.test(input.applicantPersonId))
      out.push({ field: 'applicantPersonId', key: 'counselling.error.applicant' });
  }
  if (!(TOPICS as readonly string[]).includes(input.topic))
    out.push({ field: 'topic', key: 'counselling.error.topic' });
  if (!input.referrals.every((r) => (REFERRALS as readonly string[]).includes(r)))
    out.push({ field: 'referrals', key: 'counselling.error.referrals' });
  if (!(OUTCOMES as readonly string[]).includes(input.outcome))
    out.push({ field: 'outcome', key: 'counselling.error.outcome' });
  if (
    input.closedOn !== '' &&
    (!isDate(input.closedOn) || (isDate(input.openedOn) && input.closedOn < input.openedOn))
  )
    out.push({ field: 'closedOn', key: 'counselling.error.closed-on' });
  return out;
}

export function toFieldErrors(
  problems: Array<{ field: string; key: string }>,
  t: (key: string) => string,
): FieldError[] {
  return problems.map((p) => ({ field: p.field, rule: 'invalid', message: t(p.key) }));
}

function auditEvent(m: Membership, personId: string, action: string, row: CaseRow, purpose: string) {
  return {
    actorPersonId: personId,
    actorRole: m.role,
    actorOrganisationId: m.organisationId,
    action,
    objectType: 'counselling-case',
    objectId: row.id,
    subjectPersonId: row.applicantPersonId,
    purpose,
    result: 'success' as const,
  };
}

export function createCounsellingService(db: Database) {
  return {
    /** The centre's cases, newest first; reading linked cases is audited. */
    async list(m: Membership, personId: string, now: Date): Promise<CaseRow[]> {
      const orgId = m.organisationId;
      if (!orgId) return [];
      return db.transaction(async (tx) => {
        const rows = await tx
          .select()
          .from(counsellingCase)
          .where(eq(counsellingCase.organisationId, orgId))
          .orderBy(asc(counsellingCase.openedOn), asc(counsellingCase.createdAt));
        // One entry per linked case, appended together in one statement to the counsellor's chain (one lock, not
        // one per person listed; `appendAuditMany`).
        await appendAuditMany(
          tx,
          rows
            .filter((row) => row.applicantPersonId)
            .map((row) => auditEvent(m, personId, 'read', row, 'counselling')),
          now,
          { chainKey: personId },
        );
        return rows.reverse();
      });
    },

    /**
     * One case, if `mayRead` allows it (else undefined); opening a linked case is a read of personal
     * data, audited in the same transaction.
     */
    async read(
      id: string,
      mayRead: (row: CaseRow) => Membership | undefined,
      personId: string,
      now: Date,
    ): Promise<CaseRow | undefined> {
      if (!UUID.test(id)) return undefined;
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(counsellingCase).where(eq(counsellingCase.id, id));
        const m = row ? mayRead(row) : undefined;
        if (!row || !m) return undefined;
        if (row.applicantPersonId)
          await appendAudit(tx, auditEvent(m, personId, 'read', row, 'counselling'), now);
        return row;
      });
    },

    async find(id: string): Promise<CaseRow | undefined> {
      if (!UUID.test(id)) return undefined;
      const [row] = await db.select().from(counsellingCase).where(eq(counsellingCase.id, id));
      return row;
    },

    /** Null when the linked applicant has not granted the centre consent. */
    async create(m: Membership, personId: string, input: CaseInput, now: Date): Promise<CaseRow | null> {
      const orgId = m.organisationId;
      if (!orgId) return null;
      return db.transaction(async (tx) => {
        const applicant = input.applicantPersonId || null;
        if (applicant && !(await activeConsentOrgIds(tx, applicant)).includes(orgId)) return null;
        const [row] = await tx
          .insert(counsellingCase)
          .values({
            organisationId: orgId,
            stateCode: input.stateCode,
            openedOn: input.openedOn,
            topic: input.topic,
            applicantPersonId: applicant,
            referrals: input.referrals as Referral[],
            outcome: input.outcome,
            closedOn: input.closedOn || null,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        if (!row) throw new Error('insert returned nothing');
        await appendAudit(tx, auditEvent(m, personId, 'create', row, 'counselling'), now);
        return row;
      });
    },

    async update(m: Membership, personId: string, row: CaseRow, input: CaseInput, now: Date): Promise<void> {
      await db.transaction(async (tx) => {
        await tx
          .update(counsellingCase)
          .set({
            topic: input.topic,
            referrals: input.referrals,
            outcome: input.outcome,
            closedOn: input.closedOn || null,
            updatedAt: now,
          })
          .where(eq(counsellingCase.id, row.id));
        await appendAudit(tx, auditEvent(m, personId, 'update', row, 'counselling'), now);
      });
    },

    /** Counts of one year for the centre's reporting: state × topic and by outcome (no personal data). */
    async counts(orgId: string, year: number) {
      const rows = await db
        .select({
          stateCode: counsellingCase.stateCode,
          topic: counsellingCase.topic,
          outcome: counsellingCase.outcome,
        })
        .from(counsellingCase)
        .where(
          and(
            eq(counsellingCase.organisationId, orgId),
            gte(counsellingCase.openedOn, `${year}-01-01`),
            lt(counsellingCase.openedOn, `${year + 1}-01-01`),
          ),
        );
      const byStateTopic = new Map<string, number>();
      const byOutcome = new Map<string, number>();
      for (const r of rows) {
        const k = `${r.stateCode}:${r.topic}`;
        byStateTopic.set(k, (byStateTopic.get(k) ?? 0) + 1);
        byOutcome.set(r.outcome, (byOutcome.get(r.outcome) ?? 0) + 1);
      }
      return { byStateTopic, byOutcome, total: rows.length };
    },
  };
}

/** A count as published: "< 5" below the threshold (zero stays 0). */
export function shownCount(n: number): string {
  return n > 0 && n < SUPPRESS_BELOW ? `< ${SUPPRESS_BELOW}` : String(n);
}

export function countsCsv(counts: {
  byStateTopic: Map<string, number>;
  byOutcome: Map<string, number>;
}): string {
  const lines = ['table,state,topic_or_outcome,count'];
  for (const s of STATE_CODES)
    for (const t of TOPICS)
      lines.push(`state-topic,${s},${t},${shownCount(counts.byStateTopic.get(`${s}:${t}`) ?? 0)}`);
  for (const o of OUTCOMES) lines.push(`outcome,,${o},${shownCount(counts.byOutcome.get(o) ?? 0)}`);
  return `${lines.join('\r\n')}\r\n`;
}
