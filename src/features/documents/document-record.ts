import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor, Membership } from '../../domain/access/policy.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import type { MediaType } from './files.ts';
import { document } from './schema.ts';
import type { DocumentStorage } from './storage.ts';

// The document row and its public view, what the feature needs, and the lookups without a policy check.

export type DocumentRow = typeof document.$inferSelect;

/** What the documents feature needs: the database, the storage, the clock and the size limit. */
export interface DocumentsDeps {
  readonly db: Database;
  readonly storage: DocumentStorage;
  readonly now: () => Date;
  readonly maxBytes: number;
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

export const auditActor = (actor: Actor, m: Membership | undefined) => ({
  actorPersonId: actor.personId,
  actorRole: m?.role ?? null,
  actorOrganisationId: m?.organisationId ?? null,
});

export async function findDocument(db: DbOrTx, id: string): Promise<DocumentRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select()
    .from(document)
    .where(and(eq(document.id, id), isNull(document.deletedAt)))
    .limit(1);
  return row;
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
