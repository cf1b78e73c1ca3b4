import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { loadCatalogue } from '../i18n/index.ts';
import { AppError, ERROR_CATALOGUE, parseInput } from './errors.ts';
import { toAppError } from './problem.ts';

describe('error catalogue', () => {
  it('is documented in docs/api-errors.md, code by code with its status', () => {
    const doc = readFileSync(new URL('../../../docs/api-errors.md', import.meta.url), 'utf8');
    const documented = [...doc.matchAll(/^\| `([a-z-]+)` +\| (\d{3}) +\|/gm)].map((m) => [
      m[1],
      Number(m[2]),
    ]);
    assert.deepEqual(Object.fromEntries(documented), ERROR_CATALOGUE);
  });

  it('has a title in every language for every code', () => {
    for (const locale of ['de', 'en']) {
      const messages = loadCatalogue(locale);
      for (const code of Object.keys(ERROR_CATALOGUE))
        assert.ok(messages[`error.${code}.title`], `${locale} ${code}`);
    }
  });

  it('names each failing field and rule of a validation', () => {
    const schema = z.object({ state: z.enum(['SN', 'TH']), n: z.number().min(1), when: z.iso.date() });
    assert.throws(
      () => parseInput(schema, { state: 'XX', n: 0, when: '2026-02-30' }, 'query'),
      (e: unknown) =>
        e instanceof AppError &&
        e.status === 400 &&
        JSON.stringify(e.errors.map((x) => [x.field, x.rule])) ===
          JSON.stringify([
            ['query.state', 'enum'],
            ['query.n', 'min:1'],
            ['query.when', 'format:date'],
          ]),
    );
  });

  it('maps framework errors to 4xx codes and unknown errors to internal', () => {
    assert.equal(
      toAppError(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 })).code,
      'payload-too-large',
    );
    assert.equal(
      toAppError(Object.assign(new Error('x'), { code: 'FST_CSRF_INVALID_TOKEN', statusCode: 403 })).code,
      'csrf-failed',
    );
    assert.equal(
      toAppError(Object.assign(new SyntaxError('x'), { statusCode: 400 })).code,
      'malformed-request',
    );
    assert.equal(toAppError(new TypeError('bug')).code, 'internal');
  });
});
