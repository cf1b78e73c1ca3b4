/**
 * Criteria for people already in Germany without a regular title: tolerated persons (Duldung) and holders
 * of the Chancen-Aufenthaltsrecht (§ 104c), moving on to §§ 25a/25b.
 */
import { addDays, type IsoDate } from '../calendar.ts';
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

/** Last day holders can apply under §§ 25a/25b with their special rules (UNVERIFIED, secondary sources). */
export const HOLDER_RULES_LAST_DAY: IsoDate = addDays(SWITCH.chancenHolderRulesEnd, -1);

/**
 * Where a § 104c holder stands on the evaluation date. Until 30.12.2025 the permit is granted; from 31.12.2025
 * (Art. 5 ChAufenthG) no new permits, existing ones run out and can only be extended as § 25a or § 25b; the
 * holders' special rules in §§ 25a(5),(6), 25b(7),(8) (time counted, identity clarification) hold until the
 * holder-rules switch (1.7.2027 per secondary sources only: `verified: false`). From that day the route via
 * § 104c is closed. Returns undefined for people without a § 104c permit.
 */
export function holderTransition(ctx: EvaluationContext): Criterion | undefined {
  if (ctx.person.status !== 'aufenthg-104c') return undefined;
  const id = 'holder-104c';
  const end = SWITCH.chancenAufenthaltsrechtEnd;
  if (ctx.date < end) {
    return criterion(id, 'met', '§ 104c Abs. 3 AufenthG; § 25a Abs. 5, 6, § 25b Abs. 7, 8 AufenthG', {
      reason: 'grant',
      values: { noNewFrom: end },
    });
  }
  const values = { noNewFrom: end, until: HOLDER_RULES_LAST_DAY };
  if (ctx.date < SWITCH.chancenHolderRulesEnd) {
    return criterion(
      id,
      'met',
      '§ 104c AufenthG (Übergangsregelung); § 25a Abs. 5, 6, § 25b Abs. 7, 8 AufenthG',
      {
        reason: 'transition',
        verified: false,
        values,
      },
    );
  }
  return criterion(id, 'unmet', '§ 104c AufenthG (Übergangsregelung)', {
    reason: 'ended',
    verified: false,
    values,
  });
}
