import { and, desc, eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../../platform/db/client.ts';
import { passkey } from '../schema.ts';

/** Stores a verified passkey of the person, with its audit entry. */
export async function addPasskey(
  db: Database,
  personId: string,
  credential: {
    id: string;
    publicKey: Uint8Array;
    counter: number;
    transports?: readonly string[] | undefined;
  },
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(passkey).values({
      id: credential.id,
      personId,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: credential.transports?.join(',') ?? null,
      createdAt: now,
    });
    await appendAudit(
      tx,
      {
        actorPersonId: personId,
        action: 'add-passkey',
        objectType: 'account',
        subjectPersonId: personId,
        purpose: 'own account',
        result: 'success',
      },
      now,
    );
  });
}

/** One's passkeys, newest first (ids are public credential ids, no secrets). */
export function listPasskeys(db: DbOrTx, personId: string) {
  return db
    .select({ id: passkey.id, createdAt: passkey.createdAt, lastUsedAt: passkey.lastUsedAt })
    .from(passkey)
    .where(eq(passkey.personId, personId))
    .orderBy(desc(passkey.createdAt));
}

/** Removes one of the person's own passkeys; false when they have none with this id. */
export async function removePasskey(tx: DbOrTx, personId: string, id: string, now: Date): Promise<boolean> {
  const rows = await tx
    .delete(passkey)
    .where(and(eq(passkey.id, id), eq(passkey.personId, personId)))
    .returning({ id: passkey.id });
  if (rows.length === 0) return false;
  await appendAudit(
    tx,
    {
      actorPersonId: personId,
      action: 'remove-passkey',
      objectType: 'account',
      subjectPersonId: personId,
      purpose: 'own account',
      result: 'success',
    },
    now,
  );
  return true;
}
