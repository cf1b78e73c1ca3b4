/**
 * Input and output types of the pathway engine, and the value sets the HTTP layer builds its Zod schema from.
 * All input facts are optional except `date` and `person.birthDate`: a missing fact makes the criteria that
 * need it `unknown`.
 */
import type { IsoDate } from '../calendar.ts';
import type { ParameterSnapshot } from './parameters/parameters.ts';

export const PATHWAY_IDS = [
  'aufenthg-18a',
  'aufenthg-18b',
  'aufenthg-18g',
  'aufenthg-18g-it',
  'aufenthg-19c-2',
  'aufenthg-16d-1',
  'aufenthg-16d-3',
  'aufenthg-20',
  'aufenthg-20a',
  'aufenthg-16a',
  'aufenthg-16b',
  'aufenthg-17',
  'beschv-26-2',
  'aufenthg-104c',
  'aufenthg-25a',
  'aufenthg-25b',
] as const;
export type PathwayId = (typeof PATHWAY_IDS)[number];

export const LOCATIONS = ['abroad', 'germany'] as const;
export type Location = (typeof LOCATIONS)[number];

/** Current residence status: no title, a tolerated/asylum status, or a title named by its pathway id. */
export const STATUSES = ['none', 'duldung', 'gestattung', ...PATHWAY_IDS] as const;
export type Status = (typeof STATUSES)[number];

export const QUALIFICATION_KINDS = ['academic', 'vocational', 'none'] as const;
export type QualificationKind = (typeof QUALIFICATION_KINDS)[number];

export const RECOGNITION_STATES = ['equivalent', 'partial', 'none', 'pending', 'not-applied'] as const;
export type RecognitionState = (typeof RECOGNITION_STATES)[number];

export const LANGUAGE_LEVELS = ['none', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];

export const REGULATED_PERMIT_STATES = ['not-required', 'granted', 'pending', 'missing'] as const;
export type RegulatedPermitState = (typeof REGULATED_PERMIT_STATES)[number];

export const VARIANTS = ['general', 'reduced-shortage', 'reduced-career-starter'] as const;
export type Variant = (typeof VARIANTS)[number];

export const OUTCOMES = ['eligible', 'not-eligible', 'needs-review'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const CRITERION_STATUSES = ['met', 'unmet', 'unknown'] as const;
export type CriterionStatus = (typeof CRITERION_STATUSES)[number];

/** Every value set, for building input schemas and select lists. */
export const VALUE_SETS = {
  pathwayIds: PATHWAY_IDS,
  locations: LOCATIONS,
  statuses: STATUSES,
  qualificationKinds: QUALIFICATION_KINDS,
  recognitionStates: RECOGNITION_STATES,
  languageLevels: LANGUAGE_LEVELS,
  regulatedPermitStates: REGULATED_PERMIT_STATES,
  variants: VARIANTS,
  outcomes: OUTCOMES,
  criterionStatuses: CRITERION_STATUSES,
} as const;

export type Qualification = {
  kind?: QualificationKind;
  /** Length of the (vocational) training in years. */
  trainingYears?: number;
  /** State-recognised in the country where it was acquired (anabin / ZAB statement). */
  stateRecognizedAbroad?: boolean;
  recognitionInGermany?: RecognitionState;
  completedOn?: IsoDate;
  /** ISCO-08 code of the occupation the qualification leads to (1–4 digits). */
  isco08?: string;
  /** Shortage occupation (Engpassberuf); derived from `isco08` when absent. */
  shortageOccupation?: boolean;
};

export type ExperienceEntry = {
  from: IsoDate;
  /** Last day of the job; null or absent = ongoing. */
  to?: IsoDate | null;
  isco08?: string;
};

export type Languages = { german?: LanguageLevel; english?: LanguageLevel };

export type Person = {
  birthDate: IsoDate;
  /** ISO 3166-1 alpha-2 (Kosovo: XK). */
  citizenship?: string;
  location?: Location;
  status?: Status;
  /** Since when the current status is held (for Duldung/Gestattung: since when tolerated / in the procedure). */
  statusSince?: IsoDate | null;
  /** Extension: start of the uninterrupted stay in Germany (falls back to `statusSince`). */
  inGermanySince?: IsoDate | null;
  qualification?: Qualification;
  /** Qualification-related professional experience, one entry per job. The list counts as one fact. */
  experience?: ExperienceEntry[];
  languages?: Languages;
  /** Months of continuous lawful stay in Germany within the last 5 years (not as a tourist). */
  germanStayMonths?: number;
  /** Adequate old-age provision proven (§ 18 Abs. 2 Nr. 5 AufenthG). */
  adequatePensionProvision?: boolean;
  spouseAppliesForChancenkarte?: boolean;
  /** Funds available per month for the stay (blocked account, declaration of commitment, part-time job). */
  monthlyFundsEur?: number;
  /** Extension: months of compulsory pension contributions in Germany (settlement outlook). */
  pensionContributionMonths?: number;
  /** Extension: criminal fines in daily rates (§ 104c): all offences, and offences only foreigners can commit. */
  fines?: { generalDailyRates: number; residenceLawDailyRates: number };
  /** Extension: livelihood predominantly secured by own work (§ 25b Abs. 1 Nr. 3). */
  livelihoodMainlyFromWork?: boolean;
  /** Extension: lives with a minor unmarried child (§ 25b Abs. 1 Nr. 1). */
  livesWithMinorChild?: boolean;
};

export type Job = {
  isco08?: string;
  annualSalaryEur?: number;
  /** Qualified employment (requires at least 2 years of vocational training). */
  qualified?: boolean;
  /** The job is appropriate to the qualification. */
  matchesQualification?: boolean;
  /** Employer bound by a collective agreement and paying its conditions (§ 6 BeschV). */
  employerCollectiveAgreement?: boolean;
  contractMonths?: number;
  weeklyHours?: number;
  regulatedPermit?: RegulatedPermitState;
  /** Extension: written recognition-partnership agreement with the employer (§ 16d Abs. 3). */
  recognitionPartnershipAgreement?: boolean;
};

/** Extension: facts for the education routes. */
export type Education = {
  trainingPlaceOffer?: boolean;
  studyAdmission?: boolean;
  /** School-leaving certificate that gives access to higher education (§ 17 Abs. 1). */
  universityEntranceQualification?: boolean;
  /** Admission to an adaptation or compensation measure after a deficit notice (§ 16d Abs. 1). */
  qualificationMeasureOffer?: boolean;
  /** 3 years of successful school attendance or a German school/vocational qualification (§ 25a). */
  germanSchoolOrQualification?: boolean;
  /**
   * The studies (§ 16b) or the qualified vocational training (§ 16a) of the current title were completed
   * successfully in Germany (§ 20). For § 16d the recognition result (`qualification.recognitionInGermany`)
   * counts instead.
   */
  completedInGermany?: boolean;
};

export type PathwayProfile = {
  /** Evaluation date (date of the application or decision). */
  date: IsoDate;
  person: Person;
  job?: Job;
  education?: Education;
};

// ---- Output ---------------------------------------------------------------------------------------------------

export type MessageValues = Readonly<Record<string, string | number>>;
export type Message = { readonly key: string; readonly values: MessageValues };

export type Criterion = {
  readonly id: string;
  readonly status: CriterionStatus;
  readonly citation: string;
  readonly value?: number | string | boolean;
  readonly threshold?: number | string;
  readonly verified: boolean;
  readonly message: Message;
};

export type PointsItem = {
  /** Number of the feature in § 20b Abs. 1 / Anlage zu § 20a. */
  readonly nr: number;
  readonly id: string;
  readonly points: number;
  readonly status: CriterionStatus;
  /** Points this feature would give if the unknown fact turned out favourable. */
  readonly potential: number;
  readonly verified: boolean;
};

export type PointsBreakdown = {
  readonly total: number;
  /** Highest total still possible if every unknown fact turned out favourable. */
  readonly maxPossible: number;
  readonly minimum: number | null;
  readonly items: readonly PointsItem[];
};

export type PathwayOutcome = {
  readonly id: PathwayId;
  readonly outcome: Outcome;
  readonly variant?: Variant;
  readonly baApproval: boolean | null;
  readonly points: number | null;
  readonly pointsBreakdown?: PointsBreakdown;
  readonly criteria: readonly Criterion[];
  readonly nextSteps: readonly Message[];
};

export type ProcedureOutcome = {
  readonly available: boolean | null;
  readonly message: Message;
  readonly fee: number | null;
  readonly deadlines: Readonly<Record<string, { value: number; unit: string }>>;
};

export type SettlementOutcome = {
  readonly applicable: boolean;
  readonly route: 'aufenthg-18c-1' | 'aufenthg-18c-2' | null;
  readonly status: CriterionStatus | null;
  readonly earliestDate: IsoDate | null;
  readonly criteria: readonly Criterion[];
  readonly message: Message;
};

export type FamilyOutcome = {
  /**
   * Spouse needs no German A1 (§ 30 Abs. 1 S. 3 Nr. 5): `waived` true when the sponsor holds a qualifying title
   * or a qualifying pathway is `eligible` (listed in `pathways`), null when one still needs review, else false.
   */
  readonly spouseLanguageWaiver: {
    readonly waived: boolean | null;
    readonly pathways: readonly PathwayId[];
    readonly message: Message;
  };
  readonly parents: { readonly available: boolean | null; readonly message: Message };
};

export type PathwayResult = {
  readonly date: IsoDate;
  readonly pathways: readonly PathwayOutcome[];
  readonly procedures: { readonly 'aufenthg-81a': ProcedureOutcome };
  readonly settlement: SettlementOutcome;
  readonly family: FamilyOutcome;
  readonly parameters: ParameterSnapshot;
};
