import { eq } from 'drizzle-orm';
import type { Actor } from '../../domain/access/policy.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { auditActor, type DocumentsDeps, findDocument } from './document-record.ts';
import { document, documentShare } from './schema.ts';
import type { DocumentStorage } from './storage.ts';

// Removing documents: by their owner (soft delete), and everything of a person on erasure.

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
