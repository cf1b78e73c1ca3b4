import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  cut,
  optimiseStaffing,
  type StaffingInput,
  type StaffingOffice,
  waitAfterHorizon,
} from './staffing.ts';
import { bruteForceStaffing } from './staffing-brute-force.ts';

const SEED = 20261206;

/** Offices with small integer data so that ties, zero waits, caps, ramps and empty offices all occur. */
const office = fc
  .record({
    backlog: fc.integer({ min: 0, max: 600 }),
    arrivalsPerWeek: fc.integer({ min: 0, max: 80 }),
    completionsPerFtePerWeek: fc.constantFrom(1, 2.5, 4, 5, 8),
    fte: fc.integer({ min: 0, max: 12 }),
    maxExtra: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    rampWeeks: fc.option(fc.constantFrom(0, 8, 26, 40), { nil: undefined }),
  })
  .map((o) => (o.fte === 0 && o.maxExtra === 0 ? { ...o, fte: 1 } : o));

const instance = fc.record({
  offices: fc
    .array(office, { minLength: 1, maxLength: 5 })
    .map((list) => list.map((o, i): StaffingOffice => ({ ...o, id: `office-${list.length - i}` }))),
  extra: fc.integer({ min: 0, max: 8 }),
  horizonWeeks: fc.constantFrom(0, 4, 13, 26, 52),
  weights: fc.constantFrom('arrivals' as const, 'equal' as const),
});

const same = (a: number, b: number) =>
  a === b || (Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));

describe('staffing: greedy against brute force (goal G5)', () => {
  it('on 1 000 random instances (N ≤ 5, K ≤ 8) the greedy reaches the brute-force optimum for both objectives', () => {
    fc.assert(
      fc.property(instance, (model) => {
        for (const objective of ['minimax', 'weightedMean'] as const) {
          const input: StaffingInput = { ...model, objective };
          const plan = optimiseStaffing(input);
          assert.ok(plan.ok, JSON.stringify(plan));
          const value = objective === 'minimax' ? plan.worstAfter : plan.weightedMeanAfter;
          const best = bruteForceStaffing(input).best;
          assert.ok(same(value, best), `${objective}: greedy ${value}, brute force ${best}`);
          const placed = plan.allocation.reduce((sum, a) => sum + a.extra, 0);
          assert.equal(placed + plan.unallocated, model.extra);
          assert.equal(plan.steps.length, placed);
          plan.allocation.forEach((a, i) => {
            const o = model.offices[i] as StaffingOffice;
            assert.ok(a.extra <= (o.maxExtra ?? model.extra));
            // FTE are left over only when no office could use one more.
            const useful =
              a.extra < (o.maxExtra ?? model.extra) &&
              cut(
                waitAfterHorizon(o, a.extra, model.horizonWeeks),
                waitAfterHorizon(o, a.extra + 1, model.horizonWeeks),
              ) > 0;
            const weighted = objective === 'minimax' || model.weights === 'equal' || o.arrivalsPerWeek > 0;
            if (plan.unallocated > 0) assert.ok(!(useful && weighted), `${o.id} could use more`);
          });
        }
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('the fluid wait is non-increasing and convex in the extra FTE, with and without ramp-up (memo §3.7)', () => {
    fc.assert(
      fc.property(office, fc.constantFrom(0, 4, 13, 26, 52), (o, T) => {
        const f = Array.from({ length: 10 }, (_, x) => waitAfterHorizon({ ...o, id: 'x' }, x, T));
        for (let x = 0; x + 2 < f.length; x++) {
          const [a, b, c] = [f[x] as number, f[x + 1] as number, f[x + 2] as number];
          assert.ok(b <= a, `not non-increasing at ${x}: ${f}`);
          if (Number.isFinite(a))
            assert.ok(a - b >= b - c - 1e-9 * Math.max(1, a), `not convex at ${x}: ${f}`);
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
