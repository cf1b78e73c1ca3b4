/**
 * Family reunification notes: spouse language waiver (§ 30 Abs. 1 S. 3 Nr. 5 AufenthG) and parents and
 * parents-in-law (§ 36 Abs. 3 AufenthG, sponsor's first qualifying title granted on or after 1.3.2024).
 * The current title's `statusSince` stands in for the first grant of a qualifying title.
 */
import { SWITCH } from '../common.ts';
import type { EvaluationContext } from '../context.ts';
import { message } from '../criteria.ts';
import type { FamilyOutcome, PathwayId, PathwayOutcome, Status } from '../types.ts';

/** Titles whose holders' spouses need no German A1 and whose holders may bring their parents. */
export const SKILLED_SPONSOR_TITLES: readonly PathwayId[] = [
  'aufenthg-18a',
  'aufenthg-18b',
  'aufenthg-18g',
  'aufenthg-18g-it',
  'aufenthg-19c-2',
];

function isSponsorTitle(status: Status | undefined): boolean {
  return status !== undefined && (SKILLED_SPONSOR_TITLES as readonly string[]).includes(status);
}

export function familyOutlook(ctx: EvaluationContext, outcomes: readonly PathwayOutcome[]): FamilyOutcome {
  const open: PathwayId[] = [];
  for (const o of outcomes) {
    if (o.outcome !== 'not-eligible' && SKILLED_SPONSOR_TITLES.includes(o.id)) open.push(o.id);
  }
  const holder = isSponsorTitle(ctx.person.status);
  const waived = holder || open.length > 0;
  const spouseLanguageWaiver = {
    pathways: open,
    message: message(waived ? 'law.family.spouse-language.waived' : 'law.family.spouse-language.required', {
      count: open.length,
    }),
  };
  return { spouseLanguageWaiver, parents: parents(ctx, holder, open.length > 0) };
}

function parents(ctx: EvaluationContext, holder: boolean, open: boolean): FamilyOutcome['parents'] {
  if (ctx.date < SWITCH.fegStage2) {
    return { available: false, message: message('law.family.parents.not-yet', { from: SWITCH.fegStage2 }) };
  }
  const until = ctx.params['family.parents.until'];
  if (until !== undefined && ctx.date > until.value) {
    return { available: false, message: message('law.family.parents.expired', { until: until.value }) };
  }
  const untilValue = until?.value ?? '';
  if (holder) {
    const since = ctx.person.statusSince ?? undefined;
    if (since === undefined) {
      return { available: null, message: message('law.family.parents.unknown', { from: SWITCH.fegStage2 }) };
    }
    return since >= SWITCH.fegStage2
      ? { available: true, message: message('law.family.parents.available', { until: untilValue }) }
      : {
          available: false,
          message: message('law.family.parents.first-title-before', { from: SWITCH.fegStage2, since }),
        };
  }
  return open
    ? { available: true, message: message('law.family.parents.with-new-title', { until: untilValue }) }
    : { available: false, message: message('law.family.parents.no-title', {}) };
}
