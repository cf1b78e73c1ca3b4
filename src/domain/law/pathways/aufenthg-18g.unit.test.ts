import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildProfile, criterionOf, evaluateOne } from '../testing.ts';

const blueCard = (date: string, salary: number, person = {}, job = {}) =>
  evaluateOne(buildProfile({ date, person, job: { annualSalaryEur: salary, ...job } }), 'aufenthg-18g');

// Non-shortage occupation (marketing, ISCO 2431), degree older than 3 years.
const NON_SHORTAGE = { isco08: '2431' };

describe('aufenthg-18g Blue Card: general threshold, both sides to the cent', () => {
  const periods: [string, number][] = [
    ['2023-01-01', 58_400],
    ['2023-11-17', 58_400],
    ['2023-11-18', 43_800],
    ['2024-01-01', 45_300],
    ['2025-01-01', 48_300],
    ['2026-01-01', 50_700],
  ];
  for (const [date, threshold] of periods) {
    it(`grants the general Blue Card at exactly ${threshold} € on ${date} without BA approval`, () => {
      const r = blueCard(date, threshold, {}, NON_SHORTAGE);
      assert.equal(r.outcome, 'eligible');
      assert.equal(r.variant, 'general');
      assert.equal(r.baApproval, false);
      assert.equal(criterionOf(r, 'blue-card-salary')?.threshold, threshold);
    });
    it(`refuses a non-shortage Blue Card one cent below ${threshold} € on ${date}`, () => {
      const r = blueCard(date, threshold - 0.01, {}, NON_SHORTAGE);
      assert.equal(r.outcome, 'not-eligible');
      assert.equal(r.variant, undefined);
    });
  }
});

describe('aufenthg-18g Blue Card: reduced threshold for shortage occupations', () => {
  const periods: [string, number, string][] = [
    ['2023-11-17', 45_552, '2144'],
    ['2023-11-18', 39_682.8, '2144'],
    ['2024-01-01', 41_041.8, '2221'],
    ['2025-01-01', 43_759.8, '2144'],
    ['2026-01-01', 45_934.2, '2512'],
  ];
  for (const [date, threshold, isco] of periods) {
    it(`grants the reduced Blue Card at exactly ${threshold} € for ISCO ${isco} on ${date}, with BA approval`, () => {
      const r = blueCard(date, threshold, {}, { isco08: isco });
      assert.equal(r.outcome, 'eligible');
      assert.equal(r.variant, 'reduced-shortage');
      assert.equal(r.baApproval, true);
    });
    it(`refuses the reduced Blue Card one cent below ${threshold} € on ${date}`, () => {
      assert.equal(blueCard(date, threshold - 0.01, {}, { isco08: isco }).outcome, 'not-eligible');
    });
  }

  it('refuses a 2023 reduced Blue Card for nurses (ISCO 222) before 18.11.2023 and grants it from that day', () => {
    assert.equal(blueCard('2023-11-17', 50_000, {}, { isco08: '2221' }).outcome, 'not-eligible');
    assert.equal(blueCard('2023-11-18', 42_000, {}, { isco08: '2221' }).variant, 'reduced-shortage');
  });

  it('grants the reduced Blue Card for every statutory ISCO group and refuses it for others (2026)', () => {
    for (const isco of ['1321', '1330', '1341', '2144', '2211', '2221', '2250', '2261', '2341', '2512']) {
      assert.equal(blueCard('2026-06-01', 46_000, {}, { isco08: isco }).variant, 'reduced-shortage', isco);
    }
    for (const isco of ['2431', '2411', '3221', '1211']) {
      assert.equal(blueCard('2026-06-01', 46_000, {}, { isco08: isco }).outcome, 'not-eligible', isco);
    }
  });
});

describe('aufenthg-18g Blue Card: career starters', () => {
  const qualification = (completedOn: string) => ({
    qualification: { kind: 'academic' as const, recognitionInGermany: 'equivalent' as const, completedOn },
  });
  it('treats a degree obtained exactly 3 years before the application as a career starter', () => {
    const r = blueCard('2026-03-01', 46_000, qualification('2023-03-01'), NON_SHORTAGE);
    assert.equal(r.variant, 'reduced-career-starter');
    assert.equal(r.baApproval, true);
  });
  it('refuses the career-starter threshold one day after the 3 years', () => {
    assert.equal(
      blueCard('2026-03-01', 46_000, qualification('2023-02-28'), NON_SHORTAGE).outcome,
      'not-eligible',
    );
  });
  it('has no career-starter rule before 18.11.2023', () => {
    assert.equal(
      blueCard('2023-11-17', 50_000, qualification('2023-01-01'), NON_SHORTAGE).outcome,
      'not-eligible',
    );
    assert.equal(
      blueCard('2023-11-18', 50_000, qualification('2023-01-01'), NON_SHORTAGE).variant,
      'general',
    );
  });
  it('needs review when the salary is in the reduced band and the degree date is unknown', () => {
    const r = blueCard(
      '2026-03-01',
      46_000,
      { qualification: { kind: 'academic', recognitionInGermany: 'equivalent' } },
      NON_SHORTAGE,
    );
    assert.equal(r.outcome, 'needs-review');
  });
});

describe('aufenthg-18g Blue Card: other requirements', () => {
  it('needs a job offer of at least 6 months from 18.11.2023', () => {
    assert.equal(blueCard('2026-03-01', 60_000, {}, { contractMonths: 6 }).outcome, 'eligible');
    assert.equal(blueCard('2026-03-01', 60_000, {}, { contractMonths: 5 }).outcome, 'not-eligible');
  });
  it('needs a recognised or comparable degree', () => {
    const vocational = {
      qualification: { kind: 'vocational' as const, recognitionInGermany: 'equivalent' as const },
    };
    assert.equal(blueCard('2026-03-01', 60_000, vocational).outcome, 'not-eligible');
    const pending = {
      qualification: { kind: 'academic' as const, recognitionInGermany: 'pending' as const },
    };
    assert.equal(blueCard('2026-03-01', 60_000, pending).outcome, 'needs-review');
  });
  it('has no published threshold for 2027 and says so instead of guessing', () => {
    const r = blueCard('2027-01-01', 60_000);
    assert.equal(r.outcome, 'needs-review');
    assert.equal(
      criterionOf(r, 'blue-card-salary')?.message.key,
      'law.criterion.blue-card-salary.no-parameter',
    );
  });
  it('cites § 18b Abs. 2 a.F. before 18.11.2023 and § 18g from that day', () => {
    assert.match(
      criterionOf(blueCard('2023-11-17', 60_000), 'blue-card-salary')?.citation ?? '',
      /18b Abs\. 2/,
    );
    assert.match(
      criterionOf(blueCard('2023-11-18', 60_000), 'blue-card-salary')?.citation ?? '',
      /18g Abs\. 1/,
    );
  });
});
