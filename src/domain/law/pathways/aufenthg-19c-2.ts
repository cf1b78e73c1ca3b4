/**
 * § 19c Abs. 2 AufenthG i.V.m. § 6 BeschV: employment with pronounced professional experience
 * ("Erfahrungssäule", from 1.3.2024).
 */
import {
  age45Salary,
  jobOffer,
  qualifiedEmployment,
  residenceStatus,
  SWITCH,
  salaryThreshold,
} from '../common.ts';
import type { EvaluationContext } from '../context.ts';
import { criterion } from '../criteria.ts';
import { IT_GROUPS, inIscoGroups } from '../occupations.ts';
import { type Pathway, titleKey } from '../pathway.ts';
import { experienceCriterion, qualificationAbroad } from '../qualification-criteria.ts';
import type { Criterion } from '../types.ts';

function nonRegulated(ctx: EvaluationContext): Criterion {
  const permit = ctx.job?.regulatedPermit;
  const citation = '§ 6 BeschV; § 18 Abs. 2 Nr. 3 AufenthG';
  if (permit === undefined) return criterion('non-regulated', 'unknown', citation);
  return criterion('non-regulated', permit === 'not-required' ? 'met' : 'unmet', citation);
}

function salaryOrCollectiveAgreement(ctx: EvaluationContext): Criterion {
  const citation = '§ 6 Nr. 2 BeschV';
  const agreement = ctx.job?.employerCollectiveAgreement;
  if (agreement === true)
    return criterion('experience-salary', 'met', citation, { reason: 'collective-agreement' });
  const salary = salaryThreshold(ctx, 'experience.salary', citation, 'experience-salary');
  if (salary.status === 'unmet' && agreement === undefined) {
    return {
      ...salary,
      status: 'unknown',
      message: { ...salary.message, key: 'law.criterion.experience-salary.agreement-unknown' },
    };
  }
  return salary;
}

function qualification(ctx: EvaluationContext): Criterion {
  const citation = '§ 6 Nr. 3 BeschV';
  const isco = ctx.job?.isco08;
  if (isco !== undefined && inIscoGroups(isco, IT_GROUPS)) {
    return criterion('qualification-abroad', 'met', citation, { reason: 'ict' });
  }
  const result = qualificationAbroad(ctx, citation, 2);
  if (isco === undefined && result.status === 'unmet') {
    return criterion('qualification-abroad', 'unknown', citation, { reason: 'ict-unknown' });
  }
  return result;
}

export const aufenthg19c2: Pathway = {
  id: 'aufenthg-19c-2',
  titleKey: titleKey('aufenthg-19c-2'),
  citation: '§ 19c Abs. 2 AufenthG i.V.m. § 6 BeschV',
  inForce: { from: SWITCH.fegStage2, to: null },
  evaluate(ctx) {
    return {
      baApproval: true,
      criteria: [
        residenceStatus(ctx, 'spurwechsel'),
        jobOffer(ctx, '§ 19c Abs. 2 AufenthG'),
        qualifiedEmployment(ctx, '§ 6 BeschV'),
        nonRegulated(ctx),
        experienceCriterion('experience', ctx.experience5, 2, 5, '§ 6 Nr. 1 BeschV'),
        salaryOrCollectiveAgreement(ctx),
        qualification(ctx),
        age45Salary(ctx, 'aufenthg-19c-2', '§ 1 Abs. 2 BeschV'),
      ],
    };
  },
};
