import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createRandom } from '../law/generate.ts';
import { drawNegativeBinomial, drawPoisson, type SimulationInput, simulateWait } from './simulate.ts';

const seed = 20261206;

describe('seeded wait simulation (memo §3.5)', () => {
  it('test case 10: with zero variance P10 = P50 = P90 = the fluid answer of test case 1 (5 weeks)', () => {
    const band = simulateWait({
      initialBacklog: 100,
      arrivals: { kind: 'fixed', perWeek: 50 },
      capacity: { kind: 'fixed', perWeek: 40 },
      week: 10,
      seed: 1,
    });
    assert.deepEqual(band, { p10: 5, p50: 5, p80: 5, p90: 5, paths: 1000 });
  });

  it('with zero variance and C = 45 from week 10 every path gives 4 weeks', () => {
    const band = simulateWait({
      initialBacklog: 100,
      arrivals: { kind: 'fixed', perWeek: 50 },
      capacity: { kind: 'fixed', perWeek: [...Array(10).fill(40), 45] },
      week: 10,
      paths: 50,
      seed: 1,
    });
    assert.deepEqual(band, { p10: 4, p50: 4, p80: 4, p90: 4, paths: 50 });
  });

  it('the memo §3.5 illustration (B0 200, Poisson 40, 8 × 5 at 90 %) centres on the fluid 6 weeks', () => {
    const band = simulateWait({
      initialBacklog: 200,
      arrivals: { kind: 'poisson', mean: 40 },
      capacity: { kind: 'staff', staff: 8, casesPerStaff: 5, presence: 0.9 },
      week: 12,
      paths: 2000,
      seed: 1,
    });
    assert.equal(band.p50, 6);
    assert.ok(band.p10 !== null && band.p10 >= 4 && band.p90 !== null && band.p90 <= 8);
  });

  it('a newcomer never served within the horizon gives null percentiles, not a number', () => {
    const band = simulateWait({
      initialBacklog: 10,
      arrivals: { kind: 'fixed', perWeek: 0 },
      capacity: { kind: 'fixed', perWeek: 0 },
      paths: 5,
      seed: 1,
    });
    assert.deepEqual(band, { p10: null, p50: null, p80: null, p90: null, paths: 5 });
  });

  it('Poisson and negative-binomial draws have the requested mean and variance', () => {
    const r = createRandom(seed);
    const stats = (draw: () => number) => {
      const xs = Array.from({ length: 20000 }, draw);
      const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
      return { mean, variance: xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1) };
    };
    for (const mean of [3, 40, 300]) {
      const s = stats(() => drawPoisson(r, mean));
      assert.ok(Math.abs(s.mean - mean) < 0.05 * mean, `Poisson(${mean}) mean ${s.mean}`);
      assert.ok(Math.abs(s.variance - mean) < 0.1 * mean, `Poisson(${mean}) variance ${s.variance}`);
    }
    const nb = stats(() => drawNegativeBinomial(r, 40, 120));
    assert.ok(Math.abs(nb.mean - 40) < 2 && Math.abs(nb.variance - 120) < 15, JSON.stringify(nb));
  });

  const inputs = fc.record({
    initialBacklog: fc.integer({ min: 0, max: 400 }),
    arrivals: fc.oneof(
      fc.record({ kind: fc.constant('poisson' as const), mean: fc.double({ min: 0, max: 80, noNaN: true }) }),
      fc.record({ kind: fc.constant('fixed' as const), perWeek: fc.integer({ min: 0, max: 80 }) }),
    ),
    capacity: fc.record({
      kind: fc.constant('staff' as const),
      staff: fc.integer({ min: 1, max: 12 }),
      casesPerStaff: fc.integer({ min: 1, max: 8 }),
      presence: fc.double({ min: 0.5, max: 1, noNaN: true }),
    }),
    week: fc.integer({ min: 0, max: 6 }),
    position: fc.constantFrom('first' as const, 'random' as const),
    paths: fc.integer({ min: 1, max: 60 }),
    seed: fc.integer(),
  });

  it('property: the percentiles are ordered P10 ≤ P50 ≤ P80 ≤ P90', () => {
    fc.assert(
      fc.property(inputs, (input: SimulationInput) => {
        const { p10, p50, p80, p90 } = simulateWait(input);
        const values = [p10, p50, p80, p90].map((x) => x ?? Number.POSITIVE_INFINITY);
        for (let i = 1; i < values.length; i++) assert.ok((values[i - 1] ?? 0) <= (values[i] ?? 0));
      }),
      { seed, numRuns: 100 },
    );
  });

  it('property: the same seed gives the same result', () => {
    fc.assert(
      fc.property(inputs, (input: SimulationInput) => {
        assert.deepEqual(simulateWait(input), simulateWait({ ...input }));
      }),
      { seed, numRuns: 100 },
    );
  });
});
