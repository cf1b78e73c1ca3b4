import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../../calendar.ts';
import { buildProfile, evaluateOne, statusOf } from '../testing.ts';

const vocational2 = {
  kind: 'vocational' as const,
  trainingYears: 2,
  stateRecognizedAbroad: true,
  recognitionInGermany: 'not-applied' as const,
};
const exp = (from: string, days = 730) => [{ from, to: addDays(from, days - 1), isco08: '7411' }];
const e = (o: { date?: string; person?: object; job?: object } = {}) =>
  evaluateOne(
    buildProfile({
      date: o.date ?? '2026-03-01',
      person: { qualification: vocational2, experience: exp('2022-01-01'), ...o.person },
      job: { isco08: '7411', annualSalaryEur: 45_630, ...o.job },
    }),
    'aufenthg-19c-2',
  );

describe('aufenthg-19c-2 experience pathway (§ 6 BeschV)', () => {
  it('does not exist before 1.3.2024 and exists from that day', () => {
    assert.equal(e({ date: '2024-02-29', job: { annualSalaryEur: 60_000 } }).outcome, 'not-eligible');
    assert.equal(e({ date: '2024-03-01', job: { annualSalaryEur: 40_770 } }).outcome, 'eligible');
  });
  const thresholds: [string, number][] = [
    ['2024-03-01', 40_770],
    ['2025-01-01', 43_470],
    ['2026-01-01', 45_630],
  ];
  for (const [date, threshold] of thresholds) {
    it(`needs ${threshold} € on ${date} without a collective agreement (one cent less fails)`, () => {
      assert.equal(e({ date, job: { annualSalaryEur: threshold } }).outcome, 'eligible');
      assert.equal(e({ date, job: { annualSalaryEur: threshold - 0.01 } }).outcome, 'not-eligible');
    });
  }
  it('drops the salary threshold for an employer bound by a collective agreement', () => {
    assert.equal(
      e({ job: { annualSalaryEur: 30_000, employerCollectiveAgreement: true } }).outcome,
      'eligible',
    );
    assert.equal(
      e({ job: { annualSalaryEur: 30_000, employerCollectiveAgreement: undefined } }).outcome,
      'needs-review',
    );
  });
  it('needs 2 years of experience within the last 5 years (window start counts, the day before not)', () => {
    const windowStart = '2021-03-01';
    assert.equal(statusOf(e({ person: { experience: exp(windowStart) } }), 'experience'), 'met');
    assert.equal(
      statusOf(e({ person: { experience: exp(addDays(windowStart, -1)) } }), 'experience'),
      'unmet',
    );
    assert.equal(statusOf(e({ person: { experience: exp('2024-01-01', 729) } }), 'experience'), 'unmet');
  });
  it('needs at least 2 years of state-recognised training, except in IT occupations', () => {
    const short = { ...vocational2, trainingYears: 1 };
    assert.equal(e({ person: { qualification: short } }).outcome, 'not-eligible');
    assert.equal(e({ person: { qualification: short }, job: { isco08: '2512' } }).outcome, 'eligible');
  });
  it('is only for non-regulated professions', () => {
    assert.equal(e({ job: { regulatedPermit: 'granted' } }).outcome, 'not-eligible');
  });
});
