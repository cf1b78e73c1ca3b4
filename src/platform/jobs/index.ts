import type { FastifyBaseLogger } from 'fastify';
import { fromPglite, PgBoss } from 'pg-boss';
import type { DatabaseHandle } from '../db/client.ts';
import { databaseErrorForLog, isDatabaseUnavailable } from '../db/errors.ts';

export interface JobDefinition<T extends object = object> {
  name: string;
  /** Cron expression (UTC) for recurring jobs. */
  cron?: string;
  handler(data: T): Promise<void>;
}

export interface Jobs {
  readonly boss: PgBoss;
  send(name: string, data: object): Promise<string | null>;
  stop(): Promise<void>;
}

/**
 * pg-boss on the same database as everything else: PostgreSQL through its own pool,
 * PGlite through pg-boss's adapter. No other server needed.
 */
export async function startJobs(
  database: DatabaseHandle,
  definitions: readonly JobDefinition[],
  log: FastifyBaseLogger,
  opts: { work: boolean } = { work: true },
): Promise<Jobs> {
  const boss =
    database.raw.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(database.raw.client), backend: 'pglite', schema: 'pgboss' })
      : new PgBoss({ db: poolAdapter(database.raw.pool), schema: 'pgboss' });
  // While the database is unreachable every worker's poll fails; pg-boss keeps polling and resumes by itself.
  boss.on('error', (err: Error) =>
    isDatabaseUnavailable(err)
      ? log.warn({ err }, 'job queue waiting for the database')
      : log.error({ err }, 'job queue error'),
  );
  await boss.start();
  for (const def of definitions) {
    await boss.createQueue(def.name);
    if (opts.work) {
      await boss.work(def.name, async (jobs) => {
        try {
          for (const job of jobs) await def.handler(job.data as object);
        } catch (error) {
          log.error({ err: error, job: def.name }, 'job failed');
          throw storableError(error);
        }
      });
    }
    if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'UTC' });
  }
  return {
    boss,
    send: (name, data) => boss.send(name, data),
    stop: () => boss.stop({ graceful: true, timeout: 5_000 }),
  };
}

function poolAdapter(pool: import('pg').Pool) {
  return {
    executeSql: async (text: string, values?: unknown[]) => pool.query(text, values as unknown[]),
  };
}

/**
 * pg-boss stores a failed job's error with all its fields in the job's row. A database error (Drizzle's carries
 * the SQL text and its parameters) is stored as its log form only: classes, SQLSTATE, statement (ADR 0011).
 */
function storableError(error: unknown): unknown {
  const logged = databaseErrorForLog(error);
  if (!logged) return error;
  const { stack, ...fields } = logged;
  return Object.assign(new Error(logged.message), fields, { stack });
}
