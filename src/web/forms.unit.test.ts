import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { isoFromInput, parseForm } from './forms.ts';

const schema = z.strictObject({ name: z.string().min(2), day: z.iso.date() });

describe('parseForm', () => {
  it('returns the values of a valid form', () => {
    assert.deepEqual(parseForm(schema, { name: 'Ana', day: '2024-02-29' }), {
      ok: true,
      values: { name: 'Ana', day: '2024-02-29' },
    });
  });

  it('names each failing form field with its rule and a message from the page', () => {
    const result = parseForm(schema, { name: 'A', day: '2023-02-30' }, (e) => `bad ${e.field}`);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(
      result.errors.map((e) => [e.field, e.rule, e.message]),
      [
        ['name', 'min:2', 'bad name'],
        ['day', 'format:date', 'bad day'],
      ],
    );
  });
});

describe('isoFromInput', () => {
  it('reads day, month and year in the forms people use, and the ISO form', () => {
    for (const typed of ['14.05.2019', '14.5.2019', ' 14/05/2019 ', '14-05-2019', '2019-05-14'])
      assert.equal(isoFromInput(typed), '2019-05-14', typed);
  });
  it('gives anything else back as typed, for the field check to report', () => {
    assert.equal(isoFromInput('May 2019'), 'May 2019');
    assert.equal(isoFromInput('1.2.19'), '1.2.19');
  });
});
