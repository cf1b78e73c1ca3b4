import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type CapacityUseInput,
  expectedCapacityUse,
  silentShareNeeded,
  simulateCapacityUse,
} from './capacity-use.ts';

/** Memo § 2.8: 15 % no-shows; two 12-hour offers before short notice; behaviour shares are assumptions. */
const g8: CapacityUseInput = {
  noShowRate: 0.15,
  reconfirmation: true,
  confirmAnyway: 0.1,
  forgetRate: 0.02,
  refillAttempts: 2,
  acceptRate: 0.8,
};

describe('capacity used with no-shows, reconfirmation and the cascade (memo G8)', () => {
  it('uses 85 % without reconfirmation at a 15 % no-show rate', () => {
    assert.equal(expectedCapacityUse({ ...g8, reconfirmation: false }), 0.85);
  });

  it('reaches 95.7032 % when 9 in 10 would-be no-shows leave it unconfirmed (G8 met)', () => {
    // 0.85·0.98 + (0.85·0.02 + 0.15·0.9)·(1 − 0.2²)·0.85
    assert.ok(Math.abs(expectedCapacityUse(g8) - 0.957032) < 1e-12);
  });

  it('misses G8 when only 7 in 10 leave it unconfirmed: 93.26 %', () => {
    assert.ok(Math.abs(expectedCapacityUse({ ...g8, confirmAnyway: 0.3 }) - 0.932552) < 1e-12);
  });

  it('names the share of silent no-shows G8 needs: 84.25 %, and null when no share suffices', () => {
    const needed = silentShareNeeded(g8, 0.95);
    assert.ok(needed !== null && Math.abs(needed - 0.842549) < 1e-6);
    assert.equal(silentShareNeeded({ ...g8, acceptRate: 0.1, refillAttempts: 1 }, 0.95), null);
  });

  it('agrees with the seeded simulation of 100 000 appointments, and replays', () => {
    const run = simulateCapacityUse(g8, 100_000, 8);
    assert.ok(Math.abs(run.used - 0.957032) < 0.004, String(run.used));
    assert.ok(Math.abs(run.released / run.appointments - 0.152) < 0.004);
    assert.deepEqual(simulateCapacityUse(g8, 100_000, 8), run);
    assert.equal(simulateCapacityUse(g8, 0, 1).used, 0);
  });
});
