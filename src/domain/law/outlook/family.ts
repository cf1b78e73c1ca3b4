/**
 * Family reunification notes: spouse language waiver (§ 30 Abs. 1 S. 3 Nr. 5 AufenthG) and parents and
 * parents-in-law (§ 36 Abs. 3 AufenthG, sponsor's first qualifying title granted on or after 1.3.2024).
 * The current title's `statusSince` stands in for the first grant of a qualifying title.
 */
import { SWITCH } from '../common.ts';
import type { EvaluationContext } from '../context.ts';
import { message } from '../criteria.ts';
import type { FamilyOutcome, PathwayId, PathwayOutcome, Status } from '../types.ts';

/**
 * Titles whose holders' spouses need no German A1 (§ 30 Abs. 1 S. 3 Nr. 5 AufenthG: Blue Card, §§ 18a, 18b,
 * 19c(2), among others; not the Chancenkarte, §§ 16a/16b, § 20, § 104c or the Western Balkans rule,
 * legal-rules.md § 13) and whose holders may bring their parents (§ 36 Abs. 3), as far as the engine models them.
 */
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

/**
 * The spouse needs no German A1 only when the sponsor holds a qualifying title, or is being granted one (an
 * `eligible` pathway): then the message names the condition. A qualifying pathway that still needs review
 * does not waive anything yet; the message says what would change.
 */
function spouseLanguage(holder: boolean, granted: PathwayId[], open: PathwayId[]) {
  if (holder) {
    return { waived: true, pathways: granted, message: message('law.family.spouse-language.waived') };
  }
  if (granted.length > 0) {
    return {
      waived: true,
      pathways: granted,
      message: message('law.family.spouse-language.with-new-title', { count: granted.length }),
    };
  }
  if (open.length > 0) {
    return {
      waived: null,
      pathways: [],
      message: message('law.family.spouse-language.open', { count: open.length }),
    };
  }
  return { waived: false, pathways: [], message: message('law.family.spouse-language.required') };
}

export function familyOutlook(ctx: EvaluationContext, outcomes: readonly PathwayOutcome[]): FamilyOutcome {
  const granted: PathwayId[] = [];
  const open: PathwayId[] = [];
  for (const o of outcomes) {
    if (!SKILLED_SPONSOR_TITLES.includes(o.id)) continue;
    if (o.outcome === 'eligible') granted.push(o.id);
    else if (o.outcome === 'needs-review') open.push(o.id);
  }
  const holder = isSponsorTitle(ctx.person.status);
  return {
    spouseLanguageWaiver: spouseLanguage(holder, granted, open),
    parents: parents(ctx, holder, granted.length + open.length > 0),
  };
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
