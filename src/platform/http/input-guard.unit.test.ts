import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { textProblem, unstorableFields } from './input-guard.ts';

describe('unstorableFields', () => {
  it('accepts well-formed text, surrogate pairs and control characters other than U+0000', () => {
    assert.equal(textProblem('Grüße 😀 \u0001\t'), null);
    assert.deepEqual(unstorableFields({ a: ['x', { b: 'ü😀' }], n: 1, t: true, z: null }, 'body'), []);
  });

  it('names U+0000 and lone surrogates with the path to them', () => {
    const errors = unstorableFields({ a: ['ok', { b: 'x\u0000' }], c: '\uDC00', d: 'x\uD83D' }, 'body');
    assert.deepEqual(errors.map((e) => [e.field, e.rule]).sort(), [
      ['body.a.1.b', 'no-nul'],
      ['body.c', 'unicode'],
      ['body.d', 'unicode'],
    ]);
  });

  it('checks keys and shows the refused characters escaped', () => {
    const errors = unstorableFields(JSON.parse('{"k\\u0000":1,"\\ud800":2}'), 'body');
    assert.deepEqual(errors.map((e) => [e.field, e.rule]).sort(), [
      ['body.\\ud800', 'unicode'],
      ['body.k\\u0000', 'no-nul'],
    ]);
  });

  it('walks deeply nested JSON without overflowing the call stack', () => {
    const depth = 200_000;
    const deep = JSON.parse(`${'['.repeat(depth)}"\\u0000"${']'.repeat(depth)}`);
    const errors = unstorableFields(deep, 'body');
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.rule, 'no-nul');
  });

  it('names at most ten fields and does not enter Buffers', () => {
    assert.equal(unstorableFields(Array(50).fill('\u0000'), 'body').length, 10);
    assert.deepEqual(unstorableFields(Buffer.from([0, 0, 0]), 'body'), []);
  });
});
