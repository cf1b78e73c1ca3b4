import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_OVERBOOKING_RATIO, maxBookings, overbookingRisk } from './overbooking.ts';

describe('memo test case 11: overbooking check', () => {
  it('booking 21 for 20 seats at 85 % shows risks 0.85^21 ≈ 0.0329 of too many shows', () => {
    assert.ok(Math.abs(overbookingRisk(21, 20, 0.85) - 0.85 ** 21) < 1e-12);
    assert.ok(Math.abs(overbookingRisk(21, 20, 0.85) - 0.0329) < 5e-5);
  });

  it('booking 22 risks ≈ 0.1367', () => {
    assert.ok(Math.abs(overbookingRisk(22, 20, 0.85) - 0.1367) < 5e-5);
  });

  it('so with a 5 % risk limit the most bookings for 20 seats is 21', () => {
    assert.equal(maxBookings(20, 0.85, 0.05), 21);
  });
});

describe('overbooking limits', () => {
  it('never overbooks when everyone shows, the risk limit is 0 or the inputs are out of range', () => {
    assert.equal(maxBookings(20, 1, 0.05), 20);
    assert.equal(maxBookings(20, 0.85, 0), 20);
    assert.equal(maxBookings(20, 1.2, 0.05), 20);
    assert.equal(maxBookings(20, Number.NaN, 0.05), 20);
    assert.equal(maxBookings(-3, 0.85, 0.05), 0);
  });

  it('stays within the policy cap even when almost nobody shows', () => {
    assert.equal(maxBookings(20, 0.01, 0.05), 20 * MAX_OVERBOOKING_RATIO);
  });

  it('handles large capacities without underflow', () => {
    const n = maxBookings(2000, 0.85, 0.05);
    assert.ok(n > 2000 && n < 2400);
    assert.ok(overbookingRisk(n, 2000, 0.85) <= 0.05);
    assert.ok(overbookingRisk(n + 1, 2000, 0.85) > 0.05);
  });
});
