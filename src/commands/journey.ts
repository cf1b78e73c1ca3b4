/** The journey's part of `seed`: `--demo` adds the demo journeys, `--scale N` bulk-loads N synthetic journeys. */

import path from 'node:path';
import { diskStorage } from '../features/documents/index.ts';
import { journey } from '../features/journey/index.ts';
import type { Progress } from '../platform/cli/progress.ts';
import type { Config } from '../platform/config.ts';
import type { DatabaseHandle } from '../platform/db/client.ts';
import { seedActivityDemo } from '../seed/activities-demo.ts';
import { seedAppointmentDemo, seedStaffDemo } from '../seed/appointments.ts';
import { seedCompanionDemo } from '../seed/companion-demo.ts';
import { seedCompanionStatisticsDemo } from '../seed/companion-statistics-demo.ts';
import { seedCompanionStepsDemo } from '../seed/companion-steps-demo.ts';
import { seedFairsDemo } from '../seed/fairs-demo.ts';
import { seedJobsDemo } from '../seed/jobs-demo.ts';
import { seedJourneyDemo } from '../seed/journeys.ts';
import { seedScale } from '../seed/scale.ts';
import { seedTalentPoolDemo } from '../seed/talent-pool-demo.ts';

export const JOURNEY_USAGE = `  seed --demo           also create about fifty demo journeys in every stage and about 200 job ads (after the demo accounts)
  seed --scale N        bulk-load N synthetic journeys with event histories (for benchmarks; not in production)`;

/** Runs after the reference (and identity demo) seed; returns an exit code. */
export async function journeySeed(
  db: DatabaseHandle,
  argv: readonly string[],
  config: Config,
  progress: Progress,
  err: (text: string) => void = (text) => process.stderr.write(text),
): Promise<number> {
  if (argv.includes('--demo') && config.NODE_ENV !== 'production') {
    const made = await progress.step('Creating demo journeys', () => seedJourneyDemo(db.db));
    progress.info(
      made > 0 ? `  ${made} demo journeys` : '  demo journeys exist already (or no demo accounts)',
    );
    const points = await progress.step('Creating demo appointment calendars', () =>
      seedAppointmentDemo(db.db, config.COOKIE_SECRET, diskStorage(path.join(config.DATA_DIR, 'documents'))),
    );
    if (points > 0) progress.info(`  ${points} service points give appointments`);
    const staffed = await progress.step('Storing demo staff numbers', () => seedStaffDemo(db.db));
    if (staffed > 0) progress.info(`  ${staffed} offices have staff numbers`);
    const ads = await progress.step('Publishing demo job ads', () => seedJobsDemo(db.db));
    if (ads > 0) progress.info(`  ${ads} job ads by confirmed employers in the six states`);
    const pool = await progress.step('Filling the demo talent pool', () => seedTalentPoolDemo(db.db));
    if (pool > 0) progress.info(`  ${pool} profiles in the talent pool`);
    const fairs = await progress.step('Organising the demo job fairs', () => seedFairsDemo(db.db));
    if (fairs > 0) progress.info(`  ${fairs} bookings at two fairs of Saxony and Thuringia`);
    const activities = await progress.step("Recording the states' demo activities", () =>
      db.db.transaction((tx) => seedActivityDemo(tx, new Date())),
    );
    if (activities > 0) progress.info(`  ${activities} activities of the six states`);
    const holders = await progress.step('Adding demo holders of the Chancen-Aufenthaltsrecht', () =>
      db.db.transaction((tx) => seedCompanionDemo(tx, new Date())),
    );
    if (holders > 0) progress.info(`  ${holders} holders, one in each state`);
    const more = await progress.step('Adding demo holders for the statistics of the states', () =>
      db.db.transaction((tx) => seedCompanionStatisticsDemo(tx, new Date())),
    );
    if (more > 0) progress.info(`  ${more} holders in the districts, one work confirmed by an employer`);
    const steps = await progress.step(
      'Showing the companion’s transition step, case link and offer history',
      () => seedCompanionStepsDemo(db.db, new Date()),
    );
    for (const s of steps) progress.info(`  ${s}`);
  }
  const at = argv.indexOf('--scale');
  if (at >= 0) {
    const n = Number(argv[at + 1]);
    if (!Number.isInteger(n) || n < 1 || n > 10_000_000) {
      err('--scale needs a whole number of journeys between 1 and 10000000\n');
      return 64;
    }
    if (config.NODE_ENV === 'production') {
      err('Refused: synthetic journeys are not loaded when NODE_ENV=production.\n');
      return 78;
    }
    const started = performance.now();
    let last = 0;
    const result = await progress.step(`Loading ${n} synthetic journeys`, () =>
      seedScale(db.db, n, {
        batch: db.kind === 'pglite' ? 200 : 2000,
        concurrency: db.kind === 'pglite' ? 1 : 2,
        ...(db.raw.kind === 'postgres' ? { copy: db.raw.pool } : {}),
        onProgress: (done, total) => {
          const now = performance.now();
          if (now - last < 1000 && done < total) return;
          last = now;
          const rate = done / ((now - started) / 1000);
          const width = 30;
          const filled = Math.round((done / total) * width);
          err(
            `\r  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} journeys, ${rate.toFixed(0)}/s`,
          );
          if (done === total) err('\n');
        },
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    progress.info(
      `  ${result.journeys} journeys, ${result.events} events in ${seconds.toFixed(1)} s (${(result.journeys / seconds).toFixed(0)} journeys/s)`,
    );
  }
  return 0;
}

/**
 * On the embedded default (PGlite, not production), once the demo accounts exist and no journey does yet, the
 * demo journeys are made too, so that a first start shows every journey screen with something true on it.
 */
export async function journeyDemoOnFirstStart(db: DatabaseHandle, config: Config, progress: Progress) {
  if (db.kind !== 'pglite' || config.NODE_ENV === 'production') return;
  const [any] = await db.db.select({ id: journey.id }).from(journey).limit(1);
  if (any) return;
  const made = await progress.step('Creating demo journeys', () => seedJourneyDemo(db.db));
  if (made > 0) progress.info(`  ${made} demo journeys`);
  await progress.step('Creating demo appointment calendars', () =>
    seedAppointmentDemo(db.db, config.COOKIE_SECRET, diskStorage(path.join(config.DATA_DIR, 'documents'))),
  );
  await progress.step('Storing demo staff numbers', () => seedStaffDemo(db.db));
  await progress.step('Publishing demo job ads', () => seedJobsDemo(db.db));
  await progress.step('Filling the demo talent pool', () => seedTalentPoolDemo(db.db));
  await progress.step('Organising the demo job fairs', () => seedFairsDemo(db.db));
  await progress.step("Recording the states' demo activities", () =>
    db.db.transaction((tx) => seedActivityDemo(tx, new Date())),
  );
  await progress.step('Adding demo holders of the Chancen-Aufenthaltsrecht', () =>
    db.db.transaction((tx) => seedCompanionDemo(tx, new Date())),
  );
  await progress.step('Adding demo holders for the statistics of the states', () =>
    db.db.transaction((tx) => seedCompanionStatisticsDemo(tx, new Date())),
  );
  await progress.step('Showing the companion’s transition step, case link and offer history', () =>
    seedCompanionStepsDemo(db.db, new Date()),
  );
}
