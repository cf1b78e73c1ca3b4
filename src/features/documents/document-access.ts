import { and, desc, eq, isNull, or } from 'drizzle-orm';
import {
  type Actor,
  type Decision,
  decideFor,
  type Membership,
  type Relation,
} from '../../domain/access/policy.ts';
import { POLICY } from '../../domain/access/policy-table.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { consent } from '../people/index.ts';
import {
  auditActor,
  type DocumentRow,
  type DocumentView,
  findDocument,
  isUuid,
  viewOf,
} from './document-record.ts';
import { document, documentShare } from './schema.ts';

// Who may read a document: the access policy with the shares in effect, each read audited.

/** The owner's shares in effect: not revoked, resting on a consent that is not withdrawn. */
async function effectiveShares(db: DbOrTx, ownerPersonId: string, only?: DocumentRow) {
  return db
    .select({
      organisationId: documentShare.organisationId,
      documentId: documentShare.documentId,
      category: documentShare.category,
    })
    .from(documentShare)
    .innerJoin(consent, eq(consent.id, documentShare.consentId))
    .where(
      and(
        eq(documentShare.ownerPersonId, ownerPersonId),
        isNull(documentShare.revokedAt),
        isNull(consent.withdrawnAt),
        only
          ? or(eq(documentShare.documentId, only.id), eq(documentShare.category, only.category))
          : undefined,
      ),
    );
}

type Share = Awaited<ReturnType<typeof effectiveShares>>[number];

const sharedWith = (shares: readonly Share[], row: DocumentRow) => [
  ...new Set(
    shares
      .filter((s) => s.documentId === row.id || (s.documentId === null && s.category === row.category))
      .map((s) => s.organisationId),
  ),
];

/**
 * The organisations a document is shared with right now: shares not revoked, resting on a consent
 * not withdrawn, naming the document or its category. Read on every request, so a withdrawal or
 * a revocation takes effect on the next one.
 */
export async function sharedWithOrganisations(db: DbOrTx, row: DocumentRow): Promise<string[]> {
  return sharedWith(await effectiveShares(db, row.ownerPersonId, row), row);
}

function relationsOf(actor: Actor, m: Membership, row: DocumentRow, orgs: readonly string[]) {
  const out = new Set<Relation>(['other']);
  if (row.ownerPersonId === actor.personId) out.add('own');
  if (m.organisationId !== null && orgs.includes(m.organisationId)) out.add('shared-by-consent');
  return out;
}

export type ReadDecision =
  | { allow: true; row: DocumentRow; membership: Membership | undefined }
  | { allow: false; status: 403 | 404 };

/**
 * May the actor read this document? Policy (resource `document`, action `read`) with the
 * document's relations to each membership. Writes one audit entry (success or denied) in the
 * given transaction. Missing, deleted and unreachable documents answer the same 404.
 */
export async function canRead(
  tx: DbOrTx,
  now: Date,
  actor: Actor,
  documentId: string,
  purpose: string,
): Promise<ReadDecision> {
  const row = await findDocument(tx, documentId);
  const orgs = row ? await sharedWithOrganisations(tx, row) : [];
  const decision: Decision & { membership?: Membership } = row
    ? decideFor(actor, 'read', 'document', (m) => relationsOf(actor, m, row, orgs))
    : { allow: false, status: 404, reason: 'object' };
  const m = decision.allow ? decision.membership : actor.memberships[0];
  await appendAudit(
    tx,
    {
      ...auditActor(actor, m),
      action: 'read',
      objectType: 'document',
      objectId: documentId.slice(0, 64),
      subjectPersonId: row?.ownerPersonId ?? null,
      purpose,
      result: decision.allow ? 'success' : 'denied',
    },
    now,
  );
  if (!row || !decision.allow) return { allow: false, status: decision.allow ? 404 : decision.status };
  return { allow: true, row, membership: decision.membership };
}

/**
 * The documents of an applicant the actor may see: all of them for the applicant, the shared ones
 * for an organisation's member (per membership, so that one organisation's shares do not open
 * another's). Writes one audit entry in the transaction; when the actor sees nothing and is not
 * the applicant, the answer is `undefined` (404 — the same as for a person who does not exist).
 */
export async function documentsVisibleTo(
  tx: DbOrTx,
  now: Date,
  actor: Actor,
  applicantId: string,
): Promise<DocumentView[] | undefined> {
  const rows = isUuid(applicantId)
    ? await tx
        .select()
        .from(document)
        .where(and(eq(document.ownerPersonId, applicantId), isNull(document.deletedAt)))
        .orderBy(desc(document.createdAt))
    : [];
  const visible: DocumentRow[] = [];
  let via: Membership | undefined;
  const own = applicantId === actor.personId;
  const shares = rows.length > 0 ? await effectiveShares(tx, applicantId) : [];
  for (const row of rows) {
    const orgs = sharedWith(shares, row);
    const d = decideFor(actor, 'read', 'document', (m) => relationsOf(actor, m, row, orgs));
    if (d.allow) {
      visible.push(row);
      via ??= d.membership;
    }
  }
  const ownAllowed =
    own && actor.memberships.some((m) => POLICY.document.read?.[m.role]?.includes('own') ?? false);
  const allowed = visible.length > 0 || ownAllowed;
  const m = via ?? actor.memberships[0];
  await appendAudit(
    tx,
    {
      ...auditActor(actor, m),
      action: 'read',
      objectType: 'document',
      objectId: applicantId.slice(0, 64),
      subjectPersonId: rows.length > 0 || own ? applicantId : null,
      purpose: 'list documents',
      result: allowed ? 'success' : 'denied',
    },
    now,
  );
  return allowed ? visible.map(viewOf) : undefined;
}

/**
 * The categories of which the person's documents are shared with an organisation right now (a share of the document
 * or of its whole category, in effect, of a document not deleted). For the service point's ready check; the caller
 * decides whether its actor may know it and audits the read (the appointments feature does, per request).
 */
export async function sharedCategories(
  db: DbOrTx,
  personId: string,
  organisationId: string,
): Promise<Set<string>> {
  if (!isUuid(personId) || !isUuid(organisationId)) return new Set();
  const rows = await db
    .select()
    .from(document)
    .where(and(eq(document.ownerPersonId, personId), isNull(document.deletedAt)));
  const shares = rows.length > 0 ? await effectiveShares(db, personId) : [];
  return new Set(rows.filter((r) => sharedWith(shares, r).includes(organisationId)).map((r) => r.category));
}
