/**
 * The rolling-origin back-test of the published waiting times on the platform's own history (issue 15, memo § 5.5,
 * goal G4): for every office with enough finished cases, its cases from the journey events (workload.ts) become a
 * weekly case history, and the domain back-test (src/domain/capacity/backtest.ts) forecasts each origin week the way
 * the waiting-time pages do (observed output as capacity, the same seed) and scores it against what happened.
 * Withdrawn cases are left out (the history knows served and still open cases only).
 */
import { addDays, type IsoDate } from '../../domain/calendar.ts';
import {
  BACKTEST_ORIGINS,
  type BacktestResult,
  backtestForecast,
  type CaseHistory,
  type HistoryCase,
  OBSERVATION_WINDOW_WEEKS,
  type OriginScore,
  summariseOrigins,
} from '../../domain/capacity/backtest.ts';
import { MIN_FINISHED_CASES } from '../../domain/capacity/forecast.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { observedCapacity, officesOf, SEED } from './waiting.ts';
import { type OfficeCase, officeCases, WINDOW_WEEKS, weekOf } from './workload.ts';

export type BacktestFigures = Omit<BacktestResult, 'origins'> & {
  /** Origin weeks forecast (each office: `origins`; overall: the sum). */
  readonly origins: number;
};

export type OfficeBacktest = BacktestFigures & {
  readonly slug: string;
  readonly name: string;
  readonly kind: string;
  /** Cases decided in the 26 weeks up to `asOf` (the published figures need `MIN_FINISHED_CASES`). */
  readonly finished: number;
};

export type WaitingBacktest = {
  readonly asOf: IsoDate;
  readonly originsPerOffice: number;
  /** Offices that own steps a person waits on but have fewer finished cases than the published figures need. */
  readonly officesBelowMinimum: number;
  readonly offices: readonly OfficeBacktest[];
  /** All offices' origins scored together; `null` when no office has enough finished cases. */
  readonly overall: BacktestFigures | null;
};

const figuresOf = ({ origins, ...rest }: BacktestResult): BacktestFigures => ({
  origins: origins.length,
  ...rest,
});

/**
 * One office's cases as a weekly history of `weeks` weeks, the last ending on `asOf`: week of filing and of the
 * decision (null while open or decided after `asOf`). Cases filed before week 0 keep negative weeks (the backlog).
 */
export function caseHistoryOf(cases: readonly OfficeCase[], asOf: IsoDate, weeks: number): CaseHistory {
  const history: HistoryCase[] = [];
  const arrivals = Array.from({ length: weeks }, () => 0);
  const completions = Array.from({ length: weeks }, () => 0);
  for (const c of cases) {
    if (c.filed === null || c.filed > asOf || c.withdrawn !== null) continue;
    const readyWeek = weekOf(c.filed, asOf, weeks);
    const servedWeek =
      c.decided !== null && c.decided <= asOf ? Math.max(readyWeek, weekOf(c.decided, asOf, weeks)) : null;
    history.push({ id: history.length, readyWeek, servedWeek });
    if (readyWeek >= 0) arrivals[readyWeek] = (arrivals[readyWeek] ?? 0) + 1;
    if (servedWeek !== null && servedWeek >= 0) completions[servedWeek] = (completions[servedWeek] ?? 0) + 1;
  }
  // No staff count: the weekly capacity observed is what was completed.
  return { weeks, cases: history, arrivals, capacity: completions, completions };
}

/** The back-test of every office with enough finished cases on `asOf`, over `origins` weeks up to `asOf`. */
export async function backtestWaitingTimes(
  db: DbOrTx,
  asOf: IsoDate,
  origins = BACKTEST_ORIGINS,
): Promise<WaitingBacktest> {
  const offices = await officesOf(db);
  const cases = await officeCases(
    db,
    offices.map((o) => o.id),
  );
  const byOffice = new Map<string, OfficeCase[]>();
  for (const c of cases) {
    const list = byOffice.get(c.organisationId);
    if (list) list.push(c);
    else byOffice.set(c.organisationId, [c]);
  }
  // The first origin sees a full observation window of finished cases.
  const weeks = origins + OBSERVATION_WINDOW_WEEKS;
  const pooled: OriginScore[] = [];
  const results: OfficeBacktest[] = [];
  let below = 0;
  for (const office of offices) {
    const own = byOffice.get(office.id) ?? [];
    const history = caseHistoryOf(own, asOf, weeks);
    const finished = history.cases.filter(
      (c) => c.servedWeek !== null && c.servedWeek >= weeks - WINDOW_WEEKS,
    ).length;
    if (finished < MIN_FINISHED_CASES) {
      below++;
      continue;
    }
    const result = backtestForecast({
      history,
      capacity: observedCapacity,
      // Without a target only the utilisation decides the colour; the band does not depend on it.
      targetWeeks: office.target?.weeks ?? Number.POSITIVE_INFINITY,
      seed: SEED,
      startDate: addDays(asOf, -7 * weeks + 1),
      origins,
    });
    pooled.push(...result.origins);
    results.push({ slug: office.slug, name: office.name, kind: office.kind, finished, ...figuresOf(result) });
  }
  return {
    asOf,
    originsPerOffice: origins,
    officesBelowMinimum: below,
    offices: results,
    overall: results.length > 0 ? figuresOf(summariseOrigins(pooled)) : null,
  };
}
