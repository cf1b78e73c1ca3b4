import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Membership } from '../../domain/access/policy.ts';
import { appendAudit, appendAuditMany } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import { activeConsentOrgIds } from '../people/index.ts';
import { STATE_CODES } from '../regions/index.ts';
import { counsellingCase, OUTCOMES, type Referral, TOPICS } from './schema.ts';

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    async list(m: Membership, personId: string, now: Date, purpose = 'counselling'): Promise<CaseRow[]> {
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
            .map((row) => auditEvent(m, personId, 'read', row, purpose)),
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
