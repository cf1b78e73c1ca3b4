/** § 18g Abs. 2 AufenthG: EU Blue Card for IT specialists without a degree (from 18.11.2023). */
import { contractMonths, jobOffer, residenceStatus, SWITCH, salaryThreshold } from '../common.ts';
import { criterion } from '../criteria.ts';
import { IT_GROUPS, inIscoGroups } from '../occupations.ts';
import { type Pathway, titleKey } from '../pathway.ts';
import { experienceCriterion } from '../qualification-criteria.ts';

const CITATION = '§ 18g Abs. 2 AufenthG';

export const aufenthg18gIt: Pathway = {
  id: 'aufenthg-18g-it',
  titleKey: titleKey('aufenthg-18g-it'),
  citation: CITATION,
  inForce: { from: SWITCH.fegStage1, to: null },
  evaluate(ctx) {
    const isco = ctx.job?.isco08;
    const itOccupation =
      isco === undefined
        ? criterion('it-occupation', 'unknown', CITATION)
        : criterion('it-occupation', inIscoGroups(isco, IT_GROUPS) ? 'met' : 'unmet', CITATION, {
            value: isco,
          });
    return {
      baApproval: true,
      criteria: [
        residenceStatus(ctx, 'visa-or-title'),
        jobOffer(ctx),
        itOccupation,
        experienceCriterion('it-experience', ctx.itExperience7, 3, 7, CITATION),
        salaryThreshold(ctx, 'blue-card.salary.reduced', CITATION),
        contractMonths(ctx, 6, '§ 18g Abs. 3 AufenthG'),
      ],
    };
  },
};
