import { and, desc, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { isSixState } from '../../domain/recognition/portability.ts';
import { appendAuditMany } from '../../platform/audit/audit.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { organisation } from '../people/index.ts';
import { auditActor, type ChangeActor } from './actor.ts';
import { ADMIN_POLICIES, changeActor } from './routes-admin.ts';
import { recognitionRecord } from './schema.ts';
import type { RecordListItem } from './views-admin-records.tsx';

const P = ADMIN_POLICIES;

/** What the record pages know about the recognition officer: their authority, its state and its records. */
export function officerRecords(db: Database, now: () => Date = () => new Date()) {
  async function ownOrganisation(organisationId: string | null, jurisdictionState: string | undefined) {
    const [org] = organisationId
      ? await db
          .select({ name: organisation.name, seat: organisation.seatStateCode })
          .from(organisation)
          .where(eq(organisation.id, organisationId))
      : [];
    const state = [org?.seat, jurisdictionState].find((c) => isSixState(c)) ?? '';
    return { name: org?.name ?? '', state };
  }

  /** The state the actor's membership in an organisation is competent for, if it names one. */
  function jurisdictionStateOf(req: FastifyRequest, organisationId: string | null): string | undefined {
    const membership = req.actor?.memberships.find((m) => m.organisationId === organisationId);
    const j = membership?.jurisdictions.find((x) => x.scope === 'state');
    return j?.scope === 'state' ? j.stateCode : undefined;
  }

  function officer(req: FastifyRequest) {
    const actor = changeActor(req, P.issueRecord.action, P.issueRecord.resource);
    return { actor, jurisdictionState: jurisdictionStateOf(req, actor.organisationId) };
  }

  /**
   * Records whose issue the audit trail attributes to the organisation (the record itself names a person only).
   * Read for a list that shows them (`read`): one audit entry per record shown, in the read's transaction.
   */
  async function recordsOf(
    organisationId: string | null,
    read?: { actor: ChangeActor; purpose: string },
  ): Promise<RecordListItem[]> {
    if (!organisationId) return [];
    return db.transaction(async (tx) => {
      const rows = await listed(tx, organisationId);
      if (read)
        await appendAuditMany(
          tx,
          rows.map((r) => ({
            ...auditActor(read.actor),
            action: 'read',
            objectType: 'recognition-record',
            objectId: r.id,
            purpose: read.purpose,
            result: 'success' as const,
          })),
          now(),
          { chainKey: read.actor.personId },
        );
      return rows.map(listItem);
    });
  }

  async function listed(tx: DbOrTx, organisationId: string) {
    return tx
      .select()
      .from(recognitionRecord)
      .where(
        sql`${recognitionRecord.id}::text in (select ${auditEntry.objectId} from ${auditEntry} where ${and(
          eq(auditEntry.action, 'recognition-record.issue'),
          eq(auditEntry.actorOrganisationId, organisationId),
        )})`,
      )
      .orderBy(desc(recognitionRecord.issuedAt))
      .limit(500);
  }
  return { ownOrganisation, jurisdictionStateOf, officer, recordsOf };
}

function listItem(r: typeof recognitionRecord.$inferSelect): RecordListItem {
  const p = r.payload as { person: { name: string }; profession: { title: string }; decisionDate: string };
  return {
    code: r.code,
    person: p.person.name,
    profession: p.profession.title,
    decisionDate: p.decisionDate,
    issuedAt: r.issuedAt,
    status: r.status,
  };
}
