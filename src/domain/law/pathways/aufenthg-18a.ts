/** § 18a AufenthG: skilled worker with vocational training (Fachkraft mit Berufsausbildung). */
import {
  age45Salary,
  jobOffer,
  matchesQualification,
  qualifiedEmployment,
  regulatedPermit,
  residenceStatus,
  SWITCH,
} from '../common.ts';
import { type Pathway, titleKey } from '../pathway.ts';
import { fachkraft } from '../qualification-criteria.ts';

export const aufenthg18a: Pathway = {
  id: 'aufenthg-18a',
  titleKey: titleKey('aufenthg-18a'),
  citation: '§ 18a AufenthG',
  inForce: { from: null, to: null },
  evaluate(ctx) {
    const stage1 = ctx.date >= SWITCH.fegStage1;
    return {
      baApproval: true,
      criteria: [
        residenceStatus(ctx, 'spurwechsel'),
        jobOffer(ctx),
        fachkraft(ctx, 'vocational', '§ 18 Abs. 3 Nr. 1 AufenthG'),
        stage1
          ? qualifiedEmployment(ctx, '§ 18a AufenthG')
          : matchesQualification(ctx, '§ 18a AufenthG a.F. (bis 17.11.2023)'),
        regulatedPermit(ctx),
        age45Salary(ctx, 'aufenthg-18a', '§ 18 Abs. 2 Nr. 5 AufenthG'),
      ],
    };
  },
};
