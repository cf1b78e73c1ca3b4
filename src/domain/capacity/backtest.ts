/**
 * Rolling-origin back-test of the wait forecast, and a seeded synthetic case history to run it on: memo §3.8,
 * §4.6, §5.5 and goal G4 of §5.8 (`/work/shared/research/capacity-appointments.md`).
 *
 * For each origin week o (default: the 26 weeks up to `lastOrigin`) the forecast sees only what was known at
 * the start of o (finished waits, open cases, arrivals and completions before o) and predicts P50/P80 of the
 * wait of the cases that became ready in week o. The realised waits of that cohort are read from the history;
 * cases still open when the history ends are right-censored and handled by Kaplan–Meier. Scores: MAE of P50
 * (weeks) and the empirical coverage of P80 (`1 − S(P80)`, weighted by cohort size).
 */
import { addDays, type IsoDate } from '../calendar.ts';
import { createRandom } from '../law/generate.ts';
import { type KaplanMeier, kaplanMeier, survivalAt } from './estimators.ts';
import { type ForecastInput, forecastSimulation } from './forecast.ts';
import { drawPoisson, simulateOffsets, waitBand } from './simulate.ts';

/** Origins per back-test (memo §5.5). */
export const BACKTEST_ORIGINS = 26;
/** Weeks of finished cases the forecast sees at each origin. */
export const OBSERVATION_WINDOW_WEEKS = 26;
/** G4: P50 error at most max(1 week, this share of the mean realised wait). */
export const MAE_TARGET_SHARE = 0.2;
export const MAE_TARGET_FLOOR_WEEKS = 1;
/** G4: empirical P80 coverage inside this band. */
export const P80_COVERAGE_BAND = [0.75, 0.85] as const;

export type HistoryCase = {
  readonly id: number;
  readonly readyWeek: number;
  readonly servedWeek: number | null;
};

export type CaseHistory = {
  /** Weeks 0 … weeks − 1 are observed. */
  readonly weeks: number;
  readonly cases: readonly HistoryCase[];
  readonly arrivals: readonly number[];
  readonly capacity: readonly number[];
  readonly completions: readonly number[];
};

export type HistoryParameters = {
  readonly weeks: number;
  readonly seed: number;
  /** Cases already waiting at week 0 (their ready weeks lie before 0). */
  readonly initialBacklog: number;
  /** Mean of the Poisson weekly arrivals. */
  readonly arrivalsPerWeek: number;
  readonly staff: number;
  readonly casesPerStaff: number;
  /** Probability that a member of staff is present in a week. */
  readonly presence: number;
};

/** Seeded FIFO history: Poisson arrivals, staff present with a probability, C[t] cases served per week. */
export function generateCaseHistory(parameters: HistoryParameters): CaseHistory {
  const r = createRandom(parameters.seed);
  const cases: { id: number; readyWeek: number; servedWeek: number | null }[] = [];
  const rate = Math.max(1, parameters.arrivalsPerWeek);
  for (let i = 0; i < parameters.initialBacklog; i++) {
    cases.push({ id: i, readyWeek: -Math.ceil((parameters.initialBacklog - i) / rate), servedWeek: null });
  }
  const arrivals: number[] = [];
  const capacity: number[] = [];
  const completions: number[] = [];
  let next = 0;
  let credit = 0;
  for (let t = 0; t < parameters.weeks; t++) {
    const a = drawPoisson(r, parameters.arrivalsPerWeek);
    for (let i = 0; i < a; i++) cases.push({ id: cases.length, readyWeek: t, servedWeek: null });
    let present = 0;
    for (let s = 0; s < parameters.staff; s++) if (r.chance(parameters.presence)) present++;
    const c = present * parameters.casesPerStaff;
    // Fractional capacity (1.5 cases per person) carries over while people wait; idle capacity is lost.
    credit += c;
    const done = Math.min(cases.length - next, Math.floor(credit));
    credit = cases.length - next > done ? credit - done : 0;
    for (let i = 0; i < done; i++) {
      const served = cases[next + i];
      if (served) served.servedWeek = t;
    }
    next += done;
    arrivals.push(a);
    capacity.push(c);
    completions.push(done);
  }
  return { weeks: parameters.weeks, cases, arrivals, capacity, completions };
}

export type BacktestInput = {
  readonly history: CaseHistory;
  /** Fixed, or per origin from the completions known then (the published waiting times: observed output). */
  readonly capacity:
    | ForecastInput['capacity']
    | ((weeklyCompletions: readonly number[]) => ForecastInput['capacity']);
  readonly targetWeeks: number;
  readonly seed: number;
  /** Date of week 0, for the forecasts' `asOf`. */
  readonly startDate: IsoDate;
  readonly lastOrigin?: number;
  readonly origins?: number;
  readonly paths?: number;
};

export type OriginScore = {
  readonly origin: number;
  readonly cohort: number;
  readonly forecastP50: number | null;
  readonly forecastP80: number | null;
  /** Kaplan–Meier median of the cohort's realised wait; `null` when censoring hides it. */
  readonly realisedP50: number | null;
  /** KM share of the cohort served within the forecast P80; `null` when follow-up is too short. */
  readonly coverage: number | null;
  /** Randomised-PIT coverage of the 80 % level (see `pitCoverage`); `null` when follow-up is too short. */
  readonly pitCoverage: number | null;
};

export type BacktestResult = {
  readonly origins: readonly OriginScore[];
  /** Origins with both a forecast and a realised P50. */
  readonly scored: number;
  readonly maeP50Weeks: number | null;
  readonly meanRealisedP50Weeks: number | null;
  /** max(1 week, 20 % of the mean realised wait). */
  readonly maeTargetWeeks: number | null;
  /** Share of the cohorts served within the forecast P80 (KM, weighted by cohort size). */
  readonly p80Coverage: number | null;
  /** The same at the 80 % level with randomised PIT for whole-week waits; what `meetsGoal` checks. */
  readonly p80PitCoverage: number | null;
  readonly meetsGoal: boolean;
};

/** What the forecast knows at the start of week `origin`: finished waits of the window, open cases, history. */
export function forecastInputAt(input: BacktestInput, origin: number): ForecastInput {
  const { history } = input;
  const weeklyCompletions = history.completions.slice(0, origin);
  const finished: number[] = [];
  const open: number[] = [];
  for (const c of history.cases) {
    if (c.readyWeek >= origin) continue;
    if (c.servedWeek !== null && c.servedWeek < origin) {
      if (c.servedWeek >= origin - OBSERVATION_WINDOW_WEEKS) finished.push(c.servedWeek - c.readyWeek);
    } else {
      open.push(origin - c.readyWeek);
    }
  }
  return {
    asOf: addDays(input.startDate, 7 * origin),
    finished: { unit: 'weeks', values: finished },
    open: { unit: 'weeks', values: open },
    weeklyArrivals: history.arrivals.slice(0, origin),
    weeklyCompletions,
    capacity: typeof input.capacity === 'function' ? input.capacity(weeklyCompletions) : input.capacity,
    targetWeeks: input.targetWeeks,
    seed: input.seed + origin,
    paths: input.paths ?? 1000,
  };
}

/**
 * Coverage of the 80 % level for whole-week waits by randomised PIT (Czado, Gneiting & Held 2009): a realised
 * wait y counts with probability clamp((0.8 − F(y−1)) / (F(y) − F(y−1))) where F is the forecast CDF. Whole
 * weeks make "wait ≤ P80" cover far more than 80 % even for a perfect forecast; this share is 80 % for a
 * calibrated one. Realised waits come as Kaplan–Meier masses; mass beyond the follow-up (≥ P80) counts 0.
 */
export function pitCoverage(offsets: readonly number[], km: KaplanMeier, level = 0.8): number {
  const cdf = (y: number) => {
    let low = 0;
    let high = offsets.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((offsets[middle] ?? Number.POSITIVE_INFINITY) <= y) low = middle + 1;
      else high = middle;
    }
    return low / offsets.length;
  };
  let covered = 0;
  let before = 1;
  for (const step of km.steps) {
    const mass = before - step.survival;
    before = step.survival;
    const below = cdf(step.time - 1);
    const upTo = cdf(step.time);
    const share =
      upTo > below ? Math.min(1, Math.max(0, (level - below) / (upTo - below))) : upTo <= level ? 1 : 0;
    covered += mass * share;
  }
  return covered;
}

function scoreOrigin(input: BacktestInput, origin: number): OriginScore {
  const simulation = forecastSimulation(forecastInputAt(input, origin));
  const offsets = simulation ? simulateOffsets(simulation) : null;
  const band = offsets ? waitBand(offsets) : null;
  const times: number[] = [];
  const events: boolean[] = [];
  for (const c of input.history.cases) {
    if (c.readyWeek !== origin) continue;
    const served = c.servedWeek !== null && c.servedWeek < input.history.weeks;
    times.push(served && c.servedWeek !== null ? c.servedWeek - origin : input.history.weeks - origin);
    events.push(served);
  }
  const km = kaplanMeier(times, events);
  const forecastP80 = band?.p80 ?? null;
  const followedUp = forecastP80 !== null && input.history.weeks - 1 - origin >= forecastP80;
  return {
    origin,
    cohort: times.length,
    forecastP50: band?.p50 ?? null,
    forecastP80,
    realisedP50: km.median,
    coverage: followedUp ? 1 - survivalAt(km, forecastP80) : null,
    pitCoverage: followedUp && offsets ? pitCoverage(offsets, km) : null,
  };
}

/** Rolling-origin back-test over `origins` weeks ending at `lastOrigin` (default: the last observed week). */
export function backtestForecast(input: BacktestInput): BacktestResult {
  const lastOrigin = input.lastOrigin ?? input.history.weeks - 1;
  const count = input.origins ?? BACKTEST_ORIGINS;
  const origins: OriginScore[] = [];
  for (let o = Math.max(1, lastOrigin - count + 1); o <= lastOrigin; o++) origins.push(scoreOrigin(input, o));
  return summariseOrigins(origins);
}

/** The scores of a set of origins (one history's, or several offices' pooled), as G4 reads them. */
export function summariseOrigins(origins: readonly OriginScore[]): BacktestResult {
  const pairs = origins.flatMap((s) =>
    s.forecastP50 !== null && s.realisedP50 !== null ? [[s.forecastP50, s.realisedP50] as const] : [],
  );
  const maeP50Weeks = pairs.length
    ? pairs.reduce((sum, [f, r]) => sum + Math.abs(f - r), 0) / pairs.length
    : null;
  const meanRealisedP50Weeks = pairs.length ? pairs.reduce((sum, [, r]) => sum + r, 0) / pairs.length : null;
  const maeTargetWeeks =
    meanRealisedP50Weeks === null
      ? null
      : Math.max(MAE_TARGET_FLOOR_WEEKS, MAE_TARGET_SHARE * meanRealisedP50Weeks);
  const covered = origins.filter((s) => s.coverage !== null && s.cohort > 0);
  const weight = covered.reduce((sum, s) => sum + s.cohort, 0);
  const weighted = (pick: (s: OriginScore) => number | null) =>
    weight > 0 ? covered.reduce((sum, s) => sum + (pick(s) ?? 0) * s.cohort, 0) / weight : null;
  const p80Coverage = weighted((s) => s.coverage);
  const p80PitCoverage = weighted((s) => s.pitCoverage);
  const meetsGoal =
    maeP50Weeks !== null &&
    maeTargetWeeks !== null &&
    p80PitCoverage !== null &&
    maeP50Weeks <= maeTargetWeeks &&
    p80PitCoverage >= P80_COVERAGE_BAND[0] &&
    p80PitCoverage <= P80_COVERAGE_BAND[1];
  return {
    origins,
    scored: pairs.length,
    maeP50Weeks,
    meanRealisedP50Weeks,
    maeTargetWeeks,
    p80Coverage,
    p80PitCoverage,
    meetsGoal,
  };
}
