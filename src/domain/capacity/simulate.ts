/**
 * Seeded week-step Monte Carlo of the wait of a newcomer under FIFO: memo §3.5, §5.5 and test case 10 (last
 * line) of §5.9 (`/work/shared/research/capacity-appointments.md`).
 *
 * Each path draws weekly arrivals (fixed, Poisson or negative binomial) and capacity (fixed, or staff each
 * present with a probability), runs the fluid recursion of `fluid.ts` up to the newcomer's week and then
 * serves positions in order. The result is P10/P50/P80/P90 of the offset in weeks (nearest rank over paths).
 * With zero variance every path gives the fluid answer. Same seed ⇒ same result.
 */
import { createRandom, type Random } from '../law/generate.ts';
import { nearestRankPercentile } from './estimators.ts';
import { type Series, valueAt } from './fluid.ts';

/** Paths per simulation unless the caller says otherwise (memo §5.5: 1,000). */
export const DEFAULT_PATHS = 1000;
/** A path whose newcomer is not served within this many weeks counts as "not served" (P = null). */
export const SIMULATION_HORIZON_WEEKS = 520;

export type ArrivalModel =
  | { readonly kind: 'fixed'; readonly perWeek: Series }
  | { readonly kind: 'poisson'; readonly mean: number }
  | { readonly kind: 'negative-binomial'; readonly mean: number; readonly variance: number };

export type CapacityModel =
  | { readonly kind: 'fixed'; readonly perWeek: Series }
  /** `staff` people, each present in a week with probability `presence`, each completing `casesPerStaff`. */
  | {
      readonly kind: 'staff';
      readonly staff: number;
      readonly casesPerStaff: number;
      readonly presence: number;
    };

export type SimulationInput = {
  readonly initialBacklog: number;
  readonly arrivals: ArrivalModel;
  readonly capacity: CapacityModel;
  /** The newcomer's week (0 = this week). */
  readonly week?: number;
  /**
   * Where the newcomer stands among the arrivals of its week: 'first' (test case 1) or 'random' (a person
   * whose file became complete this week, uniform among that week's arrivals).
   */
  readonly position?: 'first' | 'random';
  readonly paths?: number;
  readonly seed: number;
};

export type WaitBand = {
  readonly p10: number | null;
  readonly p50: number | null;
  readonly p80: number | null;
  readonly p90: number | null;
  readonly paths: number;
};

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 for x > 0.
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0] ?? 0;
  for (let i = 1; i < 9; i++) sum += (c[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Poisson draw: inversion for small means, Hörmann's PTRS transformed rejection otherwise. */
export function drawPoisson(r: Random, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean < 10) {
    const limit = Math.exp(-mean);
    let k = 0;
    let product = r.next();
    while (product > limit) {
      k++;
      product *= r.next();
    }
    return k;
  }
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = r.next() - 0.5;
    const v = r.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (
      Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <=
      -mean + k * logMean - logGamma(k + 1)
    ) {
      return k;
    }
  }
}

function drawNormal(r: Random): number {
  const u = 1 - r.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.next());
}

/** Gamma(shape, scale 1) draw, Marsaglia–Tsang. */
function drawGamma(r: Random, shape: number): number {
  if (shape < 1) return drawGamma(r, shape + 1) * (1 - r.next()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = drawNormal(r);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = 1 - r.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Negative binomial with the given mean and variance (> mean) as a gamma–Poisson mixture. */
export function drawNegativeBinomial(r: Random, mean: number, variance: number): number {
  if (!(variance > mean)) return drawPoisson(r, mean);
  const shape = (mean * mean) / (variance - mean);
  return drawPoisson(r, drawGamma(r, shape) * (mean / shape));
}

function drawArrivals(r: Random, model: ArrivalModel, week: number): number {
  if (model.kind === 'fixed') return valueAt(model.perWeek, week);
  if (model.kind === 'poisson') return drawPoisson(r, model.mean);
  return drawNegativeBinomial(r, model.mean, model.variance);
}

type CapacitySampler = (r: Random, week: number) => number;

/** Capacity per week; present staff ~ Binomial(staff, presence), drawn by inversion of its CDF (one uniform). */
function capacitySampler(model: CapacityModel): CapacitySampler {
  if (model.kind === 'fixed') return (_r, week) => Math.max(0, valueAt(model.perWeek, week));
  const staff = Math.max(0, Math.floor(model.staff));
  const p = Math.min(1, Math.max(0, model.presence));
  if (p === 0 || p === 1) return () => p * staff * model.casesPerStaff;
  const cdf: number[] = [];
  let total = 0;
  for (let k = 0; k <= staff; k++) {
    const logChoose = logGamma(staff + 1) - logGamma(k + 1) - logGamma(staff - k + 1);
    total += Math.exp(logChoose + k * Math.log(p) + (staff - k) * Math.log(1 - p));
    cdf.push(total);
  }
  return (r) => {
    const u = r.next() * total;
    let low = 0;
    let high = staff;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cdf[middle] ?? total) > u) high = middle;
      else low = middle + 1;
    }
    return low * model.casesPerStaff;
  };
}

/** One path: the newcomer's offset in weeks, or Infinity when not served within the horizon. */
function onePath(r: Random, input: SimulationInput, capacity: CapacitySampler, week: number): number {
  let backlog = input.initialBacklog;
  for (let t = 0; t < week; t++) {
    backlog = Math.max(0, backlog + drawArrivals(r, input.arrivals, t) - capacity(r, t));
  }
  let j = 1;
  if (input.position === 'random') {
    const arrivals = drawArrivals(r, input.arrivals, week);
    j = arrivals >= 1 ? 1 + Math.floor(r.next() * arrivals) : 1;
  }
  const position = backlog + j;
  let cumulative = 0;
  for (let k = 0; k < SIMULATION_HORIZON_WEEKS; k++) {
    cumulative += capacity(r, week + k);
    if (cumulative >= position) return k;
  }
  return Number.POSITIVE_INFINITY;
}

function finite(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : value;
}

/**
 * The simulated offsets (weeks) of every path, sorted ascending; `Infinity` for a path whose newcomer is not
 * served within `SIMULATION_HORIZON_WEEKS`. This is the forecast distribution (e.g. for back-test scoring).
 */
export function simulateOffsets(input: SimulationInput): number[] {
  const paths = Math.max(1, Math.floor(input.paths ?? DEFAULT_PATHS));
  const week = Math.max(0, Math.floor(input.week ?? 0));
  const r = createRandom(input.seed);
  const offsets: number[] = [];
  const capacity = capacitySampler(input.capacity);
  for (let i = 0; i < paths; i++) offsets.push(onePath(r, input, capacity, week));
  return offsets.sort((a, b) => a - b);
}

/** P10/P50/P80/P90 (nearest rank) of simulated offsets; `null` where the percentile is "not served". */
export function waitBand(offsets: readonly number[]): WaitBand {
  const at = (p: number) => finite(nearestRankPercentile(offsets, p));
  return { p10: at(0.1), p50: at(0.5), p80: at(0.8), p90: at(0.9), paths: offsets.length };
}

/** Runs the simulation and returns the P10/P50/P80/P90 offsets in weeks (null: not served in the horizon). */
export function simulateWait(input: SimulationInput): WaitBand {
  return waitBand(simulateOffsets(input));
}
