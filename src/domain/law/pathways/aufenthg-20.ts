/**
 * § 20 AufenthG: residence permit to look for work after a stay in Germany — after studies (§ 16b), after
 * qualified vocational training (§ 16a), or after the recognition of a foreign qualification (§ 16d).
 * Until 31.5.2024 § 20 Abs. 3 a.F. (studies up to 18 months, training and recognition up to 12); from 1.6.2024
 * § 20 Abs. 1 Nr. 1, 3, 4 with Abs. 2 S. 2 (up to 18 months each). The durations are parameters
 * (`job-search-20.months.*`). Livelihood must be secured (§ 20 Abs. 2 S. 1): named, not checked. Not modelled:
 * research (Nr. 2, no § 18d title in the engine) and assistant or helper training in care (Nr. 5).
 */
import { SWITCH } from '../common.ts';
import type { EvaluationContext } from '../context.ts';
import { criterion, fromFact, message } from '../criteria.ts';
import { type Pathway, titleKey } from '../pathway.ts';
import type { Criterion, Message, Status } from '../types.ts';

type Route = 'degree' | 'training' | 'recognition';

const ROUTE_BY_STATUS: Partial<Record<Status, Route>> = {
  'aufenthg-16b': 'degree',
  'aufenthg-16a': 'training',
  'aufenthg-16d-1': 'recognition',
  'aufenthg-16d-3': 'recognition',
};

/** Number of the route in § 20 Abs. 1 (from 1.6.2024) and in § 20 Abs. 3 a.F. (the same numbering). */
const NUMBER: Readonly<Record<Route, number>> = { degree: 1, training: 3, recognition: 4 };

const MONTHS = {
  degree: 'job-search-20.months.degree',
  training: 'job-search-20.months.training',
  recognition: 'job-search-20.months.recognition',
} as const;

function citation(ctx: EvaluationContext, route: Route): string {
  return ctx.date >= SWITCH.fegStage3
    ? `§ 20 Abs. 1 Nr. ${NUMBER[route]} AufenthG`
    : `§ 20 Abs. 3 Nr. ${NUMBER[route]} AufenthG a.F.`;
}

function previousStay(ctx: EvaluationContext, route: Route | undefined): Criterion {
  const id = 'previous-stay';
  const { location, status } = ctx.person;
  if (location === 'abroad') return criterion(id, 'unmet', '§ 20 AufenthG', { reason: 'abroad' });
  if (status === undefined) return criterion(id, 'unknown', '§ 20 AufenthG');
  if (route === undefined) return criterion(id, 'unmet', '§ 20 AufenthG', { value: status });
  if (location === undefined) return criterion(id, 'unknown', citation(ctx, route));
  return criterion(id, 'met', citation(ctx, route), { reason: route });
}

function completion(ctx: EvaluationContext, route: Route): Criterion {
  const id = 'completion';
  const cite = citation(ctx, route);
  if (route !== 'recognition') {
    const status = fromFact(ctx.education?.completedInGermany);
    return criterion(id, status, cite, { reason: `${route}-${status}` });
  }
  const recognition = ctx.person.qualification?.recognitionInGermany;
  if (recognition === 'equivalent' || ctx.job?.regulatedPermit === 'granted')
    return criterion(id, 'met', cite, { reason: 'recognition-met' });
  if (recognition === undefined) return criterion(id, 'unknown', cite, { reason: 'recognition-unknown' });
  return criterion(id, 'unmet', cite, { reason: 'recognition-unmet' });
}

export const aufenthg20: Pathway = {
  id: 'aufenthg-20',
  titleKey: titleKey('aufenthg-20'),
  citation: '§ 20 AufenthG',
  inForce: { from: null, to: null },
  evaluate(ctx) {
    const status = ctx.person.status;
    const route = status === undefined ? undefined : ROUTE_BY_STATUS[status];
    const criteria: Criterion[] = [previousStay(ctx, route)];
    const nextSteps: Message[] = [];
    if (route !== undefined) {
      criteria.push(completion(ctx, route));
      const months = ctx.params[MONTHS[route]];
      if (months !== undefined) {
        nextSteps.push(
          message('law.next-step.job-search-20', {
            months: months.value,
            verified: String(months.verified),
          }),
        );
      }
    }
    return { baApproval: null, criteria, nextSteps };
  },
};
