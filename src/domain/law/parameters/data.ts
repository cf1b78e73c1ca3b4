/**
 * The effective-dated parameter table: every number of the law that changes over time.
 * Source of every value: shared/research/legal-rules.md (sections 0–16). `verified: false` marks values the
 * memo calls UNVERIFIED or DERIVED (`derived: true`); they are listed in docs/law-engine.md.
 *
 * `validFrom: '2022-01-01'` with `sinceHorizon: true` means "in force at least since the start of the engine's
 * horizon" — the memo does not give an earlier start and the engine does not evaluate earlier dates.
 */
import { AMOUNT_PARAMETERS } from './amounts.ts';
import type { ParameterDefinition } from './periods.ts';
import { STATUTORY_PARAMETERS } from './statutory.ts';

export const PARAMETER_DEFINITIONS = {
  ...AMOUNT_PARAMETERS,
  ...STATUTORY_PARAMETERS,
} as const satisfies Record<string, ParameterDefinition>;
export type ParameterId = keyof typeof PARAMETER_DEFINITIONS;

type Widen<T> = T extends number ? number : T extends string ? string : never;

/** The value type of a parameter: `number` for amounts and counts, `string` (ISO date) for dates. */
export type ParameterValueOf<Id extends ParameterId> = Widen<
  (typeof PARAMETER_DEFINITIONS)[Id]['periods'][number]['value']
>;
