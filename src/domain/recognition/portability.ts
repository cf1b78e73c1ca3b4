/**
 * The mutual-recognition register: does a recognition granted in state X count in state Y?
 *
 * - A recognition under federal law (the health professions: Approbation, Berufserlaubnis,
 *   Erlaubnis zum Führen der Berufsbezeichnung) and the equivalence statements under the federal
 *   BQFG (IHK FOSA, Handwerkskammern) or the ZAB statement of comparability count everywhere.
 * - A recognition under state law (teachers, Erzieher, social workers, engineers, architects)
 *   counts in the state that granted it. For another state the register gives the answer:
 *   it counts as it is, it counts after a notification, or a bridging step is needed.
 *
 * The default answers below are the registry team's reading of the Land laws and KMK agreements;
 * they are NOT confirmed by the ministries (`verified: false`). Ministry officers confirm or
 * replace them with register entries, which take precedence.
 */

export const SIX_STATES = ['BE', 'BB', 'MV', 'SN', 'ST', 'TH'] as const;
export type SixState = (typeof SIX_STATES)[number];

export const FEDERAL_PROFESSIONS = [
  'nurse',
  'physician',
  'dentist',
  'pharmacist',
  'physiotherapist',
  'midwife',
  'psychotherapist',
] as const;
export const STATE_LAW_PROFESSIONS = [
  'teacher',
  'erzieher',
  'social-worker',
  'engineer',
  'architect',
] as const;
export type StateLawProfession = (typeof STATE_LAW_PROFESSIONS)[number];

export type Outcome = 'counts' | 'notification' | 'bridging';

export interface RegisterEntry {
  readonly profession: StateLawProfession;
  readonly fromState: SixState;
  readonly toState: SixState;
  readonly outcome: Outcome;
  /** What the holder must do in the receiving state (required unless the outcome is `counts`). */
  readonly bridgingStep: string | null;
  readonly legalBasis: string | null;
  readonly verified: boolean;
}

export interface PortabilityAnswer {
  readonly profession: string;
  readonly fromState: SixState;
  readonly toState: SixState;
  readonly outcome: Outcome;
  /** A message key (`registry.portability.step.<key>`) or a ministry's own text. */
  readonly bridgingStep: string | null;
  readonly basis: 'same-state' | 'federal-law' | 'register-default' | 'register-entry';
  readonly legalBasis: string | null;
  readonly verified: boolean;
}

const DEFAULTS: Readonly<
  Record<StateLawProfession, { outcome: Outcome; step: string | null; legalBasis: string }>
> = {
  teacher: {
    outcome: 'bridging',
    step: 'teacher',
    legalBasis:
      'KMK agreement on the mutual recognition of teacher qualifications (2013) and the teacher law of the receiving state',
  },
  erzieher: {
    outcome: 'counts',
    step: null,
    legalBasis: 'KMK framework agreement on Fachschulen; state recognition as Erzieherin/Erzieher',
  },
  'social-worker': {
    outcome: 'counts',
    step: null,
    legalBasis:
      'Sozialberufe-Anerkennungsgesetze of the states (recognitions of other states are equivalent)',
  },
  engineer: {
    outcome: 'counts',
    step: null,
    legalBasis: 'Ingenieurgesetze of the states (a title authorised in another state may be used)',
  },
  architect: {
    outcome: 'notification',
    step: 'architect',
    legalBasis: 'Architektengesetze of the states (entry as a visiting architect with the receiving chamber)',
  },
};

export function isSixState(value: unknown): value is SixState {
  return typeof value === 'string' && (SIX_STATES as readonly string[]).includes(value);
}

export function isStateLawProfession(value: unknown): value is StateLawProfession {
  return typeof value === 'string' && (STATE_LAW_PROFESSIONS as readonly string[]).includes(value);
}

/**
 * Whether a recognition for `profession` granted in `fromState` counts in `toState`.
 * `profession` is the registry's profession key; anything that is not a state-law profession
 * is recognised under federal law and counts everywhere.
 */
export function portability(
  profession: string,
  fromState: SixState,
  toState: SixState,
  entries: readonly RegisterEntry[] = [],
): PortabilityAnswer {
  const base = { profession, fromState, toState };
  if (fromState === toState) {
    return {
      ...base,
      outcome: 'counts',
      bridgingStep: null,
      basis: 'same-state',
      legalBasis: null,
      verified: true,
    };
  }
  if (!isStateLawProfession(profession)) {
    return {
      ...base,
      outcome: 'counts',
      bridgingStep: null,
      basis: 'federal-law',
      legalBasis: 'federal law: the licence or equivalence statement is valid throughout Germany',
      verified: true,
    };
  }
  const entry = entries.find(
    (e) => e.profession === profession && e.fromState === fromState && e.toState === toState,
  );
  if (entry) {
    return {
      ...base,
      outcome: entry.outcome,
      bridgingStep: entry.bridgingStep,
      basis: 'register-entry',
      legalBasis: entry.legalBasis,
      verified: entry.verified,
    };
  }
  const d = DEFAULTS[profession];
  return {
    ...base,
    outcome: d.outcome,
    bridgingStep: d.step,
    basis: 'register-default',
    legalBasis: d.legalBasis,
    verified: false,
  };
}

export type EntryProblem = { field: 'toState' | 'bridgingStep' | 'outcome'; rule: string };

/** Checks a ministry's register entry before it is stored. */
export function checkEntry(entry: Omit<RegisterEntry, 'verified'>): EntryProblem[] {
  const problems: EntryProblem[] = [];
  if (entry.fromState === entry.toState) problems.push({ field: 'toState', rule: 'differs-from-fromState' });
  if (entry.outcome !== 'counts' && !entry.bridgingStep?.trim()) {
    problems.push({ field: 'bridgingStep', rule: 'required' });
  }
  return problems;
}
