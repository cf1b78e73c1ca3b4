/** § 25a AufenthG: residence for well-integrated young people (14 to under 27). */
import { criterion, fromFact } from '../criteria.ts';
import { type Pathway, titleKey } from '../pathway.ts';
import { holderTransition, stayDuration, toleratedStatus } from '../tolerated.ts';
import type { Criterion } from '../types.ts';

const CITATION = '§ 25a Abs. 1 AufenthG';

export const aufenthg25a: Pathway = {
  id: 'aufenthg-25a',
  titleKey: titleKey('aufenthg-25a'),
  citation: CITATION,
  inForce: { from: null, to: null },
  evaluate(ctx) {
    const min = ctx.params['integration-25a.age-min'];
    const max = ctx.params['integration-25a.age-max'];
    const years = ctx.params['integration-25a.years'];
    const age =
      min === undefined || max === undefined
        ? criterion('age-range', 'unknown', CITATION)
        : criterion('age-range', ctx.age >= min.value && ctx.age < max.value ? 'met' : 'unmet', CITATION, {
            value: ctx.age,
            values: { min: min.value, max: max.value },
          });
    const criteria: Criterion[] = [
      toleratedStatus(ctx, ['duldung', 'aufenthg-104c'], CITATION, 12),
      age,
      // § 104c holders had at least 5 years of stay on 31.10.2022, so 3 years are always met.
      ctx.person.status === 'aufenthg-104c'
        ? criterion('stay-duration', 'met', CITATION, { reason: 'holder-104c' })
        : years === undefined
          ? criterion('stay-duration', 'unknown', CITATION)
          : stayDuration(ctx, years.value, CITATION),
      criterion(
        'school',
        fromFact(ctx.education?.germanSchoolOrQualification),
        '§ 25a Abs. 1 S. 1 Nr. 2 AufenthG',
      ),
    ];
    const holder = holderTransition(ctx);
    if (holder !== undefined) criteria.push(holder);
    return { baApproval: null, criteria };
  },
};
