/**
 * The figures of a fair for its organisers (issue 16, V4): registrations, meetings, attendance, outcomes and
 * hand-offs, for the whole fair, per state (of the exhibitor) and per country (where the applicant lives). Counts
 * only; a count from 1 to 4, and any count that would reveal one, is not shown (the statistics' cell
 * suppression, src/domain/statistics/suppression.ts).
 */
import { and, count, eq, sql } from 'drizzle-orm';
import { suppress } from '../../domain/statistics/suppression.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { employerProfile } from '../employers/index.ts';
import { district } from '../regions/index.ts';
import { fairBooking, fairRegistration, fairSlot } from './schema.ts';

export const MEASURES = [
  'registrations',
  'meetings',
  'attended',
  'no-show',
  'interested',
  'offer',
  'no-fit',
  'hand-offs',
] as const;
export type Measure = (typeof MEASURES)[number];

/** The smallest count shown (the counselling roll-up's rule). */
export const SUPPRESS_BELOW = 5;

/** A published count: null when suppressed; undefined where the measure has no such split. */
export type Cell = { value: number | null } | undefined;
export type Counts = Record<Measure, Cell>;

export interface FairFigures {
  total: Counts;
  states: { code: string; counts: Counts }[];
  countries: { code: string; counts: Counts }[];
}

type Row = { state: string; country: string } & Record<Exclude<Measure, 'registrations'>, number>;

export async function readFigures(db: DbOrTx, fairId: string) {
  const registrations = await db
    .select({ country: fairRegistration.countryCode, n: count() })
    .from(fairRegistration)
    .where(eq(fairRegistration.fairId, fairId))
    .groupBy(fairRegistration.countryCode);
  const n = (cond: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${cond})`.mapWith(Number);
  const meetings: Row[] = await db
    .select({
      state: district.stateCode,
      country: fairRegistration.countryCode,
      meetings: count(),
      attended: n(sql`${fairBooking.attendance} = 'attended'`),
      'no-show': n(sql`${fairBooking.attendance} = 'no-show'`),
      interested: n(sql`${fairBooking.outcome} = 'interested'`),
      offer: n(sql`${fairBooking.outcome} = 'offer'`),
      'no-fit': n(sql`${fairBooking.outcome} = 'no-fit'`),
      'hand-offs': n(sql`${fairBooking.journeyId} is not null`),
    })
    .from(fairBooking)
    .innerJoin(fairSlot, eq(fairSlot.id, fairBooking.slotId))
    .innerJoin(employerProfile, eq(employerProfile.organisationId, fairSlot.organisationId))
    .innerJoin(district, eq(district.ags, employerProfile.districtAgs))
    .innerJoin(
      fairRegistration,
      and(
        eq(fairRegistration.fairId, fairBooking.fairId),
        eq(fairRegistration.personId, fairBooking.personId),
      ),
    )
    .where(eq(fairBooking.fairId, fairId))
    .groupBy(district.stateCode, fairRegistration.countryCode);
  return { registrations, meetings };
}

/** The published figures: every measure's table (total, states, countries) suppressed on its own. */
export function publishFigures(raw: Awaited<ReturnType<typeof readFigures>>): FairFigures {
  const states = [...new Set(raw.meetings.map((r) => r.state))].sort();
  const countries = [...new Set([...raw.registrations, ...raw.meetings].map((r) => r.country))].sort();
  const empty = () => Object.fromEntries(MEASURES.map((m) => [m, undefined])) as Counts;
  const out: FairFigures = {
    total: empty(),
    states: states.map((code) => ({ code, counts: empty() })),
    countries: countries.map((code) => ({ code, counts: empty() })),
  };
  for (const m of MEASURES) {
    const sum = (pick: (r: Row) => boolean) =>
      m === 'registrations' ? 0 : raw.meetings.filter(pick).reduce((a, r) => a + r[m], 0);
    const byState = m === 'registrations' ? [] : states.map((s) => sum((r) => r.state === s));
    const byCountry = countries.map((c) =>
      m === 'registrations'
        ? (raw.registrations.find((r) => r.country === c)?.n ?? 0)
        : sum((r) => r.country === c),
    );
    const total = byCountry.reduce((a, b) => a + b, 0);
    const values = [total, ...byState, ...byCountry];
    const stateCells = byState.map((_, i) => i + 1);
    const countryCells = byCountry.map((_, i) => i + 1 + byState.length);
    const lines = [
      ...(stateCells.length > 0 ? [{ parts: stateCells, total: 0 }] : []),
      ...(countryCells.length > 0 ? [{ parts: countryCells, total: 0 }] : []),
    ];
    const hidden = suppress({ values, lines }, SUPPRESS_BELOW);
    const cell = (i: number): Cell => ({ value: hidden[i] ? null : (values[i] as number) });
    out.total[m] = cell(0);
    stateCells.forEach((c, i) => {
      (out.states[i] as { counts: Counts }).counts[m] = cell(c);
    });
    countryCells.forEach((c, i) => {
      (out.countries[i] as { counts: Counts }).counts[m] = cell(c);
    });
  }
  return out;
}

/** The figures as CSV (UTF-8, CRLF): `group,code,measure,count,count_suppressed`; states and countries by code. */
export function figuresCsv(f: FairFigures): string {
  const lines = ['group,code,measure,count,count_suppressed'];
  const push = (group: string, code: string, counts: Counts) => {
    for (const m of MEASURES) {
      const c = counts[m];
      if (c) lines.push(`${group},${code},${m},${c.value ?? ''},${c.value === null}`);
    }
  };
  push('fair', 'all', f.total);
  for (const s of f.states) push('state', s.code, s.counts);
  for (const c of f.countries) push('country', c.code, c.counts);
  return `${lines.join('\r\n')}\r\n`;
}
