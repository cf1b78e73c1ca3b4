import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { testPostgresUrl } from '../../../test/support/db.ts';
import { openDatabase } from './client.ts';
import { isDatabaseUnavailable } from './errors.ts';

const url = testPostgresUrl();

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
});
