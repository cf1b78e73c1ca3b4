import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildProfile, criterionOf, evaluateOne, statusOf } from '../testing.ts';
import type { Education, Person } from '../types.ts';

const run = (
  id: 'aufenthg-16a' | 'aufenthg-16b' | 'aufenthg-17',
  person: Partial<Person>,
  education: Education,
  date = '2026-03-01',
) => evaluateOne(buildProfile({ date, person, job: null, education }), id);

describe('aufenthg-16a vocational training', () => {
  it('grants § 16a with a training place and German B1, with BA approval', () => {
    const r = run('aufenthg-16a', { languages: { german: 'B1' } }, { trainingPlaceOffer: true });
    assert.equal(r.outcome, 'eligible');
    assert.equal(r.baApproval, true);
  });
  it('leaves German below B1 open (the B1 rule of thumb is unverified)', () => {
    const r = run('aufenthg-16a', { languages: { german: 'A2' } }, { trainingPlaceOffer: true });
    assert.equal(r.outcome, 'needs-review');
    assert.equal(criterionOf(r, 'german-language')?.verified, false);
  });
  it('refuses without a training place', () => {
    assert.equal(
      run('aufenthg-16a', { languages: { german: 'B2' } }, { trainingPlaceOffer: false }).outcome,
      'not-eligible',
    );
  });
});

describe('aufenthg-16b studies', () => {
  const funds: [string, number][] = [
    ['2023-06-01', 934],
    ['2024-09-01', 992],
    ['2025-01-01', 992],
  ];
  for (const [date, amount] of funds) {
    it(`needs ${amount} € a month on ${date} (one cent less fails)`, () => {
      assert.equal(
        run('aufenthg-16b', { monthlyFundsEur: amount }, { studyAdmission: true }, date).outcome,
        'eligible',
      );
      assert.equal(
        run('aufenthg-16b', { monthlyFundsEur: amount - 0.01 }, { studyAdmission: true }, date).outcome,
        'not-eligible',
      );
    });
  }
  it('has no published blocked-account amount for January to August 2024 and says so', () => {
    const r = run('aufenthg-16b', { monthlyFundsEur: 2000 }, { studyAdmission: true }, '2024-03-01');
    assert.equal(criterionOf(r, 'funds')?.message.key, 'law.criterion.funds.no-parameter');
  });
  it('needs no BA approval', () => {
    assert.equal(run('aufenthg-16b', { monthlyFundsEur: 1000 }, { studyAdmission: true }).baApproval, false);
  });
});

describe('aufenthg-17 search for a training place', () => {
  const person = (birthDate: string, german: 'B1' | 'B2') => ({ birthDate, languages: { german } });
  const edu = { universityEntranceQualification: true };
  it('needs under 35 and German B1 from 1.3.2024', () => {
    assert.equal(run('aufenthg-17', person('1991-03-02', 'B1'), edu).outcome, 'eligible');
    assert.equal(run('aufenthg-17', person('1991-03-01', 'B1'), edu).outcome, 'not-eligible');
  });
  it('needed under 25 and German B2 until 29.2.2024', () => {
    assert.equal(run('aufenthg-17', person('2000-01-01', 'B1'), edu, '2024-02-29').outcome, 'not-eligible');
    assert.equal(run('aufenthg-17', person('2000-01-01', 'B2'), edu, '2024-02-29').outcome, 'eligible');
    assert.equal(
      statusOf(run('aufenthg-17', person('1999-02-28', 'B2'), edu, '2024-02-29'), 'age-limit'),
      'unmet',
    );
    assert.equal(run('aufenthg-17', person('1999-02-28', 'B1'), edu, '2024-03-01').outcome, 'eligible');
  });
});
