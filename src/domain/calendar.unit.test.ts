import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addDays,
  addMonths,
  addYears,
  ageOn,
  compareDates,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  isWithin,
  monthsBetween,
  parseIsoDate,
  toDayNumber,
} from './calendar.ts';

describe('calendar', () => {
  it('accepts only real ISO calendar dates', () => {
    assert.deepEqual(parseIsoDate('2024-02-29'), { year: 2024, month: 2, day: 29 });
    for (const bad of [
      '2023-02-29',
      '2026-13-01',
      '2026-04-31',
      '2026-1-01',
      '26-01-01',
      '2026-01-01T00:00',
      '',
    ]) {
      assert.equal(parseIsoDate(bad), null, bad);
      assert.equal(isIsoDate(bad), false, bad);
    }
    assert.equal(isIsoDate(20260101), false);
  });

  it('round-trips day numbers across centuries and leap days', () => {
    assert.equal(toDayNumber('1970-01-01'), 0);
    assert.equal(toDayNumber('2000-03-01') - toDayNumber('2000-02-28'), 2);
    assert.equal(toDayNumber('1900-03-01') - toDayNumber('1900-02-28'), 1);
    for (let n = -30000; n < 30000; n += 37) assert.equal(toDayNumber(fromDayNumber(n)), n);
  });

  it('compares dates and tests closed intervals with open bounds', () => {
    assert.ok(compareDates('2023-11-17', '2023-11-18') < 0);
    assert.equal(compareDates('2024-03-01', '2024-03-01'), 0);
    assert.ok(isWithin('2024-03-01', '2024-03-01', null));
    assert.ok(isWithin('2024-02-29', null, '2024-02-29'));
    assert.ok(!isWithin('2024-03-01', null, '2024-02-29'));
  });

  it('adds days, months and years, clamping to the end of the month', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2024-03-01', -1), '2024-02-29');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2023-01-31', 1), '2023-02-28');
    assert.equal(addMonths('2023-11-18', -27), '2021-08-18');
    assert.equal(addMonths('2026-03-01', -1), '2026-02-01');
    assert.equal(addYears('2024-02-29', 1), '2025-02-28');
    assert.equal(addYears('2026-03-01', -5), '2021-03-01');
  });

  it('counts completed months and days', () => {
    assert.equal(monthsBetween('2023-04-01', '2026-04-01'), 36);
    assert.equal(monthsBetween('2023-04-01', '2026-03-31'), 35);
    assert.equal(monthsBetween('2024-01-31', '2024-02-29'), 1);
    assert.equal(monthsBetween('2024-01-31', '2024-02-28'), 0);
    assert.equal(monthsBetween('2026-01-01', '2025-01-01'), 0);
    assert.equal(daysBetween('2025-12-31', '2026-01-01'), 1);
  });

  it('makes a person one year older on the birthday, not the day before', () => {
    assert.equal(ageOn('1981-03-01', '2026-02-28'), 44);
    assert.equal(ageOn('1981-03-01', '2026-03-01'), 45);
    assert.equal(ageOn('1981-03-01', '2026-03-02'), 45);
  });

  it('makes someone born on 29 February older on 1 March in common years', () => {
    assert.equal(ageOn('2000-02-29', '2025-02-28'), 24);
    assert.equal(ageOn('2000-02-29', '2025-03-01'), 25);
    assert.equal(ageOn('2000-02-29', '2024-02-29'), 24);
  });

  it('rejects invalid input loudly', () => {
    assert.throws(() => addDays('2026-02-30', 1), RangeError);
  });
});
