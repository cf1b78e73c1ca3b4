/**
 * Criteria for people already in Germany without a regular title: tolerated persons (Duldung) and holders
 * of the Chancen-Aufenthaltsrecht (§ 104c), moving on to §§ 25a/25b.
 */
import type { IsoDate } from '../calendar.ts';
import { SWITCH } from './common.ts';
import { type EvaluationContext, monthsBefore } from './context.ts';
import { criterion } from './criteria.ts';
import type { Criterion, Status } from './types.ts';

/** Start of the uninterrupted stay: `inGermanySince`, else `statusSince`. */
export function stayStart(ctx: EvaluationContext): IsoDate | undefined {
  return ctx.person.inGermanySince ?? ctx.person.statusSince ?? undefined;
}

/**
 * In Germany with one of the `allowed` statuses. A Duldung must have lasted `minDuldungMonths` (§ 25a: 12).
 */
export function toleratedStatus(
  ctx: EvaluationContext,
  allowed: readonly Status[],
  citation: string,
  minDuldungMonths = 0,
): Criterion {
  const id = 'tolerated-status';
  const { location, status } = ctx.person;
  if (location === 'abroad') return criterion(id, 'unmet', citation, { reason: 'abroad' });
  if (status === undefined) return criterion(id, 'unknown', citation);
  if (!allowed.includes(status)) return criterion(id, 'unmet', citation, { value: status });
  if (location === undefined) return criterion(id, 'unknown', citation);
  if (status === 'duldung' && minDuldungMonths > 0) {
    const since = ctx.person.statusSince ?? undefined;
    if (since === undefined) return criterion(id, 'unknown', citation, { threshold: minDuldungMonths });
    const ok = since <= monthsBefore(ctx, minDuldungMonths);
    return criterion(id, ok ? 'met' : 'unmet', citation, {
      reason: ok ? 'met' : 'duldung-too-short',
      value: since,
      threshold: minDuldungMonths,
    });
  }
  return criterion(id, 'met', citation, { value: status });
}

/** Uninterrupted stay of at least `years` on the evaluation date. */
export function stayDuration(ctx: EvaluationContext, years: number, citation: string): Criterion {
  const start = stayStart(ctx);
  if (start === undefined) return criterion('stay-duration', 'unknown', citation, { threshold: years });
  const latestStart = monthsBefore(ctx, years * 12);
  return criterion('stay-duration', start <= latestStart ? 'met' : 'unmet', citation, {
    value: start,
    threshold: years,
    values: { latestStart },
  });
}

/**
 * Identity relief for § 104c holders (§§ 25a(6), 25b(8)) was repealed on 31.12.2025; its effect on remaining
 * holders is UNVERIFIED and goes to legal review. Returns undefined where it does not apply.
 */
export function identityAfter104c(ctx: EvaluationContext, citation: string): Criterion | undefined {
  if (ctx.person.status !== 'aufenthg-104c' || ctx.date < SWITCH.chancenAufenthaltsrechtEnd) return undefined;
  return criterion('identity', 'unknown', citation, {
    reason: 'legal-review',
    verified: false,
    values: { since: SWITCH.chancenAufenthaltsrechtEnd },
  });
}
