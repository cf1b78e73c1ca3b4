/**
 * The "Which way suits me?" questionnaire as data: steps, their fields, how a field's form value is
 * checked and normalised, and how the saved answers become the engine's profile.
 * Answers are kept flat (field name → normalised string); an empty answer means "not given".
 */
import { isIsoDate } from '../../domain/calendar.ts';
import {
  LANGUAGE_LEVELS,
  LOCATIONS,
  type PathwayProfile,
  QUALIFICATION_KINDS,
  RECOGNITION_STATES,
  REGULATED_PERMIT_STATES,
  STATUSES,
} from '../../domain/law/index.ts';
import type { LocalizedPath } from '../../web/paths.ts';

export type Answers = Record<string, string>;

export type FieldKind = 'date' | 'radio' | 'select' | 'yes-no' | 'whole' | 'amount' | 'isco' | 'country';

export interface FieldDef {
  readonly name: string;
  readonly kind: FieldKind;
  /** Where the answer goes in the profile, e.g. `person.qualification.kind`. */
  readonly path: string;
  readonly options?: readonly string[];
  readonly required?: boolean;
  /** Upper bound for numbers. */
  readonly max?: number;
  /** Fields shown together in one fieldset (one job of the work history). */
  readonly group?: string;
}

export interface StepDef {
  readonly id: string;
  readonly paths: LocalizedPath;
  readonly fields: readonly FieldDef[];
}

const date = (name: string, path: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  name,
  kind: 'date',
  path,
  ...extra,
});
const yesNo = (name: string, path: string): FieldDef => ({ name, kind: 'yes-no', path });

const JOBS = [0, 1, 2] as const;

export const STEPS: readonly StepDef[] = [
  {
    id: 'person',
    paths: { de: '/weg-finden/zur-person', en: '/find-your-way/about-you' },
    fields: [
      date('birthDate', 'person.birthDate', { required: true }),
      { name: 'citizenship', kind: 'country', path: 'person.citizenship' },
      { name: 'location', kind: 'radio', path: 'person.location', options: LOCATIONS },
    ],
  },
  {
    id: 'residence',
    paths: { de: '/weg-finden/aufenthalt', en: '/find-your-way/residence' },
    fields: [
      { name: 'status', kind: 'select', path: 'person.status', options: STATUSES },
      date('statusSince', 'person.statusSince'),
      date('inGermanySince', 'person.inGermanySince'),
      { name: 'germanStayMonths', kind: 'whole', path: 'person.germanStayMonths', max: 1200 },
    ],
  },
  {
    id: 'qualification',
    paths: { de: '/weg-finden/qualifikation', en: '/find-your-way/qualification' },
    fields: [
      {
        name: 'qualificationKind',
        kind: 'radio',
        path: 'person.qualification.kind',
        options: QUALIFICATION_KINDS,
      },
      { name: 'trainingYears', kind: 'amount', path: 'person.qualification.trainingYears', max: 20 },
      date('completedOn', 'person.qualification.completedOn'),
      { name: 'qualificationIsco', kind: 'isco', path: 'person.qualification.isco08' },
      yesNo('stateRecognizedAbroad', 'person.qualification.stateRecognizedAbroad'),
      {
        name: 'recognitionInGermany',
        kind: 'select',
        path: 'person.qualification.recognitionInGermany',
        options: RECOGNITION_STATES,
      },
    ],
  },
  {
    id: 'experience',
    paths: { de: '/weg-finden/berufserfahrung', en: '/find-your-way/work-experience' },
    fields: [
      { name: 'hasExperience', kind: 'yes-no', path: '' },
      ...JOBS.flatMap((i) => [
        date(`exp${i}From`, `person.experience.${i}.from`, { group: `exp${i}` }),
        date(`exp${i}To`, `person.experience.${i}.to`, { group: `exp${i}` }),
        {
          name: `exp${i}Isco`,
          kind: 'isco',
          path: `person.experience.${i}.isco08`,
          group: `exp${i}`,
        } as const,
      ]),
    ],
  },
  {
    id: 'languages',
    paths: { de: '/weg-finden/sprachen', en: '/find-your-way/languages' },
    fields: [
      { name: 'german', kind: 'select', path: 'person.languages.german', options: LANGUAGE_LEVELS },
      { name: 'english', kind: 'select', path: 'person.languages.english', options: LANGUAGE_LEVELS },
    ],
  },
  {
    id: 'job',
    paths: { de: '/weg-finden/arbeitsangebot', en: '/find-your-way/job-offer' },
    fields: [
      { name: 'hasJobOffer', kind: 'yes-no', path: '' },
      { name: 'jobIsco', kind: 'isco', path: 'job.isco08' },
      { name: 'annualSalaryEur', kind: 'amount', path: 'job.annualSalaryEur', max: 100_000_000 },
      yesNo('qualified', 'job.qualified'),
      yesNo('matchesQualification', 'job.matchesQualification'),
      yesNo('employerCollectiveAgreement', 'job.employerCollectiveAgreement'),
      { name: 'contractMonths', kind: 'whole', path: 'job.contractMonths', max: 1200 },
      { name: 'weeklyHours', kind: 'amount', path: 'job.weeklyHours', max: 168 },
      {
        name: 'regulatedPermit',
        kind: 'select',
        path: 'job.regulatedPermit',
        options: REGULATED_PERMIT_STATES,
      },
      yesNo('recognitionPartnershipAgreement', 'job.recognitionPartnershipAgreement'),
    ],
  },
  {
    id: 'more',
    paths: { de: '/weg-finden/weitere-angaben', en: '/find-your-way/more' },
    fields: [
      { name: 'monthlyFundsEur', kind: 'amount', path: 'person.monthlyFundsEur', max: 1_000_000 },
      yesNo('adequatePensionProvision', 'person.adequatePensionProvision'),
      yesNo('spouseAppliesForChancenkarte', 'person.spouseAppliesForChancenkarte'),
      {
        name: 'pensionContributionMonths',
        kind: 'whole',
        path: 'person.pensionContributionMonths',
        max: 1200,
      },
      yesNo('trainingPlaceOffer', 'education.trainingPlaceOffer'),
      yesNo('studyAdmission', 'education.studyAdmission'),
      yesNo('universityEntranceQualification', 'education.universityEntranceQualification'),
      yesNo('qualificationMeasureOffer', 'education.qualificationMeasureOffer'),
    ],
  },
];

export const STEP_IDS = STEPS.map((s) => s.id);

export function stepIndex(id: string): number {
  return STEPS.findIndex((s) => s.id === id);
}

export interface FieldProblem {
  readonly field: string;
  /** Message key under `pathways.error.` */
  readonly key: string;
  readonly values?: Record<string, string | number>;
}

/** Reads `2026-03-01`, `1.3.2026` or `01.03.2026`; null when it is no calendar date. */
export function parseDate(raw: string): string | null {
  const s = raw.trim();
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${(m[2] as string).padStart(2, '0')}-${(m[1] as string).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * Reads an amount as people type it: `52000`, `52 000`, `52.000` or `52,000`, `52.000,50`,
 * `52000.5`. Null when it is not a number.
 */
export function parseAmount(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0\u202f€]/g, '');
  if (s === '') return null;
  let normal: string;
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s)) normal = s.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(s)) normal = s.replace(/,/g, '');
  else if (/^\d+(,\d{1,2})$/.test(s)) normal = s.replace(',', '.');
  else if (/^\d+(\.\d{1,2})?$/.test(s)) normal = s;
  else return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

/**
 * Checks one step's form values. Returns the normalised answers of the step (empty string for
 * "not given") or the problems, each naming its field.
 */
export function parseStep(
  step: StepDef,
  body: Record<string, unknown>,
): { answers: Answers; problems: FieldProblem[] } {
  const answers: Answers = {};
  const problems: FieldProblem[] = [];
  for (const f of step.fields) {
    const raw = typeof body[f.name] === 'string' ? (body[f.name] as string).trim() : '';
    if (raw === '') {
      if (f.required) problems.push({ field: f.name, key: 'required' });
      answers[f.name] = '';
      continue;
    }
    if (raw.length > 40) {
      problems.push({ field: f.name, key: 'too-long' });
      continue;
    }
    switch (f.kind) {
      case 'date': {
        const iso = parseDate(raw);
        if (iso === null) problems.push({ field: f.name, key: 'date' });
        else answers[f.name] = iso;
        break;
      }
      case 'radio':
      case 'select':
        if (!f.options?.includes(raw)) problems.push({ field: f.name, key: 'choice' });
        else answers[f.name] = raw;
        break;
      case 'yes-no':
        if (raw !== 'yes' && raw !== 'no') problems.push({ field: f.name, key: 'choice' });
        else answers[f.name] = raw;
        break;
      case 'whole':
      case 'amount': {
        const n = parseAmount(raw);
        if (n === null) problems.push({ field: f.name, key: 'number' });
        else if (f.kind === 'whole' && !Number.isInteger(n)) problems.push({ field: f.name, key: 'whole' });
        else if (f.max !== undefined && n > f.max)
          problems.push({ field: f.name, key: 'max', values: { max: f.max } });
        else answers[f.name] = String(n);
        break;
      }
      case 'isco':
        if (!/^\d{1,4}$/.test(raw)) problems.push({ field: f.name, key: 'isco' });
        else answers[f.name] = raw;
        break;
      case 'country': {
        const code = raw.toUpperCase();
        if (!/^[A-Z]{2}$/.test(code)) problems.push({ field: f.name, key: 'country' });
        else answers[f.name] = code;
        break;
      }
    }
  }
  crossChecks(step, answers, problems);
  return { answers, problems };
}

function crossChecks(step: StepDef, a: Answers, problems: FieldProblem[]): void {
  const has = (name: string) => problems.some((p) => p.field === name);
  if (step.id === 'experience') {
    for (const i of JOBS) {
      const from = a[`exp${i}From`];
      const to = a[`exp${i}To`];
      if (!from && (to || a[`exp${i}Isco`]) && !has(`exp${i}From`)) {
        problems.push({ field: `exp${i}From`, key: 'job-from-required' });
      }
      if (from && to && to < from && !has(`exp${i}To`))
        problems.push({ field: `exp${i}To`, key: 'to-before-from' });
    }
  }
  if (step.id === 'person') {
    const born = a.birthDate;
    if (born && born > todayIso()) problems.push({ field: 'birthDate', key: 'future' });
  }
}

/** Today in Germany (the evaluation date of the questionnaire). */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Record<string, unknown> = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i] as string;
    const nextIsIndex = /^\d+$/.test(parts[i + 1] as string);
    node[key] ??= nextIsIndex ? [] : {};
    node = node[key] as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}

function typedValue(f: FieldDef, raw: string): unknown {
  switch (f.kind) {
    case 'yes-no':
      return raw === 'yes';
    case 'whole':
    case 'amount':
      return Number(raw);
    default:
      return raw;
  }
}

/**
 * The engine's profile from the saved answers, on `date`. Without a birth date there is no
 * profile. Without a job offer the job facts are left out (the engine then reads them as open).
 */
export function profileFrom(answers: Answers, date: string): PathwayProfile | null {
  if (!answers.birthDate) return null;
  const profile: Record<string, unknown> = { date };
  const noJob = answers.hasJobOffer === 'no';
  for (const step of STEPS) {
    for (const f of step.fields) {
      const raw = answers[f.name];
      if (!raw || !f.path) continue;
      if (noJob && f.path.startsWith('job.')) continue;
      setPath(profile, f.path, typedValue(f, raw));
    }
  }
  const person = profile.person as Record<string, unknown>;
  if (answers.hasExperience === 'no') person.experience = [];
  else if (Array.isArray(person.experience)) {
    const jobs = (person.experience as Array<Record<string, unknown> | undefined>).filter(
      (e): e is Record<string, unknown> => e?.from !== undefined,
    );
    if (jobs.length > 0) person.experience = jobs;
    else delete person.experience;
  }
  if (answers.hasJobOffer === 'yes') profile.job ??= {};
  return profile as PathwayProfile;
}
