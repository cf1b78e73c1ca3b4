import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { caseHistoryOf } from './waiting-backtest.ts';

const org = '00000000-0000-4000-8000-000000000001';
const c = (filed: string | null, decided: string | null = null, withdrawn: string | null = null) => ({
  organisationId: org,
  kind: 'recognition' as const,
  filed,
  decided,
  withdrawn,
});

describe('an office’s cases as a weekly history for the back-test', () => {
  it('weeks end on asOf; earlier filings keep negative weeks; withdrawn and future cases are left out', () => {
    const h = caseHistoryOf(
      [
        c('2026-12-07', '2026-12-07'), // filed and decided in the last week (3)
        c('2026-11-24', '2026-12-01'), // week 2 (24–30 Nov) → week 3
        c('2026-11-10', null), // before week 0 (four weeks end on 7 Dec: week 0 starts 10 Nov)
        c('2026-11-09', '2026-11-30'), // week −1 → week 2
        c('2026-11-20', null, '2026-11-25'), // withdrawn: left out
        c('2026-11-20', '2026-12-08'), // decided after asOf: still open
        c('2026-12-08'), // filed after asOf
        c(null),
      ],
      '2026-12-07',
      4,
    );
    assert.equal(h.weeks, 4);
    assert.deepEqual(
      h.cases.map((x) => [x.readyWeek, x.servedWeek]),
      [
        [3, 3],
        [2, 3],
        [0, null],
        [-1, 2],
        [1, null],
      ],
    );
    assert.deepEqual(h.arrivals, [1, 1, 1, 1]);
    assert.deepEqual(h.completions, [0, 0, 1, 2]);
    assert.deepEqual(h.capacity, h.completions);
  });
});
