/** § 26 Abs. 2 BeschV (with § 19c Abs. 1 AufenthG): Western Balkans regulation, any employment, yearly quota. */
import { age45Salary, jobOffer, regulatedPermit, residenceStatus } from '../common.ts';
import { criterion, message } from '../criteria.ts';
import { type Pathway, titleKey } from '../pathway.ts';
import type { Message } from '../types.ts';

const CITATION = '§ 26 Abs. 2 BeschV';

/** Albania, Bosnia and Herzegovina, Kosovo, Montenegro, North Macedonia, Serbia. */
export const WESTERN_BALKAN_STATES: ReadonlySet<string> = new Set(['AL', 'BA', 'XK', 'ME', 'MK', 'RS']);

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
        residenceStatus(ctx, 'mission'),
        nationality,
        jobOffer(ctx, CITATION),
        regulatedPermit(ctx),
        age45Salary(ctx, 'beschv-26-2', '§ 1 Abs. 2 BeschV'),
      ],
      nextSteps,
    };
  },
};
