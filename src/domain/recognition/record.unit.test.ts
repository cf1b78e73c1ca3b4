import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson, checkContent, formatCode, normaliseCode, type RecordContent } from './record.ts';

const content: RecordContent = {
  person: { name: 'Ana Pereira', birthDate: '1990-04-01' },
  profession: { title: 'Pflegefachfrau', key: 'nurse', kldb: '81302' },
  equivalence: 'partial',
  adjustmentMeasures: ['Kenntnisprüfung'],
  authority: 'KSV Sachsen',
  legalBasis: 'PflBG § 40',
  decisionDate: '2026-10-01',
  issuingState: 'SN',
  noticeReference: null,
};

describe('recognition record content', () => {
  it('serialises canonically: key order does not change the signed text', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } }),
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
    assert.equal(canonicalJson({ a: 1, b: 2 }), canonicalJson({ b: 2, a: 1 }));
  });

  it('formats 80 random bits as four groups of Crockford base32 and reads them back leniently', () => {
    const code = formatCode(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 255]));
    assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    assert.equal(normaliseCode(code.toLowerCase().replace(/-/g, ' ')), code);
    assert.equal(normaliseCode('oooo-iiii-llll-0000'), '0000-1111-1111-0000');
    assert.equal(normaliseCode('too short'), null);
    assert.equal(normaliseCode('UUUU-UUUU-UUUU-UUUU'), null);
  });

  it('requires adjustment measures for partial equivalence and none for full', () => {
    assert.deepEqual(checkContent(content, '2026-11-01'), []);
    assert.deepEqual(checkContent({ ...content, adjustmentMeasures: [] }, '2026-11-01'), [
      { field: 'adjustmentMeasures', rule: 'required-for-partial' },
    ]);
    assert.deepEqual(checkContent({ ...content, equivalence: 'full' }, '2026-11-01'), [
      { field: 'adjustmentMeasures', rule: 'empty-for-full' },
    ]);
  });

  it('refuses a decision dated in the future or before the birth date', () => {
    assert.deepEqual(checkContent(content, '2026-09-30'), [{ field: 'decisionDate', rule: 'not-in-future' }]);
    assert.deepEqual(
      checkContent({ ...content, person: { name: 'x', birthDate: '2026-10-02' } }, '2026-11-01'),
      [{ field: 'person.birthDate', rule: 'before-decision' }],
    );
  });
});
