/** The register's search result as CSV: what each entry on the page shows (no contact person), in words. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { OverlapForState } from '../../domain/workspace/overlaps.ts';
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

interface OverlapsFound {
  readonly stateCode: string | null;
  readonly overlaps: readonly OverlapForState[];
  readonly byId: ReadonlyMap<string, ActivityRow>;
  readonly occupations: OccupationNames;
}

/** The overlaps page as CSV: one line per overlap, with the other state's contact as the page shows it. */
export function overlapsCsv(ctx: ViewContext, found: OverlapsFound): string {
  const { t } = ctx;
  const rows = found.overlaps.flatMap((v) => {
    const own = found.byId.get(v.ownId);
    const other = found.byId.get(v.otherId);
    return own && other ? [{ v, own, other }] : [];
  });
  const columns: CsvColumn<(typeof rows)[number]>[] = [
    { header: t.t('activities.field.state'), value: (r) => stateName(ctx, r.v.otherState) },
    { header: t.t('activities.overlaps.own'), value: (r) => r.own.title },
    { header: t.t('activities.overlaps.csv-other'), value: (r) => r.other.title },
    {
      header: t.t('activities.overlaps.period'),
      value: (r) => periodText(ctx, r.v.overlap.start, r.v.overlap.end),
    },
    { header: t.t('activities.overlaps.countries'), value: (r) => countryList(ctx, r.v.overlap.countries) },
    {
      header: t.t('activities.overlaps.occupations'),
      value: (r) => occupationList(ctx, found.occupations, r.v.overlap.occupations),
    },
    {
      header: t.t('activities.overlaps.csv-contact'),
      value: (r) =>
        [r.other.contactName, r.other.contactEmail, r.other.contactPhone].filter(Boolean).join(', '),
    },
  ];
  return toCsv(columns, rows);
}

/** The download of the overlaps page: its policy, its reader (the same overlaps) and its audit. */
export function overlapsCsvDownload(
  app: FastifyInstance,
  web: WebDeps,
  overlapsFound: (req: FastifyRequest, purpose: string) => Promise<OverlapsFound>,
) {
  defineCsv(app, web, {
    paths: ACTIVITY_PATHS.overlaps,
    policy: { action: 'read', resource: 'state-activity' },
    handler: async (req, ctx) => ({
      filename: 'overlaps',
      text: overlapsCsv(ctx, await overlapsFound(req, 'states activity register: overlaps list export')),
    }),
  });
}
