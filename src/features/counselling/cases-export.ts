/** A counselling centre's cases as CSV: the columns of its list, in words. */
import type { ViewContext } from '../../web/context.ts';
import { type CsvColumn, toCsv } from '../../web/csv.tsx';
import { stateName } from './case-views.tsx';
import type { CaseRow } from './service.ts';

export function casesCsv(ctx: ViewContext, cases: readonly CaseRow[]): string {
  const { t } = ctx;
  const columns: CsvColumn<CaseRow>[] = [
    { header: t.t('counselling.field.opened-on'), value: (c) => c.openedOn },
    { header: t.t('counselling.field.state'), value: (c) => stateName(ctx, c.stateCode) },
    { header: t.t('counselling.field.topic'), value: (c) => t.t(`counselling.topic.${c.topic}`) },
    { header: t.t('counselling.field.outcome'), value: (c) => t.t(`counselling.outcome.${c.outcome}`) },
    {
      header: t.t('counselling.list.linked'),
      value: (c) => t.t(c.applicantPersonId ? 'counselling.list.linked-yes' : 'counselling.list.anonymous'),
    },
  ];
  return toCsv(columns, cases);
}
