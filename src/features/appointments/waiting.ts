/**
 * Published waiting times per office (issue 15, memo § 5.5–5.8): for every organisation that owns journey steps a
 * person waits on, the office's history from the journey events (workload.ts) and the pure forecast
 * (src/domain/capacity/forecast.ts). There is no staff count on the platform, so the office's capacity is what it
 * observably completes: one "FTE" whose weekly output is the weighted average of the recent weekly completions.
 * The figures of all offices are computed together; waiting-store.ts stores and serves them.
 */
import { sql } from 'drizzle-orm';
import type { IsoDate } from '../../domain/calendar.ts';
import { weeklyArrivalRate } from '../../domain/capacity/estimators.ts';
import { forecastWait, type OverloadStatus, type WaitForecast } from '../../domain/capacity/forecast.ts';
import type { StepKind } from '../../domain/journey/index.ts';
import { DEFAULT_NEAR_BREACH_DAYS } from '../../platform/config.ts';
import { type DbOrTx, queryRows } from '../../platform/db/client.ts';
import { STATE_CODES, type StateCode } from '../regions/index.ts';
import { appointmentHistories, HAS_APPOINTMENTS } from './appointment-waits.ts';
import { openAcceleratedAlerts } from './deadline-alerts.ts';
import { type OfficeHistory, officeAndStepHistories, WINDOW_WEEKS } from './workload.ts';

/** The public pages' addresses in both languages. */
export const WAITING_PATHS = {
  overview: { de: '/wartezeiten', en: '/waiting-times' },
  map: { de: '/wartezeiten/karte', en: '/waiting-times/map' },
  office: { de: '/wartezeiten/:slug', en: '/waiting-times/:slug' },
} as const;

/** The steps a person waits on, by the kind of organisation that owns them (docs/journey.md, the plan). */
export const WAITED_STEPS: Readonly<Record<string, readonly StepKind[]>> = {
  'recognition-authority': ['recognition', 'zab-statement'],
  'foreigners-office': ['accelerated-procedure', 'residence-permit', 'entry-registration'],
  'central-foreigners-office': ['accelerated-procedure', 'residence-permit', 'entry-registration'],
  mission: ['visa-appointment', 'visa-decision'],
  'employment-agency': ['ba-approval'],
};

/**
 * The statutory period, in weeks, where the law sets one for the office's steps (docs/journey.md, Deadlines):
 * recognition three months after the documents are complete (§ 6(3) BQFG, 13 weeks), BA approval two weeks
 * (§ 36(2) BeschV). Visa and residence steps have no general statutory period (only under § 81a).
 */
export const STATUTORY_WEEKS: Readonly<Record<string, number>> = {
  'recognition-authority': 13,
  'employment-agency': 2,
};

/** Where an office belongs on the overview: one of the six states, the missions abroad, or nationwide. */
export type OfficeGroup = StateCode | 'abroad' | 'nationwide';
export const GROUPS: readonly OfficeGroup[] = [...STATE_CODES, 'abroad', 'nationwide'];

export type Office = {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly kind: string;
  readonly group: OfficeGroup;
  readonly steps: readonly StepKind[];
  /** The published target: the appointment service's where the office has one, else the statutory period. */
  readonly target: { readonly weeks: number; readonly source: 'appointment-service' | 'statutory' } | null;
};

export type OfficeFigures = {
  readonly office: Office;
  readonly forecast: WaitForecast;
  /** Filings and decisions per week of the 26-week window, oldest first (the last week ends on `asOf`). */
  readonly weeklyArrivals: readonly number[];
  readonly weeklyCompletions: readonly number[];
  /** § 81a deadlines of the office's open steps that are close or past (deadline-alerts.ts). */
  readonly openDeadlineAlerts: number;
  /** The colour shown: only when there are enough finished cases or an open § 81a deadline alert (then red). */
  readonly status: OverloadStatus | null;
  /** The same figures per step kind with at least one filed case, in the order of `office.steps`. */
  readonly steps: readonly StepFigures[];
  /**
   * A service point's appointment wait (appointment-waits.ts): documents complete → appointment day; `null` where
   * no request has been ready yet. Ready requests count as arrivals, appointments held as completions.
   */
  readonly appointment: Omit<StepFigures, 'kind'> | null;
};

/** One step kind's figures at an office: its own finished cases, open cases and forecast. */
export type StepFigures = {
  readonly kind: StepKind;
  readonly forecast: WaitForecast;
  readonly weeklyArrivals: readonly number[];
  readonly weeklyCompletions: readonly number[];
};

export type WaitingTimes = {
  readonly asOf: IsoDate;
  readonly offices: readonly OfficeFigures[];
};

/** Whole weeks, rounded up ("at most N weeks" stays true); never below 0 (no "-0 weeks"). */
export const weeksUp = (w: number) => Math.max(0, Math.ceil(w - 1e-9));

/** Seed of the forecast's simulation: fixed, so a page shows the same band for the same data. */
export const SEED = 15;

/** No staff count: the observed completions are the capacity (weighted average of recent weeks). */
export const observedCapacity = (weeklyCompletions: readonly number[]) => ({
  fte: 1,
  casesPerFtePerWeek: weeklyArrivalRate(weeklyCompletions) ?? 0,
});

type OfficeRow = {
  id: string;
  slug: string;
  name: string;
  kind: string;
  state_code: string | null;
  target_weeks: number | null;
};

export async function officesOf(db: DbOrTx): Promise<Office[]> {
  const kinds = sql.join(
    Object.keys(WAITED_STEPS).map((k) => sql`${k}`),
    sql`, `,
  );
  const rows = await queryRows<OfficeRow>(
    db,
    sql`
    select o.id, o.slug, o.name, o.kind,
           coalesce(o.seat_state_code, (
             select coalesce(j.state_code, d.state_code)
               from organisation_jurisdiction j left join district d on d.ags = j.district_ags
              where j.organisation_id = o.id and coalesce(j.state_code, d.state_code) is not null
              order by 1 limit 1)) as state_code,
           (select min(a.target_weeks) from appointment_service a
             where a.organisation_id = o.id and a.active = 1) as target_weeks
      from organisation o
     where o.kind in (${kinds}) or ${HAS_APPOINTMENTS}
     order by o.name, o.slug`,
  );
  return rows.map((r) => {
    const statutory = STATUTORY_WEEKS[r.kind];
    const state = (STATE_CODES as readonly string[]).includes(r.state_code ?? '')
      ? (r.state_code as StateCode)
      : null;
    return {
      id: r.id,
      slug: r.slug,
      name: r.name,
      kind: r.kind,
      group: r.kind === 'mission' ? 'abroad' : (state ?? 'nationwide'),
      steps: WAITED_STEPS[r.kind] ?? [],
      target:
        r.target_weeks !== null
          ? { weeks: Number(r.target_weeks), source: 'appointment-service' }
          : statutory !== undefined
            ? { weeks: statutory, source: 'statutory' }
            : null,
    };
  });
}

const RANK: Record<OverloadStatus, number> = { red: 0, amber: 1, green: 2 };

/** Worst first: red, amber, green, then no colour; within a colour the longer P80 first, then by name. */
export function worstFirst(a: OfficeFigures, b: OfficeFigures): number {
  const ra = a.status === null ? 3 : RANK[a.status];
  const rb = b.status === null ? 3 : RANK[b.status];
  if (ra !== rb) return ra - rb;
  const pa = a.forecast.historicalP80Weeks ?? -1;
  const pb = b.forecast.historicalP80Weeks ?? -1;
  return pb - pa || a.office.name.localeCompare(b.office.name, 'de');
}

/** The domain forecast of one history (an office's, or one of its step kinds'). */
function forecastOf(
  asOf: IsoDate,
  office: Office,
  h: OfficeHistory | undefined,
  openDeadlineAlerts: number,
): WaitForecast {
  const completions = h?.weeklyCompletions ?? [];
  return forecastWait({
    asOf,
    finished: { unit: 'days', values: h?.finishedDays ?? [] },
    open: { unit: 'days', values: h?.openAgesDays ?? [] },
    weeklyArrivals: h?.weeklyArrivals ?? [],
    weeklyCompletions: completions,
    capacity: observedCapacity(completions),
    // Without a target only the utilisation decides the colour.
    targetWeeks: office.target?.weeks ?? Number.POSITIVE_INFINITY,
    seed: SEED,
    openDeadlineAlerts,
  });
}

/** The figures of every office on `asOf` (no cache); `nearBreachDays` as the deadline job's (config). */
export async function computeWaitingTimes(
  db: DbOrTx,
  asOf: IsoDate,
  nearBreachDays = DEFAULT_NEAR_BREACH_DAYS,
): Promise<WaitingTimes> {
  const offices = await officesOf(db);
  const ids = offices.map((o) => o.id);
  const [histories, alerts, appointments] = await Promise.all([
    officeAndStepHistories(db, ids, asOf, WINDOW_WEEKS),
    openAcceleratedAlerts(db, ids, asOf, nearBreachDays),
    appointmentHistories(db, ids, asOf, WINDOW_WEEKS),
  ]);
  const figures = offices.map((office): OfficeFigures => {
    const waits = appointments.get(office.id);
    // A service point with appointments only (a counselling centre): its figures are the appointment wait.
    const h = office.steps.length === 0 ? waits : histories.offices.get(office.id);
    const openDeadlineAlerts = alerts.get(office.id) ?? 0;
    const forecast = forecastOf(asOf, office, h, openDeadlineAlerts);
    const order = (k: StepKind) =>
      (office.steps.indexOf(k) + office.steps.length + 1) % (office.steps.length + 1);
    const steps = [...(histories.steps.get(office.id) ?? new Map<StepKind, OfficeHistory>())]
      .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
      .map(([kind, s]) => ({
        kind,
        // The § 81a alerts belong to the office's figure; a step's own is only its observed history.
        forecast: forecastOf(asOf, office, s, 0),
        weeklyArrivals: s.weeklyArrivals,
        weeklyCompletions: s.weeklyCompletions,
      }));
    return {
      office,
      forecast,
      weeklyArrivals: h?.weeklyArrivals ?? [],
      weeklyCompletions: h?.weeklyCompletions ?? [],
      openDeadlineAlerts,
      // An alert is a fact, not an estimate: it colours the office red even below 30 finished cases.
      status: forecast.insufficient && openDeadlineAlerts === 0 ? null : forecast.status,
      steps,
      appointment: waits
        ? {
            forecast: forecastOf(asOf, office, waits, 0),
            weeklyArrivals: waits.weeklyArrivals,
            weeklyCompletions: waits.weeklyCompletions,
          }
        : null,
    };
  });
  return { asOf, offices: figures.sort(worstFirst) };
}
