/**
 * Waiting-time forecast for one office × service: memo §3.8, §5.5, §5.6 and goal G9 of §5.8
 * (`/work/shared/research/capacity-appointments.md`).
 *
 * - Historical P50/P80: nearest rank over the finished waits observed in the window.
 * - Forward-looking P50/P80: the fluid wait of the first person ready this week (§3.2) plus the simulated band
 *   for a person ready this week (§3.5), from the backlog (open cases), the arrival rate (weighted average of
 *   the last 8 weeks) and the capacity (FTE × presence × cases per FTE, the last estimated from completions).
 * - Utilisation ρ, trend, share of the backlog past target and the overload colour of §5.6.
 * Never a made-up figure: with fewer than `MIN_FINISHED_CASES` finished cases every wait figure is `null` and
 * `insufficient` is true ("not enough data"); a growing backlog is flagged, never given a steady-state wait.
 */
import { type IsoDate, isIsoDate } from '../calendar.ts';
import {
  ARRIVAL_WINDOW_WEEKS,
  completionsPerFte,
  countNoise,
  nearestRankPercentile,
  weeklyArrivalRate,
} from './estimators.ts';
import { serviceOffset, steadyState, type Trend, trendOf } from './fluid.ts';
import {
  type CapacityModel,
  DEFAULT_PATHS,
  type SimulationInput,
  simulateWait,
  type WaitBand,
} from './simulate.ts';

/** Below this many finished cases in the window, no wait is published ("not enough data", memo §3.8, G9). */
export const MIN_FINISHED_CASES = 30;
/** Green needs utilisation below this (memo §5.6). */
export const AMBER_UTILISATION = 0.9;
/** Utilisation from which the backlog grows: red (memo §5.6). */
export const RED_UTILISATION = 1;
/** Red when P80 exceeds this multiple of the target (memo §5.6); amber between 1 × and this. */
export const RED_TARGET_MULTIPLE = 2;
/** Label of the forward-looking method, published with the figures (memo §3.8). */
export const FORECAST_METHOD = 'forward-looking';
export const MODEL_VERSION = 'fluid-mc-1';

export type Durations = { readonly unit: 'days' | 'weeks'; readonly values: readonly number[] };

export type ForecastInput = {
  readonly asOf: IsoDate;
  /** Ready → served waits of the cases finished in the observation window. */
  readonly finished: Durations;
  /** Ages (since ready) of the cases still waiting: the backlog. */
  readonly open: Durations;
  /** Ready requests per week, oldest first. */
  readonly weeklyArrivals: readonly number[];
  /** Completed cases per week, oldest first (used when `casesPerFtePerWeek` is not given). */
  readonly weeklyCompletions: readonly number[];
  readonly capacity: {
    /** FTE on the roster (effectively available, memo §3.6). */
    readonly fte: number;
    /** μ; estimated from the last 12 weeks of completions when absent. */
    readonly casesPerFtePerWeek?: number;
    /** Probability that one FTE is present in a week (leave, sickness); default 1. */
    readonly presence?: number;
  };
  readonly targetWeeks: number;
  readonly seed: number;
  readonly paths?: number;
  /** Open § 81a deadline alerts at this office: any makes the office red (memo §5.6). */
  readonly openDeadlineAlerts?: number;
};

export type OverloadStatus = 'green' | 'amber' | 'red';

export type WaitForecast = {
  readonly asOf: IsoDate;
  readonly method: typeof FORECAST_METHOD;
  readonly modelVersion: typeof MODEL_VERSION;
  /** Finished cases in the window. */
  readonly n: number;
  readonly insufficient: boolean;
  readonly weeksOfHistory: number;
  readonly historicalP50Weeks: number | null;
  readonly historicalP80Weeks: number | null;
  /** Fluid wait (weeks) of the first person ready this week; `null` when insufficient or never served. */
  readonly fluidWeeks: number | null;
  /** Fluid wait of the person at the 50 % / 80 % point of this week's expected arrivals (`B + ceil(p·λ)`). */
  readonly fluidP50Weeks: number | null;
  readonly fluidP80Weeks: number | null;
  /** Simulated band for a person ready this week; `null` when insufficient. */
  readonly waitWeeks: WaitBand | null;
  readonly backlog: number;
  readonly weeklyArrivals: number | null;
  readonly weeklyCapacity: number | null;
  /** ρ = λ / C; `null` when either is unknown or C = 0. */
  readonly utilisation: number | null;
  /** Backlog in weeks of capacity, `B / C`. */
  readonly backlogWeeks: number | null;
  readonly trend: Trend | null;
  readonly growing: boolean;
  /** `B / C` when flat, 0 when shrinking, `null` when growing or unknown: never a finite number for growth. */
  readonly steadyStateWaitWeeks: number | null;
  /** Weeks until the backlog clears at the current rates (shrinking only), else `null`. */
  readonly drainWeeks: number | null;
  readonly shareOfBacklogPastTarget: number | null;
  /** Overload colour (§5.6); `null` when the data decide nothing (insufficient and not overloaded). */
  readonly status: OverloadStatus | null;
};

function inWeeks(durations: Durations): number[] {
  return durations.unit === 'weeks' ? [...durations.values] : durations.values.map((d) => d / 7);
}

/**
 * Overload colour of memo §5.6. Red: ρ ≥ 1, P80 > 2 × target, or an open § 81a alert. Amber: ρ ≥ 0.9 or
 * P80 > target. Green: ρ < 0.9 and P80 ≤ target. `null` when an unknown figure could change the colour.
 */
export function overloadStatus(input: {
  utilisation: number | null;
  p80Weeks: number | null;
  targetWeeks: number;
  openDeadlineAlerts?: number;
}): OverloadStatus | null {
  const { utilisation: rho, p80Weeks: p80, targetWeeks } = input;
  if ((input.openDeadlineAlerts ?? 0) > 0) return 'red';
  if (rho !== null && rho >= RED_UTILISATION) return 'red';
  if (p80 !== null && p80 > RED_TARGET_MULTIPLE * targetWeeks) return 'red';
  if (rho === null || p80 === null) return null;
  if (rho >= AMBER_UTILISATION || p80 > targetWeeks) return 'amber';
  return 'green';
}

type Rates = {
  readonly backlog: number;
  readonly presence: number;
  /** μ: cases per FTE-week. */
  readonly mu: number | null;
  readonly weeklyCapacity: number | null;
  readonly lambda: number | null;
};

function ratesOf(input: ForecastInput): Rates {
  const presence = input.capacity.presence ?? 1;
  const mu =
    input.capacity.casesPerFtePerWeek ??
    completionsPerFte(input.weeklyCompletions, input.capacity.fte * presence);
  return {
    backlog: input.open.values.length,
    presence,
    mu,
    weeklyCapacity: mu === null ? null : input.capacity.fte * presence * mu,
    lambda: weeklyArrivalRate(input.weeklyArrivals),
  };
}

function simulationOf(input: ForecastInput, rates: Rates): SimulationInput | null {
  const { backlog, presence, mu, weeklyCapacity, lambda } = rates;
  if (
    input.finished.values.length < MIN_FINISHED_CASES ||
    mu === null ||
    weeklyCapacity === null ||
    lambda === null
  ) {
    return null;
  }
  const fte = input.capacity.fte;
  const capacity: CapacityModel = Number.isInteger(fte)
    ? { kind: 'staff', staff: fte, casesPerStaff: mu, presence }
    : { kind: 'fixed', perWeek: weeklyCapacity };
  return {
    initialBacklog: backlog,
    arrivals: { ...countNoise(input.weeklyArrivals.slice(-ARRIVAL_WINDOW_WEEKS), lambda) },
    capacity,
    position: 'random',
    paths: input.paths ?? DEFAULT_PATHS,
    seed: input.seed,
  };
}

/**
 * The simulation behind `forecastWait` (a person ready this week, backlog ahead, estimated arrivals and
 * capacity), or `null` when there are too few finished cases or unknown rates. For back-test scoring.
 */
export function forecastSimulation(input: ForecastInput): SimulationInput | null {
  return simulationOf(input, ratesOf(input));
}

/**
 * The forecast for one office × service type. Pure: asOf and seed come in. An `asOf` that is not an ISO date
 * is a programming error and throws.
 */
export function forecastWait(input: ForecastInput): WaitForecast {
  if (!isIsoDate(input.asOf)) throw new Error(`forecastWait: asOf is not an ISO date: ${input.asOf}`);
  const finished = inWeeks(input.finished);
  const ages = inWeeks(input.open);
  const n = finished.length;
  const insufficient = n < MIN_FINISHED_CASES;
  const rates = ratesOf(input);
  const { backlog, weeklyCapacity, lambda } = rates;
  const known = weeklyCapacity !== null && lambda !== null;
  const utilisation = known && weeklyCapacity > 0 ? lambda / weeklyCapacity : null;
  const trend = known ? trendOf(lambda, weeklyCapacity) : null;

  const simulation = simulationOf(input, rates);
  const fluidAt = (j: number) =>
    simulation && weeklyCapacity !== null ? serviceOffset(backlog + j, weeklyCapacity) : null;
  const cohortRank = (p: number) => Math.max(1, Math.ceil(p * (lambda ?? 0)));
  const steady = known ? steadyState(backlog, lambda, weeklyCapacity) : null;
  const waitWeeks: WaitBand | null = simulation ? simulateWait(simulation) : null;
  const pastTarget = ages.filter((age) => age > input.targetWeeks).length;
  return {
    asOf: input.asOf,
    method: FORECAST_METHOD,
    modelVersion: MODEL_VERSION,
    n,
    insufficient,
    weeksOfHistory: input.weeklyArrivals.length,
    historicalP50Weeks: insufficient ? null : nearestRankPercentile(finished, 0.5),
    historicalP80Weeks: insufficient ? null : nearestRankPercentile(finished, 0.8),
    fluidWeeks: fluidAt(1),
    fluidP50Weeks: fluidAt(cohortRank(0.5)),
    fluidP80Weeks: fluidAt(cohortRank(0.8)),
    waitWeeks,
    backlog,
    weeklyArrivals: lambda,
    weeklyCapacity,
    utilisation,
    backlogWeeks: weeklyCapacity !== null && weeklyCapacity > 0 ? backlog / weeklyCapacity : null,
    trend,
    growing: trend === 'growing',
    steadyStateWaitWeeks: steady?.steadyStateWaitWeeks ?? null,
    drainWeeks: steady?.drainWeeks ?? null,
    shareOfBacklogPastTarget: backlog > 0 ? pastTarget / backlog : null,
    status: overloadStatus({
      utilisation,
      p80Weeks: waitWeeks?.p80 ?? null,
      targetWeeks: input.targetWeeks,
      openDeadlineAlerts: input.openDeadlineAlerts ?? 0,
    }),
  };
}
