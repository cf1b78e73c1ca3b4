import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildProfile, criterionOf, evaluateOne, statusOf } from '../testing.ts';

const vocational = {
  kind: 'vocational' as const,
  trainingYears: 3,
  recognitionInGermany: 'equivalent' as const,
};

describe('aufenthg-18a skilled worker with vocational training', () => {
  it('grants § 18a with a recognised vocational qualification and a qualified job, with BA approval', () => {
    const r = evaluateOne(buildProfile({ person: { qualification: vocational } }), 'aufenthg-18a');
    assert.equal(r.outcome, 'eligible');
    assert.equal(r.baApproval, true);
  });
  it('needs the job to match the qualification before 18.11.2023 and any qualified job from that day', () => {
    const job = { matchesQualification: false, qualified: true };
    const before = evaluateOne(
      buildProfile({ date: '2023-11-17', person: { qualification: vocational }, job }),
      'aufenthg-18a',
    );
    const after = evaluateOne(
      buildProfile({ date: '2023-11-18', person: { qualification: vocational }, job }),
      'aufenthg-18a',
    );
    assert.equal(before.outcome, 'not-eligible');
    assert.equal(after.outcome, 'eligible');
  });
  it('leaves the outcome open while recognition is pending', () => {
    const q = { ...vocational, recognitionInGermany: 'pending' as const };
    assert.equal(
      evaluateOne(buildProfile({ person: { qualification: q } }), 'aufenthg-18a').outcome,
      'needs-review',
    );
  });
  it('refuses a regulated profession without a permit and waits for a pending permit', () => {
    const p = (regulatedPermit: 'missing' | 'pending' | 'granted') =>
      evaluateOne(
        buildProfile({ person: { qualification: vocational }, job: { regulatedPermit } }),
        'aufenthg-18a',
      ).outcome;
    assert.equal(p('missing'), 'not-eligible');
    assert.equal(p('pending'), 'needs-review');
    assert.equal(p('granted'), 'eligible');
  });
});

describe('aufenthg-18a/18b salary rule from the 45th birthday (§ 18 Abs. 2 Nr. 5)', () => {
  const at = (birthDate: string, salary: number, date = '2026-03-01', extra = {}) =>
    evaluateOne(
      buildProfile({ date, person: { birthDate, ...extra }, job: { annualSalaryEur: salary } }),
      'aufenthg-18b',
    );
  it('does not apply the day before the 45th birthday', () => {
    assert.equal(statusOf(at('1981-03-02', 30_000), 'age-45-salary'), 'met');
    assert.equal(
      criterionOf(at('1981-03-02', 30_000), 'age-45-salary')?.message.key,
      'law.criterion.age-45-salary.not-applicable',
    );
  });
  it('applies on the 45th birthday and the day after', () => {
    assert.equal(statusOf(at('1981-03-01', 55_769.99), 'age-45-salary'), 'unmet');
    assert.equal(statusOf(at('1981-02-28', 55_769.99), 'age-45-salary'), 'unmet');
  });
  it('is met at exactly 55 770 € in 2026 and at 53 130 € in 2025 and 49 830 € in 2024', () => {
    assert.equal(at('1970-01-01', 55_770).outcome, 'eligible');
    assert.equal(at('1970-01-01', 53_130, '2025-06-01').outcome, 'eligible');
    assert.equal(at('1970-01-01', 53_129.99, '2025-06-01').outcome, 'not-eligible');
    assert.equal(at('1970-01-01', 49_830, '2024-06-01').outcome, 'eligible');
    assert.equal(at('1970-01-01', 49_829.99, '2024-06-01').outcome, 'not-eligible');
  });
  it('is met with adequate pension provision and open when that is unknown', () => {
    assert.equal(
      at('1970-01-01', 30_000, '2026-03-01', { adequatePensionProvision: true }).outcome,
      'eligible',
    );
    assert.equal(
      at('1970-01-01', 30_000, '2026-03-01', { adequatePensionProvision: undefined }).outcome,
      'needs-review',
    );
  });
  it('does not apply to a renewal of the same title', () => {
    const r = at('1970-01-01', 30_000, '2026-03-01', {
      location: 'germany',
      status: 'aufenthg-18b',
      statusSince: '2024-01-01',
    });
    assert.equal(criterionOf(r, 'age-45-salary')?.message.key, 'law.criterion.age-45-salary.renewal');
  });
});
