/**
 * A talent pool profile (issue 16, V4): what an applicant states about themselves for confirmed employers and the
 * states' ministries, which of those facts they release, and the search over the released facts. Pure: the caller
 * resolves the occupation (the registry's search) and passes today's date and the states.
 *
 * The rule of the pool: a reader sees, and a filter matches, only released facts. A filter on a fact the applicant
 * did not release never matches (else the filter itself would reveal the fact).
 */
import { compareDates, isIsoDate } from '../calendar.ts';
import {
  LANGUAGE_LEVELS,
  type LanguageLevel,
  RECOGNITION_STATES,
  type RecognitionState,
} from '../law/index.ts';

/** The facts an applicant may release, one by one. */
export const POOL_FIELDS = [
  'occupation',
  'qualification',
  'recognition',
  'languages',
  'availableFrom',
  'preferredStates',
] as const;
export type PoolField = (typeof POOL_FIELDS)[number];

/** The highest qualification, as a level. */
export const QUALIFICATION_LEVELS = ['none', 'vocational', 'bachelor', 'master', 'doctorate'] as const;
export type QualificationLevel = (typeof QUALIFICATION_LEVELS)[number];

export { RECOGNITION_STATES, type RecognitionState };

/** Languages a profile may name (ISO 639-1; the pages show their names). */
export const POOL_LANGUAGES = [
  'de',
  'en',
  'ar',
  'es',
  'fa',
  'fr',
  'hi',
  'id',
  'it',
  'pl',
  'pt',
  'ro',
  'ru',
  'tl',
  'tr',
  'uk',
  'vi',
  'zh',
] as const;
/** Levels a language is spoken at ("none" is no language to name). */
export const SPOKEN_LEVELS = LANGUAGE_LEVELS.filter((l) => l !== 'none') as Exclude<LanguageLevel, 'none'>[];
/** How many languages the form offers. */
export const LANGUAGE_ROWS = 3;

export type SpokenLanguage = { code: string; level: LanguageLevel };

export type PoolProfileInput = {
  occupationKldb: string;
  qualification: QualificationLevel;
  recognition: RecognitionState;
  languages: SpokenLanguage[];
  availableFrom: string;
  preferredStates: string[];
  /** The states whose pool the applicant joins (where confirmed employers and officers may find them). */
  poolStates: string[];
  released: PoolField[];
};

export type PoolFieldError = { field: string; rule: string };
export type PoolCheck = { ok: true; value: PoolProfileInput } | { ok: false; errors: PoolFieldError[] };

/** What the form sends; lists (states, released fields) as arrays, the rest as strings. */
export type RawPoolProfile = Partial<Record<string, unknown>>;

const str = (raw: RawPoolProfile, k: string) => (typeof raw[k] === 'string' ? (raw[k] as string).trim() : '');
const many = (raw: RawPoolProfile, k: string): string[] => {
  const v = raw[k];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return [...new Set(list.filter((x): x is string => typeof x === 'string' && x !== ''))];
};
const isOne = <T extends string>(values: readonly T[], v: string): v is T =>
  (values as readonly string[]).includes(v);

/** Checks a profile field by field; the occupation comes already resolved (`occupationKldb`, '' when not). */
export function checkProfile(
  raw: RawPoolProfile,
  ctx: { today: string; states: readonly string[]; latestStartYears: number },
): PoolCheck {
  const errors: PoolFieldError[] = [];
  const qualification = str(raw, 'qualification');
  if (!isOne(QUALIFICATION_LEVELS, qualification)) errors.push({ field: 'qualification', rule: 'choice' });
  const recognition = str(raw, 'recognition');
  if (!isOne(RECOGNITION_STATES, recognition)) errors.push({ field: 'recognition', rule: 'choice' });
  const languages: SpokenLanguage[] = [];
  for (let i = 1; i <= LANGUAGE_ROWS; i++) {
    const code = str(raw, `language${i}`);
    const level = str(raw, `level${i}`);
    if (code === '' && level === '') continue;
    if (!isOne(POOL_LANGUAGES, code)) errors.push({ field: `language${i}`, rule: 'choice' });
    else if (!isOne(SPOKEN_LEVELS, level)) errors.push({ field: `level${i}`, rule: 'choice' });
    else if (languages.some((l) => l.code === code)) errors.push({ field: `language${i}`, rule: 'twice' });
    else languages.push({ code, level });
  }
  const availableFrom = str(raw, 'availableFrom');
  const latest = `${Number(ctx.today.slice(0, 4)) + ctx.latestStartYears}${ctx.today.slice(4)}`;
  if (!isIsoDate(availableFrom)) errors.push({ field: 'availableFrom', rule: 'date' });
  else if (compareDates(availableFrom, latest) > 0) errors.push({ field: 'availableFrom', rule: 'too-late' });
  const preferredStates = many(raw, 'preferredStates');
  if (preferredStates.some((s) => !ctx.states.includes(s)))
    errors.push({ field: 'preferredStates', rule: 'choice' });
  const poolStates = many(raw, 'poolStates');
  if (poolStates.length === 0) errors.push({ field: 'poolStates', rule: 'required' });
  else if (poolStates.some((s) => !ctx.states.includes(s)))
    errors.push({ field: 'poolStates', rule: 'choice' });
  const released = many(raw, 'released');
  if (released.length === 0) errors.push({ field: 'released', rule: 'required' });
  else if (released.some((f) => !isOne(POOL_FIELDS, f))) errors.push({ field: 'released', rule: 'choice' });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      occupationKldb: str(raw, 'occupationKldb'),
      qualification: qualification as QualificationLevel,
      recognition: recognition as RecognitionState,
      languages,
      availableFrom,
      preferredStates: ctx.states.filter((s) => preferredStates.includes(s)),
      poolStates: ctx.states.filter((s) => poolStates.includes(s)),
      released: POOL_FIELDS.filter((f) => released.includes(f)),
    },
  };
}

/** A profile as a reader sees it: the released facts only, the others absent. */
export type ReleasedProfile = {
  occupationKldb?: string;
  qualification?: QualificationLevel;
  recognition?: RecognitionState;
  languages?: SpokenLanguage[];
  availableFrom?: string;
  preferredStates?: string[];
};

/** The released facts of a profile (a copy; nothing else of the profile is carried along). */
export function releasedView(p: PoolProfileInput): ReleasedProfile {
  const out: ReleasedProfile = {};
  const has = (f: PoolField) => p.released.includes(f);
  if (has('occupation')) out.occupationKldb = p.occupationKldb;
  if (has('qualification')) out.qualification = p.qualification;
  if (has('recognition')) out.recognition = p.recognition;
  if (has('languages')) out.languages = p.languages.map((l) => ({ ...l }));
  if (has('availableFrom')) out.availableFrom = p.availableFrom;
  if (has('preferredStates')) out.preferredStates = [...p.preferredStates];
  return out;
}

/** A search of the pool: each filter optional. */
export type PoolFilter = {
  occupationKldb?: string | undefined;
  /** A preferred state of work. */
  state?: string | undefined;
  /** A language spoken at least at `minLevel` (any level when absent). */
  language?: string | undefined;
  minLevel?: LanguageLevel | undefined;
  recognition?: RecognitionState | undefined;
  /** Available on this day at the latest. */
  availableBy?: string | undefined;
};

const rank = (l: LanguageLevel) => LANGUAGE_LEVELS.indexOf(l);

/** Whether a profile matches a search, judged on its released facts only. */
export function matches(p: PoolProfileInput, f: PoolFilter): boolean {
  const r = releasedView(p);
  if (f.occupationKldb && r.occupationKldb !== f.occupationKldb) return false;
  if (f.state && !(r.preferredStates ?? []).includes(f.state)) return false;
  if (f.recognition && r.recognition !== f.recognition) return false;
  if (f.availableBy && (r.availableFrom === undefined || compareDates(r.availableFrom, f.availableBy) > 0))
    return false;
  if (f.language) {
    const spoken = (r.languages ?? []).find((l) => l.code === f.language);
    if (!spoken || (f.minLevel && rank(spoken.level) < rank(f.minLevel))) return false;
  }
  return true;
}

/** Whether a reader competent for these states may find the profile: it joined the pool of one of them. */
export function visibleTo(p: Pick<PoolProfileInput, 'poolStates'>, readerStates: readonly string[]): boolean {
  return p.poolStates.some((s) => readerStates.includes(s));
}
