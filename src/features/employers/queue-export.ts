/**
 * The ministry's employer check list as CSV: every employer of the six states as the page lists them (name, town,
 * state, check), and whether it waits for this ministry's check. Organisations, not people: like the page, no audit.
 */
import type { ViewContext } from '../../web/context.ts';
import { type CsvColumn, toCsv } from '../../web/csv.tsx';
import { stateName } from './register-views.tsx';
import type { EmployerRow } from './service.ts';

export function employerQueueCsv(
  ctx: ViewContext,
  all: readonly EmployerRow[],
  waiting: readonly EmployerRow[],
): string {
  const { t } = ctx;
  const waits = new Set(waiting.map((e) => e.organisationId));
  const columns: CsvColumn<EmployerRow>[] = [
    { header: t.t('employers.field.name'), value: (e) => e.name },
    { header: t.t('employers.field.town'), value: (e) => e.town },
    { header: t.t('employers.col.state'), value: (e) => stateName(ctx, e.stateCode) },
    { header: t.t('employers.col.trust'), value: (e) => t.t(`employers.trust.${e.trust}`) },
    {
      header: t.t('employers.col.waiting'),
      value: (e) => t.t(waits.has(e.organisationId) ? 'employers.col.yes' : 'employers.col.no'),
    },
  ];
  return toCsv(columns, all);
}
