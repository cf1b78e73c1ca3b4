/** The service point's requests as CSV: the columns of its requests page (without the buttons), in words. */
import type { ViewContext } from '../../web/context.ts';
import { type CsvColumn, toCsv } from '../../web/csv.tsx';
import type { ReadyCheck } from './ready-check.ts';
import type { AppointmentView } from './service.ts';
import { slotTime } from './views.tsx';

/** The documents cell as text: what the checklist says (shared, missing), or the version already checked. */
function documentsText(ctx: ViewContext, r: AppointmentView, check: ReadyCheck | undefined): string {
  const { t } = ctx;
  const names = (cs: readonly string[]) => cs.map((c) => t.t(`documents.category.${c}`)).join(', ');
  if (!check)
    return r.checklistVersion !== null
      ? t.t('appointments.checklist.checked', { version: r.checklistVersion })
      : '';
  return [
    t.t('appointments.checklist.version', { version: check.version }),
    check.shared.length > 0
      ? t.t('appointments.checklist.shared', { documents: names(check.shared) })
      : t.t('appointments.checklist.shared-none'),
    check.missing.length > 0
      ? t.t('appointments.checklist.missing', { documents: names(check.missing) })
      : t.t('appointments.checklist.complete'),
  ].join(' ');
}

export function requestsCsv(
  ctx: ViewContext,
  requests: readonly AppointmentView[],
  checks: ReadonlyMap<string, ReadyCheck>,
): string {
  const { t } = ctx;
  const col = (name: string) => t.t(`appointments.requests.col.${name}`);
  const columns: CsvColumn<AppointmentView>[] = [
    { header: col('person'), value: (r) => r.personName },
    { header: col('service'), value: (r) => t.t(`appointments.service.${r.serviceType}`) },
    {
      header: col('state'),
      value: (r) =>
        t.t(`appointments.state.${r.state}`) +
        (r.position ? ` (${t.t('appointments.requests.position', { position: r.position })})` : ''),
    },
    { header: col('documents'), value: (r) => documentsText(ctx, r, checks.get(r.id)) },
    { header: col('group'), value: (r) => t.t(`appointments.class.${r.priorityClass}`) },
    { header: col('deadline'), value: (r) => (r.deadline ? t.date(r.deadline) : '') },
    {
      header: col('slot'),
      value: (r) =>
        (r.startsAt ? slotTime(ctx, r.startsAt, r.timeZone) : '') +
        (r.state === 'booked'
          ? ` (${t.t(r.reconfirmedAt ? 'appointments.requests.reconfirmed' : 'appointments.requests.not-reconfirmed')})`
          : ''),
    },
  ];
  return toCsv(columns, requests);
}
