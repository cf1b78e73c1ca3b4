/** § 16a Abs. 1 AufenthG: in-company vocational training. */
import { germanAtLeast, residenceStatus } from '../common.ts';
import { criterion, fromFact } from '../criteria.ts';
import { type Pathway, titleKey } from '../pathway.ts';

const CITATION = '§ 16a Abs. 1 AufenthG';

export const aufenthg16a: Pathway = {
  id: 'aufenthg-16a',
  titleKey: titleKey('aufenthg-16a'),
  citation: CITATION,
  inForce: { from: null, to: null },
  evaluate(ctx) {
    // "As a rule B1" for qualified training is a third-party statement (UNVERIFIED): below B1 is left open.
    const german = germanAtLeast(ctx, 3, CITATION, false);
    return {
      baApproval: true,
      criteria: [
        residenceStatus(ctx, 'visa-or-title'),
        criterion('training-place', fromFact(ctx.education?.trainingPlaceOffer), CITATION),
        german.status === 'unmet'
          ? {
              ...german,
              status: 'unknown',
              message: { ...german.message, key: 'law.criterion.german-language.below-usual' },
            }
          : german,
      ],
    };
  },
};
