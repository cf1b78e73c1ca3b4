/**
 * The generic engine: runs every pathway module on one evaluation context, applies the outcome rule
 * (any unmet → not-eligible; else any unknown → needs-review; else eligible), adds next steps, and the
 * procedure, settlement and family outlooks.
 */
import { createContext, type EvaluationContext } from './context.ts';
import { staticMessage } from './criteria.ts';
import { familyOutlook } from './outlook/family.ts';
import { procedure81a } from './outlook/procedure-81a.ts';
import { settlementOutlook } from './outlook/settlement.ts';
import type { Pathway } from './pathway.ts';
import { PATHWAYS } from './pathways/index.ts';
import type {
  Criterion,
  Message,
  Outcome,
  PathwayId,
  PathwayOutcome,
  PathwayProfile,
  PathwayResult,
} from './types.ts';

type InForceCriteria = { met: Criterion; notYet: Criterion; expired: Criterion };

function inForceCriteria(p: Pathway): InForceCriteria {
  const make = (status: Criterion['status'], reason: string, values: Record<string, string>): Criterion =>
    Object.freeze({
      id: 'in-force',
      status,
      citation: p.citation,
      verified: true,
      message: Object.freeze({ key: `law.criterion.in-force.${reason}`, values: Object.freeze(values) }),
    });
  return {
    met: p.inForce.from === null ? make('met', 'always', {}) : make('met', 'met', { from: p.inForce.from }),
    notYet: make('unmet', 'not-yet', { from: p.inForce.from ?? '' }),
    expired: make('unmet', 'expired', { to: p.inForce.to ?? '' }),
  };
}

const IN_FORCE = new Map<string, InForceCriteria>(PATHWAYS.map((p) => [p.id, inForceCriteria(p)]));

/** Next step shown when a criterion is not (yet) met. */
const NEXT_STEP_BY_CRITERION: Readonly<Record<string, Message>> = {
  'job-offer': staticMessage('law.next-step.job-search'),
  fachkraft: staticMessage('law.next-step.recognition'),
  'deficit-notice': staticMessage('law.next-step.recognition'),
  'chancenkarte-route': staticMessage('law.next-step.recognition'),
  'qualification-abroad': staticMessage('law.next-step.zab-statement'),
  'regulated-permit': staticMessage('law.next-step.regulated-permit'),
  'german-language': staticMessage('law.next-step.german-course'),
  'language-prerequisite': staticMessage('law.next-step.german-course'),
  funds: staticMessage('law.next-step.funds'),
  'residence-status': staticMessage('law.next-step.counselling'),
  'tolerated-status': staticMessage('law.next-step.counselling'),
  'previous-stay': staticMessage('law.next-step.counselling'),
  'criminal-record': staticMessage('law.next-step.counselling'),
  'holder-104c': staticMessage('law.next-step.legal-review'),
};

const APPLY_VISA = staticMessage('law.next-step.apply-visa');
const APPLY_IN_GERMANY = staticMessage('law.next-step.apply-auslaenderbehoerde');
const APPLY = staticMessage('law.next-step.apply');
const BA_APPROVAL = staticMessage('law.next-step.ba-approval');
const CLARIFY = staticMessage('law.next-step.clarify-unknown');

function outcomeOf(criteria: readonly Criterion[]): Outcome {
  let unknown = false;
  for (const c of criteria) {
    if (c.status === 'unmet') return 'not-eligible';
    if (c.status === 'unknown') unknown = true;
  }
  return unknown ? 'needs-review' : 'eligible';
}

function runPathway(p: Pathway, ctx: EvaluationContext): PathwayOutcome {
  const fixed = IN_FORCE.get(p.id) as InForceCriteria;
  const { from, to } = p.inForce;
  if ((from !== null && ctx.date < from) || (to !== null && ctx.date > to)) {
    const criterion = from !== null && ctx.date < from ? fixed.notYet : fixed.expired;
    return {
      id: p.id,
      outcome: 'not-eligible',
      baApproval: null,
      points: null,
      criteria: [criterion],
      nextSteps: [],
    };
  }
  const evaluation = p.evaluate(ctx);
  const criteria = evaluation.criteria;
  criteria.unshift(fixed.met);
  const outcome = outcomeOf(criteria);
  const nextSteps: Message[] = [];
  if (outcome === 'eligible') {
    const location = ctx.person.location;
    nextSteps.push(location === 'abroad' ? APPLY_VISA : location === 'germany' ? APPLY_IN_GERMANY : APPLY);
  } else if (outcome === 'needs-review') {
    nextSteps.push(CLARIFY);
  }
  if (evaluation.baApproval === true && outcome !== 'not-eligible') nextSteps.push(BA_APPROVAL);
  if (outcome !== 'eligible') {
    for (let i = 1; i < criteria.length; i++) {
      const c = criteria[i] as Criterion;
      if (c.status === 'met') continue;
      const step = NEXT_STEP_BY_CRITERION[c.id];
      if (step !== undefined && !nextSteps.includes(step)) nextSteps.push(step);
    }
  }
  if (evaluation.nextSteps !== undefined) for (const step of evaluation.nextSteps) nextSteps.push(step);
  const breakdown = evaluation.pointsBreakdown;
  const { baApproval, variant } = evaluation;
  if (breakdown !== undefined) {
    return {
      id: p.id,
      outcome,
      baApproval,
      points: breakdown.total,
      pointsBreakdown: breakdown,
      criteria,
      nextSteps,
    };
  }
  if (variant !== undefined && outcome !== 'not-eligible') {
    return { id: p.id, outcome, variant, baApproval, points: null, criteria, nextSteps };
  }
  return { id: p.id, outcome, baApproval, points: null, criteria, nextSteps };
}

/** Evaluates every pathway for the profile on `profile.date`. Pure; throws RangeError on an invalid date. */
export function evaluatePathways(profile: PathwayProfile): PathwayResult {
  const ctx = createContext(profile);
  const pathways = PATHWAYS.map((p) => runPathway(p, ctx));
  return {
    date: ctx.date,
    pathways,
    procedures: { 'aufenthg-81a': procedure81a(ctx, pathways) },
    settlement: settlementOutlook(ctx),
    family: familyOutlook(ctx, pathways),
    parameters: ctx.params,
  };
}

/**
 * Evaluates only the named pathways, in catalogue order (what `evaluatePathways` gives for them, without the
 * procedures and outlooks that look at all pathways). For bulk work such as the pathways of every job ad.
 */
export function evaluateSomePathways(profile: PathwayProfile, ids: ReadonlySet<PathwayId>): PathwayOutcome[] {
  const ctx = createContext(profile);
  const out: PathwayOutcome[] = [];
  for (const p of PATHWAYS) if (ids.has(p.id)) out.push(runPathway(p, ctx));
  return out;
}

export type PathwayCatalogueEntry = {
  readonly id: Pathway['id'];
  readonly titleKey: string;
  readonly citation: string;
  readonly inForce: Pathway['inForce'];
};

/** Ids, title keys, citations and in-force dates of every pathway (for `GET /api/v1/pathways`). */
export function pathwayCatalogue(): PathwayCatalogueEntry[] {
  return PATHWAYS.map((p) => ({ id: p.id, titleKey: p.titleKey, citation: p.citation, inForce: p.inForce }));
}
