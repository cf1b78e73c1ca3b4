/**
 * Failed queries in the log (issue 13, point 7): the log names the error class, the SQLSTATE and the statement,
 * never the parameters nor the SQL text. The server's own logger settings write to a captured stream.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { testConfig } from '../../../test/support/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { makeAccount, randomAddress } from '../../../test/support/identity.ts';
import { createApp, loggerOptions } from '../../server.ts';

describe('failed queries in the log', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let email: string;
  const lines: string[] = [];

  before(async () => {
    database = await createTestDatabase();
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    app = await createApp({
      config: testConfig(),
      database,
      logger: { ...(loggerOptions('info') as object), stream },
    });
    email = (await makeAccount(database.db, 'applicant', undefined, { email: 'known.person@example.org' }))
      .email;
    // Every read of a person now fails (42703 undefined column) with the address as the query's parameter.
    await database.db.execute(sql`alter table person rename column display_name to display_name_gone`);
  });
  after(async () => {
    await app.close();
    await database.destroy();
  });

  it('logs the SQLSTATE of a failing query without its parameters or SQL text', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: randomAddress(),
      payload: { email, password: 'wrong password for the log test' },
    });
    assert.equal(res.statusCode, 500);
    const log = lines.join('');
    const failed = lines.map((l) => JSON.parse(l) as { msg?: string; err?: Record<string, unknown> });
    const entry = failed.find((l) => l.msg === 'request failed');
    assert.ok(entry?.err, `no entry for the failed request in:\n${log}`);
    assert.ok(!log.includes(email), `the log carries the address:\n${log}`);
    assert.ok(!/known\.person/i.test(log), 'not even part of it');
    assert.ok(!/select\s/i.test(log), `the log carries the SQL text:\n${log}`);
    assert.equal(entry.err.code, '42703');
    assert.match(String(entry.err.type), /DrizzleQueryError/);
  });
});
