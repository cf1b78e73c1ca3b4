import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { seedSupportOffers } from '../../src/features/companion/seed.ts';
import { seedRegions } from '../../src/features/regions/seed.ts';
import { seedRegistry } from '../../src/features/registry/seed.ts';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/client.ts';
import { migrationsFolder, runMigrations } from '../../src/platform/db/migrate.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = path.join(ROOT, 'node_modules/.cache/chancenregion');

export interface TestDatabase extends DatabaseHandle {
  /** Drops the database (PostgreSQL) or closes it (PGlite). */
  destroy(): Promise<void>;
}

/** The PostgreSQL server the integration suite runs against, when one is configured. */
export function testPostgresUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/**
 * A fresh, migrated and seeded database for one test file: an in-memory PGlite loaded from a
 * template (built once per migration set), or a new database on the PostgreSQL server of
 * DATABASE_URL, dropped again by `destroy()`.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = testPostgresUrl();
  return url ? createPostgresDatabase(url) : createPgliteDatabase();
}

async function seed(handle: DatabaseHandle) {
  await runMigrations(handle);
  await seedRegions(handle.db);
  await seedRegistry(handle.db);
  await seedSupportOffers(handle.db);
}

function templateKey(): string {
  const hash = createHash('sha256');
  const files = readdirSync(migrationsFolder, { recursive: true, encoding: 'utf8' }).sort();
  for (const f of files) {
    const full = path.join(migrationsFolder, f);
    if (f.endsWith('.sql') || f.endsWith('.json')) hash.update(f).update(readFileSync(full));
  }
  for (const f of readdirSync(path.join(ROOT, 'src/data')).sort())
    hash.update(readFileSync(path.join(ROOT, 'src/data', f)));
  // The reference data the template holds is loaded by these files: a change to any of them rebuilds it.
  for (const feature of ['regions', 'registry', 'companion']) {
    const folder = path.join(ROOT, 'src/features', feature);
    for (const f of readdirSync(folder).sort())
      if (/^seed.*\.ts$/.test(f)) hash.update(f).update(readFileSync(path.join(folder, f)));
  }
  return hash.digest('hex').slice(0, 16);
}

async function createPgliteDatabase(): Promise<TestDatabase> {
  const file = path.join(CACHE, `pglite-template-${templateKey()}.tar.gz`);
  let handle: DatabaseHandle;
  if (existsSync(file)) {
    handle = await openDatabase({ loadDataDir: new Blob([readFileSync(file)]) });
  } else {
    handle = await openDatabase({});
    await seed(handle);
    if (handle.raw.kind === 'pglite') {
      const dump = await handle.raw.client.dumpDataDir('gzip');
      mkdirSync(CACHE, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
      renameSync(tmp, file);
    }
  }
  return { ...handle, destroy: () => handle.close() };
}

async function createPostgresDatabase(url: string): Promise<TestDatabase> {
  const name = `cr_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: target.toString(), poolSize: 5 });
  await seed(handle);
  return {
    ...handle,
    destroy: async () => {
      await handle.close();
      const drop = new pg.Client({ connectionString: url });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}
