/** § 16d Abs. 3 AufenthG: recognition partnership (Anerkennungspartnerschaft, from 1.3.2024). */
import { germanAtLeast, jobOffer, residenceStatus, SWITCH } from '../common.ts';
import { criterion, fromFact } from '../criteria.ts';
import { type Pathway, titleKey } from '../pathway.ts';
import { qualificationAbroad } from '../qualification-criteria.ts';

const CITATION = '§ 16d Abs. 3 AufenthG';

export const aufenthg16d3: Pathway = {
  id: 'aufenthg-16d-3',
  titleKey: titleKey('aufenthg-16d-3'),
  citation: CITATION,
  inForce: { from: SWITCH.fegStage2, to: null },
  evaluate(ctx) {
    return {
      baApproval: true,
      criteria: [
        residenceStatus(ctx, 'visa-or-title'),
        jobOffer(ctx, CITATION),
        qualificationAbroad(ctx, '§ 16d Abs. 3 S. 1 Nr. 1 AufenthG', 2),
        germanAtLeast(ctx, 2, '§ 16d Abs. 3 S. 1 Nr. 3 AufenthG'),
        criterion('recognition-partnership', fromFact(ctx.job?.recognitionPartnershipAgreement), CITATION),
      ],
    };
  },
};
