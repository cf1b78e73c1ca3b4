import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../../calendar.ts';
import { buildProfile, criterionOf, evaluateOne } from '../testing.ts';

const noDegree = { kind: 'none' as const };
const it7 = (
  date: string,
  experience: { from: string; to: string; isco08?: string }[],
  salary = 46_000,
  isco = '2512',
) =>
  evaluateOne(
    buildProfile({
      date,
      person: { qualification: noDegree, experience },
      job: { annualSalaryEur: salary, isco08: isco },
    }),
    'aufenthg-18g-it',
  );

describe('aufenthg-18g-it Blue Card for IT specialists without a degree', () => {
  it('does not exist before 18.11.2023', () => {
    const r = it7('2023-11-17', [{ from: '2015-01-01', to: '2023-11-01', isco08: '2512' }], 60_000);
    assert.equal(r.outcome, 'not-eligible');
    assert.equal(criterionOf(r, 'in-force')?.message.key, 'law.criterion.in-force.not-yet');
  });
  it('grants it from 18.11.2023 with 3 years of IT experience and the reduced salary', () => {
    const r = it7('2023-11-18', [{ from: '2015-01-01', to: '2023-11-01', isco08: '2512' }], 39_682.8);
    assert.equal(r.outcome, 'eligible');
    assert.equal(r.baApproval, true);
  });
  it('counts experience only within the last 7 years: window start on the day counts, the day before not', () => {
    // 3 years = 3 × 365 covered days; the window starts on 2019-03-01 for an application on 2026-03-01.
    const date = '2026-03-01';
    const exactly = it7(date, [{ from: '2019-03-01', to: addDays('2019-03-01', 1094), isco08: '2512' }]);
    assert.equal(exactly.outcome, 'eligible');
    const shifted = it7(date, [{ from: '2019-02-28', to: addDays('2019-02-28', 1094), isco08: '2512' }]);
    assert.equal(criterionOf(shifted, 'it-experience')?.status, 'unmet');
  });
  it('refuses non-IT experience and leaves experience without an occupation code open', () => {
    assert.equal(
      it7('2026-03-01', [{ from: '2020-01-01', to: '2026-01-01', isco08: '2431' }]).outcome,
      'not-eligible',
    );
    assert.equal(it7('2026-03-01', [{ from: '2020-01-01', to: '2026-01-01' }]).outcome, 'needs-review');
  });
  it('needs an IT occupation (ISCO 133 or 25) and the reduced threshold to the cent', () => {
    const exp = [{ from: '2020-01-01', to: '2026-01-01', isco08: '2512' }];
    assert.equal(it7('2026-03-01', exp, 46_000, '2144').outcome, 'not-eligible');
    assert.equal(it7('2026-03-01', exp, 45_934.2, '1330').outcome, 'eligible');
    assert.equal(it7('2026-03-01', exp, 45_934.19, '1330').outcome, 'not-eligible');
  });
});
