import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import {
  type Actor,
  type Decision,
  decideFor,
  type Membership,
  type Relation,
} from '../../domain/access/policy.ts';
import { POLICY } from '../../domain/access/policy-table.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { consent, organisation } from '../people/index.ts';
import { type DocumentCategory, isDocumentCategory } from './checklists.ts';
import { checkContent } from './content-check.ts';
import type { ContentProblem } from './content-verdict.ts';
import { displayFileName, MEDIA_TYPES, type MediaType, SNIFF_BYTES, sniffMediaType } from './files.ts';
import { document, documentShare } from './schema.ts';
import type { DocumentStorage } from './storage.ts';

export type DocumentRow = typeof document.$inferSelect;

/** What the documents feature needs: the database, the storage, the clock and the size limit. */
export interface DocumentsDeps {
  readonly db: Database;
  readonly storage: DocumentStorage;
  readonly now: () => Date;
  readonly maxBytes: number;
}

/** Why an upload was refused; the HTTP layer maps each to its status (400, 413, 415). */
export class UploadRefused extends Error {
  readonly reason: 'empty' | 'too-large' | 'media-type' | 'category' | 'missing' | ContentProblem;
  constructor(reason: UploadRefused['reason'], why?: string) {
    super(`upload refused: ${reason}${why ? ` (${why})` : ''}`);
    this.name = 'UploadRefused';
    this.reason = reason;
  }
}

/** The public view of a document (never the storage key). */
export interface DocumentView {
  readonly id: string;
  readonly ownerPersonId: string;
  readonly fileName: string;
  readonly mediaType: MediaType;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly category: string;
  readonly createdAt: string;
}

export function viewOf(row: DocumentRow): DocumentView {
  return {
    id: row.id,
    ownerPersonId: row.ownerPersonId,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    category: row.category,
    createdAt: row.createdAt.toISOString(),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

const auditActor = (actor: Actor, m: Membership | undefined) => ({
  actorPersonId: actor.personId,
  actorRole: m?.role ?? null,
  actorOrganisationId: m?.organisationId ?? null,
});

/**
 * Stores an upload: streams it into a temporary object while counting and keeping the first
 * bytes; refuses it when empty, too large (while streaming, before anything is buffered), or not
 * a PDF, JPEG or PNG by content; then reads it back for the content rule (`checkContent`: active
 * content refused, trailing bytes cut off) and hashes what is kept; then inserts the row, its
 * audit entry and commits the object in one transaction. On any failure neither the file nor the
 * row remains.
 */
export async function storeUpload(
  deps: DocumentsDeps,
  owner: { actor: Actor; membership: Membership | undefined },
  input: {
    fileName: string | undefined;
    /** Read after the content: API clients may send the category after the file. */
    category: () => Promise<string | undefined>;
    content: Readable;
  },
): Promise<DocumentView> {
  const pending = await deps.storage.begin();
  let committed = false;
  try {
    const head: Buffer[] = [];
    let headLength = 0;
    let size = 0;
    const max = deps.maxBytes;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > max) return callback(new UploadRefused('too-large'));
        if (headLength < SNIFF_BYTES) {
          head.push(chunk);
          headLength += chunk.length;
        }
        callback(null, chunk);
      },
    });
    try {
      await pipeline(input.content, meter, pending.sink);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (e instanceof UploadRefused || code === 'FST_REQ_FILE_TOO_LARGE')
        throw new UploadRefused('too-large');
      throw e;
    }
    if ((input.content as { truncated?: boolean }).truncated) throw new UploadRefused('too-large');
    if (size === 0) throw new UploadRefused('empty');
    const mediaType = await sniffMediaType(Buffer.concat(head).subarray(0, SNIFF_BYTES));
    if (!mediaType) throw new UploadRefused('media-type');
    const content = await pending.bytes();
    const verdict = await checkContent(mediaType, content);
    if (!verdict.ok) throw new UploadRefused(verdict.problem, verdict.why);
    if (verdict.length < size) await pending.truncate(verdict.length);
    const stored = content.subarray(0, verdict.length);
    const category = await input.category();
    if (!isDocumentCategory(category)) throw new UploadRefused('category');
    const now = deps.now();
    const row: DocumentRow = {
      id: randomUUID(),
      ownerPersonId: owner.actor.personId,
      storageKey: pending.key,
      fileName: displayFileName(input.fileName, mediaType),
      mediaType,
      sizeBytes: stored.length,
      sha256: createHash('sha256').update(stored).digest('hex'),
      category,
      createdAt: now,
      deletedAt: null,
    };
    await deps.db.transaction(async (tx) => {
      await tx.insert(document).values(row);
      await appendAudit(
        tx,
        {
          ...auditActor(owner.actor, owner.membership),
          action: 'create',
          objectType: 'document',
          objectId: row.id,
          subjectPersonId: row.ownerPersonId,
          purpose: 'upload',
          result: 'success',
        },
        now,
      );
      // Last inside the transaction: a failed rename rolls the row back.
      await pending.commit();
      committed = true;
    });
    return viewOf(row);
  } catch (e) {
    await pending.discard();
    if (committed) await deps.storage.remove(pending.key).catch(() => {});
    throw e;
  }
}

/** The owner's documents, newest first (no audit entry: one's own data). */
export async function ownDocuments(db: DbOrTx, personId: string): Promise<DocumentView[]> {
  const rows = await db
    .select()
    .from(document)
    .where(and(eq(document.ownerPersonId, personId), isNull(document.deletedAt)))
    .orderBy(desc(document.createdAt));
  return rows.map(viewOf);
}

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

async function findDocument(db: DbOrTx, id: string): Promise<DocumentRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select()
    .from(document)
    .where(and(eq(document.id, id), isNull(document.deletedAt)))
    .limit(1);
  return row;
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

/** Soft-deletes one's own document and removes its bytes; false when it is not the actor's. */
export async function deleteDocument(
  deps: DocumentsDeps,
  actor: Actor,
  documentId: string,
): Promise<boolean> {
  const now = deps.now();
  const key = await deps.db.transaction(async (tx) => {
    const row = await findDocument(tx, documentId);
    if (!row || row.ownerPersonId !== actor.personId) return undefined;
    await tx.update(document).set({ deletedAt: now }).where(eq(document.id, row.id));
    await appendAudit(
      tx,
      {
        ...auditActor(actor, actor.memberships[0]),
        action: 'delete',
        objectType: 'document',
        objectId: row.id,
        subjectPersonId: row.ownerPersonId,
        purpose: 'owner deleted the document',
        result: 'success',
      },
      now,
    );
    return row.storageKey;
  });
  if (!key) return false;
  await deps.storage.remove(key);
  return true;
}

export interface ShareView {
  readonly id: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly documentId: string | null;
  readonly category: string | null;
  readonly createdAt: string;
  /** False once revoked or once the consent behind it was withdrawn. */
  readonly effective: boolean;
}

/** The owner's shares, newest first, with whether each is in effect. */
export async function sharesOf(db: DbOrTx, personId: string): Promise<ShareView[]> {
  const rows = await db
    .select({
      id: documentShare.id,
      organisationId: documentShare.organisationId,
      organisationName: organisation.name,
      documentId: documentShare.documentId,
      category: documentShare.category,
      createdAt: documentShare.createdAt,
      revokedAt: documentShare.revokedAt,
      withdrawnAt: consent.withdrawnAt,
    })
    .from(documentShare)
    .innerJoin(consent, eq(consent.id, documentShare.consentId))
    .innerJoin(organisation, eq(organisation.id, documentShare.organisationId))
    .where(eq(documentShare.ownerPersonId, personId))
    .orderBy(desc(documentShare.createdAt));
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    documentId: r.documentId,
    category: r.category,
    createdAt: r.createdAt.toISOString(),
    effective: r.revokedAt === null && r.withdrawnAt === null,
  }));
}

/** Organisations the person has an active consent for: the ones they can share documents with. */
export async function shareableOrganisations(db: DbOrTx, personId: string) {
  return db
    .select({ id: organisation.id, name: organisation.name, consentId: consent.id })
    .from(consent)
    .innerJoin(organisation, eq(organisation.id, consent.organisationId))
    .where(and(eq(consent.personId, personId), isNull(consent.withdrawnAt)))
    .orderBy(organisation.name);
}

export type ShareResult =
  | { ok: true; share: ShareView }
  | { ok: false; problem: 'no-document' | 'no-consent' | 'category' | 'target' };

/**
 * Shares one of the owner's documents, or every document of a category (present and future), with
 * an organisation the owner has consented to. Without an active consent nothing is shared: the
 * consent is given on the consents page (identity), the share only narrows what it covers.
 */
export async function shareDocuments(
  deps: DocumentsDeps,
  actor: Actor,
  target: { organisationId: string; documentId?: string | undefined; category?: string | undefined },
): Promise<ShareResult> {
  const now = deps.now();
  const hasDocument = target.documentId !== undefined && target.documentId !== '';
  const hasCategory = target.category !== undefined && target.category !== '';
  if (hasDocument === hasCategory) return { ok: false, problem: 'target' };
  if (hasCategory && !isDocumentCategory(target.category)) return { ok: false, problem: 'category' };
  return deps.db.transaction(async (tx): Promise<ShareResult> => {
    if (hasDocument) {
      const row = await findDocument(tx, target.documentId ?? '');
      if (!row || row.ownerPersonId !== actor.personId) return { ok: false, problem: 'no-document' };
    }
    const [active] = isUuid(target.organisationId)
      ? await tx
          .select({ id: consent.id, name: organisation.name })
          .from(consent)
          .innerJoin(organisation, eq(organisation.id, consent.organisationId))
          .where(
            and(
              eq(consent.personId, actor.personId),
              eq(consent.organisationId, target.organisationId),
              isNull(consent.withdrawnAt),
            ),
          )
          .limit(1)
      : [];
    if (!active) return { ok: false, problem: 'no-consent' };
    const [share] = await tx
      .insert(documentShare)
      .values({
        ownerPersonId: actor.personId,
        organisationId: target.organisationId,
        consentId: active.id,
        documentId: hasDocument ? (target.documentId ?? null) : null,
        category: hasCategory ? (target.category as DocumentCategory) : null,
        createdAt: now,
      })
      .returning();
    if (!share) throw new Error('share not stored');
    await appendAudit(
      tx,
      {
        ...auditActor(actor, actor.memberships[0]),
        action: 'share',
        objectType: 'document',
        objectId: share.documentId ?? `category:${share.category ?? ''}`,
        subjectPersonId: actor.personId,
        purpose: `share with organisation ${target.organisationId}`,
        result: 'success',
      },
      now,
    );
    return {
      ok: true,
      share: {
        id: share.id,
        organisationId: share.organisationId,
        organisationName: active.name,
        documentId: share.documentId,
        category: share.category,
        createdAt: share.createdAt.toISOString(),
        effective: true,
      },
    };
  });
}

/** Ends one of the owner's shares; false when there is no such active share of theirs. */
export async function revokeShare(deps: DocumentsDeps, actor: Actor, shareId: string): Promise<boolean> {
  if (!isUuid(shareId)) return false;
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(documentShare)
      .set({ revokedAt: now })
      .where(
        and(
          eq(documentShare.id, shareId),
          eq(documentShare.ownerPersonId, actor.personId),
          isNull(documentShare.revokedAt),
        ),
      )
      .returning({ id: documentShare.id });
    if (rows.length === 0) return false;
    await appendAudit(
      tx,
      {
        ...auditActor(actor, actor.memberships[0]),
        action: 'share',
        objectType: 'document',
        objectId: shareId,
        subjectPersonId: actor.personId,
        purpose: 'share revoked',
        result: 'success',
      },
      now,
    );
    return true;
  });
}

/**
 * The documents with these ids that are not deleted, optionally only those of one owner: what the
 * journey uses to check that documents attached to a step belong to the journey's applicant.
 * No audit entry and no policy check: callers that show the documents use `canRead` or
 * `documentsVisibleTo`.
 */
export async function documentsByIds(
  db: DbOrTx,
  ids: readonly string[],
  ownerPersonId?: string,
): Promise<DocumentView[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  const rows = await db
    .select()
    .from(document)
    .where(
      and(
        inArray(document.id, valid),
        isNull(document.deletedAt),
        ownerPersonId ? eq(document.ownerPersonId, ownerPersonId) : undefined,
      ),
    );
  return rows.map(viewOf);
}

/**
 * Erasure of a person (Art. 17 GDPR; identity's erasure handling): deletes the person's document
 * rows and shares in the caller's transaction and returns what removes the stored bytes — call it
 * after the transaction has committed (a rollback then leaves everything in place). Audit entries
 * keep only the document ids.
 */
export async function eraseDocumentsOf(
  tx: DbOrTx,
  storage: DocumentStorage,
  personId: string,
): Promise<() => Promise<void>> {
  await tx.delete(documentShare).where(eq(documentShare.ownerPersonId, personId));
  const rows = await tx
    .delete(document)
    .where(eq(document.ownerPersonId, personId))
    .returning({ key: document.storageKey });
  return async () => {
    for (const r of rows) await storage.remove(r.key);
  };
}

export { MEDIA_TYPES };
