import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  LAST_START_MINUTES,
  localToUtc,
  mondayOf,
  parseClock,
  plannedSlots,
  type WeeklyPattern,
  weekdayOf,
  weeklyCapacity,
} from './slots.ts';

const BERLIN: WeeklyPattern = {
  weekdaySlots: [3, 2, 0, 2, 1],
  firstStart: '09:00',
  slotMinutes: 30,
  timeZone: 'Europe/Berlin',
};

describe('the capacity calendar as appointment times', () => {
  it('knows the weekday and the Monday of a week', () => {
    assert.equal(weekdayOf('2026-12-07'), 0, 'Monday');
    assert.equal(weekdayOf('2026-12-06'), 6, 'Sunday');
    assert.equal(mondayOf('2026-12-10'), '2026-12-07');
    assert.equal(mondayOf('2026-12-07'), '2026-12-07');
  });

  it('turns local times into UTC across daylight saving time', () => {
    assert.equal(localToUtc('2026-12-07', 9 * 60, 'Europe/Berlin'), '2026-12-07T08:00:00.000Z');
    assert.equal(localToUtc('2026-07-06', 9 * 60, 'Europe/Berlin'), '2026-07-06T07:00:00.000Z');
    assert.equal(localToUtc('2026-12-07', 9 * 60, 'Asia/Kolkata'), '2026-12-07T03:30:00.000Z');
    // The Sunday the clocks go forward (29 March 2026): 09:00 is already summer time.
    assert.equal(localToUtc('2026-03-29', 9 * 60, 'Europe/Berlin'), '2026-03-29T07:00:00.000Z');
  });

  it('makes the week’s slots back to back from the first start, none at weekends', () => {
    const slots = plannedSlots(BERLIN, [], '2026-12-07', '2026-12-13');
    assert.deepEqual(
      slots.map((s) => s.startsAt),
      [
        '2026-12-07T08:00:00.000Z',
        '2026-12-07T08:30:00.000Z',
        '2026-12-07T09:00:00.000Z',
        '2026-12-08T08:00:00.000Z',
        '2026-12-08T08:30:00.000Z',
        '2026-12-10T08:00:00.000Z',
        '2026-12-10T08:30:00.000Z',
        '2026-12-11T08:00:00.000Z',
      ],
    );
    assert.equal(weeklyCapacity(BERLIN), 8);
  });

  it('gives a holiday no slots and a day of staff absence fewer, never more than the pattern', () => {
    const slots = plannedSlots(
      BERLIN,
      [
        { day: '2026-12-07', slots: 0 },
        { day: '2026-12-08', slots: 1 },
        { day: '2026-12-11', slots: 9 },
      ],
      '2026-12-07',
      '2026-12-11',
    );
    assert.deepEqual(
      slots.map((s) => s.day),
      ['2026-12-08', '2026-12-10', '2026-12-10', '2026-12-11'],
    );
  });

  it('starts no slot after 22:00 local time and rejects a malformed clock', () => {
    const late = { ...BERLIN, weekdaySlots: [100, 0, 0, 0, 0], firstStart: '21:00', slotMinutes: 20 };
    assert.equal(plannedSlots(late, [], '2026-12-07', '2026-12-07').length, 4);
    assert.equal(weeklyCapacity(late), 4);
    assert.equal(parseClock('24:00'), null);
    assert.equal(parseClock('9:00'), null);
    assert.equal(plannedSlots({ ...BERLIN, firstStart: 'nine' }, [], '2026-12-07', '2026-12-13').length, 0);
  });

  it('never makes two slots at the same time and stays inside the days asked for (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 5, max: 120 }),
        fc.integer({ min: 0, max: 23 * 60 }),
        fc.integer({ min: 0, max: 60 }),
        (weekdaySlots, slotMinutes, start, offset) => {
          const h = String(Math.floor(start / 60)).padStart(2, '0');
          const m = String(start % 60).padStart(2, '0');
          const pattern = { weekdaySlots, slotMinutes, firstStart: `${h}:${m}`, timeZone: 'Europe/Berlin' };
          const from = `2026-${offset < 30 ? '03' : '10'}-${String((offset % 28) + 1).padStart(2, '0')}`;
          const to = `2026-${offset < 30 ? '04' : '11'}-${String((offset % 28) + 1).padStart(2, '0')}`;
          const slots = plannedSlots(pattern, [], from, to);
          assert.equal(new Set(slots.map((s) => s.startsAt)).size, slots.length);
          for (const s of slots) assert.ok(s.day >= from && s.day <= to);
          if (start > LAST_START_MINUTES) assert.equal(slots.length, 0);
        },
      ),
      { seed: 20261206, numRuns: 200 },
    );
  });
});
