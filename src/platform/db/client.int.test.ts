import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { testPostgresUrl } from '../../../test/support/db.ts';
import { openDatabase, withoutStatementTimeout } from './client.ts';
import { isDatabaseUnavailable } from './errors.ts';
import { runMigrations } from './migrate.ts';

const url = testPostgresUrl();

/** A new, empty database on the test server, dropped again after `use`. */
async function withEmptyDatabase(use: (databaseUrl: string) => Promise<void>) {
  const name = `cr_client_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const target = new URL(url ?? '');
    target.pathname = `/${name}`;
    await use(target.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

describe('PostgreSQL connections', { skip: url ? false : 'needs PostgreSQL (DATABASE_URL)' }, () => {
  it('cancels a statement that runs longer than the statement timeout, as unavailable (503)', async () => {
    const handle = await openDatabase({ databaseUrl: url, poolSize: 1, statementTimeoutMs: 200 });
    try {
      const error = await handle.db.execute(sql`select pg_sleep(2)`).then(
        () => null,
        (e: unknown) => e,
      );
      assert.ok(error, 'the statement was not cancelled');
      assert.equal(isDatabaseUnavailable(error), true);
      assert.equal(await handle.ping(), true, 'the connection is usable afterwards');
    } finally {
      await handle.close();
    }
  });

  it('lets a background read run longer than the timeout, and only that transaction', async () => {
    const handle = await openDatabase({ databaseUrl: url, poolSize: 1, statementTimeoutMs: 200 });
    try {
      const rows = await withoutStatementTimeout(handle.db, (tx) =>
        tx.execute(sql`select pg_sleep(0.4), 1 as done`),
      );
      assert.equal((rows as unknown as { rows: { done: number }[] }).rows[0]?.done, 1);
      const after = await handle.db.execute(sql`show statement_timeout`).catch((e: unknown) => e);
      assert.deepEqual((after as { rows: unknown[] }).rows, [{ statement_timeout: '200ms' }]);
    } finally {
      await handle.close();
    }
  });

  it('migrates without the statement timeout and leaves no advisory lock behind', async () => {
    await withEmptyDatabase(async (databaseUrl) => {
      const handle = await openDatabase({ databaseUrl, poolSize: 3, statementTimeoutMs: 1 });
      const check = new pg.Client({ connectionString: databaseUrl });
      await check.connect();
      try {
        await runMigrations(handle);
        const applied = await check.query('select count(*)::int as n from drizzle.__drizzle_migrations');
        assert.ok(applied.rows[0].n > 10);
        // Checked while the app's pool is still open: a lock left on one of its connections would show.
        const locks = await check.query(
          `select 1 from pg_locks where locktype = 'advisory'
            and database = (select oid from pg_database where datname = current_database())`,
        );
        assert.equal(locks.rowCount, 0);
      } finally {
        await check.end();
        await handle.close();
      }
    });
  });
});
