/** A step's status and due date as the journey page and the step page show them. */
import type { ViewContext } from '../../web/context.ts';
import type { JourneyJson } from './present.ts';
import { Badge } from './view-parts.tsx';

export function dueText(ctx: ViewContext, s: JourneyJson['steps'][number]) {
  if (s.effectiveDueAt === null) return ctx.t.t('journeys.due.none');
  const base = ctx.t.date(s.effectiveDueAt);
  const paused = s.pausedSince
    ? ` (${ctx.t.t('journeys.due.paused', { date: ctx.t.date(s.pausedSince) })})`
    : '';
  return `${base}${paused}`;
}

export function statusBadge(ctx: ViewContext, s: JourneyJson['steps'][number]) {
  const text =
    s.status === 'decided'
      ? `${ctx.t.t('journey.status.decided')}: ${ctx.t.t(s.deemed ? 'journey.outcome.deemed' : `journey.outcome.${s.outcome}`)}`
      : ctx.t.t(`journey.status.${s.status}`);
  const kind =
    s.status === 'decided'
      ? s.outcome === 'negative'
        ? 'danger'
        : 'success'
      : s.status === 'waiting-for-applicant'
        ? 'warning'
        : 'info';
  return <Badge kind={kind} text={text} />;
}
