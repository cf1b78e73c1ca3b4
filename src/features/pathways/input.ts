/**
 * The request schema of `POST /api/v1/pathways/evaluate`, built from the engine's value sets.
 * Every fact is optional except `date` and `person.birthDate`; `null` counts as "not given".
 * Impossible dates, unknown enum values, negative amounts and jobs that end before they start
 * are refused, each naming its field (`body.person.experience.0.to`).
 */
import { z } from 'zod';
import {
  ENGINE_HORIZON_START,
  LANGUAGE_LEVELS,
  LOCATIONS,
  type PathwayProfile,
  QUALIFICATION_KINDS,
  RECOGNITION_STATES,
  REGULATED_PERMIT_STATES,
  STATUSES,
} from '../../domain/law/index.ts';

/** A calendar date; `z.iso.date()` refuses impossible days such as 2026-02-30. */
export const isoDate = z.iso.date({ error: 'must be a calendar date YYYY-MM-DD' });

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

export const amount = (max: number) =>
  z
    .number({ error: 'must be a number' })
    .min(0, { error: 'must not be negative' })
    .max(max, { error: `must be at most ${max}` });

const whole = (max: number) => amount(max).int({ error: 'must be a whole number' });

export const isco08 = z.string().regex(/^[0-9]{1,4}$/, { error: 'must be an ISCO-08 code of 1 to 4 digits' });

export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code such as IN or XK' });

/** Optional fact: absent or null means "not given". */
const opt = <S extends z.ZodType>(schema: S) => schema.nullish();

const experienceEntry = z
  .strictObject({ from: isoDate, to: opt(isoDate), isco08: opt(isco08) })
  .superRefine((e, ctx) => {
    if (e.to && e.to < e.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    }
  });

const qualification = z.strictObject({
  kind: opt(oneOf(QUALIFICATION_KINDS)),
  trainingYears: opt(amount(20)),
  stateRecognizedAbroad: opt(z.boolean()),
  recognitionInGermany: opt(oneOf(RECOGNITION_STATES)),
  completedOn: opt(isoDate),
  isco08: opt(isco08),
  shortageOccupation: opt(z.boolean()),
});

const person = z.strictObject({
  birthDate: isoDate,
  citizenship: opt(countryCode),
  location: opt(oneOf(LOCATIONS)),
  status: opt(oneOf(STATUSES)),
  statusSince: opt(isoDate),
  inGermanySince: opt(isoDate),
  qualification: opt(qualification),
  experience: opt(z.array(experienceEntry).max(50, { error: 'must list at most 50 jobs' })),
  languages: opt(
    z.strictObject({ german: opt(oneOf(LANGUAGE_LEVELS)), english: opt(oneOf(LANGUAGE_LEVELS)) }),
  ),
  germanStayMonths: opt(whole(1200)),
  adequatePensionProvision: opt(z.boolean()),
  spouseAppliesForChancenkarte: opt(z.boolean()),
  monthlyFundsEur: opt(amount(1_000_000)),
  pensionContributionMonths: opt(whole(1200)),
  fines: opt(z.strictObject({ generalDailyRates: whole(100_000), residenceLawDailyRates: whole(100_000) })),
  livelihoodMainlyFromWork: opt(z.boolean()),
  livesWithMinorChild: opt(z.boolean()),
});

const job = z.strictObject({
  isco08: opt(isco08),
  annualSalaryEur: opt(amount(100_000_000)),
  qualified: opt(z.boolean()),
  matchesQualification: opt(z.boolean()),
  employerCollectiveAgreement: opt(z.boolean()),
  contractMonths: opt(whole(1200)),
  weeklyHours: opt(amount(168)),
  regulatedPermit: opt(oneOf(REGULATED_PERMIT_STATES)),
  recognitionPartnershipAgreement: opt(z.boolean()),
});

const education = z.strictObject({
  trainingPlaceOffer: opt(z.boolean()),
  studyAdmission: opt(z.boolean()),
  universityEntranceQualification: opt(z.boolean()),
  qualificationMeasureOffer: opt(z.boolean()),
  germanSchoolOrQualification: opt(z.boolean()),
  completedInGermany: opt(z.boolean()),
});

export const evaluateRequest = z
  .strictObject({
    date: isoDate.refine((d) => d >= ENGINE_HORIZON_START, {
      error: `must be on or after ${ENGINE_HORIZON_START}`,
    }),
    person,
    job: opt(job),
    education: opt(education),
  })
  .superRefine((r, ctx) => {
    if (r.person.birthDate > r.date) {
      ctx.addIssue({ code: 'custom', path: ['person', 'birthDate'], message: 'must not be after date' });
    }
  })
  .transform((r) => compact(r) as PathwayProfile);

/**
 * Drops `null` and `undefined` values (the engine reads an absent fact as unknown), keeping
 * `statusSince`, `inGermanySince` and an experience entry's `to`, where null has a meaning.
 */
export function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => compact(v));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (v === null && !NULL_MEANS_SOMETHING.has(k)) continue;
    out[k] = compact(v);
  }
  return out;
}

const NULL_MEANS_SOMETHING = new Set(['statusSince', 'inGermanySince', 'to']);
