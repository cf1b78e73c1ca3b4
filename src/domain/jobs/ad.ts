/**
 * A job ad (issue 16): what an employer states, checked field by field, and the flags computed from it (never
 * typed): "English is enough", "§ 81a ready", "recognition needed", "collective agreement". Pure: the caller
 * passes what the ad does not say itself (whether the employer is confirmed, whether the occupation is regulated).
 */
import { compareDates, isIsoDate } from '../calendar.ts';
import { LANGUAGE_LEVELS, type LanguageLevel } from '../law/index.ts';

export { LANGUAGE_LEVELS, type LanguageLevel };

export const JOB_AD_STATUSES = ['draft', 'published', 'paused'] as const;
export type JobAdStatus = (typeof JOB_AD_STATUSES)[number];

/** Limits of the stated facts: a week has at most 48 regular hours (ArbZG § 3), a contract at most ten years. */
export const LIMITS = {
  titleMax: 160,
  salaryMin: 1,
  salaryMax: 1_000_000,
  hoursMin: 1,
  hoursMax: 48,
  monthsMin: 1,
  monthsMax: 120,
  agreementMax: 200,
  textMax: 4000,
} as const;

/** An ad as the employer states it, checked. */
export type JobAdInput = {
  titleDe: string | null;
  titleEn: string | null;
  /** The occupation (KldB, as the registry's search chose it). */
  occupationKldb: string;
  districtAgs: string;
  salaryMinEur: number;
  /** The top of a range; null for one figure. */
  salaryMaxEur: number | null;
  weeklyHours: number;
  /** Months of a fixed-term contract; null for open-ended. */
  contractMonths: number | null;
  germanLevel: LanguageLevel;
  englishLevel: LanguageLevel;
  startDate: string;
  expiresOn: string;
  /** The collective agreement the employer applies, by name; '' for none. */
  collectiveAgreement: string;
  /** The employer is willing to start the accelerated procedure (§ 81a AufenthG). */
  willingAccelerated: boolean;
  descriptionDe: string;
  descriptionEn: string;
};

export type AdFieldError = { field: keyof JobAdInput; rule: string };
export type AdCheck = { ok: true; value: JobAdInput } | { ok: false; errors: AdFieldError[] };

/** What the form sends: every field a string (absent = ''). */
export type RawAd = Partial<Record<string, unknown>>;

const text = (raw: RawAd, k: string) => (typeof raw[k] === 'string' ? (raw[k] as string).trim() : '');

function wholeNumber(s: string): number | null {
  const plain = s.replace(/[\s.]/g, '');
  return /^[0-9]{1,9}$/.test(plain) ? Number(plain) : null;
}

const levelOf = (s: string): LanguageLevel | null =>
  (LANGUAGE_LEVELS as readonly string[]).includes(s) ? (s as LanguageLevel) : null;

/**
 * Checks an ad as sent by the form. `today` bounds the expiry (an ad never expires in the past); `districts`
 * and `occupationKnown` say what exists. Every broken field is named with its rule.
 */
export function checkAd(
  raw: RawAd,
  ctx: { today: string; districts: ReadonlySet<string>; occupationKnown: (kldb: string) => boolean },
): AdCheck {
  const errors: AdFieldError[] = [];
  const err = (field: AdFieldError['field'], rule: string) => errors.push({ field, rule });
  const titleDe = text(raw, 'titleDe');
  const titleEn = text(raw, 'titleEn');
  if (titleDe === '' && titleEn === '') err('titleDe', 'one-title');
  if (titleDe.length > LIMITS.titleMax) err('titleDe', 'too-long');
  if (titleEn.length > LIMITS.titleMax) err('titleEn', 'too-long');
  const occupationKldb = text(raw, 'occupationKldb');
  if (occupationKldb === '') err('occupationKldb', 'required');
  else if (!/^[0-9]{5}$/.test(occupationKldb) || !ctx.occupationKnown(occupationKldb))
    err('occupationKldb', 'exists');
  const districtAgs = text(raw, 'districtAgs');
  if (!ctx.districts.has(districtAgs)) err('districtAgs', districtAgs === '' ? 'required' : 'exists');
  const salaryMin = wholeNumber(text(raw, 'salaryMinEur'));
  const salaryMaxText = text(raw, 'salaryMaxEur');
  const salaryMax = salaryMaxText === '' ? null : wholeNumber(salaryMaxText);
  if (salaryMin === null || salaryMin < LIMITS.salaryMin || salaryMin > LIMITS.salaryMax)
    err('salaryMinEur', 'range');
  if (salaryMaxText !== '' && (salaryMax === null || salaryMax > LIMITS.salaryMax))
    err('salaryMaxEur', 'range');
  else if (salaryMax !== null && salaryMin !== null && salaryMax < salaryMin) err('salaryMaxEur', 'order');
  const hours = wholeNumber(text(raw, 'weeklyHours'));
  if (hours === null || hours < LIMITS.hoursMin || hours > LIMITS.hoursMax) err('weeklyHours', 'range');
  const openEnded = text(raw, 'contract') !== 'fixed';
  const months = openEnded ? null : wholeNumber(text(raw, 'contractMonths'));
  if (!openEnded && (months === null || months < LIMITS.monthsMin || months > LIMITS.monthsMax))
    err('contractMonths', 'range');
  const german = levelOf(text(raw, 'germanLevel'));
  if (german === null) err('germanLevel', 'choice');
  const english = levelOf(text(raw, 'englishLevel'));
  if (english === null) err('englishLevel', 'choice');
  const startDate = text(raw, 'startDate');
  if (!isIsoDate(startDate)) err('startDate', 'date');
  const expiresOn = text(raw, 'expiresOn');
  if (!isIsoDate(expiresOn)) err('expiresOn', 'date');
  else if (compareDates(expiresOn, ctx.today) < 0) err('expiresOn', 'past');
  const collectiveAgreement = text(raw, 'collectiveAgreement');
  if (collectiveAgreement.length > LIMITS.agreementMax) err('collectiveAgreement', 'too-long');
  const descriptionDe = text(raw, 'descriptionDe');
  const descriptionEn = text(raw, 'descriptionEn');
  if (descriptionDe.length > LIMITS.textMax) err('descriptionDe', 'too-long');
  if (descriptionEn.length > LIMITS.textMax) err('descriptionEn', 'too-long');
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      titleDe: titleDe || null,
      titleEn: titleEn || null,
      occupationKldb,
      districtAgs,
      salaryMinEur: salaryMin as number,
      salaryMaxEur: salaryMax,
      weeklyHours: hours as number,
      contractMonths: months,
      germanLevel: german as LanguageLevel,
      englishLevel: english as LanguageLevel,
      startDate,
      expiresOn,
      collectiveAgreement,
      willingAccelerated: text(raw, 'willingAccelerated') === 'yes',
      descriptionDe,
      descriptionEn,
    },
  };
}

export const FLAGS = [
  'english-enough',
  'accelerated-ready',
  'recognition-needed',
  'collective-agreement',
] as const;
export type Flag = (typeof FLAGS)[number];

const rank = (l: LanguageLevel) => LANGUAGE_LEVELS.indexOf(l);

/** "English is enough": no German required, or German at most A1 with English named. */
export const englishEnough = (ad: Pick<JobAdInput, 'germanLevel' | 'englishLevel'>): boolean =>
  ad.germanLevel === 'none' || (rank(ad.germanLevel) <= rank('A1') && ad.englishLevel !== 'none');

/** The computed flags of an ad, in the order of FLAGS. */
export function adFlags(
  ad: Pick<JobAdInput, 'germanLevel' | 'englishLevel' | 'collectiveAgreement' | 'willingAccelerated'>,
  facts: { employerConfirmed: boolean; occupationRegulated: boolean },
): Flag[] {
  const on: Record<Flag, boolean> = {
    'english-enough': englishEnough(ad),
    'accelerated-ready': facts.employerConfirmed && ad.willingAccelerated,
    'recognition-needed': facts.occupationRegulated,
    'collective-agreement': ad.collectiveAgreement.trim() !== '',
  };
  return FLAGS.filter((f) => on[f]);
}

/** Whether an ad shows in the search: published, not expired, its employer confirmed now. */
export const visible = (
  ad: { status: JobAdStatus; expiresOn: string },
  employerConfirmed: boolean,
  today: string,
) => ad.status === 'published' && employerConfirmed && compareDates(ad.expiresOn, today) >= 0;
