/**
 * The two small tools beside the questionnaire: the Chancenkarte points calculator and the
 * employer's "what would this offer open for a candidate like …" check. Both are GET forms that
 * keep nothing; they reuse the questionnaire's field checks and the engine.
 */
import { addDays, addYears } from '../../domain/calendar.ts';
import {
  type ExperienceEntry,
  LANGUAGE_LEVELS,
  LOCATIONS,
  type Location,
  type PathwayProfile,
  type Qualification,
  RECOGNITION_STATES,
  REGULATED_PERMIT_STATES,
} from '../../domain/law/index.ts';
import type { Answers, FieldDef, StepDef } from './questionnaire.ts';

export const POINTS_FORM: StepDef = {
  id: 'points',
  paths: { de: '', en: '' },
  fields: [
    { name: 'birthDate', kind: 'date', path: '', required: true },
    { name: 'recognitionInGermany', kind: 'select', path: '', options: RECOGNITION_STATES },
    { name: 'german', kind: 'select', path: '', options: LANGUAGE_LEVELS },
    { name: 'english', kind: 'select', path: '', options: LANGUAGE_LEVELS },
    { name: 'experienceYears', kind: 'amount', path: '', max: 7 },
    { name: 'shortageOccupation', kind: 'yes-no', path: '' },
    { name: 'germanStayMonths', kind: 'whole', path: '', max: 1200 },
    { name: 'spouseAppliesForChancenkarte', kind: 'yes-no', path: '' },
  ],
};

const yes = (raw: string | undefined) => (raw ? raw === 'yes' : undefined);
const num = (raw: string | undefined) => (raw ? Number(raw) : undefined);

/** Recent experience of `years` as one job that ends on `date` (what the points count). */
function recentExperience(date: string, years: number, isco08?: string): ExperienceEntry[] {
  if (years <= 0) return [];
  const entry: ExperienceEntry = { from: addDays(date, -Math.round(years * 365)), to: date };
  if (isco08) entry.isco08 = isco08;
  return [entry];
}

export function pointsProfile(a: Answers, date: string): PathwayProfile {
  const qualification: Qualification = {};
  if (a.recognitionInGermany) qualification.recognitionInGermany = a.recognitionInGermany as never;
  const shortage = yes(a.shortageOccupation);
  if (shortage !== undefined) qualification.shortageOccupation = shortage;
  const profile: PathwayProfile = {
    date,
    person: { birthDate: a.birthDate as string, qualification },
  };
  const person = profile.person;
  const languages: NonNullable<typeof person.languages> = {};
  if (a.german) languages.german = a.german as never;
  if (a.english) languages.english = a.english as never;
  person.languages = languages;
  const years = num(a.experienceYears);
  if (years !== undefined) person.experience = recentExperience(date, years);
  const stay = num(a.germanStayMonths);
  if (stay !== undefined) person.germanStayMonths = stay;
  const spouse = yes(a.spouseAppliesForChancenkarte);
  if (spouse !== undefined) person.spouseAppliesForChancenkarte = spouse;
  return profile;
}

export const CANDIDATES = [
  'academic',
  'graduate',
  'vocational',
  'vocational-not-recognised',
  'it-no-degree',
] as const;
export type Candidate = (typeof CANDIDATES)[number];

const job = (name: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  name,
  kind: 'yes-no',
  path: '',
  group: 'job',
  ...extra,
});

export const OFFER_FORM: StepDef = {
  id: 'offer',
  paths: { de: '', en: '' },
  fields: [
    job('jobIsco', { kind: 'isco' }),
    job('annualSalaryEur', { kind: 'amount', max: 100_000_000, required: true }),
    job('qualified'),
    job('matchesQualification'),
    job('employerCollectiveAgreement'),
    job('contractMonths', { kind: 'whole', max: 1200 }),
    job('weeklyHours', { kind: 'amount', max: 168 }),
    job('regulatedPermit', { kind: 'select', options: REGULATED_PERMIT_STATES }),
    { name: 'candidate', kind: 'radio', path: '', options: CANDIDATES, required: true, group: 'candidate' },
    { name: 'candidateAge', kind: 'whole', path: '', max: 70, group: 'candidate' },
    { name: 'location', kind: 'radio', path: '', options: LOCATIONS, group: 'candidate' },
  ],
};

/**
 * A typical candidate for the offer: qualification, experience and languages of the kind chosen,
 * in the occupation of the job. Age 30 and abroad unless given.
 */
export function offerProfile(a: Answers, date: string): PathwayProfile {
  const kind = (a.candidate ?? 'academic') as Candidate;
  const age = num(a.candidateAge) ?? 30;
  const isco08 = a.jobIsco || undefined;
  const birthDate = addYears(date, -age);
  const base = {
    academic: {
      kind: 'academic',
      recognition: 'equivalent',
      years: 5,
      experience: 4,
      german: 'A2',
      english: 'B2',
    },
    graduate: {
      kind: 'academic',
      recognition: 'equivalent',
      years: 1,
      experience: 1,
      german: 'A1',
      english: 'C1',
    },
    vocational: {
      kind: 'vocational',
      recognition: 'equivalent',
      years: 6,
      experience: 5,
      german: 'B1',
      english: 'A2',
    },
    'vocational-not-recognised': {
      kind: 'vocational',
      recognition: 'not-applied',
      years: 6,
      experience: 5,
      german: 'A2',
      english: 'A2',
    },
    'it-no-degree': {
      kind: 'none',
      recognition: 'none',
      years: 0,
      experience: 4,
      german: 'none',
      english: 'B2',
    },
  } as const;
  const c = base[kind];
  const qualification: Qualification = {
    kind: c.kind,
    recognitionInGermany: c.recognition,
    stateRecognizedAbroad: c.kind !== 'none',
  };
  if (c.kind !== 'none') {
    qualification.trainingYears = 3;
    qualification.completedOn = addYears(date, -c.years);
  }
  if (isco08) qualification.isco08 = isco08;
  const profile: PathwayProfile = {
    date,
    person: {
      birthDate,
      location: (a.location || 'abroad') as Location,
      status: 'none',
      qualification,
      experience: recentExperience(date, c.experience, isco08),
      languages: { german: c.german, english: c.english },
    },
    job: {},
  };
  const j = profile.job as NonNullable<PathwayProfile['job']>;
  if (isco08) j.isco08 = isco08;
  const salary = num(a.annualSalaryEur);
  if (salary !== undefined) j.annualSalaryEur = salary;
  for (const name of ['qualified', 'matchesQualification', 'employerCollectiveAgreement'] as const) {
    const v = yes(a[name]);
    if (v !== undefined) j[name] = v;
  }
  const months = num(a.contractMonths);
  if (months !== undefined) j.contractMonths = months;
  const hours = num(a.weeklyHours);
  if (hours !== undefined) j.weeklyHours = hours;
  if (a.regulatedPermit) j.regulatedPermit = a.regulatedPermit as never;
  return profile;
}
