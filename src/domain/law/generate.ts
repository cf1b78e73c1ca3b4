/**
 * Deterministic profile generator for benchmarks and property tests (seeded PRNG, no I/O).
 * `generateProfiles(n, seed)` returns the same n profiles for the same seed.
 */
import { addDays, fromDayNumber, type IsoDate, toDayNumber } from '../calendar.ts';
import {
  type ExperienceEntry,
  LANGUAGE_LEVELS,
  LOCATIONS,
  type PathwayProfile,
  QUALIFICATION_KINDS,
  RECOGNITION_STATES,
  REGULATED_PERMIT_STATES,
  STATUSES,
} from './types.ts';

export type Random = {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, maxInclusive: number): number;
  pick<T>(values: readonly T[]): T;
  chance(p: number): boolean;
};

/** mulberry32: small, fast, good enough for test data. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, maxInclusive: number) => min + Math.floor(next() * (maxInclusive - min + 1));
  return {
    next,
    int,
    pick: <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T,
    chance: (p: number) => next() < p,
  };
}

const FIRST_DAY = toDayNumber('2022-06-01');
const LAST_DAY = toDayNumber('2026-12-31');
const ISCO_CODES = [
  '2512',
  '2511',
  '2144',
  '2211',
  '2221',
  '2341',
  '1330',
  '2431',
  '3221',
  '7411',
  '8332',
  '5120',
  '9112',
  '4110',
  '2635',
  '1321',
];
const CITIZENSHIPS = ['IN', 'BR', 'VN', 'UA', 'SY', 'AL', 'RS', 'XK', 'TR', 'MA', 'PH', 'CO', 'US'];
const SALARY_ANCHORS = [
  39_682.8, 41_041.8, 43_470, 43_759.8, 45_300, 45_630, 45_934.2, 48_300, 50_700, 53_130, 55_770,
];

function dateBetween(r: Random, from: number, to: number): IsoDate {
  return fromDayNumber(r.int(from, to));
}

function maybe<T>(r: Random, p: number, value: () => T): T | undefined {
  return r.chance(p) ? value() : undefined;
}

function salary(r: Random): number {
  if (r.chance(0.4)) {
    const anchor = r.pick(SALARY_ANCHORS);
    return Math.round((anchor + r.pick([-0.01, 0, 0.01, -500, 500])) * 100) / 100;
  }
  return r.int(18_000, 95_000);
}

function experience(r: Random, date: IsoDate): ExperienceEntry[] {
  const entries: ExperienceEntry[] = [];
  const count = r.int(0, 3);
  const end = toDayNumber(date);
  for (let i = 0; i < count; i++) {
    const from = r.int(end - 10 * 365, end - 30);
    const to = r.chance(0.3) ? null : fromDayNumber(r.int(from, end + 200));
    const entry: ExperienceEntry = { from: fromDayNumber(from), to };
    if (r.chance(0.7)) entry.isco08 = r.pick(ISCO_CODES);
    entries.push(entry);
  }
  return entries;
}

function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

/** One random profile; every optional fact is present with a fixed probability. */
export function randomProfile(r: Random): PathwayProfile {
  const date = dateBetween(r, FIRST_DAY, LAST_DAY);
  const dateDay = toDayNumber(date);
  const birthDate = dateBetween(r, dateDay - 60 * 365, dateDay - 15 * 365);
  const p = 0.85;
  const kind = maybe(r, p, () => r.pick(QUALIFICATION_KINDS));
  const profile: PathwayProfile = {
    date,
    person: compact({
      birthDate,
      citizenship: maybe(r, p, () => r.pick(CITIZENSHIPS)),
      location: maybe(r, p, () => r.pick(LOCATIONS)),
      status: maybe(r, p, () => (r.chance(0.5) ? 'none' : r.pick(STATUSES))),
      statusSince: maybe(r, 0.7, () => dateBetween(r, dateDay - 12 * 365, dateDay)),
      inGermanySince: maybe(r, 0.2, () => dateBetween(r, dateDay - 12 * 365, dateDay)),
      qualification: maybe(r, 0.9, () =>
        compact({
          kind,
          trainingYears: maybe(r, p, () => r.int(1, 4)),
          stateRecognizedAbroad: maybe(r, p, () => r.chance(0.8)),
          recognitionInGermany: maybe(r, p, () => r.pick(RECOGNITION_STATES)),
          completedOn: maybe(r, p, () => dateBetween(r, dateDay - 15 * 365, dateDay)),
          isco08: maybe(r, p, () => r.pick(ISCO_CODES)),
        }),
      ),
      experience: maybe(r, p, () => experience(r, date)),
      languages: maybe(r, 0.95, () =>
        compact({
          german: maybe(r, p, () => r.pick(LANGUAGE_LEVELS)),
          english: maybe(r, p, () => r.pick(LANGUAGE_LEVELS)),
        }),
      ),
      germanStayMonths: maybe(r, p, () => r.pick([0, 0, 3, 5, 6, 7, 24])),
      adequatePensionProvision: maybe(r, p, () => r.chance(0.2)),
      spouseAppliesForChancenkarte: maybe(r, p, () => r.chance(0.3)),
      monthlyFundsEur: maybe(r, p, () =>
        r.pick([0, 500, 933.99, 934, 991.99, 992, 1026.99, 1027, 1090.99, 1091, 1500]),
      ),
      pensionContributionMonths: maybe(r, 0.5, () => r.int(0, 60)),
      fines: maybe(r, 0.4, () => ({
        generalDailyRates: r.pick([0, 30, 50, 51, 60]),
        residenceLawDailyRates: r.pick([0, 60, 90, 91]),
      })),
      livelihoodMainlyFromWork: maybe(r, 0.5, () => r.chance(0.5)),
      livesWithMinorChild: maybe(r, 0.5, () => r.chance(0.4)),
    }),
  };
  if (r.chance(0.8)) {
    profile.job = compact({
      isco08: maybe(r, p, () => r.pick(ISCO_CODES)),
      annualSalaryEur: maybe(r, p, () => salary(r)),
      qualified: maybe(r, p, () => r.chance(0.8)),
      matchesQualification: maybe(r, p, () => r.chance(0.8)),
      employerCollectiveAgreement: maybe(r, p, () => r.chance(0.4)),
      contractMonths: maybe(r, p, () => r.pick([3, 5, 6, 12, 24, 36])),
      weeklyHours: maybe(r, p, () => r.pick([20, 30, 40])),
      regulatedPermit: maybe(r, p, () => r.pick(REGULATED_PERMIT_STATES)),
      recognitionPartnershipAgreement: maybe(r, 0.5, () => r.chance(0.5)),
    });
  }
  if (r.chance(0.6)) {
    profile.education = compact({
      trainingPlaceOffer: maybe(r, p, () => r.chance(0.5)),
      studyAdmission: maybe(r, p, () => r.chance(0.5)),
      universityEntranceQualification: maybe(r, p, () => r.chance(0.6)),
      qualificationMeasureOffer: maybe(r, p, () => r.chance(0.5)),
      germanSchoolOrQualification: maybe(r, p, () => r.chance(0.5)),
      completedInGermany: maybe(r, p, () => r.chance(0.5)),
    });
  }
  return profile;
}

/** `n` deterministic profiles for the seed (default 1). */
export function generateProfiles(n: number, seed = 1): PathwayProfile[] {
  const r = createRandom(seed);
  const profiles: PathwayProfile[] = new Array(n);
  for (let i = 0; i < n; i++) profiles[i] = randomProfile(r);
  return profiles;
}

/** Shifts a date by whole days (re-exported for tests building windows). */
export const shiftDays = addDays;
