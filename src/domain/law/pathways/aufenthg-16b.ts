/** § 16b AufenthG: studies (140 working days per year from 1.3.2024). */
import { funds, residenceStatus } from '../common.ts';
import { criterion, fromFact } from '../criteria.ts';
import { type Pathway, titleKey } from '../pathway.ts';

const CITATION = '§ 16b AufenthG';

export const aufenthg16b: Pathway = {
  id: 'aufenthg-16b',
  titleKey: titleKey('aufenthg-16b'),
  citation: CITATION,
  inForce: { from: null, to: null },
  evaluate(ctx) {
    return {
      baApproval: false,
      criteria: [
        residenceStatus(ctx, 'visa-or-title'),
        criterion('study-admission', fromFact(ctx.education?.studyAdmission), CITATION),
        funds(ctx, 'student.funds.monthly', '§ 16b Abs. 1, § 2 Abs. 3 AufenthG'),
      ],
    };
  },
};
