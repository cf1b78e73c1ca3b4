/** § 25b AufenthG: residence for sustainable integration (adults). */
import { germanAtLeast } from '../common.ts';
import type { EvaluationContext } from '../context.ts';
import { criterion, fromFact } from '../criteria.ts';
import { type Pathway, titleKey } from '../pathway.ts';
import { holderTransition, stayDuration, toleratedStatus } from '../tolerated.ts';
import type { Criterion } from '../types.ts';

const CITATION = '§ 25b Abs. 1 AufenthG';

function stay(ctx: EvaluationContext): Criterion {
  const citation = '§ 25b Abs. 1 S. 2 Nr. 1 AufenthG';
  const general = ctx.params['integration-25b.years'];
  const withChild = ctx.params['integration-25b.years-with-child'];
  if (general === undefined || withChild === undefined)
    return criterion('stay-duration', 'unknown', citation);
  const full = stayDuration(ctx, general.value, citation);
  if (full.status !== 'unmet') return full;
  const child = ctx.person.livesWithMinorChild;
  const reduced = stayDuration(ctx, withChild.value, citation);
  if (child === true || reduced.status === 'unmet') return reduced;
  // Enough for the 4-year rule, not for the 6-year rule: it depends on the child fact.
  return child === undefined
    ? {
        ...reduced,
        status: 'unknown',
        message: { ...reduced.message, key: 'law.criterion.stay-duration.child-unknown' },
      }
    : full;
}

export const aufenthg25b: Pathway = {
  id: 'aufenthg-25b',
  titleKey: titleKey('aufenthg-25b'),
  citation: CITATION,
  inForce: { from: null, to: null },
  evaluate(ctx) {
    const criteria: Criterion[] = [
      toleratedStatus(ctx, ['duldung', 'aufenthg-104c'], CITATION),
      stay(ctx),
      germanAtLeast(ctx, 2, '§ 25b Abs. 1 S. 2 Nr. 4 AufenthG'),
      criterion(
        'livelihood-work',
        fromFact(ctx.person.livelihoodMainlyFromWork),
        '§ 25b Abs. 1 S. 2 Nr. 3 AufenthG',
      ),
    ];
    const holder = holderTransition(ctx);
    if (holder !== undefined) criteria.push(holder);
    return { baApproval: null, criteria };
  },
};
