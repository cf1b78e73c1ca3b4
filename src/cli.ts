import { parseArgs } from 'node:util';
import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { migrateAndSeed, openConfiguredDatabase, REFERENCE_TABLES } from './bootstrap.ts';
import {
  auditVerify,
  demoOnFirstStart,
  demoSeed,
  IDENTITY_USAGE,
  processIo,
  usersCreate,
} from './commands/identity.ts';
import { JOURNEY_USAGE, journeyDemoOnFirstStart, journeySeed } from './commands/journey.ts';
import { BACKTEST_USAGE, parseBacktestArgs, WAITING_USAGE, waitingBacktest } from './commands/waiting.ts';
import { overlapDigestJob } from './features/activities/index.ts';
import { appointmentJobs } from './features/appointments/index.ts';
import { expiryReminderJob } from './features/companion/index.ts';
import { draftReminderJob } from './features/joint-drafts/index.ts';
import { journeyJobs } from './features/journey/index.ts';
import { answersPurgeJob, PATHWAYS_USAGE, pathwaysCli } from './features/pathways/index.ts';
import { queueOn, webhookJobs } from './features/webhooks/index.ts';
import { createProgress } from './platform/cli/progress.ts';
import { type Config, ConfigError, parseConfig } from './platform/config.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import { errorLine, isDatabaseUnavailable } from './platform/db/errors.ts';
import { runMigrations } from './platform/db/migrate.ts';
import { type Jobs, startJobs } from './platform/jobs/index.ts';
import { checkReferenceAge } from './platform/reference/check.ts';
import { referenceAgeJob } from './reference-age-job.ts';
import { createApp, loggerOptions } from './server.ts';
import { createServices } from './services.ts';

const USAGE = `Usage: chancenregion <command> [options]

Commands:
  serve                 migrate, load reference data and serve the platform (default port 3000)
  migrate               apply pending database migrations
  seed                  load the reference data that is missing (never overwrites corrections)
  references check      list reference rows older than REFERENCE_MAX_AGE_DAYS [--format json]
${IDENTITY_USAGE}
${PATHWAYS_USAGE}
${JOURNEY_USAGE}
${WAITING_USAGE}
  help                  show this text

Configuration comes from the environment; see README.md and .env.example.`;

export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command = 'help', sub] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // Pure computation: needs neither configuration nor database.
  if (command === 'pathways') return pathwaysCli(argv.slice(argv.indexOf('pathways') + 1), processIo);
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee README.md, section "Configuration".\n`);
      return 78; // EX_CONFIG
    }
    throw error;
  }
  const progress = createProgress();
  try {
    switch (command) {
      case 'serve':
        return await serve(config);
      case 'migrate': {
        const db = await openConfiguredDatabase(config, progress);
        await progress.step('Applying database migrations', () => runMigrations(db));
        await db.close();
        return 0;
      }
      case 'seed': {
        const db = await openConfiguredDatabase(config, progress);
        await migrateAndSeed(db, progress);
        const code = argv.includes('--demo') ? await demoSeed(db, config, processIo, progress) : 0;
        const journeyCode = code === 0 ? await journeySeed(db, argv, config, progress) : code;
        await db.close();
        return journeyCode;
      }
      case 'users':
      case 'audit': {
        if ((command === 'users' && sub !== 'create') || (command === 'audit' && sub !== 'verify')) break;
        const db = await openConfiguredDatabase(config, progress);
        await progress.step('Applying database migrations', () => runMigrations(db));
        const code =
          command === 'users' ? await usersCreate(db, argv, processIo) : await auditVerify(db, processIo);
        await db.close();
        return code;
      }
      case 'waiting': {
        if (sub !== 'backtest') break;
        const options = parseBacktestArgs(argv);
        if (options === null) {
          process.stderr.write(BACKTEST_USAGE);
          return 64; // EX_USAGE
        }
        const db = await openConfiguredDatabase(config, progress);
        await progress.step('Applying database migrations', () => runMigrations(db));
        const code = await progress.step('Back-testing the waiting-time forecast', () =>
          waitingBacktest(db, options, processIo),
        );
        await db.close();
        return code;
      }
      case 'references': {
        if (sub !== 'check') break;
        const db = await openConfiguredDatabase(config, progress);
        await migrateAndSeed(db, progress);
        const today = new Date().toISOString().slice(0, 10);
        const result = await progress.step('Checking the age of reference data', () =>
          checkReferenceAge(db.db, REFERENCE_TABLES, config.REFERENCE_MAX_AGE_DAYS, today),
        );
        await db.close();
        if (values.format === 'json') process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else {
          process.stdout.write(
            `${result.checkedRows} reference rows checked; ${result.stale.length} older than ${config.REFERENCE_MAX_AGE_DAYS} days\n`,
          );
          for (const s of result.stale) process.stdout.write(`  ${s.table} ${s.key} (as of ${s.asOf})\n`);
        }
        return 0;
      }
      default:
        break;
    }
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      const invite =
        command === 'users'
          ? '  - or, while the server runs, invite the person on its administration page: /de/verwaltung/organisationen (/en/admin/organisations)\n'
          : '';
      process.stderr.write(`${error.message}\n${invite}`);
      return 75; // EX_TEMPFAIL: try again once the holder has stopped
    }
    process.stderr.write(`Error: ${errorLine(error)}\n`);
    return 1;
  }
  process.stderr.write(`Unknown command: ${[command, sub].filter(Boolean).join(' ')}\n\n${USAGE}\n`);
  return 64; // EX_USAGE
}

async function serve(config: Config): Promise<number> {
  const progress = createProgress();
  const log = pino(loggerOptions(config.LOG_LEVEL) as pino.LoggerOptions);
  const database = await openConfiguredDatabase(config, progress);
  await migrateAndSeed(database, progress);
  await demoOnFirstStart(database, config, progress);
  await journeyDemoOnFirstStart(database, config, progress);
  // The composition root builds every service once; the background jobs use the same mailer and clock.
  const services = createServices(config, database, () => new Date(), log);
  // The webhook jobs queue their next attempts on the queue that runs them (bound once it has started).
  let running: Jobs | undefined;
  const jobs = config.JOBS_ENABLED
    ? await progress.step('Starting background jobs', () =>
        startJobs(
          database,
          [
            referenceAgeJob(database, config, log),
            answersPurgeJob(database.db, log, services.now),
            ...journeyJobs(database.db, config, log, services),
            ...appointmentJobs(database.db, services.appointments, services.now, log),
            services.waiting.job(),
            ...webhookJobs(
              database.db,
              services.webhooks.delivery,
              queueOn(() => running),
              services.now,
              log,
            ),
            services.statistics.job(),
            expiryReminderJob(
              database.db,
              { mailer: services.mailer, baseUrl: services.identity.baseUrl },
              services.now,
              log,
            ),
            overlapDigestJob(
              database.db,
              { mailer: services.mailer, registry: services.registry, baseUrl: services.identity.baseUrl },
              services.now,
              log,
            ),
            draftReminderJob(
              database.db,
              {
                mailer: services.mailer,
                baseUrl: services.identity.baseUrl,
                days: config.DRAFT_REMINDER_DAYS,
              },
              services.now,
              log,
            ),
          ],
          log,
        ),
      )
    : undefined;
  running = jobs;
  const app = await createApp({ config, database, jobs, services });
  if (database.kind === 'pglite') {
    app.log.warn(
      { db: 'pglite', dataDir: config.DATA_DIR },
      'Embedded PGlite database: for evaluation, development and single-office trials only (one query at a time, no fsync). Production runs on PostgreSQL (DATABASE_URL).',
    );
  }
  // Signals end the process gracefully. An uncaught error does too, unless it only says that the database is
  // unreachable: the pool drops that connection and reconnects, requests answer 503 meanwhile (ADR 0011).
  let fatal: unknown = null;
  const grace = closeWithGrace(
    { delay: config.SHUTDOWN_GRACE_MS, skip: ['uncaughtException', 'unhandledRejection'] },
    async ({ signal }) => {
      if (fatal) app.log.error({ err: fatal }, 'shutting down after an error');
      else app.log.info({ signal }, 'shutting down: finishing requests in flight');
      await app.close();
      await jobs?.stop();
      await database.close();
      if (fatal) process.exit(1);
    },
  );
  const onUncaught = (err: unknown) => {
    if (isDatabaseUnavailable(err)) {
      app.log.warn({ err }, 'database connection lost outside a request; the pool reconnects');
      return;
    }
    if (fatal) {
      app.log.error({ err }, 'second error while shutting down, exiting');
      process.exit(1);
    }
    fatal = err;
    void grace.close();
  };
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  progress.info(`Chancenregion ${config.version} is ready at ${address} (database: ${database.kind})`);
  return new Promise<number>(() => {});
}
