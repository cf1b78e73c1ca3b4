/**
 * § 18g Abs. 1 AufenthG: EU Blue Card (until 17.11.2023: § 18b Abs. 2 AufenthG a.F.).
 * Variants: `general` (≥ 50 % BBG, no BA approval), `reduced-shortage` (≥ 45.3 %, ISCO shortage groups,
 * BA approval), `reduced-career-starter` (≥ 45.3 %, degree not older than 3 years, BA approval; from 18.11.2023).
 */
import {
  contractMonths,
  jobOffer,
  matchesQualification,
  regulatedPermit,
  residenceStatus,
  SWITCH,
} from '../common.ts';
import { type EvaluationContext, monthsBefore } from '../context.ts';
import { atLeast, criterion } from '../criteria.ts';
import {
  BLUE_CARD_SHORTAGE_GROUPS,
  BLUE_CARD_SHORTAGE_GROUPS_BEFORE_2023_11_18,
  inIscoGroups,
} from '../occupations.ts';
import { type Pathway, type PathwayEvaluation, titleKey } from '../pathway.ts';
import { fachkraft } from '../qualification-criteria.ts';
import type { Criterion, CriterionStatus, Variant } from '../types.ts';

type Salary = { criteria: Criterion[]; variant?: Variant; baApproval: boolean | null };

function salaryAndVariant(ctx: EvaluationContext, newLaw: boolean): Salary {
  const id = 'blue-card-salary';
  const citationGeneral = newLaw ? '§ 18g Abs. 1 S. 1 AufenthG' : '§ 18b Abs. 2 S. 1 AufenthG a.F.';
  const citationReduced = newLaw ? '§ 18g Abs. 1 S. 2 AufenthG' : '§ 18b Abs. 2 S. 2 AufenthG a.F.';
  const general = ctx.params['blue-card.salary.general'];
  const reduced = ctx.params['blue-card.salary.reduced'];
  if (general === undefined || reduced === undefined) {
    const c = criterion(id, 'unknown', citationGeneral, {
      reason: 'no-parameter',
      values: { date: ctx.date },
    });
    return { criteria: [c], baApproval: null };
  }
  const verified = general.verified && reduced.verified;
  const values = { reduced: reduced.value };
  const salary = ctx.job?.annualSalaryEur;
  if (salary === undefined) {
    return {
      criteria: [criterion(id, 'unknown', citationGeneral, { threshold: general.value, verified, values })],
      baApproval: null,
    };
  }
  if (atLeast(salary, general.value)) {
    const c = criterion(id, 'met', citationGeneral, { value: salary, threshold: general.value, verified });
    return { criteria: [c], variant: 'general', baApproval: false };
  }
  const isco = ctx.job?.isco08;
  const groups = newLaw ? BLUE_CARD_SHORTAGE_GROUPS : BLUE_CARD_SHORTAGE_GROUPS_BEFORE_2023_11_18;
  const shortage: CriterionStatus =
    isco === undefined ? 'unknown' : inIscoGroups(isco, groups) ? 'met' : 'unmet';
  const completedOn = ctx.person.qualification?.completedOn;
  const careerStartLimit = monthsBefore(ctx, 36);
  const careerStarter: CriterionStatus = !newLaw
    ? 'unmet'
    : completedOn === undefined
      ? 'unknown'
      : completedOn >= careerStartLimit
        ? 'met'
        : 'unmet';
  const basis: CriterionStatus =
    shortage === 'met' || careerStarter === 'met'
      ? 'met'
      : shortage === 'unknown' || careerStarter === 'unknown'
        ? 'unknown'
        : 'unmet';
  const base = { value: salary, verified };
  if (!atLeast(salary, reduced.value)) {
    const threshold = basis === 'unmet' ? general.value : reduced.value;
    return {
      criteria: [
        criterion(id, 'unmet', citationGeneral, { ...base, threshold, reason: 'below-reduced', values }),
      ],
      baApproval: null,
    };
  }
  if (basis === 'unmet') {
    const c = criterion(id, 'unmet', citationGeneral, { ...base, threshold: general.value, values });
    return { criteria: [c], baApproval: null };
  }
  if (basis === 'unknown') {
    const c = criterion(id, 'unknown', citationReduced, {
      ...base,
      threshold: general.value,
      reason: 'basis-unknown',
      values,
    });
    return { criteria: [c], baApproval: null };
  }
  const salaryMet = criterion(id, 'met', citationReduced, {
    ...base,
    threshold: reduced.value,
    reason: 'reduced',
  });
  if (shortage === 'met') {
    const c = criterion('reduced-threshold-basis', 'met', `${citationReduced} Nr. 1`, {
      reason: 'shortage',
      value: isco ?? '',
    });
    return { criteria: [salaryMet, c], variant: 'reduced-shortage', baApproval: true };
  }
  const c = criterion('reduced-threshold-basis', 'met', `${citationReduced} Nr. 2`, {
    reason: 'career-starter',
    value: completedOn ?? '',
    threshold: careerStartLimit,
  });
  return { criteria: [salaryMet, c], variant: 'reduced-career-starter', baApproval: true };
}

export const aufenthg18g: Pathway = {
  id: 'aufenthg-18g',
  titleKey: titleKey('aufenthg-18g'),
  citation: '§ 18g Abs. 1 AufenthG',
  inForce: { from: null, to: null },
  evaluate(ctx): PathwayEvaluation {
    const newLaw = ctx.date >= SWITCH.fegStage1;
    const salary = salaryAndVariant(ctx, newLaw);
    const criteria: Criterion[] = [
      residenceStatus(ctx, 'visa-or-title'),
      jobOffer(ctx),
      fachkraft(
        ctx,
        'academic',
        newLaw ? '§ 18g Abs. 1 S. 1, § 18 Abs. 3 Nr. 2 AufenthG' : '§ 18b Abs. 2 AufenthG a.F.',
      ),
      matchesQualification(ctx, newLaw ? '§ 18g Abs. 1 S. 1 AufenthG' : '§ 18b Abs. 2 AufenthG a.F.'),
    ];
    if (newLaw) criteria.push(contractMonths(ctx, 6, '§ 18g Abs. 3 AufenthG'));
    criteria.push(regulatedPermit(ctx), ...salary.criteria);
    return salary.variant === undefined
      ? { criteria, baApproval: salary.baApproval }
      : { criteria, variant: salary.variant, baApproval: salary.baApproval };
  },
};
