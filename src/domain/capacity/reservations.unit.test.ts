import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { appointmentPolicyOn } from './appointment-policy.ts';
import { chooseHolds, heldPerWeek, poissonQuantile, releaseTime, weeklyCounts } from './reservations.ts';

const rule = appointmentPolicyOn('2026-12-07').reservation;

function poissonCdf(mean: number, k: number): number {
  let pmf = Math.exp(-mean);
  let cdf = pmf;
  for (let i = 1; i <= k; i++) {
    pmf *= mean / i;
    cdf += pmf;
  }
  return cdf;
}

describe('reservations for § 81a arrivals (memo § 5.3 step 2)', () => {
  it('publishes the P90 of 8 weeks for the § 81a class, released 72 hours before, with its source', () => {
    assert.equal(rule.forClass, 'statutory-deadline');
    assert.equal(rule.percentile, 0.9);
    assert.equal(rule.historyWeeks, 8);
    assert.equal(rule.releaseHoursBefore, 72);
    assert.match(rule.source, /§ 5\.3 step 2/);
    assert.match(rule.source, /our policy proposal/);
  });

  it('takes the Poisson P90: 2 at a mean of 1, 4 at a mean of 2, 0 at a mean of 0', () => {
    assert.equal(poissonQuantile(1, 0.9), 2); // P(X ≤ 1) = 0.736, P(X ≤ 2) = 0.920
    assert.equal(poissonQuantile(2, 0.9), 4); // P(X ≤ 3) = 0.857, P(X ≤ 4) = 0.947
    assert.equal(poissonQuantile(0, 0.9), 0);
    assert.equal(poissonQuantile(0.05, 0.9), 0);
  });

  it('gives the smallest k whose Poisson distribution function reaches p (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 200, noNaN: true }), (mean) => {
        const k = poissonQuantile(mean, 0.9);
        assert.ok(poissonCdf(mean, k) >= 0.9 - 1e-12);
        if (k > 0) assert.ok(poissonCdf(mean, k - 1) < 0.9);
      }),
    );
  });

  it('grows with the mean (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 400, noNaN: true }),
        fc.double({ min: 0, max: 400, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          assert.ok(poissonQuantile(lo, 0.9) <= poissonQuantile(hi, 0.9));
        },
      ),
    );
  });

  it('holds nothing without § 81a requests in the history', () => {
    assert.equal(heldPerWeek([], rule), 0);
    assert.equal(heldPerWeek([0, 0, 0, 0, 0, 0, 0, 0], rule), 0);
  });

  it('holds the P90 of the weighted weekly mean: one a week → 2 held', () => {
    assert.equal(heldPerWeek([1, 1, 1, 1, 1, 1, 1, 1], rule), 2);
    assert.ok(heldPerWeek([0, 0, 0, 0, 0, 0, 0, 5], rule) > heldPerWeek([5, 0, 0, 0, 0, 0, 0, 0], rule));
  });

  it('counts arrivals in the seven-day weeks up to now, oldest first', () => {
    const now = '2026-12-07T12:00:00Z';
    assert.deepEqual(
      weeklyCounts(
        ['2026-12-07T11:00:00Z', '2026-12-01T13:00:00Z', '2026-11-30T12:00:00Z', '2026-10-01T00:00:00Z'],
        now,
        3,
      ),
      [0, 1, 2],
    );
  });

  it('holds the latest slots of each week whose release is still ahead, released 72 hours before', () => {
    const now = '2026-12-07T08:00:00Z'; // Monday
    const slots = [
      { id: 'a', start: '2026-12-08T09:00:00Z', day: '2026-12-08' }, // release before now: not held
      { id: 'b', start: '2026-12-10T09:00:00Z', day: '2026-12-10' },
      { id: 'c', start: '2026-12-11T09:00:00Z', day: '2026-12-11' },
      { id: 'd', start: '2026-12-14T09:00:00Z', day: '2026-12-14' },
      { id: 'e', start: '2026-12-15T09:00:00Z', day: '2026-12-15' },
    ];
    assert.deepEqual(chooseHolds(slots, 1, now, rule), [
      { slotId: 'c', releaseReservedAt: '2026-12-08T09:00:00.000Z' },
      { slotId: 'e', releaseReservedAt: '2026-12-12T09:00:00.000Z' },
    ]);
    assert.deepEqual(
      chooseHolds(slots, 5, now, rule).map((h) => h.slotId),
      ['c', 'b', 'e', 'd'],
    );
    assert.deepEqual(chooseHolds(slots, 0, now, rule), []);
    assert.equal(releaseTime('2026-12-10T09:00:00Z', rule), '2026-12-07T09:00:00.000Z');
  });
});
