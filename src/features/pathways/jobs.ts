import type { DbOrTx } from '../../platform/db/client.ts';
import type { JobDefinition } from '../../platform/jobs/index.ts';
import { purgeExpiredAnswers } from './answers.ts';

export const ANSWERS_PURGE_JOB = 'pathway-answers-purge';

interface Log {
  info(obj: object, msg: string): void;
}

/** Hourly: questionnaire answers are deleted once their 24 hours have passed, even if nobody saves. */
export function answersPurgeJob(db: DbOrTx, log: Log, now: () => Date = () => new Date()): JobDefinition {
  return {
    name: ANSWERS_PURGE_JOB,
    cron: '17 * * * *',
    handler: async () => {
      const deleted = await purgeExpiredAnswers(db, now());
      log.info({ job: ANSWERS_PURGE_JOB, deleted }, 'expired questionnaire answers deleted');
    },
  };
}
