/** The joint projects' list as CSV: what each line of the page shows, states in words, the budget in euros. */
import type { FastifyInstance } from 'fastify';
import type { ViewContext } from '../../web/context.ts';
import { type CsvColumn, defineCsv, toCsv } from '../../web/csv.tsx';
import type { WebDeps } from '../../web/page.tsx';
import { stateName } from './list-views.tsx';
import { JOINT_PROJECT_PATHS } from './paths.ts';
import type { ProjectSummary } from './service.ts';

export function projectsCsv(ctx: ViewContext, projects: readonly ProjectSummary[]): string {
  const { t } = ctx;
  const columns: CsvColumn<ProjectSummary>[] = [
    { header: t.t('joint.field.title'), value: (p) => p.title },
    {
      header: t.t('joint.field.states'),
      value: (p) => t.list(p.states.map((s) => stateName(ctx, s.stateCode))),
    },
    { header: t.t('joint.field.leadState'), value: (p) => stateName(ctx, p.leadStateCode) },
    { header: t.t('joint.field.budget'), value: (p) => p.budgetCents / 100 },
    {
      header: t.t('joint.list.csv-agreed'),
      value: (p) =>
        t.t('joint.list.agreed', {
          agreed: p.states.filter((s) => s.answer === 'agreed').length,
          count: p.states.length,
        }),
    },
  ];
  return toCsv(columns, projects);
}

/**
 * The download of the list: the page's policy and its reader. No audit entry, as the page writes none: the list
 * holds the states' projects, not people.
 */
export function projectsCsvDownload(
  app: FastifyInstance,
  web: WebDeps,
  listed: () => Promise<readonly ProjectSummary[]>,
) {
  defineCsv(app, web, {
    paths: JOINT_PROJECT_PATHS.list,
    policy: { action: 'read', resource: 'joint-project' },
    handler: async (_req, ctx) => ({ filename: 'joint-projects', text: projectsCsv(ctx, await listed()) }),
  });
}
