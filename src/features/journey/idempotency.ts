/**
 * Retention of `Idempotency-Key`s: a stored answer counts for `IDEMPOTENCY_KEY_TTL_HOURS` after the request that
 * stored it. Older keys are unknown to the service at once (a repeat is a new request) and deleted by the hourly
 * purge job.
 */
import { and, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { JobDefinition } from '../../platform/jobs/index.ts';
import { idempotencyKey } from './schema.ts';

export const IDEMPOTENCY_PURGE_JOB = 'journey-idempotency-keys-purge';

/** Keys stored before this instant have expired. */
export function idempotencyCutoff(at: Date, ttlHours: number): Date {
  return new Date(at.getTime() - ttlHours * 3_600_000);
}

/** True when a key stored at `createdAt` no longer counts at `at`. */
export function idempotencyKeyExpired(createdAt: Date, at: Date, ttlHours: number): boolean {
  return createdAt < idempotencyCutoff(at, ttlHours);
}

/** Deletes one key (expired, found by the lookup) so that the request can store its new answer under it. */
export async function forgetIdempotencyKey(db: DbOrTx, actorId: string, key: string): Promise<void> {
  await db
    .delete(idempotencyKey)
    .where(and(eq(idempotencyKey.actorId, actorId), eq(idempotencyKey.key, key)));
}

/** Deletes every expired key; returns how many. */
export async function purgeExpiredIdempotencyKeys(db: DbOrTx, at: Date, ttlHours: number): Promise<number> {
  const deleted = await db
    .delete(idempotencyKey)
    .where(lt(idempotencyKey.createdAt, idempotencyCutoff(at, ttlHours)))
    .returning({ key: idempotencyKey.key });
  return deleted.length;
}

/** Hourly: expired keys are deleted even if nobody repeats them. */
export function idempotencyPurgeJob(
  db: DbOrTx,
  ttlHours: number,
  log: { info(obj: object, msg: string): void },
  now: () => Date = () => new Date(),
): JobDefinition {
  return {
    name: IDEMPOTENCY_PURGE_JOB,
    cron: '41 * * * *',
    handler: async () => {
      const deleted = await purgeExpiredIdempotencyKeys(db, now(), ttlHours);
      log.info({ job: IDEMPOTENCY_PURGE_JOB, deleted }, 'expired idempotency keys deleted');
    },
  };
}
