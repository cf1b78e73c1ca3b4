import type { DbOrTx } from './db/client.ts';

/**
 * What a feature erases when an administrator grants a person's erasure request (Art. 17 GDPR).
 * Runs inside the erasure transaction; may return work for after the commit (e.g. deleting files,
 * which cannot be rolled back).
 */
export type ErasureHook = (tx: DbOrTx, personId: string) => Promise<(() => Promise<void>) | undefined | void>;

/** Runs every feature's erasure in the transaction; returns what must run after the commit. */
export async function runErasureHooks(
  tx: DbOrTx,
  hooks: readonly ErasureHook[],
  personId: string,
): Promise<Array<() => Promise<void>>> {
  const afterCommit: Array<() => Promise<void>> = [];
  for (const hook of hooks) {
    const after = await hook(tx, personId);
    if (after) afterCommit.push(after);
  }
  return afterCommit;
}
