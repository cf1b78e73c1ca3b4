/**
 * The evaluation context: the profile, the parameters in force on the date, and the facts derived once per
 * profile (age, language ranks, experience within the statutory windows). Pathways read only this.
 */
import { addYears, ageOn, type IsoDate, toDayNumber } from '../calendar.ts';
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

/**
 * Covered calendar days of experience between `date − years` (inclusive) and `date` (inclusive), merging
 * overlapping jobs. `relevance` decides per entry: true (counts), false (ignored), undefined (uncertain).
 */
export function experienceWithin(
  entries: readonly ExperienceEntry[] | undefined,
  date: IsoDate,
  years: number,
  relevance?: (entry: ExperienceEntry) => boolean | undefined,
): ExperienceDays | undefined {
  if (entries === undefined) return undefined;
  const windowStart = toDayNumber(addYears(date, -years));
  const windowEnd = toDayNumber(date);
  const intervals: Interval[] = [];
  for (const entry of entries) {
    const relevant = relevance === undefined ? true : relevance(entry);
    if (relevant === false) continue;
    const from = Math.max(toDayNumber(entry.from), windowStart);
    const to = Math.min(entry.to == null ? windowEnd : toDayNumber(entry.to), windowEnd);
    if (to < from) continue;
    intervals.push({ from, to, certain: relevant === true });
  }
  intervals.sort((a, b) => a.from - b.from);
  return { definite: coveredDays(intervals, true), possible: coveredDays(intervals, false) };
}

function itRelevance(entry: ExperienceEntry): boolean | undefined {
  return entry.isco08 === undefined ? undefined : inIscoGroups(entry.isco08, IT_GROUPS);
}

export function createContext(profile: PathwayProfile): EvaluationContext {
  const { date, person } = profile;
  const experience = person.experience;
  return {
    date,
    day: toDayNumber(date),
    profile,
    person,
    job: profile.job,
    education: profile.education,
    params: parameterSnapshot(date),
    age: ageOn(person.birthDate, date),
    german: languageRank(person.languages?.german),
    english: languageRank(person.languages?.english),
    experience5: experienceWithin(experience, date, 5),
    experience7: experienceWithin(experience, date, 7),
    itExperience7: experience === undefined ? undefined : experienceWithin(experience, date, 7, itRelevance),
  };
}
