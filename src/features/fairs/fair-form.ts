/**
 * The forms of a fair's organisers, read and checked at the boundary: the fair (title, dates, the fair's time zone,
 * co-organising states, target countries chosen by name, up to three occupations chosen by the registry's search)
 * and a talk (title, link, capacity, start and end in the fair's time zone). Errors name each field.
 */
import { z } from 'zod';
import { isTimeZone, localToUtc, parseClock } from '../../domain/capacity/slots.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { isCountryCode } from '../../web/countries.ts';
import { isoFromInput, parseForm } from '../../web/forms.ts';
import { resolveOccupation } from '../jobs/index.ts';
import { STATE_CODES } from '../regions/index.ts';
import type { OccupationHit, OccupationSearch } from '../registry/index.ts';

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const strs = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(str).filter(Boolean);
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/** How many occupations a fair names (each chosen by the search). */
export const OCCUPATION_FIELDS = [1, 2, 3] as const;

export interface FairInput {
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  states: string[];
  countries: string[];
  occupation: Record<number, { text: string; kldb: string; candidates: OccupationHit[] }>;
}

export function fairInput(body: unknown): FairInput {
  const b = (body ?? {}) as Record<string, unknown>;
  const occupation: FairInput['occupation'] = {};
  for (const n of OCCUPATION_FIELDS)
    occupation[n] = { text: str(b[`occupation${n}`]), kldb: str(b[`occupationKldb${n}`]), candidates: [] };
  return {
    title: str(b.title),
    description: str(b.description),
    startsOn: isoFromInput(str(b.startsOn)),
    endsOn: isoFromInput(str(b.endsOn)),
    timeZone: str(b.timeZone) || 'Europe/Berlin',
    states: strs(b.states),
    countries: strs(b.countries),
    occupation,
  };
}

const fairSchema = (today: string) =>
  z
    .object({
      title: z.string().min(3).max(200),
      description: z.string().max(4000),
      startsOn: z
        .string()
        .refine(isDay, 'date')
        .refine((d) => d >= today, 'past'),
      endsOn: z.string().refine(isDay, 'date'),
      timeZone: z.string().refine(isTimeZone, 'zone'),
      states: z.array(z.enum(STATE_CODES)).min(1),
      countries: z.array(z.string().refine(isCountryCode, 'country')).min(1).max(50),
    })
    .refine((v) => !isDay(v.startsOn) || !isDay(v.endsOn) || v.endsOn >= v.startsOn, {
      path: ['endsOn'],
      message: 'before-start',
    });

export type NewFair = z.output<ReturnType<typeof fairSchema>> & { occupations: string[] };

/** Checks the fair's form; the occupations are resolved by the search (the chosen one kept, else offered). */
export async function checkFair(
  input: FairInput,
  search: OccupationSearch,
  locale: 'de' | 'en',
  today: string,
  message: (field: string, rule: string) => string,
): Promise<{ value: NewFair | null; errors: FieldError[] }> {
  const form = parseForm(fairSchema(today), input, (e) =>
    message(e.field.split('.')[0] ?? e.field, 'invalid'),
  );
  const seen = new Set<string>();
  const errors = form.ok
    ? []
    : form.errors
        .map((e) => ({ ...e, field: e.field.split('.')[0] ?? e.field }))
        .filter((e) => !seen.has(e.field) && seen.add(e.field));
  const occupations: string[] = [];
  for (const n of OCCUPATION_FIELDS) {
    const o = input.occupation[n] as FairInput['occupation'][number];
    if (o.text === '') continue;
    const r = await resolveOccupation(search, o.text, o.kldb, locale);
    o.text = r.occupation;
    o.kldb = r.occupationKldb;
    o.candidates = r.candidates;
    const field = r.error?.field === 'occupationKldb' ? `occupationKldb${n}` : `occupation${n}`;
    if (r.error) errors.push({ field, rule: r.error.rule, message: message('occupation', r.error.rule) });
    else if (!occupations.includes(r.occupationKldb)) occupations.push(r.occupationKldb);
  }
  if (occupations.length === 0 && !errors.some((e) => e.field.startsWith('occupation')))
    errors.push({ field: 'occupation1', rule: 'required', message: message('occupation', 'required') });
  if (!form.ok || errors.length > 0) return { value: null, errors };
  return { value: { ...form.values, occupations }, errors: [] };
}

/** A wall-clock time in a zone ("14.05.2027" and "09:30") as the instant, or null. */
export function instantIn(day: string, clock: string, timeZone: string): Date | null {
  const iso = isoFromInput(day);
  const minutes = parseClock(clock.trim());
  if (!isDay(iso) || minutes === null) return null;
  return new Date(localToUtc(iso, minutes, timeZone));
}

export interface SessionInput {
  title: string;
  link: string;
  capacity: string;
  day: string;
  start: string;
  end: string;
}

export function sessionInput(body: unknown): SessionInput {
  const b = (body ?? {}) as Record<string, unknown>;
  return {
    title: str(b.title),
    link: str(b.link),
    capacity: str(b.capacity),
    day: str(b.day),
    start: str(b.start),
    end: str(b.end),
  };
}

export type NewSession = { title: string; link: string; capacity: number; startsAt: Date; endsAt: Date };

/** Checks a talk: on a day of the fair, the end after the start, a web link, a capacity of 1 to 100 000. */
export function checkSession(
  input: SessionInput,
  f: { startsOn: string; endsOn: string; timeZone: string },
): { value: NewSession | null; errors: { field: string; rule: string }[] } {
  const errors: { field: string; rule: string }[] = [];
  if (input.title.length < 3 || input.title.length > 200) errors.push({ field: 'title', rule: 'length' });
  if (!/^https:\/\/[^\s]+$/.test(input.link) || input.link.length > 500)
    errors.push({ field: 'link', rule: 'url' });
  const capacity = /^\d{1,6}$/.test(input.capacity) ? Number(input.capacity) : 0;
  if (capacity < 1 || capacity > 100_000) errors.push({ field: 'capacity', rule: 'range' });
  const day = isoFromInput(input.day);
  if (!isDay(day) || day < f.startsOn || day > f.endsOn) errors.push({ field: 'day', rule: 'during-fair' });
  const startsAt = instantIn(day, input.start, f.timeZone);
  const endsAt = instantIn(day, input.end, f.timeZone);
  if (!startsAt) errors.push({ field: 'start', rule: 'time' });
  if (!endsAt || (startsAt && endsAt <= startsAt)) errors.push({ field: 'end', rule: 'after-start' });
  if (errors.length > 0 || !startsAt || !endsAt) return { value: null, errors };
  return { value: { title: input.title, link: input.link, capacity, startsAt, endsAt }, errors };
}

/** Checks a meeting slot: a day of the fair, a start time (in the fair's zone), 5 to 120 minutes. */
export function checkSlot(
  input: { day: string; start: string; minutes: string },
  f: { startsOn: string; endsOn: string; timeZone: string },
): { value: { startsAt: Date; minutes: number } | null; errors: { field: string; rule: string }[] } {
  const errors: { field: string; rule: string }[] = [];
  const day = isoFromInput(input.day);
  if (!isDay(day)) errors.push({ field: 'day', rule: 'time' });
  else if (day < f.startsOn || day > f.endsOn) errors.push({ field: 'day', rule: 'during-fair' });
  if (parseClock(input.start) === null) errors.push({ field: 'start', rule: 'time' });
  const minutes = /^\d{1,3}$/.test(input.minutes) ? Number(input.minutes) : 0;
  if (minutes < 5 || minutes > 120) errors.push({ field: 'minutes', rule: 'range' });
  const startsAt = instantIn(day, input.start, f.timeZone);
  if (errors.length > 0 || !startsAt) return { value: null, errors };
  return { value: { startsAt, minutes }, errors };
}
