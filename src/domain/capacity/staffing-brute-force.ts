/**
 * Test helper: exhaustive search over all integer allocations of the staffing optimiser (memo §5.9 cases 4–5,
 * goal G5 "equal to brute force"). Enumerates every allocation that places min(K, Σ caps) FTE with each office
 * at most min(maxExtra, K); because every f_i is non-increasing, placing fewer FTE is never better, so these
 * allocations hold the optimum. Exponential: only for small N and K.
 */
import {
  DEFAULT_STAFFING_WEIGHTS,
  type StaffingInput,
  type StaffingObjective,
  waitAfterHorizon,
  weightedMean,
} from './staffing.ts';

export type BruteForceOutcome = {
  /** Number of allocations looked at (C(K+N−1, N−1) without caps). */
  count: number;
  /** Best objective value. */
  best: number;
  /** Every allocation reaching `best` (within a relative 1e-12), as extra FTE per office in input order. */
  optima: number[][];
};

export function bruteForceStaffing(input: StaffingInput): BruteForceOutcome {
  const { offices, extra: K, horizonWeeks: T } = input;
  const weights = input.weights ?? DEFAULT_STAFFING_WEIGHTS;
  const caps = offices.map((o) => Math.min(o.maxExtra ?? K, K));
  const total = Math.min(
    K,
    caps.reduce((a, b) => a + b, 0),
  );
  const waits = offices.map((o, i) =>
    Array.from({ length: (caps[i] ?? 0) + 1 }, (_, x) => waitAfterHorizon(o, x, T)),
  );
  const value = (objective: StaffingObjective, x: number[]) => {
    const after = x.map((xi, i) => waits[i]?.[xi] ?? Number.NaN);
    return objective === 'minimax' ? Math.max(0, ...after) : weightedMean(offices, after, weights);
  };
  const outcome: BruteForceOutcome = { count: 0, best: Number.POSITIVE_INFINITY, optima: [] };
  const close = (a: number, b: number) =>
    a === b || (Number.isFinite(b) && Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)));
  const x = offices.map(() => 0);
  const visit = (i: number, left: number) => {
    if (i === offices.length - 1) {
      if (left > (caps[i] ?? 0)) return;
      x[i] = left;
      outcome.count++;
      const v = value(input.objective, x);
      if (close(v, outcome.best)) outcome.optima.push([...x]);
      else if (v < outcome.best) {
        outcome.best = v;
        outcome.optima = [[...x]];
      }
      return;
    }
    for (let xi = 0; xi <= Math.min(left, caps[i] ?? 0); xi++) {
      x[i] = xi;
      visit(i + 1, left - xi);
    }
  };
  visit(0, total);
  return outcome;
}
