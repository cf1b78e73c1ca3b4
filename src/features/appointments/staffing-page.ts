/**
 * What the workload page and the staffing calculator read (issue 15, V2.3; memo § 3.6, § 5.7): an office's weeks
 * (filings, decisions, open cases at each week's end) from its work history (workload.ts), the offices of a state
 * with their observed figures, and the calculator's form read into the staffing model of
 * src/domain/capacity/staffing.ts. Aggregate figures only; nothing is stored.
 */
import { and, inArray } from 'drizzle-orm';
import type { Actor } from '../../domain/access/policy.ts';
import { addDays, type IsoDate } from '../../domain/calendar.ts';
import { PRODUCTIVITY_WINDOW_WEEKS, weeklyArrivalRate } from '../../domain/capacity/estimators.ts';
import { MIN_FINISHED_CASES } from '../../domain/capacity/forecast.ts';
import type { StaffingOffice } from '../../domain/capacity/staffing.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { organisation, organisationJurisdiction } from '../people/index.ts';
import { STATES } from '../regions/index.ts';
import type { StaffNumber } from './staff-numbers.ts';
import { officeHistories, WINDOW_WEEKS } from './workload.ts';

/** The two pages' addresses in both languages. */
export const STAFFING_PATHS = {
  workload: { de: '/behoerde/auslastung', en: '/authority/workload' },
  staffing: { de: '/ministerium/personal', en: '/ministry/staffing' },
} as const;

/** Kinds of office the staffing calculator plans for (foreigners' offices and recognition authorities). */
export const PLANNED_KINDS = [
  'foreigners-office',
  'central-foreigners-office',
  'recognition-authority',
] as const;
export const DEFAULT_HORIZON_WEEKS = 26;
export const MAX_HORIZON_WEEKS = 260;

export type WorkloadWeek = { end: IsoDate; arrivals: number; completions: number; backlog: number };
export type Workload = {
  asOf: IsoDate;
  weeks: WorkloadWeek[];
  /** Cases decided in the window (the n of every derived figure). */
  finished: number;
  enough: boolean;
  meanCompletions: number;
  /** Open cases ÷ mean weekly decisions; null without enough data or without decisions. */
  backlogWeeks: number | null;
};

/** An office's 26 weeks: filings and decisions per week and the open cases at each week's end. */
export async function workloadOf(db: DbOrTx, organisationId: string, asOf: IsoDate): Promise<Workload> {
  const h = (await officeHistories(db, [organisationId], asOf)).get(organisationId);
  const weeks: WorkloadWeek[] = Array.from({ length: WINDOW_WEEKS }, (_, i) => ({
    end: addDays(asOf, -7 * (WINDOW_WEEKS - 1 - i)),
    arrivals: h?.weeklyArrivals[i] ?? 0,
    completions: h?.weeklyCompletions[i] ?? 0,
    backlog: h?.weeklyOpen[i] ?? 0,
  }));
  const finished = h?.finishedDays.length ?? 0;
  const meanCompletions = weeks.reduce((s, w) => s + w.completions, 0) / WINDOW_WEEKS;
  const enough = finished >= MIN_FINISHED_CASES;
  const backlog = weeks.at(-1)?.backlog ?? 0;
  return {
    asOf,
    weeks,
    finished,
    enough,
    meanCompletions,
    backlogWeeks: enough && meanCompletions > 0 ? backlog / meanCompletions : null,
  };
}

/** The state a ministry officer plans for: the state of their ministry's jurisdiction. */
export function ministryStateOf(actor: Actor): string | null {
  for (const m of actor.memberships) {
    if (m.role !== 'ministry-officer') continue;
    for (const j of m.jurisdictions) if (j.scope === 'state') return j.stateCode;
  }
  return null;
}

const stateOfAgs = (ags: string | null) =>
  ags === null ? null : (STATES.find((s) => ags.startsWith(s.agsPrefix))?.code ?? null);

export type PlannedOffice = {
  id: string;
  name: string;
  stateCode: string;
  backlog: number;
  arrivalsPerWeek: number | null;
  completionsPerWeek: number;
  finished: number;
  enough: boolean;
  /** The full-time staff the office stored for the day, where the reader may see it (else null). */
  staff: StaffNumber | null;
};

export type LocatedOffice = { id: string; name: string; stateCode: string };

/**
 * The planned offices of a state (or of all six: `null`; or the ones of `ids`), by state and name: seat state,
 * else the state of the seat district, else the one state of its jurisdiction.
 */
export async function locatedOffices(
  db: DbOrTx,
  stateCode: string | null,
  ids?: readonly string[],
): Promise<LocatedOffice[]> {
  const orgs = await db
    .select({
      id: organisation.id,
      name: organisation.name,
      seatState: organisation.seatStateCode,
      seatDistrict: organisation.seatDistrictAgs,
    })
    .from(organisation)
    .where(
      and(
        inArray(organisation.kind, [...PLANNED_KINDS]),
        ids ? inArray(organisation.id, [...ids]) : undefined,
      ),
    );
  if (orgs.length === 0) return [];
  const scopes = await db
    .select()
    .from(organisationJurisdiction)
    .where(
      inArray(
        organisationJurisdiction.organisationId,
        orgs.map((o) => o.id),
      ),
    );
  const located = orgs.flatMap((o) => {
    const own = scopes.filter((j) => j.organisationId === o.id);
    const states = new Set(
      own.map((j) => j.stateCode ?? stateOfAgs(j.districtAgs)).filter((x) => x !== null),
    );
    const state = o.seatState ?? stateOfAgs(o.seatDistrict) ?? (states.size === 1 ? [...states][0] : null);
    if (!state || !STATES.some((s) => s.code === state)) return [];
    if (stateCode !== null && state !== stateCode) return [];
    return [{ id: o.id, name: o.name, stateCode: state }];
  });
  located.sort((a, b) => a.stateCode.localeCompare(b.stateCode) || a.name.localeCompare(b.name, 'de'));
  return located;
}

/**
 * The offices of a state (or of all six: `null`) with the observed backlog, the arrivals per week (EWMA of the
 * last weeks) and the mean decisions per week of the last 12 weeks.
 */
export async function plannedOffices(
  db: DbOrTx,
  stateCode: string | null,
  asOf: IsoDate,
): Promise<PlannedOffice[]> {
  const located = await locatedOffices(db, stateCode);
  const histories = await officeHistories(
    db,
    located.map((o) => o.id),
    asOf,
  );
  return located.map((o) => {
    const h = histories.get(o.id);
    const recent = (h?.weeklyCompletions ?? []).slice(-PRODUCTIVITY_WINDOW_WEEKS);
    const finished = h?.finishedDays.length ?? 0;
    return {
      ...o,
      backlog: h?.openAgesDays.length ?? 0,
      arrivalsPerWeek: weeklyArrivalRate(h?.weeklyArrivals ?? []),
      completionsPerWeek: recent.length === 0 ? 0 : recent.reduce((s, x) => s + x, 0) / recent.length,
      finished,
      enough: finished >= MIN_FINISHED_CASES,
      staff: null,
    };
  });
}

/** The fields of one office in the calculator's form (`o3-fte`), in the order they are shown. */
export const OFFICE_FIELDS = ['backlog', 'arrivals', 'completions', 'fte', 'mu'] as const;
export type OfficeField = (typeof OFFICE_FIELDS)[number];
export const officeField = (index: number, field: OfficeField) => `o${index}-${field}`;

export type FormProblem = { field: string; rule: 'required' | 'number' | 'wholeNumber' | 'range' };
export type StaffingForm =
  | { ok: true; offices: StaffingOffice[]; extra: number; horizonWeeks: number }
  | { ok: false; problems: FormProblem[] };

/** A number as people type it: "10", "10,5" or "10.5"; null when it is none. */
export function numberOf(raw: string | undefined): number | null {
  const s = (raw ?? '').trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

/**
 * Reads the calculator's query into the staffing model: per office backlog, arrivals and decisions per week,
 * FTE and (optionally) cases per FTE per week (default decisions ÷ FTE); the number of extra caseworkers and the
 * horizon. Every broken field is reported with its form name.
 */
export function readStaffingForm(
  query: Readonly<Record<string, string | undefined>>,
  offices: readonly { id: string }[],
): StaffingForm {
  const problems: FormProblem[] = [];
  const num = (field: string, optional = false): number | null => {
    const raw = (query[field] ?? '').trim();
    if (raw === '') {
      if (!optional) problems.push({ field, rule: 'required' });
      return null;
    }
    const n = numberOf(raw);
    if (n === null) problems.push({ field, rule: 'number' });
    return n;
  };
  const whole = (field: string, min: number, max: number): number => {
    const n = num(field);
    if (n === null) return 0;
    if (!Number.isInteger(n)) problems.push({ field, rule: 'wholeNumber' });
    else if (n < min || n > max) problems.push({ field, rule: 'range' });
    return n;
  };
  const extra = whole('k', 0, 100_000);
  const horizonWeeks = whole('t', 1, MAX_HORIZON_WEEKS);
  const out = offices.map((o, i): StaffingOffice => {
    const backlog = num(officeField(i, 'backlog'));
    const arrivals = num(officeField(i, 'arrivals'));
    const completions = num(officeField(i, 'completions'));
    const fte = num(officeField(i, 'fte'));
    const mu = num(officeField(i, 'mu'), true);
    let perFte = mu;
    if (perFte === null && completions !== null && fte !== null) {
      if (fte > 0) perFte = completions / fte;
      else problems.push({ field: officeField(i, 'mu'), rule: 'required' });
    }
    return {
      id: o.id,
      backlog: backlog ?? 0,
      arrivalsPerWeek: arrivals ?? 0,
      completionsPerFtePerWeek: perFte ?? 0,
      fte: fte ?? 0,
    };
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, offices: out, extra, horizonWeeks };
}

/** The form field a rule of the staffing domain names (`offices[2].fte` → `o2-fte`). */
export function formFieldOf(domainField: string): string {
  const m = /^offices\[(\d+)\]\.(\w+)$/.exec(domainField);
  if (!m) return domainField === 'extra' ? 'k' : domainField === 'horizonWeeks' ? 't' : domainField;
  const name: Record<string, OfficeField> = {
    backlog: 'backlog',
    arrivalsPerWeek: 'arrivals',
    fte: 'fte',
    completionsPerFtePerWeek: 'mu',
  };
  return officeField(Number(m[1]), name[m[2] as string] ?? 'fte');
}
