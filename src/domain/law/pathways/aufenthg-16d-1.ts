/** § 16d Abs. 1 AufenthG: qualification measure after a partial-recognition (deficit) notice. */
import { germanAtLeast, residenceStatus } from '../common.ts';
import type { EvaluationContext } from '../context.ts';
import { criterion, fromFact } from '../criteria.ts';
import { type Pathway, titleKey } from '../pathway.ts';
import type { Criterion } from '../types.ts';

const CITATION = '§ 16d Abs. 1 AufenthG';

function deficitNotice(ctx: EvaluationContext): Criterion {
  const q = ctx.person.qualification;
  // A deficit notice presupposes a foreign qualification, so it wins over a stated kind 'none'.
  if (q?.kind === 'none' && q.recognitionInGermany !== 'partial') {
    return criterion('deficit-notice', 'unmet', CITATION, { reason: 'no-qualification' });
  }
  switch (q?.recognitionInGermany) {
    case 'partial':
      return criterion('deficit-notice', 'met', CITATION);
    case 'pending':
      return criterion('deficit-notice', 'unknown', CITATION, { reason: 'pending' });
    case 'equivalent':
      return criterion('deficit-notice', 'unmet', CITATION, { reason: 'already-equivalent' });
    case 'none':
      return criterion('deficit-notice', 'unmet', CITATION);
    case 'not-applied':
      return criterion('deficit-notice', 'unmet', CITATION, { reason: 'not-applied' });
    default:
      return criterion('deficit-notice', 'unknown', CITATION);
  }
}

export const aufenthg16d1: Pathway = {
  id: 'aufenthg-16d-1',
  titleKey: titleKey('aufenthg-16d-1'),
  citation: CITATION,
  inForce: { from: null, to: null },
  evaluate(ctx) {
    return {
      baApproval: null,
      criteria: [
        residenceStatus(ctx, 'visa-or-title'),
        deficitNotice(ctx),
        criterion('qualification-measure', fromFact(ctx.education?.qualificationMeasureOffer), CITATION),
        germanAtLeast(ctx, 2, '§ 16d Abs. 1 S. 2 Nr. 2 AufenthG'),
      ],
    };
  },
};
