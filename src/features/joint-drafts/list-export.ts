/** The joint drafts' list as CSV: what each line of the page shows, kinds, conferences and states in words. */
import type { FastifyInstance } from 'fastify';
import type { ViewContext } from '../../web/context.ts';
import { type CsvColumn, defineCsv, toCsv } from '../../web/csv.tsx';
import type { WebDeps } from '../../web/page.tsx';
import { kindName, stateName, statusText, targetName } from './names.ts';
import { JOINT_DRAFT_PATHS } from './paths.ts';
import type { DraftSummary } from './service.ts';

export function draftsCsv(ctx: ViewContext, drafts: readonly DraftSummary[]): string {
  const { t } = ctx;
  const columns: CsvColumn<DraftSummary>[] = [
    { header: t.t('drafts.field.title'), value: (d) => d.title },
    { header: t.t('drafts.csv.kind'), value: (d) => kindName(ctx, d.kind) },
    { header: t.t('drafts.csv.target'), value: (d) => targetName(ctx, d.target) },
    { header: t.t('drafts.field.targetDate'), value: (d) => t.date(d.targetDate) },
    { header: t.t('drafts.csv.status'), value: (d) => statusText(ctx, d.status) },
    { header: t.t('drafts.csv.states'), value: (d) => t.list(d.states.map((s) => stateName(ctx, s))) },
    {
      header: t.t('drafts.csv.agreed'),
      value: (d) =>
        t.t('drafts.csv.agreed-count', {
          agreed: [...d.standings.values()].filter((s) => s && s.decision !== 'decline').length,
          count: d.states.length,
        }),
    },
    { header: t.t('drafts.field.deadline'), value: (d) => t.date(d.deadline) },
  ];
  return toCsv(columns, drafts);
}

/**
 * The download of the list: the page's policy and its reader. No audit entry, as the page writes none: the list
 * holds the states' drafts, not people.
 */
export function draftsCsvDownload(
  app: FastifyInstance,
  web: WebDeps,
  listed: () => Promise<readonly DraftSummary[]>,
) {
  defineCsv(app, web, {
    paths: JOINT_DRAFT_PATHS.list,
    policy: { action: 'read', resource: 'joint-draft' },
    handler: async (_req, ctx) => ({ filename: 'joint-drafts', text: draftsCsv(ctx, await listed()) }),
  });
}
