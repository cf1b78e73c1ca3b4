/**
 * Criteria about the person's qualification shared by several pathways: Fachkraft (§ 18 Abs. 3), a
 * qualification recognised abroad, and experience within a window. A missing fact gives `unknown`.
 */
import type { EvaluationContext } from './context.ts';
import { criterion } from './criteria.ts';
import type { Criterion, QualificationKind } from './types.ts';

/**
 * Fachkraft (§ 18 Abs. 3): a qualification of the required kind that is German, recognised as equivalent or
 * (for degrees) comparable. `pending` and `not-applied` leave the question open.
 */
export function fachkraft(
  ctx: EvaluationContext,
  kind: QualificationKind | 'any',
  citation: string,
): Criterion {
  const id = 'fachkraft';
  const q = ctx.person.qualification;
  const actual = q?.kind;
  if (actual === undefined) return criterion(id, 'unknown', citation, { values: { kind } });
  if (actual === 'none' || (kind !== 'any' && actual !== kind)) {
    return criterion(id, 'unmet', citation, { reason: 'wrong-kind', values: { kind } });
  }
  switch (q?.recognitionInGermany) {
    case 'equivalent':
      return criterion(id, 'met', citation, { values: { kind: actual } });
    case 'pending':
      return criterion(id, 'unknown', citation, { reason: 'pending', values: { kind: actual } });
    case 'not-applied':
      return criterion(id, 'unknown', citation, { reason: 'not-applied', values: { kind: actual } });
    case 'partial':
    case 'none':
      return criterion(id, 'unmet', citation, { values: { kind: actual } });
    default:
      return criterion(id, 'unknown', citation, { values: { kind: actual } });
  }
}

/**
 * Foreign qualification state-recognised where it was acquired: a degree, or vocational training of at least
 * `minTrainingYears` years (§ 6 BeschV, § 16d Abs. 3, § 20a Abs. 4).
 */
export function qualificationAbroad(
  ctx: EvaluationContext,
  citation: string,
  minTrainingYears = 2,
): Criterion {
  const id = 'qualification-abroad';
  const q = ctx.person.qualification;
  const kind = q?.kind;
  if (kind === 'none') return criterion(id, 'unmet', citation, { reason: 'wrong-kind' });
  const recognised = q?.stateRecognizedAbroad;
  if (recognised === false) return criterion(id, 'unmet', citation);
  if (kind === 'vocational') {
    const years = q?.trainingYears;
    if (years !== undefined && years < minTrainingYears) {
      return criterion(id, 'unmet', citation, {
        reason: 'training-too-short',
        value: years,
        threshold: minTrainingYears,
      });
    }
    if (years === undefined || recognised === undefined) {
      return criterion(id, 'unknown', citation, { threshold: minTrainingYears });
    }
    return criterion(id, 'met', citation, { value: years, threshold: minTrainingYears });
  }
  if (kind === undefined || recognised === undefined) {
    return criterion(id, 'unknown', citation, { threshold: minTrainingYears });
  }
  return criterion(id, 'met', citation, { reason: 'degree' });
}

/** Experience of at least `years` within the window, counted in covered days (365 per year). */
export function experienceCriterion(
  id: string,
  days: { definite: number; possible: number } | undefined,
  years: number,
  windowYears: number,
  citation: string,
): Criterion {
  const required = years * 365;
  const values = { years, windowYears };
  if (days === undefined) return criterion(id, 'unknown', citation, { values });
  const value = Math.floor((days.definite / 365) * 10) / 10;
  if (days.definite >= required) return criterion(id, 'met', citation, { value, values });
  if (days.possible >= required)
    return criterion(id, 'unknown', citation, { reason: 'uncertain', value, values });
  return criterion(id, 'unmet', citation, { value, values });
}
