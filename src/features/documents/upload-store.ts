import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Actor, Membership } from '../../domain/access/policy.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { isDocumentCategory } from './checklists.ts';
import { checkContent } from './content-check.ts';
import type { ContentProblem } from './content-verdict.ts';
import {
  auditActor,
  type DocumentRow,
  type DocumentsDeps,
  type DocumentView,
  viewOf,
} from './document-record.ts';
import { displayFileName, SNIFF_BYTES, sniffMediaType } from './files.ts';
import { document } from './schema.ts';

/** Why an upload was refused; the HTTP layer maps each to its status (400, 413, 415). */
export class UploadRefused extends Error {
  readonly reason: 'empty' | 'too-large' | 'media-type' | 'category' | 'missing' | ContentProblem;
  constructor(reason: UploadRefused['reason'], why?: string) {
    super(`upload refused: ${reason}${why ? ` (${why})` : ''}`);
    this.name = 'UploadRefused';
    this.reason = reason;
  }
}

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
    // A browser sends an empty part without a name when no file was chosen.
    if (size === 0) throw new UploadRefused(input.fileName === '' ? 'missing' : 'empty');
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
