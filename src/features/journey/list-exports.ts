/** The lists of an authority's and a counselling centre's screens as CSV: the columns the pages show, in words. */

import type { ViewContext } from '../../web/context.ts';
import { type CsvColumn, toCsv } from '../../web/csv.tsx';
import type { JourneySummary, QueueItem } from './queries.ts';
import { pathwayTitle } from './view-parts.tsx';

/** At most this many rows in one download (the pages show 50 at a time). */
export const QUEUE_EXPORT_LIMIT = 5_000;

export function queueCsv(ctx: ViewContext, items: readonly QueueItem[]): string {
  const { t } = ctx;
  const columns: CsvColumn<QueueItem>[] = [
    {
      header: t.t('journeys.col.due'),
      value: (i) => (i.effectiveDueAt ? t.date(i.effectiveDueAt) : t.t('journeys.due.none')),
    },
    {
      header: t.t('journeys.col.deadline-note'),
      value: (i) =>
        i.deadline === 'breached'
          ? t.t('journeys.queue.overdue')
          : i.deadline === 'near-breach'
            ? t.t('journey.deadline-status.near-breach')
            : '',
    },
    { header: t.t('journeys.col.step'), value: (i) => t.t(`journey.step.${i.kind}`) },
    { header: t.t('journeys.col.applicant'), value: (i) => i.applicantName },
    { header: t.t('journeys.col.pathway'), value: (i) => pathwayTitle(ctx, i.pathway) },
    { header: t.t('journeys.col.status'), value: (i) => t.t(`journey.status.${i.status}`) },
  ];
  return toCsv(columns, items);
}

export function journeysCsv(ctx: ViewContext, journeys: readonly JourneySummary[]): string {
  const { t } = ctx;
  const columns: CsvColumn<JourneySummary>[] = [
    { header: t.t('journeys.col.applicant'), value: (j) => j.applicantName },
    { header: t.t('journeys.col.pathway'), value: (j) => pathwayTitle(ctx, j.pathway) },
    { header: t.t('journeys.col.status'), value: (j) => t.t(`journeys.journey.status.${j.status}`) },
    { header: t.t('journeys.col.updated'), value: (j) => t.date(j.updatedAt, 'short') },
  ];
  return toCsv(columns, journeys);
}
