import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, configSchema, parseConfig } from './config.ts';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'cr-config-'));

describe('configuration', () => {
  it('starts with no settings at all: port 3000, PGlite under ./data, a generated secret kept in the data directory', () => {
    const dir = dataDir();
    const c = parseConfig({ DATA_DIR: dir }, '1.0.0');
    assert.equal(c.PORT, 3000);
    assert.equal(c.dbKind, 'pglite');
    assert.ok(c.COOKIE_SECRET.length >= 32);
    assert.equal(
      parseConfig({ DATA_DIR: dir }, '1.0.0').COOKIE_SECRET,
      c.COOKIE_SECRET,
      'the secret survives a restart',
    );
    assert.equal(parseConfig({}, '1.0.0').DATA_DIR, path.resolve('./data'));
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const c = parseConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'postgres://u@h/db' }, '1');
    assert.equal(c.dbKind, 'postgres');
  });

  it('lists every problem at once, naming the setting and the rule', () => {
    const error = (() => {
      try {
        parseConfig(
          { PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', TRUST_PROXY: 'yes' },
          '1',
        );
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    assert.ok(error instanceof ConfigError);
    const text = error.problems.join('\n');
    for (const key of ['PORT', 'LOG_LEVEL', 'DATABASE_URL', 'TRUST_PROXY'])
      assert.match(text, new RegExp(`^${key} `, 'm'));
    assert.equal(error.problems.length, 4);
  });

  it('refuses production without secrets, database and operator details', () => {
    assert.throws(
      () => parseConfig({ NODE_ENV: 'production' }, '1'),
      (e: unknown) =>
        e instanceof ConfigError &&
        [
          'COOKIE_SECRET',
          'DATABASE_URL',
          'PUBLIC_URL',
          'OPERATOR_NAME',
          'OPERATOR_ADDRESS',
          'OPERATOR_EMAIL',
        ].every((k) => e.problems.some((p) => p.startsWith(`${k} is required`))),
    );
  });

  it('takes the near-breach window as a whole number of days from 0 to 60, seven by default', () => {
    assert.equal(parseConfig({ DATA_DIR: dataDir() }, '1').DEADLINE_NEAR_BREACH_DAYS, 7);
    assert.equal(
      parseConfig({ DATA_DIR: dataDir(), DEADLINE_NEAR_BREACH_DAYS: '0' }, '1').DEADLINE_NEAR_BREACH_DAYS,
      0,
    );
    for (const [value, message] of [
      ['61', 'must be at most 60'],
      ['-1', 'must be at least 0'],
      ['2.5', 'must be a whole number'],
      ['soon', 'must be a number'],
    ] as const) {
      assert.throws(
        () => parseConfig({ DATA_DIR: dataDir(), DEADLINE_NEAR_BREACH_DAYS: value }, '1'),
        (e: unknown) =>
          e instanceof ConfigError && e.problems.includes(`DEADLINE_NEAR_BREACH_DAYS ${message}`),
        value,
      );
    }
  });

  it('refuses a DATA_DIR that is a file, lies under a file or cannot be written, naming the path', () => {
    const file = path.join(dataDir(), 'file');
    writeFileSync(file, '');
    const problems = (env: Record<string, string>) => {
      try {
        parseConfig(env, '1');
        return [];
      } catch (e) {
        return e instanceof ConfigError ? e.problems : [`not a ConfigError: ${e}`];
      }
    };
    assert.deepEqual(problems({ DATA_DIR: file }), [`DATA_DIR must be a directory: ${file} is a file`]);
    assert.deepEqual(problems({ DATA_DIR: path.join(file, 'data') }), [
      `DATA_DIR cannot be created: ${file} (on the way to ${path.join(file, 'data')}) is a file`,
    ]);
  });

  it('refuses a DATA_DIR this process may not write to', {
    skip: process.getuid?.() === 0 && 'root writes anywhere',
  }, () => {
    const dir = dataDir();
    chmodSync(dir, 0o500);
    assert.throws(
      () => parseConfig({ DATA_DIR: dir }, '1'),
      (e: unknown) =>
        e instanceof ConfigError &&
        e.problems.includes(`DATA_DIR must be a directory this process may write to: ${dir} is not writable`),
    );
  });

  it('documents every setting in README.md and .env.example', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    for (const key of Object.keys(
      configSchema.shape ?? (configSchema as unknown as { def: { in: { shape: object } } }).def.in.shape,
    )) {
      assert.match(readme, new RegExp(`\\| \`${key}\` +\\|`), `README documents ${key}`);
      assert.match(example, new RegExp(`^#? ?${key}=`, 'm'), `.env.example lists ${key}`);
    }
  });
});
