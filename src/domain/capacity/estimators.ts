/**
 * Estimators of waits and inputs from observed data: memo §3.6, §3.8, §5.5 and test case 10 of §5.9
 * (`/work/shared/research/capacity-appointments.md`).
 *
 * - Nearest-rank percentile: the `ceil(p·n)`-th smallest value.
 * - Kaplan–Meier survival for right-censored waits (people still waiting), with exact fractions while the
 *   numbers stay small, and its median / quantiles.
 * - Weekly arrival rate as an exponentially weighted average of the last 8 weeks; completions per FTE-week
 *   over the last 12 weeks; Poisson or negative-binomial noise (variance > 1.5 × mean).
 */

/** Weeks of history the arrival rate looks at (memo §5.5). */
export const ARRIVAL_WINDOW_WEEKS = 8;
/** Weight of the newest week in the exponentially weighted arrival rate; older weeks decay by (1 − w). */
export const ARRIVAL_EWMA_WEIGHT = 0.3;
/** Weeks of history for completions per FTE (memo §3.6, "rolling 12 weeks"). */
export const PRODUCTIVITY_WINDOW_WEEKS = 12;
/** Negative binomial instead of Poisson when the weekly variance exceeds the mean by more than 50 % (§5.5). */
export const OVERDISPERSION_RATIO = 1.5;

/** The `ceil(p·n)`-th smallest value (p in [0, 1]); `null` for no values. */
export function nearestRankPercentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] ?? null;
}

export type SurvivalStep = {
  readonly time: number;
  /** Still at risk just before `time` (waiting ≥ time). */
  readonly atRisk: number;
  /** Served at `time`. */
  readonly events: number;
  /** S(time): estimated share still waiting after `time`. */
  readonly survival: number;
};

export type KaplanMeier = {
  /** One step per distinct time with at least one event, in time order. */
  readonly steps: readonly SurvivalStep[];
  /** Smallest time with S ≤ 0.5; `null` when the curve never gets there (too much censoring). */
  readonly median: number | null;
};

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Kaplan–Meier estimator. `events[i]` is 1 (or true) when case i was served at `times[i]`, 0 when it was
 * still waiting at `times[i]` (censored). Censored cases count as at risk at their own time.
 */
export function kaplanMeier(times: readonly number[], events: readonly (number | boolean)[]): KaplanMeier {
  const cases = times
    .map((time, i) => ({ time, served: Boolean(events[i]) }))
    .sort((a, b) => a.time - b.time);
  const steps: SurvivalStep[] = [];
  let atRisk = cases.length;
  let numerator = 1n;
  let denominator = 1n;
  let float = 1;
  for (let i = 0; i < cases.length; ) {
    const time = cases[i]?.time ?? 0;
    let served = 0;
    let leaving = 0;
    while (i < cases.length && cases[i]?.time === time) {
      if (cases[i]?.served) served++;
      leaving++;
      i++;
    }
    if (served > 0) {
      numerator *= BigInt(atRisk - served);
      denominator *= BigInt(atRisk);
      const divisor = gcd(numerator, denominator) || 1n;
      numerator /= divisor;
      denominator /= divisor;
      float *= (atRisk - served) / atRisk;
      const exact = numerator <= SAFE && denominator <= SAFE;
      steps.push({
        time,
        atRisk,
        events: served,
        survival: exact ? Number(numerator) / Number(denominator) : float,
      });
    }
    atRisk -= leaving;
  }
  return { steps, median: survivalQuantile({ steps }, 0.5) };
}

/** Smallest time t with `1 − S(t) ≥ p` (the p-quantile of the wait); `null` when not reached. */
export function survivalQuantile(km: { readonly steps: readonly SurvivalStep[] }, p: number): number | null {
  const step = km.steps.find((s) => s.survival <= 1 - p + 1e-12);
  return step ? step.time : null;
}

/** `S(t)`: the estimated share still waiting after time t (1 before the first event). */
export function survivalAt(km: { readonly steps: readonly SurvivalStep[] }, t: number): number {
  let survival = 1;
  for (const step of km.steps) {
    if (step.time > t) break;
    survival = step.survival;
  }
  return survival;
}

/**
 * Weekly arrival rate: exponentially weighted average of the last `window` weeks (newest last in `weekly`),
 * weight `w·(1 − w)^age` normalised to sum 1. `null` without history.
 */
export function weeklyArrivalRate(
  weekly: readonly number[],
  window = ARRIVAL_WINDOW_WEEKS,
  weight = ARRIVAL_EWMA_WEIGHT,
): number | null {
  const recent = weekly.slice(-window);
  if (recent.length === 0) return null;
  if (recent.every((x) => x === recent[0])) return recent[0] ?? null;
  let sum = 0;
  let total = 0;
  recent.forEach((count, i) => {
    const w = (1 - weight) ** (recent.length - 1 - i);
    sum += w * count;
    total += w;
  });
  return sum / total;
}

/**
 * Completions per available FTE-week over the last `window` weeks: `Σ completions / Σ FTE`. `fte` is one
 * value per week (aligned with `completions`) or a constant. `null` when no FTE-weeks were available.
 */
export function completionsPerFte(
  completions: readonly number[],
  fte: number | readonly number[],
  window = PRODUCTIVITY_WINDOW_WEEKS,
): number | null {
  const start = Math.max(0, completions.length - window);
  let done = 0;
  let fteWeeks = 0;
  for (let i = start; i < completions.length; i++) {
    done += completions[i] ?? 0;
    fteWeeks += typeof fte === 'number' ? fte : (fte[i] ?? 0);
  }
  return fteWeeks > 0 ? done / fteWeeks : null;
}

export type CountNoise =
  | { readonly kind: 'poisson'; readonly mean: number }
  | { readonly kind: 'negative-binomial'; readonly mean: number; readonly variance: number };

/** Mean and sample variance (n − 1) of weekly counts. */
export function meanAndVariance(values: readonly number[]): { mean: number; variance: number } {
  const n = values.length;
  if (n === 0) return { mean: 0, variance: 0 };
  const mean = values.reduce((s, x) => s + x, 0) / n;
  const variance = n < 2 ? 0 : values.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  return { mean, variance };
}

/** Poisson unless the sample variance exceeds `OVERDISPERSION_RATIO × mean` (then negative binomial). */
export function countNoise(weekly: readonly number[], mean?: number): CountNoise {
  const stats = meanAndVariance(weekly);
  const level = mean ?? stats.mean;
  if (stats.mean > 0 && stats.variance > OVERDISPERSION_RATIO * stats.mean) {
    return { kind: 'negative-binomial', mean: level, variance: (stats.variance / stats.mean) * level };
  }
  return { kind: 'poisson', mean: level };
}
