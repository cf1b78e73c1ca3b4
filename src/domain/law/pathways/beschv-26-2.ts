/**
 * § 26 Abs. 2 BeschV (with § 19c Abs. 1 AufenthG): Western Balkans regulation, any employment, yearly quota.
 * The application at the German mission in the home state is a condition of the first approval only: a holder
 * extends the permit at the foreigners' office in Germany.
 */
import { age45Salary, jobOffer, regulatedPermit, residenceStatus } from '../common.ts';
import type { EvaluationContext } from '../context.ts';
import { criterion, message } from '../criteria.ts';
import { type Pathway, titleKey } from '../pathway.ts';
import type { Criterion, Message } from '../types.ts';

const CITATION = '§ 26 Abs. 2 BeschV';

/** Albania, Bosnia and Herzegovina, Kosovo, Montenegro, North Macedonia, Serbia. */
export const WESTERN_BALKAN_STATES: ReadonlySet<string> = new Set(['AL', 'BA', 'XK', 'ME', 'MK', 'RS']);

/** Abroad: at the mission. In Germany: only the extension of a permit under this rule. */
function whereToApply(ctx: EvaluationContext): Criterion {
  const { location, status } = ctx.person;
  if (location === 'germany' && status === 'beschv-26-2')
    return criterion('residence-status', 'met', CITATION, { reason: 'extension' });
  return residenceStatus(ctx, 'mission');
}

export const beschv262: Pathway = {
  id: 'beschv-26-2',
  titleKey: titleKey('beschv-26-2'),
  citation: CITATION,
  inForce: { from: null, to: null },
  evaluate(ctx) {
    const citizenship = ctx.person.citizenship;
    const nationality =
      citizenship === undefined
        ? criterion('citizenship', 'unknown', CITATION)
        : criterion(
            'citizenship',
            WESTERN_BALKAN_STATES.has(citizenship.toUpperCase()) ? 'met' : 'unmet',
            CITATION,
            {
              value: citizenship,
            },
          );
    const quota = ctx.params['westbalkan.quota'];
    const nextSteps: Message[] = [message('law.next-step.westbalkan-benefits')];
    if (quota !== undefined) {
      nextSteps.push(
        message('law.next-step.westbalkan-quota', { quota: quota.value, verified: String(quota.verified) }),
      );
    }
    return {
      baApproval: true,
      criteria: [
        whereToApply(ctx),
        nationality,
        jobOffer(ctx, CITATION),
        regulatedPermit(ctx),
        age45Salary(ctx, 'beschv-26-2', '§ 1 Abs. 2 BeschV'),
      ],
      nextSteps,
    };
  },
};
