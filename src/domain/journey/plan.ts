/**
 * The plan: which steps a journey needs, and why, from the pathway and the facts.
 *
 * `planJourney(facts, date)` returns every step kind in `STEP_KINDS` order, each `required` or not, with a
 * message (`journey.plan.<kind>.<reason>`) that says why. The rules per pathway are in `PATHWAY_TRAITS`; the
 * employment agency's approval follows the engine's `baApproval` when the caller passes it, otherwise the
 * table of legal-rules.md § 12.
 */
import type { IsoDate } from '../calendar.ts';
import type { PathwayId } from '../law/index.ts';
import { ACCELERATED_PROCEDURE_PATHWAYS } from '../law/outlook/procedure-81a.ts';
import { type JourneyParameters, lawParameters } from './parameters.ts';
import type { JourneyFacts, Message, MessageValues, PlannedStep, StepKind } from './types.ts';

/** What a pathway needs before the title: the kind of job offer and the kind of qualification proof. */
type JobOffer = 'employment' | 'training-contract' | 'recognition-partnership' | 'none';
type QualificationNeed =
  /** A recognised or comparable qualification (§ 18 Abs. 3): recognition, or a ZAB statement for degrees. */
  | 'skilled-worker'
  /** The recognition procedure itself, whose partial result leads to the measure (§ 16d). */
  | 'recognition-procedure'
  /** No proof in Germany for the title; a regulated profession still needs recognition before work. */
  | 'only-if-regulated'
  /** Not a condition of the title (points, job search, study, training, tolerated status). */
  | 'none';

type PathwayTraits = {
  readonly jobOffer: JobOffer;
  /** Reason key when no job offer is needed. */
  readonly noJobOfferReason: 'search' | 'study' | 'measure' | 'status';
  readonly qualification: QualificationNeed;
  /** Reason key when the pathway itself asks for no proof of the qualification. */
  readonly noQualificationReason: 'chancenkarte' | 'education' | 'experience' | 'pathway' | 'status';
  /** BA approval per legal-rules.md § 12; `variant` = depends on the Blue Card variant; null = to be checked. */
  readonly baApproval: boolean | null | 'variant';
  readonly citation: string;
};

const T = (
  jobOffer: JobOffer,
  noJobOfferReason: PathwayTraits['noJobOfferReason'],
  qualification: QualificationNeed,
  noQualificationReason: PathwayTraits['noQualificationReason'],
  baApproval: PathwayTraits['baApproval'],
  citation: string,
): PathwayTraits => ({
  jobOffer,
  noJobOfferReason,
  qualification,
  noQualificationReason,
  baApproval,
  citation,
});

/** legal-rules.md §§ 3–10 and § 12, one row per pathway of the engine. */
export const PATHWAY_TRAITS: { readonly [Id in PathwayId]: PathwayTraits } = {
  'aufenthg-18a': T('employment', 'search', 'skilled-worker', 'pathway', true, '§ 18a AufenthG'),
  'aufenthg-18b': T('employment', 'search', 'skilled-worker', 'pathway', true, '§ 18b AufenthG'),
  'aufenthg-18g': T('employment', 'search', 'skilled-worker', 'pathway', 'variant', '§ 18g AufenthG'),
  'aufenthg-18g-it': T(
    'employment',
    'search',
    'only-if-regulated',
    'experience',
    true,
    '§ 18g Abs. 2 AufenthG',
  ),
  'aufenthg-19c-2': T(
    'employment',
    'search',
    'only-if-regulated',
    'experience',
    true,
    '§ 19c Abs. 2 AufenthG, § 6 BeschV',
  ),
  'aufenthg-16d-1': T('none', 'measure', 'recognition-procedure', 'pathway', null, '§ 16d Abs. 1 AufenthG'),
  'aufenthg-16d-3': T(
    'recognition-partnership',
    'measure',
    'recognition-procedure',
    'pathway',
    true,
    '§ 16d Abs. 3 AufenthG',
  ),
  'aufenthg-20': T('none', 'search', 'none', 'status', null, '§ 20 AufenthG'),
  'aufenthg-20a': T('none', 'search', 'none', 'chancenkarte', false, '§ 20a AufenthG'),
  'aufenthg-16a': T(
    'training-contract',
    'search',
    'none',
    'education',
    true,
    '§ 16a Abs. 1 AufenthG, § 8 BeschV',
  ),
  'aufenthg-16b': T('none', 'study', 'none', 'education', false, '§ 16b Abs. 3 AufenthG'),
  'aufenthg-17': T('none', 'search', 'none', 'education', false, '§ 17 AufenthG'),
  'beschv-26-2': T('employment', 'search', 'only-if-regulated', 'pathway', true, '§ 26 Abs. 2 BeschV'),
  'aufenthg-104c': T('none', 'status', 'none', 'status', false, '§ 104c AufenthG, § 31 BeschV'),
  'aufenthg-25a': T('none', 'status', 'none', 'status', false, '§ 25a AufenthG'),
  'aufenthg-25b': T('none', 'status', 'none', 'status', false, '§ 25b AufenthG'),
};

const NO_VALUES: MessageValues = Object.freeze({});

function msg(kind: StepKind, reason: string, values: MessageValues = NO_VALUES): Message {
  return { key: `journey.plan.${kind}.${reason}`, values };
}

function step(kind: StepKind, required: boolean, reason: string, values?: MessageValues): PlannedStep {
  return { kind, required, reason: msg(kind, reason, values) };
}

function isFamily(facts: JourneyFacts): boolean {
  return facts.linkedTo !== undefined && facts.linkedTo !== null;
}

function jobOffer(facts: JourneyFacts, t: PathwayTraits): PlannedStep {
  if (isFamily(facts)) return step('job-offer', false, 'not-required-family');
  if (t.jobOffer === 'none') return step('job-offer', false, `not-required-${t.noJobOfferReason}`);
  return step('job-offer', true, t.jobOffer);
}

/** Recognition and ZAB statement are decided together: at most one of them is required. */
function qualification(facts: JourneyFacts, t: PathwayTraits): [PlannedStep, PlannedStep] {
  const { kind, regulation } = facts.qualification;
  const regulated = regulation !== 'not-regulated';
  const none = (reason: string): [PlannedStep, PlannedStep] => [
    step('recognition', false, `not-required-${reason}`),
    step('zab-statement', false, `not-required-${reason}`),
  ];
  if (isFamily(facts)) return none('family');
  if (kind === 'none' && t.qualification !== 'recognition-procedure')
    return none(t.qualification === 'none' ? t.noQualificationReason : 'no-qualification');
  const recognition = (reason: string): [PlannedStep, PlannedStep] => [
    step('recognition', true, reason, { regulation }),
    step('zab-statement', false, 'not-required-recognition'),
  ];
  if (t.qualification === 'recognition-procedure') return recognition('measure');
  if (regulated && t.qualification !== 'none') return recognition('regulated');
  if (t.qualification === 'skilled-worker') {
    if (kind === 'academic') {
      return [step('recognition', false, 'not-required-academic'), step('zab-statement', true, 'academic')];
    }
    return recognition('vocational');
  }
  return none(t.noQualificationReason);
}

function acceleratedProcedure(facts: JourneyFacts, fee: number | null): PlannedStep {
  const values = { fee: fee ?? 0 };
  if (!facts.employerUses81a) return step('accelerated-procedure', false, 'not-chosen', values);
  if (facts.location === 'germany') return step('accelerated-procedure', false, 'not-available-in-germany');
  if (!ACCELERATED_PROCEDURE_PATHWAYS.includes(facts.pathway))
    return step('accelerated-procedure', false, 'not-available-pathway');
  return step('accelerated-procedure', true, isFamily(facts) ? 'family' : 'employer', values);
}

function baApproval(facts: JourneyFacts, t: PathwayTraits): PlannedStep {
  const values = { citation: t.citation };
  if (isFamily(facts)) return step('ba-approval', false, 'not-required-family');
  let needed: boolean | null;
  if (facts.baApproval === true || facts.baApproval === false) needed = facts.baApproval;
  else if (t.baApproval === 'variant')
    needed = facts.variant === undefined ? null : facts.variant !== 'general';
  else needed = t.baApproval;
  if (needed === null) return step('ba-approval', true, 'to-check', values);
  return step('ba-approval', needed, needed ? 'required' : 'not-required', values);
}

/**
 * The plan for `facts` on `date`: every step kind once, in order, with the reason it is (not) required.
 * `params` supplies the fee of the accelerated procedure shown in its reason (law parameters by default).
 */
export function planJourney(
  facts: JourneyFacts,
  date: IsoDate,
  params: JourneyParameters = lawParameters,
): PlannedStep[] {
  const t = PATHWAY_TRAITS[facts.pathway];
  const abroad = facts.location === 'abroad';
  const [recognition, zab] = qualification(facts, t);
  const fee = params.parameter('fee.81a', date)?.value ?? null;
  const plan: PlannedStep[] = [
    step('orientation', true, 'always'),
    jobOffer(facts, t),
    recognition,
    zab,
    acceleratedProcedure(facts, fee),
    baApproval(facts, t),
    step('visa-appointment', abroad, abroad ? 'abroad' : 'not-required-in-germany'),
    step('visa-decision', abroad, abroad ? 'abroad' : 'not-required-in-germany'),
    step('entry-registration', abroad, abroad ? 'abroad' : 'not-required-in-germany'),
    step('residence-permit', true, abroad ? 'after-entry' : 'in-germany'),
    step('integration', true, 'offer'),
  ];
  return plan; // in STEP_KINDS order (plan.unit.test.ts checks it)
}

/** Whether two reasons say the same (same key, same values). */
export function sameReason(a: Message, b: Message): boolean {
  if (a.key !== b.key) return false;
  const ka = Object.keys(a.values);
  const kb = Object.keys(b.values);
  return ka.length === kb.length && ka.every((k) => a.values[k] === b.values[k]);
}
