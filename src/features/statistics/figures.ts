/**
 * The published statistics (issue 19): from the rollup rows, per step and state, the figures of the window
 * (cases decided in the last 52 weeks, their median, P80 and P90 duration, the share decided within the statutory
 * deadline) and the open backlog on the as-of day — then disclosure control (src/domain/statistics): for every
 * step and count, the six states and their total are one line; counts from 1 to 4 are hidden, and with them the
 * cells that would give them away. A duration is published only where the count of decided cases is; a share only
 * where both the cases within and the cases after the deadline are. Pure: the rows and the day come in.
 * The dashboard's window is the last 52 weeks; the report (report.ts) gives its own period, published the same way.
 */
import { addDays, type IsoDate } from '../../domain/calendar.ts';
import {
  addHistograms,
  type DayHistogram,
  daysAsWeeks,
  disclosureRuleOn,
  oneWay,
  percentileDays,
  suppress,
} from '../../domain/statistics/index.ts';
import { STATE_CODES, type StateCode } from '../regions/index.ts';
import { STAT_STEPS, type StatStep } from './rollup.ts';

/** The window of the decided cases: the 52 weeks ending with the as-of day. */
export const WINDOW_WEEKS = 52;

export type RollupRow = {
  readonly week: IsoDate;
  readonly stateCode: string;
  readonly step: string;
  readonly filed: number;
  readonly decided: number;
  readonly withdrawn: number;
  readonly withDeadline: number;
  readonly withinDeadline: number;
  readonly durations: DayHistogram;
};

/** A published count: the number, or `null` with the reason it is not shown. */
export type Count =
  | { readonly value: number; readonly suppressed: false }
  | { readonly value: null; readonly suppressed: true };

/** One cell of the published table: a step in one state, or in all six (`state: 'all'`). */
export type Cell = {
  readonly step: StatStep;
  readonly state: StateCode | 'all';
  readonly filed: Count;
  readonly decided: Count;
  readonly open: Count;
  readonly medianWeeks: number | null;
  readonly p80Weeks: number | null;
  readonly p90Weeks: number | null;
  /** Share of the decided cases with a statutory deadline that were decided within it, 0–1, or null. */
  readonly withinDeadlineShare: number | null;
  /** Whether any decided case had a statutory deadline (else the share does not apply). */
  readonly hasDeadline: boolean;
};

export type Statistics = {
  readonly asOf: IsoDate;
  readonly computedAt: string;
  readonly windowFrom: IsoDate;
  /** The last day of the window: the as-of day on the dashboard, the end of the period in a report. */
  readonly windowTo: IsoDate;
  readonly threshold: number;
  readonly thresholdSource: string;
  readonly cells: readonly Cell[];
};

type Raw = {
  filed: number;
  decided: number;
  open: number;
  withDeadline: number;
  within: number;
  durations: DayHistogram[];
};

const empty = (): Raw => ({ filed: 0, decided: 0, open: 0, withDeadline: 0, within: 0, durations: [] });
const AREAS = [...STATE_CODES, 'all'] as const;

/** A window of days (both included); weeks are counted when they overlap it. */
export type Window = { readonly from: IsoDate; readonly to: IsoDate };

/**
 * The published table as of `asOf`: the cases filed and decided in the window (by default the 52 weeks ending on
 * the as-of day), the backlog open at its end.
 */
export function publishStatistics(
  rows: readonly RollupRow[],
  asOf: IsoDate,
  computedAt: string,
  window?: Window,
): Statistics {
  const rule = disclosureRuleOn(asOf);
  const windowFrom = window?.from ?? addDays(asOf, -7 * WINDOW_WEEKS + 1);
  const windowTo = window && window.to < asOf ? window.to : asOf;
  // The window's weeks: those whose Monday is at most six days before the window's first day.
  const firstWeek = addDays(windowFrom, -6);
  const raw = new Map<string, Raw>();
  const key = (step: string, state: string) => `${step}|${state}`;
  for (const r of rows) {
    if (r.week > windowTo) continue;
    const cell = raw.get(key(r.step, r.stateCode)) ?? empty();
    raw.set(key(r.step, r.stateCode), cell);
    cell.open += r.filed - r.decided - r.withdrawn;
    if (r.week < firstWeek) continue;
    cell.filed += r.filed;
    cell.decided += r.decided;
    cell.withDeadline += r.withDeadline;
    cell.within += r.withinDeadline;
    cell.durations.push(r.durations);
  }
  const cells: Cell[] = [];
  for (const step of STAT_STEPS) {
    const parts = STATE_CODES.map((s) => raw.get(key(step, s)) ?? empty());
    const hide = (pick: (r: Raw) => number) => {
      const why = suppress(oneWay(parts.map(pick)), rule.threshold);
      return AREAS.map((_, i) => why[i] !== null);
    };
    const hidden = {
      filed: hide((r) => r.filed),
      decided: hide((r) => r.decided),
      open: hide((r) => Math.max(0, r.open)),
      within: hide((r) => r.within),
      late: hide((r) => r.withDeadline - r.within),
    };
    const all: Raw = {
      filed: sum(parts, (r) => r.filed),
      decided: sum(parts, (r) => r.decided),
      open: sum(parts, (r) => Math.max(0, r.open)),
      withDeadline: sum(parts, (r) => r.withDeadline),
      within: sum(parts, (r) => r.within),
      durations: parts.flatMap((r) => r.durations),
    };
    AREAS.forEach((state, i) => {
      const r = state === 'all' ? all : (parts[i] as Raw);
      const count = (v: number, h: boolean | undefined): Count =>
        h ? { value: null, suppressed: true } : { value: v, suppressed: false };
      const decidedShown = !hidden.decided[i] && r.decided > 0;
      const hist = decidedShown ? addHistograms(r.durations) : {};
      const weeks = (p: number) => {
        const d = decidedShown ? percentileDays(hist, p) : null;
        return d === null ? null : daysAsWeeks(d);
      };
      const shareShown = r.withDeadline > 0 && !hidden.within[i] && !hidden.late[i];
      cells.push({
        step,
        state,
        filed: count(r.filed, hidden.filed[i]),
        decided: count(r.decided, hidden.decided[i]),
        open: count(Math.max(0, r.open), hidden.open[i]),
        medianWeeks: weeks(0.5),
        p80Weeks: weeks(0.8),
        p90Weeks: weeks(0.9),
        withinDeadlineShare: shareShown ? r.within / r.withDeadline : null,
        hasDeadline: r.withDeadline > 0,
      });
    });
  }
  return {
    asOf,
    computedAt,
    windowFrom,
    windowTo,
    threshold: rule.threshold,
    thresholdSource: rule.source,
    cells,
  };
}

const sum = (xs: readonly Raw[], f: (r: Raw) => number) => xs.reduce((a, r) => a + f(r), 0);

/** The cells of one state (or all six) and one step, when given. */
export const selectCells = (s: Statistics, state?: StateCode | 'all', step?: StatStep) =>
  s.cells.filter(
    (c) => (state === undefined || c.state === state) && (step === undefined || c.step === step),
  );
