/**
 * § 20a AufenthG: Chancenkarte (opportunity card, from 1.6.2024). Route 1: Fachkraft (§ 18 Abs. 3), no points.
 * Route 2: points (≥ 6) with the prerequisites of § 20a Abs. 4 (qualification state-recognised abroad unless
 * the partial-recognition points are scored; German A1 or English B2).
 */

import { pointsFromContext } from '../chancenkarte-points.ts';
import { funds, levelName, residenceStatus, SWITCH } from '../common.ts';
import type { EvaluationContext } from '../context.ts';
import { all, any, criterion } from '../criteria.ts';
import { type Pathway, type PathwayEvaluation, titleKey } from '../pathway.ts';
import { fachkraft, qualificationAbroad } from '../qualification-criteria.ts';
import type { Criterion, PointsBreakdown } from '../types.ts';

const CITATION = '§ 20a AufenthG';

function languagePrerequisite(ctx: EvaluationContext): Criterion {
  const citation = '§ 20a Abs. 4 S. 3 AufenthG';
  const german = ctx.german === undefined ? 'unknown' : ctx.german >= 1 ? 'met' : 'unmet';
  const english = ctx.english === undefined ? 'unknown' : ctx.english >= 4 ? 'met' : 'unmet';
  return criterion('language-prerequisite', any(german, english), citation, {
    values: {
      german: ctx.german === undefined ? '?' : levelName(ctx.german),
      english: ctx.english === undefined ? '?' : levelName(ctx.english),
    },
  });
}

function pointsQualification(ctx: EvaluationContext, points: PointsBreakdown): Criterion {
  const partial = points.items[0];
  if (partial?.status === 'met') {
    return criterion('qualification-abroad', 'met', '§ 20b Abs. 1 S. 2 AufenthG', {
      reason: 'partial-recognition',
    });
  }
  return qualificationAbroad(ctx, '§ 20a Abs. 4 S. 3 AufenthG', 2);
}

function pointsMinimum(points: PointsBreakdown): Criterion {
  const citation = '§ 20a Abs. 3 Nr. 2, § 20b AufenthG, Anlage';
  if (points.minimum === null)
    return criterion('points-minimum', 'unknown', citation, { reason: 'no-parameter' });
  const verified = points.items.every((i) => i.verified || i.points === 0);
  const status =
    points.total >= points.minimum ? 'met' : points.maxPossible >= points.minimum ? 'unknown' : 'unmet';
  return criterion('points-minimum', status, citation, {
    value: points.total,
    threshold: points.minimum,
    verified,
    values: { maxPossible: points.maxPossible },
  });
}

export const aufenthg20a: Pathway = {
  id: 'aufenthg-20a',
  titleKey: titleKey('aufenthg-20a'),
  citation: CITATION,
  inForce: { from: SWITCH.fegStage3, to: null },
  evaluate(ctx): PathwayEvaluation {
    const points = pointsFromContext(ctx);
    const criteria: Criterion[] = [residenceStatus(ctx, 'chancenkarte')];
    const skilled = fachkraft(ctx, 'any', '§ 20a Abs. 1 Nr. 1, § 18 Abs. 3 AufenthG');
    if (skilled.status === 'met') {
      criteria.push(skilled);
    } else {
      const route = [pointsQualification(ctx, points), languagePrerequisite(ctx), pointsMinimum(points)];
      if (skilled.status === 'unknown' && all(...route.map((c) => c.status)) === 'unmet') {
        // The points route fails, but the Fachkraft route is still open: the honest answer is "needs review".
        criteria.push(
          criterion('chancenkarte-route', 'unknown', '§ 20a Abs. 1 AufenthG', {
            reason: 'fachkraft-open',
            value: points.total,
            threshold: points.minimum ?? 6,
          }),
        );
      } else {
        criteria.push(...route);
      }
    }
    criteria.push(funds(ctx, 'chancenkarte.funds.monthly', '§ 20a Abs. 1, § 2 Abs. 3 AufenthG'));
    return { criteria, baApproval: false, pointsBreakdown: points };
  },
};
