/**
 * Which organisation owns each step of a new journey: a pure choice among the organisations registered on the
 * platform (the candidates), following the place of the job and, where the law says so, the place where the
 * person will live. The rule per step and its legal basis are data (`OWNER_RULES`), shown in docs/journey.md.
 */
import type { StepKind } from './types.ts';

/** Where a rule looks for the competent organisation. */
export type OwnerPlace =
  | 'job-state'
  | 'job-state-then-job-district'
  | 'residence-district-then-job-state'
  | 'registry-then-job-state'
  | 'country'
  | 'nationwide';

export interface OwnerRule {
  /** The organisation kinds that may own the step, in order of preference. */
  readonly kinds: readonly string[];
  readonly place: OwnerPlace;
  /** The legal basis of the competence (German citation), for the documentation and reviewers. */
  readonly basis: string;
}

/** The owner rule per step kind; the job offer is the employer's (set when the employer is invited). */
export const OWNER_RULES: Readonly<Partial<Record<StepKind, OwnerRule>>> = {
  orientation: {
    kinds: ['counselling-centre'],
    place: 'job-state',
    basis: 'keine Zuständigkeitsnorm: Beratungsstelle des Landes, in dem die Arbeit liegt',
  },
  recognition: {
    kinds: ['recognition-authority'],
    place: 'registry-then-job-state',
    basis:
      '§ 8 BQFG, Landes-BQFG und Berufsgesetze: Stelle des Landes, in dem der Beruf ausgeübt werden soll',
  },
  'zab-statement': {
    kinds: ['recognition-authority'],
    place: 'registry-then-job-state',
    basis: 'Abkommen der Länder über die ZAB: Zeugnisbewertung bundesweit durch die ZAB',
  },
  'accelerated-procedure': {
    kinds: ['central-foreigners-office', 'foreigners-office'],
    place: 'job-state-then-job-district',
    basis:
      '§ 81a, § 71 Abs. 1 Satz 3 bis 5 AufenthG: zentrale Ausländerbehörde des Landes des Beschäftigungsorts',
  },
  'ba-approval': {
    kinds: ['employment-agency'],
    place: 'nationwide',
    basis: '§ 39 AufenthG, § 72 Abs. 7 AufenthG: Bundesagentur für Arbeit (ZAV)',
  },
  'visa-appointment': {
    kinds: ['mission'],
    place: 'country',
    basis: '§ 71 Abs. 2 AufenthG: Auslandsvertretung für den Staat, in dem die Person lebt',
  },
  'visa-decision': {
    kinds: ['mission'],
    place: 'country',
    basis: '§ 71 Abs. 2 AufenthG: Auslandsvertretung für den Staat, in dem die Person lebt',
  },
  'entry-registration': {
    kinds: ['foreigners-office', 'central-foreigners-office'],
    place: 'residence-district-then-job-state',
    basis: '§ 71 Abs. 1 AufenthG mit Landesrecht: Ausländerbehörde des (künftigen) Wohnorts',
  },
  'residence-permit': {
    kinds: ['foreigners-office', 'central-foreigners-office'],
    place: 'residence-district-then-job-state',
    basis: '§ 71 Abs. 1 AufenthG mit Landesrecht: Ausländerbehörde des (künftigen) Wohnorts',
  },
  integration: {
    kinds: ['counselling-centre'],
    place: 'job-state',
    basis: 'keine Zuständigkeitsnorm: Beratungsstelle des Landes, in dem die Arbeit liegt',
  },
};

/** An organisation on the platform that may own steps, with one of its jurisdictions. */
export interface OwnerCandidate {
  readonly id: string;
  readonly slug: string;
  readonly kind: string;
  readonly scope: 'nationwide' | 'state' | 'district' | 'country' | string;
  readonly stateCode: string | null;
  readonly districtAgs: string | null;
  readonly countryCode: string | null;
}

export interface OwnerFacts {
  /** The state and district of the job. */
  readonly jobStateCode: string | null;
  readonly jobDistrictAgs: string | null;
  /** The district where the person will live; null when not known (then the job's district counts). */
  readonly residenceAgs: string | null;
  /** The country the person applies from (the mission's). */
  readonly countryCode: string | null;
  /**
   * What the registry says for recognition and the ZAB statement: null when it has no answer (then the
   * recognition authority of the job's state), else the platform organisations of the competent bodies in order
   * (empty: competent bodies exist, none is on the platform — the step stays unowned, since giving it to another
   * authority would show that authority the journey).
   */
  readonly competent: {
    readonly recognition: readonly string[] | null;
    readonly 'zab-statement': readonly string[] | null;
  };
}

/** The state of a district key (AGS): its first two digits. */
const STATE_OF_AGS_PREFIX: Readonly<Record<string, string>> = {
  '01': 'SH',
  '02': 'HH',
  '03': 'NI',
  '04': 'HB',
  '05': 'NW',
  '06': 'HE',
  '07': 'RP',
  '08': 'BW',
  '09': 'BY',
  '10': 'SL',
  '11': 'BE',
  '12': 'BB',
  '13': 'MV',
  '14': 'SN',
  '15': 'ST',
  '16': 'TH',
};

export function stateOfDistrict(ags: string): string | null {
  return STATE_OF_AGS_PREFIX[ags.slice(0, 2)] ?? null;
}

/**
 * The owner organisation per step kind (steps without a competent candidate are left out: unowned). Candidates
 * are taken in slug order, so that the choice does not depend on the order they were read in.
 */
export function chooseOwners(
  facts: OwnerFacts,
  candidates: readonly OwnerCandidate[],
): Partial<Record<StepKind, string>> {
  const sorted = [...candidates].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const inState = (kind: string, state: string | null) =>
    state === null
      ? undefined
      : sorted.find((c) => c.kind === kind && c.scope === 'state' && c.stateCode === state)?.id;
  const inDistrict = (kind: string, ags: string | null) =>
    ags === null
      ? undefined
      : sorted.find((c) => c.kind === kind && c.scope === 'district' && c.districtAgs === ags)?.id;
  const residence = facts.residenceAgs ?? facts.jobDistrictAgs;
  const residenceState = (residence && stateOfDistrict(residence)) ?? facts.jobStateCode;

  const owners: Partial<Record<StepKind, string>> = {};
  for (const [step, rule] of Object.entries(OWNER_RULES) as [StepKind, OwnerRule][]) {
    const [first = '', second = ''] = rule.kinds;
    let id: string | undefined;
    switch (rule.place) {
      case 'job-state':
        id = inState(first, facts.jobStateCode);
        break;
      case 'job-state-then-job-district':
        id = inState(first, facts.jobStateCode) ?? inDistrict(second, facts.jobDistrictAgs);
        break;
      case 'residence-district-then-job-state':
        id = inDistrict(first, residence) ?? inState(second, residenceState);
        break;
      case 'registry-then-job-state': {
        const named = facts.competent[step as 'recognition' | 'zab-statement'];
        id = named ? named[0] : inState(first, facts.jobStateCode);
        break;
      }
      case 'country':
        id =
          facts.countryCode === null
            ? undefined
            : sorted.find(
                (c) => c.kind === first && c.scope === 'country' && c.countryCode === facts.countryCode,
              )?.id;
        break;
      case 'nationwide':
        id = sorted.find((c) => c.kind === first && c.scope === 'nationwide')?.id;
        break;
    }
    if (id) owners[step] = id;
  }
  return owners;
}
