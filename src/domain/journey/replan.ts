/**
 * Recomputing the plan when the facts change. `replan` returns the events that record the new facts and every
 * step whose verdict or reason changed. Steps already under way keep their status and history: for them the
 * new verdict is informative (`plan`), never a change of status. Only `not-started` and `not-required` steps
 * switch between the two. Final steps (decided, withdrawn) are never touched: nothing changes after a final
 * decision.
 */
import { LOCATIONS, PATHWAY_IDS, QUALIFICATION_KINDS, VARIANTS } from '../law/index.ts';
import type { Actor, JourneyEvent } from './commands-events.ts';
import { type JourneyParameters, lawParameters } from './parameters.ts';
import { planJourney, sameReason } from './plan.ts';
import { type Journey, type JourneyFacts, type Now, REGULATIONS } from './types.ts';

/** The first field of `facts` that is not a valid value, or null when all are. */
export function invalidFactsField(facts: JourneyFacts): string | null {
  if (!(PATHWAY_IDS as readonly string[]).includes(facts.pathway)) return 'pathway';
  if (facts.variant !== undefined && !(VARIANTS as readonly string[]).includes(facts.variant))
    return 'variant';
  if (facts.baApproval !== undefined && facts.baApproval !== null && typeof facts.baApproval !== 'boolean')
    return 'baApproval';
  if (!(QUALIFICATION_KINDS as readonly string[]).includes(facts.qualification?.kind))
    return 'qualification.kind';
  if (!(REGULATIONS as readonly string[]).includes(facts.qualification?.regulation))
    return 'qualification.regulation';
  if (typeof facts.employerUses81a !== 'boolean') return 'employerUses81a';
  if (!(LOCATIONS as readonly string[]).includes(facts.location)) return 'location';
  if (facts.linkedTo !== undefined && facts.linkedTo !== null && typeof facts.linkedTo !== 'string')
    return 'linkedTo';
  return null;
}

/** Events that move `journey` to the plan for `facts`: `facts-changed`, then one `step-planned` per change. */
export function replan(
  journey: Journey,
  facts: JourneyFacts,
  now: Now,
  actor: Actor,
  params: JourneyParameters = lawParameters,
): JourneyEvent[] {
  const base = { at: now.at, date: now.date, actor };
  const events: JourneyEvent[] = [{ ...base, type: 'facts-changed', facts }];
  for (const planned of planJourney(facts, now.date, params)) {
    const step = journey.steps[planned.kind];
    if (step.status === 'decided' || step.status === 'withdrawn') continue;
    if (step.plan.required === planned.required && sameReason(step.plan.reason, planned.reason)) continue;
    events.push({
      ...base,
      type: 'step-planned',
      step: planned.kind,
      required: planned.required,
      reason: planned.reason,
    });
  }
  return events;
}
