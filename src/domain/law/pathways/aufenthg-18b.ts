/** § 18b AufenthG: skilled worker with an academic degree (Fachkraft mit akademischer Ausbildung). */
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

export const aufenthg18b: Pathway = {
  id: 'aufenthg-18b',
  titleKey: titleKey('aufenthg-18b'),
  citation: '§ 18b AufenthG',
  inForce: { from: null, to: null },
  evaluate(ctx) {
    const stage1 = ctx.date >= SWITCH.fegStage1;
    return {
      baApproval: true,
      criteria: [
        residenceStatus(ctx, 'spurwechsel'),
        jobOffer(ctx),
        fachkraft(ctx, 'academic', '§ 18 Abs. 3 Nr. 2 AufenthG'),
        stage1
          ? qualifiedEmployment(ctx, '§ 18b AufenthG')
          : matchesQualification(ctx, '§ 18b AufenthG a.F. (bis 17.11.2023)'),
        regulatedPermit(ctx),
        age45Salary(ctx, 'aufenthg-18b', '§ 18 Abs. 2 Nr. 5 AufenthG'),
      ],
    };
  },
};
