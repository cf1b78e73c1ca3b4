import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import pg from 'pg';
import { toAppError } from '../http/problem.ts';
import { databaseErrorForLog, errorLine, isDatabaseUnavailable, withStatementName } from './errors.ts';

/** A server error as node-postgres builds it from an ErrorResponse. */
function serverError(code: string, message: string, fields: Record<string, string> = {}) {
  const e = new pg.DatabaseError(message, 100, 'error');
  Object.assign(e, { code, severity: 'FATAL', ...fields });
  return e;
}
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });
const wrapped = (cause: unknown) =>
  new DrizzleQueryError('select * from person where email = $1', ['someone@example.org'], cause as Error);

describe('database unavailable', () => {
  const unavailable: [string, unknown][] = [
    [
      '57P01 administrator shutdown',
      serverError('57P01', 'terminating connection due to administrator command'),
    ],
    ['57P02 crash shutdown', serverError('57P02', 'terminating connection due to crash of another process')],
    ['57P03 cannot connect now', serverError('57P03', 'the database system is starting up')],
    ['57014 statement timeout', serverError('57014', 'canceling statement due to statement timeout')],
    ['08006 connection failure', serverError('08006', 'connection failure')],
    ['53300 too many connections', serverError('53300', 'sorry, too many clients already')],
    ['ECONNREFUSED', socketError('ECONNREFUSED')],
    ['ECONNRESET', socketError('ECONNRESET')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['the pool timing out', new Error('timeout exceeded when trying to connect')],
    [
      'a client that lost its connection',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    [
      'wrapped by Drizzle',
      wrapped(serverError('57P01', 'terminating connection due to administrator command')),
    ],
  ];
  for (const [name, error] of unavailable) {
    it(`answers 503 with Retry-After for ${name}`, () => {
      assert.equal(isDatabaseUnavailable(error), true);
      const app = toAppError(error);
      assert.equal(app.code, 'service-unavailable');
      assert.equal(app.status, 503);
      assert.ok(Number(app.headers['retry-after']) > 0);
    });
  }

  const bugs: [string, unknown][] = [
    [
      'a unique violation',
      wrapped(serverError('23505', 'duplicate key value violates unique constraint "x"')),
    ],
    ['an undefined column', wrapped(serverError('42703', 'column "x" does not exist'))],
    ['a plain error', new Error('something else')],
    ['not an error at all', 'Connection terminated'],
  ];
  for (const [name, error] of bugs) {
    it(`keeps ${name} a 500`, () => {
      assert.equal(isDatabaseUnavailable(error), false);
      assert.equal(toAppError(error).code, 'internal');
    });
  }
});

describe('database errors in the log', () => {
  it('keeps classes, SQLSTATE, statement and names; drops SQL, parameters, message and detail', () => {
    const cause = serverError('23505', 'duplicate key value violates unique constraint "person_email_key"', {
      detail: 'Key (email)=(someone@example.org) already exists.',
      table: 'person',
      constraint: 'person_email_key',
      where: 'SQL statement "insert … someone@example.org"',
    });
    const logged = databaseErrorForLog(withStatementName(wrapped(cause), 'person-insert'));
    assert.ok(logged);
    assert.equal(logged.type, 'DrizzleQueryError < DatabaseError');
    assert.equal(logged.code, '23505');
    assert.equal(logged.statement, 'person-insert');
    assert.equal(logged.table, 'person');
    assert.equal(logged.constraint, 'person_email_key');
    assert.equal(logged.message, 'database error 23505');
    const text = JSON.stringify(logged);
    assert.ok(!text.includes('someone'), text);
    assert.ok(!/select \*|insert …/.test(text), text);
    assert.match(logged.stack, /^\s+at /);
  });

  it('says "database unavailable" for a lost connection', () => {
    const logged = databaseErrorForLog(wrapped(socketError('ECONNREFUSED')));
    assert.equal(logged?.message, 'database unavailable');
    assert.equal(logged?.code, 'ECONNREFUSED');
  });

  it('leaves other errors to the standard serializer', () => {
    assert.equal(databaseErrorForLog(new Error('a bug')), null);
  });

  it('gives the command line one line without SQL or parameters', () => {
    const cause = serverError('23505', 'duplicate key value violates unique constraint "person_email_key"', {
      table: 'person',
      constraint: 'person_email_key',
    });
    assert.equal(
      errorLine(wrapped(cause)),
      'database error 23505 (DrizzleQueryError < DatabaseError, person, person_email_key)',
    );
    assert.equal(errorLine(new Error('DATA_DIR is a file')), 'DATA_DIR is a file');
  });
});
