import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { seedSupportOffers, supportOffer } from './features/companion/index.ts';
import { district, seedRegions, state } from './features/regions/index.ts';
import {
  craftsChamber,
  mission,
  missionWaitingTime,
  nationwideBody,
  occupation,
  recognitionAuthority,
  seedRegistry,
  statistic,
} from './features/registry/index.ts';
import type { Progress } from './platform/cli/progress.ts';
import type { Config } from './platform/config.ts';
import { type DatabaseHandle, openDatabase } from './platform/db/client.ts';
import { lockDataDir } from './platform/db/data-dir-lock.ts';
import { runMigrations } from './platform/db/migrate.ts';
import type { ReferenceTable } from './platform/reference/check.ts';

/** Every reference table with provenance columns, for the nightly age check. */
export const REFERENCE_TABLES: readonly ReferenceTable[] = [
  { table: state, key: state.code },
  { table: district, key: district.ags },
  { table: occupation, key: occupation.kldb },
  { table: recognitionAuthority, key: recognitionAuthority.id },
  { table: nationwideBody, key: nationwideBody.id },
  { table: craftsChamber, key: craftsChamber.id },
  { table: mission, key: mission.id },
  { table: missionWaitingTime, key: missionWaitingTime.id },
  { table: statistic, key: statistic.id },
  { table: supportOffer, key: supportOffer.id },
];

/**
 * Opens the database the configuration names. The embedded database is first locked for this process
 * (ADR 0012): a second process on the same DATA_DIR gets DataDirLockedError naming the holder, and the lock
 * is given back when the handle closes. `command` names this process in the lock ("chancenregion serve").
 */
export async function openConfiguredDatabase(
  config: Config,
  progress: Progress,
  command = commandOfThisProcess(),
): Promise<DatabaseHandle> {
  if (config.dbKind === 'pglite') {
    const dir = path.join(config.DATA_DIR, 'pglite');
    mkdirSync(dir, { recursive: true });
    const lock = lockDataDir(dir, path.join(config.DATA_DIR, 'pglite.lock'), command);
    try {
      const handle = await progress.step(`Opening the embedded database in ${dir}`, () =>
        openDatabase({ dataDir: dir }),
      );
      return {
        ...handle,
        close: async () => {
          try {
            await handle.close();
          } finally {
            lock.release();
          }
        },
      };
    } catch (error) {
      lock.release();
      throw error;
    }
  }
  return progress.step('Connecting to PostgreSQL', async () => {
    const handle = await openDatabase({
      databaseUrl: config.DATABASE_URL,
      poolSize: config.DATABASE_POOL_SIZE,
      statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    });
    if (!(await handle.ping())) {
      await handle.close();
      throw new Error('PostgreSQL is not reachable at DATABASE_URL');
    }
    return handle;
  });
}

/** `chancenregion` and the command words of this process's arguments, without options and their values. */
function commandOfThisProcess(): string {
  const words: string[] = [];
  for (const arg of process.argv.slice(2)) {
    if (arg.startsWith('-') || words.length === 2) break;
    words.push(arg);
  }
  return ['chancenregion', ...words].join(' ');
}

export async function migrateAndSeed(database: DatabaseHandle, progress: Progress): Promise<void> {
  await progress.step('Applying database migrations', () => runMigrations(database));
  const seeded = await progress.step('Loading reference data (states, districts)', () =>
    seedRegions(database.db),
  );
  if (seeded.states + seeded.districts > 0) {
    progress.info(`  added ${seeded.states} states and ${seeded.districts} districts`);
  }
  const registry = await progress.step(
    'Loading the reference registry (occupations, authorities, missions)',
    () => seedRegistry(database.db),
  );
  const added = Object.values(registry).reduce((a, b) => a + b, 0);
  if (added > 0) progress.info(`  added ${added} registry rows`);
  const offers = await progress.step('Loading the support offers for the companion', () =>
    seedSupportOffers(database.db),
  );
  if (offers > 0) progress.info(`  added ${offers} support offers`);
}
