/**
 * The evaluation context: the profile, the parameters in force on the date, and the facts derived once per
 * profile (age, language ranks, experience within the statutory windows). Pathways read only this.
 */
import { addMonths, addYears, ageOn, type IsoDate, toDayNumber } from '../calendar.ts';
import { IT_GROUPS, inIscoGroups } from './occupations.ts';
import { type ParameterSnapshot, parameterSnapshot } from './parameters/parameters.ts';
import type { Education, ExperienceEntry, Job, LanguageLevel, PathwayProfile, Person } from './types.ts';

const LANGUAGE_RANK: Readonly<Record<LanguageLevel, number>> = {
  none: 0,
  A1: 1,
  A2: 2,
  B1: 3,
  B2: 4,
  C1: 5,
  C2: 6,
};

export function languageRank(level: LanguageLevel | undefined): number | undefined {
  return level === undefined ? undefined : LANGUAGE_RANK[level];
}

/** Days of experience in a window: `definite` counts surely relevant entries, `possible` adds uncertain ones. */
export type ExperienceDays = { readonly definite: number; readonly possible: number };

/** A year of experience is counted as 365 covered calendar days (one day of tolerance in leap years). */
export const DAYS_PER_YEAR = 365;

export type EvaluationContext = {
  readonly date: IsoDate;
  readonly day: number;
  /** Per-date memo (shared by all profiles of the date). */
  readonly dateFacts: DateFacts;
  readonly profile: PathwayProfile;
  readonly person: Person;
  readonly job: Job | undefined;
  readonly education: Education | undefined;
  readonly params: ParameterSnapshot;
  readonly age: number;
  readonly german: number | undefined;
  readonly english: number | undefined;
  /** Experience within the last 5 years (§ 6 BeschV, Chancenkarte Nr. 7). */
  readonly experience5: ExperienceDays | undefined;
  /** Experience within the last 7 years (Chancenkarte Nr. 6). */
  readonly experience7: ExperienceDays | undefined;
  /** IT experience (ISCO 133/25) within the last 7 years (§ 18g Abs. 2). */
  readonly itExperience7: ExperienceDays | undefined;
};

type Interval = { from: number; to: number; certain: boolean };

function coveredDays(intervals: Interval[], certainOnly: boolean): number {
  let total = 0;
  let currentFrom = Number.NaN;
  let currentTo = Number.NaN;
  for (const interval of intervals) {
    if (certainOnly && !interval.certain) continue;
    if (Number.isNaN(currentFrom) || interval.from > currentTo + 1) {
      if (!Number.isNaN(currentFrom)) total += currentTo - currentFrom + 1;
      currentFrom = interval.from;
      currentTo = interval.to;
    } else if (interval.to > currentTo) {
      currentTo = interval.to;
    }
  }
  if (!Number.isNaN(currentFrom)) total += currentTo - currentFrom + 1;
  return total;
}

function itRelevance(entry: ExperienceEntry): boolean | undefined {
  return entry.isco08 === undefined ? undefined : inIscoGroups(entry.isco08, IT_GROUPS);
}

type DateFacts = {
  readonly day: number;
  readonly start5: number;
  readonly start7: number;
  readonly monthsBefore: Map<number, IsoDate>;
};
const dateFacts = new Map<IsoDate, DateFacts>();

/** Day numbers of the date and of the 5- and 7-year window starts, memoised per date. */
function factsOf(date: IsoDate): DateFacts {
  const cached = dateFacts.get(date);
  if (cached !== undefined) return cached;
  const facts = {
    day: toDayNumber(date),
    start5: toDayNumber(addYears(date, -5)),
    start7: toDayNumber(addYears(date, -7)),
    monthsBefore: new Map<number, IsoDate>(),
  };
  if (dateFacts.size >= 4096) dateFacts.clear();
  dateFacts.set(date, facts);
  return facts;
}

type Parsed = { from: number; to: number; it: boolean | undefined };

function windowDays(entries: readonly Parsed[], start: number, end: number, itOnly: boolean): ExperienceDays {
  const intervals: Interval[] = [];
  for (const e of entries) {
    if (itOnly && e.it === false) continue;
    const from = Math.max(e.from, start);
    const to = Math.min(e.to, end);
    if (to < from) continue;
    intervals.push({ from, to, certain: !itOnly || e.it === true });
  }
  if (intervals.length > 1) intervals.sort((a, b) => a.from - b.from);
  const definite = coveredDays(intervals, true);
  return { definite, possible: itOnly ? coveredDays(intervals, false) : definite };
}

export function createContext(profile: PathwayProfile): EvaluationContext {
  const { date, person } = profile;
  const facts = factsOf(date);
  const experience = person.experience;
  let experience5: ExperienceDays | undefined;
  let experience7: ExperienceDays | undefined;
  let itExperience7: ExperienceDays | undefined;
  if (experience !== undefined) {
    const parsed: Parsed[] = experience.map((e) => ({
      from: toDayNumber(e.from),
      to: e.to == null ? facts.day : toDayNumber(e.to),
      it: itRelevance(e),
    }));
    experience5 = windowDays(parsed, facts.start5, facts.day, false);
    experience7 = windowDays(parsed, facts.start7, facts.day, false);
    itExperience7 = windowDays(parsed, facts.start7, facts.day, true);
  }
  return {
    date,
    day: facts.day,
    dateFacts: facts,
    profile,
    person,
    job: profile.job,
    education: profile.education,
    params: parameterSnapshot(date),
    age: ageOn(person.birthDate, date),
    german: languageRank(person.languages?.german),
    english: languageRank(person.languages?.english),
    experience5,
    experience7,
    itExperience7,
  };
}

/** The date `months` calendar months before the evaluation date, memoised per date. */
export function monthsBefore(ctx: EvaluationContext, months: number): IsoDate {
  const memo = ctx.dateFacts.monthsBefore;
  let value = memo.get(months);
  if (value === undefined) {
    value = addMonths(ctx.date, -months);
    memo.set(months, value);
  }
  return value;
}
