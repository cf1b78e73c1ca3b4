/**
 * The "Which way suits me?" questionnaire as data: steps and their fields. How a field's form value
 * is checked is in `step-form.ts`, how the saved answers become the engine's profile in `profile.ts`.
 * Answers are kept flat (field name → normalised string); an empty answer means "not given".
 */
import {
  LANGUAGE_LEVELS,
  LOCATIONS,
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

/** The jobs of the work history the questionnaire asks about. */
export const JOBS = [0, 1, 2] as const;

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
      yesNo('completedInGermany', 'education.completedInGermany'),
    ],
  },
];

export const STEP_IDS = STEPS.map((s) => s.id);

export function stepIndex(id: string): number {
  return STEPS.findIndex((s) => s.id === id);
}
