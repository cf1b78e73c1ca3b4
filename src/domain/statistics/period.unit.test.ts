import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, fromDayNumber, toDayNumber } from '../calendar.ts';
import { isoWeekMonday, mondayOf, parsePeriod } from './period.ts';

const AS_OF = '2026-12-07';
const ok = (from: string, to: string) => {
  const r = parsePeriod({ from, to }, AS_OF);
  assert.ok(r.ok, `${from}..${to}: ${JSON.stringify(r)}`);
  return r.period;
};
const problems = (from: string, to: string) => {
  const r = parsePeriod({ from, to }, AS_OF);
  assert.equal(r.ok, false, `${from}..${to}`);
  return r.ok ? [] : r.problems.map((p) => `${p.field}:${p.rule}`);
};

describe('statistics report period', () => {
  it('reads ISO weeks: week 1 holds 4 January, week 53 only in long years', () => {
    assert.equal(isoWeekMonday(2026, 1), '2025-12-29');
    assert.equal(isoWeekMonday(2026, 10), '2026-03-02');
    assert.equal(isoWeekMonday(2020, 53), '2020-12-28');
    assert.equal(isoWeekMonday(2021, 53), null);
    assert.equal(isoWeekMonday(2026, 53), '2026-12-28');
    assert.equal(isoWeekMonday(2025, 0), null);
    assert.equal(isoWeekMonday(0, 1), null);
  });

  it('takes days and weeks, and covers the whole weeks the period touches', () => {
    assert.deepEqual(ok('2026-03-04', '2026-03-20'), {
      from: '2026-03-04',
      to: '2026-03-20',
      weeksFrom: '2026-03-02',
      weeksTo: '2026-03-22',
    });
    assert.deepEqual(ok('2026-W10', '2026w11'), {
      from: '2026-03-02',
      to: '2026-03-15',
      weeksFrom: '2026-03-02',
      weeksTo: '2026-03-15',
    });
    // The current week ends on the as-of day.
    assert.equal(ok('2026-W40', '2026-W50').to, AS_OF);
    assert.equal(ok('2026-12-01', AS_OF).weeksTo, AS_OF);
  });

  it('names the field and rule of a bad period', () => {
    assert.deepEqual(problems('2026-13-01', '2026-W60'), ['from:format', 'to:format']);
    assert.deepEqual(problems('2026-03-10', '2026-03-09'), ['to:order']);
    assert.deepEqual(problems('2023-01-01', '2026-01-01'), ['to:max-length']);
    assert.deepEqual(problems('2026-12-08', '2026-12-09'), ['from:after-as-of', 'to:after-as-of']);
    assert.deepEqual(problems('', 'x'), ['from:format', 'to:format']);
    assert.deepEqual(problems('0000-W01', '0001-W01'), ['from:format', 'to:format']);
    assert.deepEqual(problems('1999-12-31', '1999-W52'), ['from:too-early', 'to:too-early']);
    ok('2023-01-02', '2026-01-01');
  });

  it('Mondays: every day lies in the week of its Monday, the Monday of a week 1 is near 4 January', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20000, max: 40000 }), (n) => {
        const day = fromDayNumber(n);
        const monday = mondayOf(day);
        const diff = toDayNumber(day) - toDayNumber(monday);
        assert.ok(diff >= 0 && diff < 7);
        assert.equal(mondayOf(addDays(monday, 6)), monday);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1971, max: 2200 }), (year) => {
        const m = isoWeekMonday(year, 1) as string;
        const d = toDayNumber(`${year}-01-04`) - toDayNumber(m);
        assert.ok(d >= 0 && d < 7);
      }),
    );
  });
});
