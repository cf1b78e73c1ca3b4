/**
 * The shape every pathway module exports. The engine (engine.ts) checks `inForce`, runs `evaluate` and derives
 * the outcome from the criteria; pathways only state their criteria.
 */
import type { IsoDate } from '../calendar.ts';
import type { EvaluationContext } from './context.ts';
import type { Criterion, Message, PathwayId, PointsBreakdown, Variant } from './types.ts';

export type InForce = {
  /** First day the rule applies; null = in force throughout the engine's horizon. */
  readonly from: IsoDate | null;
  /** Last day a title can be newly granted; null = open. */
  readonly to: IsoDate | null;
};

export type PathwayEvaluation = {
  readonly criteria: Criterion[];
  readonly variant?: Variant;
  /** Whether the Federal Employment Agency must approve; null = not an employment title or not determinable. */
  readonly baApproval: boolean | null;
  readonly pointsBreakdown?: PointsBreakdown;
  readonly nextSteps?: Message[];
};

export type Pathway = {
  readonly id: PathwayId;
  readonly titleKey: string;
  readonly citation: string;
  readonly inForce: InForce;
  evaluate(ctx: EvaluationContext): PathwayEvaluation;
};

export function titleKey(id: PathwayId): string {
  return `law.pathway.${id}.title`;
}
