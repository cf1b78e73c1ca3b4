/**
 * § 17 Abs. 1 AufenthG: search for a vocational training place. From 1.3.2024 under 35 with German B1
 * (before: under 25 with B2).
 */
import { germanAtLeast, residenceStatus, SWITCH } from '../common.ts';
import { criterion, fromFact } from '../criteria.ts';
import { type Pathway, titleKey } from '../pathway.ts';

const CITATION = '§ 17 Abs. 1 AufenthG';

export const aufenthg17: Pathway = {
  id: 'aufenthg-17',
  titleKey: titleKey('aufenthg-17'),
  citation: CITATION,
  inForce: { from: null, to: null },
  evaluate(ctx) {
    const limit = ctx.params['training-search.age-limit'];
    const stage2 = ctx.date >= SWITCH.fegStage2;
    const citation = stage2 ? CITATION : '§ 17 Abs. 1 AufenthG a.F.';
    const age =
      limit === undefined
        ? criterion('age-limit', 'unknown', citation, { reason: 'no-parameter', values: { date: ctx.date } })
        : criterion('age-limit', ctx.age < limit.value ? 'met' : 'unmet', citation, {
            value: ctx.age,
            threshold: limit.value,
          });
    return {
      baApproval: false,
      criteria: [
        residenceStatus(ctx, 'visa-or-title'),
        age,
        germanAtLeast(ctx, stage2 ? 3 : 4, citation),
        criterion('university-entrance', fromFact(ctx.education?.universityEntranceQualification), citation),
      ],
    };
  },
};
