/** The register's search result as CSV: what each entry on the page shows (no contact person), in words. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors.ts';
import type { ViewContext } from '../../web/context.ts';
import { type CsvColumn, defineCsv, toCsv } from '../../web/csv.tsx';
import type { WebDeps } from '../../web/page.tsx';
import { countryList, type OccupationNames, occupationList, periodText, stateName } from './names.tsx';
import { ACTIVITY_PATHS } from './paths.ts';
import type { ActivityRow } from './service.ts';

export function registerCsv(ctx: ViewContext, found: readonly ActivityRow[], names: OccupationNames): string {
  const { t } = ctx;
  const columns: CsvColumn<ActivityRow>[] = [
    { header: t.t('activities.field.title'), value: (a) => a.title },
    { header: t.t('activities.field.state'), value: (a) => stateName(ctx, a.stateCode) },
    { header: t.t('activities.field.kind'), value: (a) => t.t(`activities.kind.${a.kind}`) },
    { header: t.t('activities.field.status'), value: (a) => t.t(`activities.status.${a.status}`) },
    { header: t.t('activities.field.period'), value: (a) => periodText(ctx, a.periodStart, a.periodEnd) },
    { header: t.t('activities.field.countries'), value: (a) => countryList(ctx, a.countries) },
    { header: t.t('activities.field.occupations'), value: (a) => occupationList(ctx, names, a.occupations) },
  ];
  return toCsv(columns, found);
}

/** The download of the register page: the page's policy, its search (the same reader) and its audit. */
export function registerCsvDownload(
  app: FastifyInstance,
  web: WebDeps,
  registerFound: (
    req: FastifyRequest,
    purpose: string,
  ) => Promise<{ bad: readonly string[]; found: readonly ActivityRow[]; names: OccupationNames }>,
) {
  defineCsv(app, web, {
    paths: ACTIVITY_PATHS.register,
    policy: { action: 'read', resource: 'state-activity' },
    handler: async (req, ctx) => {
      const { bad, found, names } = await registerFound(req, 'states activity register: list export');
      if (bad.length > 0)
        throw new AppError('validation-failed', {
          errors: bad.map((field) => ({
            field: `query.${field}`,
            rule: 'format',
            message: ctx.t.t(`activities.error.${field}`),
          })),
        });
      return { filename: 'activities', text: registerCsv(ctx, found, names) };
    },
  });
}
