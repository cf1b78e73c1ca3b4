/**
 * Weekly fluid (backlog) model of a FIFO queue, memo §3.2 and test cases 1–2 of §5.9
 * (`/work/shared/research/capacity-appointments.md`).
 *
 * - Recursion `B[t+1] = max(0, B[t] + A[t] − C[t])`, with arrivals and capacity given per week (arrays) or as
 *   constants. An array shorter than the horizon keeps its last value ("from week 10 on: 45").
 * - Wait of a newcomer: the j-th arrival of week t has position `p = B[t] + j` and is served in week `t + k`,
 *   k the smallest integer with `C[t] + … + C[t+k] ≥ p` (constant capacity: `k = ceil(p / C) − 1`).
 * - Drain week, steady-state wait `B / C` when `λ = C`, and the trend. A growing backlog has no finite
 *   steady-state wait: that value is `null`, never a made-up number.
 */

/** A weekly quantity: one value for every week, or one value per week (the last one repeats). */
export type Series = number | readonly number[];

/** Value of a series in week `week` (≥ 0); an empty array counts as 0. */
export function valueAt(series: Series, week: number): number {
  if (typeof series === 'number') return series;
  if (series.length === 0) return 0;
  return series[Math.min(week, series.length - 1)] ?? 0;
}

export type BacklogInput = {
  /** Ready requests not yet served at the start of week 0. */
  readonly initialBacklog: number;
  readonly arrivals: Series;
  readonly capacity: Series;
};

export type BacklogPath = {
  /** `backlog[t]` at the start of week t, for t = 0 … weeks (length weeks + 1). */
  readonly backlog: number[];
  /** Requests served in week t: `min(B[t] + A[t], C[t])` (length weeks). */
  readonly served: number[];
};

/** Runs the recursion for `weeks` weeks. Work is conserved: `B0 + ΣA − Σserved = B[weeks]`. */
export function backlogPath(input: BacklogInput, weeks: number): BacklogPath {
  const backlog = [input.initialBacklog];
  const served: number[] = [];
  let b = input.initialBacklog;
  for (let t = 0; t < weeks; t++) {
    const work = b + valueAt(input.arrivals, t);
    const done = Math.min(work, Math.max(0, valueAt(input.capacity, t)));
    served.push(done);
    b = work - done;
    backlog.push(b);
  }
  return { backlog, served };
}

/**
 * Offset k (in weeks) at which position `position` is served when service starts in week `fromWeek`: the
 * smallest k with `C[fromWeek] + … + C[fromWeek + k] ≥ position`. `null` when capacity never reaches it
 * (capacity 0 from some week on).
 */
export function serviceOffset(position: number, capacity: Series, fromWeek = 0): number | null {
  if (position <= 0) return 0;
  const explicitWeeks = typeof capacity === 'number' ? 0 : Math.max(0, capacity.length - 1 - fromWeek);
  let cumulative = 0;
  for (let k = 0; k < explicitWeeks; k++) {
    cumulative += Math.max(0, valueAt(capacity, fromWeek + k));
    if (cumulative >= position) return k;
  }
  const tail = Math.max(0, valueAt(capacity, fromWeek + explicitWeeks));
  if (tail === 0) return null;
  return explicitWeeks + Math.max(0, Math.ceil((position - cumulative) / tail) - 1);
}

export type NewcomerWait = {
  /** Backlog at the start of the newcomer's week. */
  readonly backlogAhead: number;
  /** `B[week] + j`. */
  readonly position: number;
  /** Weeks from the arrival week to the service week; `null` when never served. */
  readonly offsetWeeks: number | null;
};

/** Wait of the j-th arrival (default the first) of week `week` under FIFO (test case 1). */
export function newcomerWait(input: BacklogInput, week: number, j = 1): NewcomerWait {
  const backlogAhead = backlogPath(input, week).backlog[week] ?? input.initialBacklog;
  const position = backlogAhead + j;
  return { backlogAhead, position, offsetWeeks: serviceOffset(position, input.capacity, week) };
}

/**
 * First week t with `B[t] = 0`, looking at most `horizonWeeks` ahead; `null` when the backlog does not clear
 * within the horizon (test case 2: B0 300, λ 30, C 40 → 30).
 */
export function drainWeek(input: BacklogInput, horizonWeeks: number): number | null {
  const { backlog } = backlogPath(input, horizonWeeks);
  const week = backlog.findIndex((b) => b <= 0);
  return week === -1 ? null : week;
}

export type Trend = 'growing' | 'flat' | 'shrinking';

/**
 * Trend of the backlog from the weekly arrival rate λ and capacity C: growing when λ > C, shrinking when
 * λ < C. `tolerance` (relative to C, default 0) widens "flat".
 */
export function trendOf(arrivalsPerWeek: number, capacityPerWeek: number, tolerance = 0): Trend {
  const gap = arrivalsPerWeek - capacityPerWeek;
  const band = tolerance * Math.abs(capacityPerWeek);
  if (gap > band) return 'growing';
  if (gap < -band) return 'shrinking';
  return 'flat';
}

export type SteadyState = {
  readonly trend: Trend;
  /** `B / C` now (the continuous approximation of the wait); `null` when C = 0. */
  readonly currentWaitWeeks: number | null;
  /**
   * The wait the queue settles at: `B / C` when flat, 0 when shrinking (the backlog clears), `null` when
   * growing (no finite steady state exists).
   */
  readonly steadyStateWaitWeeks: number | null;
  /** Weeks until the backlog clears, `ceil(B / (C − λ))` when shrinking, else `null` (0 when already empty). */
  readonly drainWeeks: number | null;
};

/** Steady-state view with constant λ and C (test case 2). */
export function steadyState(backlog: number, arrivalsPerWeek: number, capacityPerWeek: number): SteadyState {
  const trend = trendOf(arrivalsPerWeek, capacityPerWeek);
  const currentWaitWeeks = capacityPerWeek > 0 ? backlog / capacityPerWeek : null;
  const steadyStateWaitWeeks = trend === 'growing' ? null : trend === 'flat' ? currentWaitWeeks : 0;
  const drainWeeks =
    backlog <= 0
      ? 0
      : trend === 'shrinking'
        ? Math.ceil(backlog / (capacityPerWeek - arrivalsPerWeek))
        : null;
  return { trend, currentWaitWeeks, steadyStateWaitWeeks, drainWeeks };
}
