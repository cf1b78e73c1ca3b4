import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, truncate } from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

/**
 * Where document bytes live. The disk implementation keeps them under `DATA_DIR/documents/`;
 * an object store can replace it by implementing the same four operations (and the pending
 * object's). Keys are generated
 * here (128 random bits, hex) and never derived from what the uploader sent.
 */
export interface DocumentStorage {
  /** Starts an upload: a temporary object that is invisible until committed. */
  begin(): Promise<PendingObject>;
  /** The bytes of a committed object. */
  read(key: string): Readable;
  /** Removes a committed object (no error when it is already gone). */
  remove(key: string): Promise<void>;
  /** Whether a committed object exists. */
  exists(key: string): Promise<boolean>;
}

export interface PendingObject {
  /** The key the object will have once committed. */
  readonly key: string;
  /** Where to write the bytes. */
  readonly sink: Writable;
  /** The bytes written so far (after the sink has finished), for the content check. */
  bytes(): Promise<Buffer>;
  /** Keeps only the first `length` bytes (cutting off what follows the end of an image or PDF). */
  truncate(length: number): Promise<void>;
  /** Makes the object visible under its key (atomic rename on disk). */
  commit(): Promise<void>;
  /** Throws the temporary object away; safe to call twice or after a failed write. */
  discard(): Promise<void>;
}

export function newStorageKey(): string {
  return randomBytes(16).toString('hex');
}

const KEY = /^[0-9a-f]{32}$/;

/** Disk storage: `<root>/<first two hex digits>/<key>`, temporary files in `<root>/tmp/`. */
export function diskStorage(
  root: string,
): DocumentStorage & { readonly root: string; files(): Promise<string[]> } {
  const tmpDir = path.join(root, 'tmp');
  const fileOf = (key: string) => {
    if (!KEY.test(key)) throw new Error('invalid storage key');
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    root,
    async begin() {
      await mkdir(tmpDir, { recursive: true, mode: 0o700 });
      const key = newStorageKey();
      const tmp = path.join(tmpDir, `${newStorageKey()}.part`);
      const sink = createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
      let done = false;
      return {
        key,
        sink,
        bytes: () => readFile(tmp),
        truncate: (length) => truncate(tmp, length),
        async commit() {
          const target = fileOf(key);
          await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
          await rename(tmp, target);
          done = true;
        },
        async discard() {
          if (done) return;
          done = true;
          if (!sink.destroyed) sink.destroy();
          await rm(tmp, { force: true });
        },
      };
    },
    read: (key) => createReadStream(fileOf(key)),
    remove: (key) => rm(fileOf(key), { force: true }),
    async exists(key) {
      try {
        return (await stat(fileOf(key))).isFile();
      } catch {
        return false;
      }
    },
    /** Every file below the root, temporary ones included (for tests and checks). */
    async files() {
      try {
        const entries = await readdir(root, { recursive: true, withFileTypes: true });
        return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
      } catch {
        return [];
      }
    },
  };
}
