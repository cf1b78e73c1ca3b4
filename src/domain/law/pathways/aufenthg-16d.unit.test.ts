import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildProfile, evaluateOne } from '../testing.ts';

const partial = {
  kind: 'vocational' as const,
  trainingYears: 3,
  stateRecognizedAbroad: true,
  recognitionInGermany: 'partial' as const,
};

describe('aufenthg-16d-1 qualification measure after a deficit notice', () => {
  const d1 = (person = {}, measure: boolean | 'unknown' = true) =>
    evaluateOne(
      buildProfile({
        person: { qualification: partial, languages: { german: 'A2' }, ...person },
        education: measure === 'unknown' ? {} : { qualificationMeasureOffer: measure },
      }),
      'aufenthg-16d-1',
    );
  it('grants § 16d(1) with a deficit notice, a measure place and German A2', () => {
    assert.equal(d1().outcome, 'eligible');
  });
  it('refuses German A1 and a fully recognised qualification', () => {
    assert.equal(d1({ languages: { german: 'A1' } }).outcome, 'not-eligible');
    assert.equal(
      d1({ qualification: { ...partial, recognitionInGermany: 'equivalent' } }).outcome,
      'not-eligible',
    );
  });
  it('needs review while the place in a measure is unknown', () => {
    assert.equal(d1({}, 'unknown').outcome, 'needs-review');
  });
});

describe('aufenthg-16d-3 recognition partnership', () => {
  const d3 = (date: string, job = {}, person = {}) =>
    evaluateOne(
      buildProfile({
        date,
        person: {
          qualification: { ...partial, recognitionInGermany: 'not-applied' },
          languages: { german: 'A2' },
          ...person,
        },
        job: { recognitionPartnershipAgreement: true, ...job },
      }),
      'aufenthg-16d-3',
    );
  it('does not exist before 1.3.2024 and is granted from that day with BA approval', () => {
    assert.equal(d3('2024-02-29').outcome, 'not-eligible');
    const r = d3('2024-03-01');
    assert.equal(r.outcome, 'eligible');
    assert.equal(r.baApproval, true);
  });
  it('needs the written agreement and training of at least 2 years', () => {
    assert.equal(d3('2026-03-01', { recognitionPartnershipAgreement: false }).outcome, 'not-eligible');
    assert.equal(
      d3('2026-03-01', {}, { qualification: { ...partial, trainingYears: 1 } }).outcome,
      'not-eligible',
    );
  });
});
