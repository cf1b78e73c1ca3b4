import { REFERENCE_TABLES } from './bootstrap.ts';
import type { Config } from './platform/config.ts';
import type { DatabaseHandle } from './platform/db/client.ts';
import type { JobDefinition } from './platform/jobs/index.ts';
import { checkReferenceAge } from './platform/reference/check.ts';

export const REFERENCE_AGE_JOB = 'reference-age-check';

interface Log {
  info(obj: object, msg: string): void;
}

/** Nightly: reports reference rows older than REFERENCE_MAX_AGE_DAYS (log and table reference_check). */
export function referenceAgeJob(database: DatabaseHandle, config: Config, log: Log): JobDefinition {
  return {
    name: REFERENCE_AGE_JOB,
    cron: config.REFERENCE_CHECK_CRON,
    handler: async () => {
      const today = new Date().toISOString().slice(0, 10);
      const result = await checkReferenceAge(
        database.db,
        REFERENCE_TABLES,
        config.REFERENCE_MAX_AGE_DAYS,
        today,
      );
      log.info(
        {
          job: REFERENCE_AGE_JOB,
          checked: result.checkedRows,
          stale: result.stale.length,
          maxAgeDays: config.REFERENCE_MAX_AGE_DAYS,
        },
        result.stale.length > 0
          ? 'reference data older than the configured age found'
          : 'reference data is current',
      );
    },
  };
}
