/**
 * The service point's requests page: check documents, record attendance, run the allocation, and the last runs
 * with their published rule and seed.
 */
import { CsrfField } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { CsvLink } from '../../web/csv.tsx';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { APPOINTMENT_PATHS } from './paths.ts';
import type { ReadyCheck } from './ready-check.ts';
import type { allocationRun, ServiceType } from './schema.ts';
import type { AppointmentView } from './service.ts';
import { slotTime } from './views.tsx';

function StaffAction(props: { ctx: ViewContext; id: string; action: string; label: string }) {
  const { ctx } = props;
  return (
    <form method="post" action={localizedUrl(APPOINTMENT_PATHS.requests, ctx.locale)}>
      <CsrfField ctx={ctx} />
      <input type="hidden" name="action" value={props.action} />
      <input type="hidden" name="requestId" value={props.id} />
      <button class="kern-btn kern-btn--secondary" type="submit">
        <span class="kern-label">{props.label}</span>
      </button>
    </form>
  );
}

type Run = typeof allocationRun.$inferSelect;

/** What the step's standard checklist says of a request's documents: shared, missing, and the version. */
function ChecklistCell(props: { ctx: ViewContext; request: AppointmentView; check: ReadyCheck | undefined }) {
  const { t } = props.ctx;
  const names = (cs: readonly string[]) => cs.map((c) => t.t(`documents.category.${c}`)).join(', ');
  const { check, request } = props;
  if (!check)
    return request.checklistVersion !== null ? (
      <>{t.t('appointments.checklist.checked', { version: request.checklistVersion })}</>
    ) : (
      <>–</>
    );
  return (
    <>
      <p class="kern-body">{t.t('appointments.checklist.version', { version: check.version })}</p>
      <p class="kern-body">
        {check.shared.length > 0
          ? t.t('appointments.checklist.shared', { documents: names(check.shared) })
          : t.t('appointments.checklist.shared-none')}
      </p>
      <p class="kern-body">
        {check.missing.length > 0
          ? t.t('appointments.checklist.missing', { documents: names(check.missing) })
          : t.t('appointments.checklist.complete')}
      </p>
    </>
  );
}

export function RequestsPage(props: {
  ctx: ViewContext;
  requests: readonly AppointmentView[];
  /** The ready check of each submitted request (documents' standard checklist). */
  checks: ReadonlyMap<string, ReadyCheck>;
  types: readonly ServiceType[];
  runs: readonly Run[];
  /** Days before a held slot that it is open to everyone (memo § 5.3 step 2). */
  heldDays: number;
  notice?: string | undefined;
  error?: string | undefined;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const head = ['person', 'service', 'state', 'documents', 'group', 'deadline', 'slot', 'action'];
  return (
    <Layout ctx={ctx} title={t.t('appointments.requests.title')}>
      <h1 class="kern-heading-large">{t.t('appointments.requests.title')}</h1>
      {props.notice ? (
        <p class="kern-body" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.error ? (
        <p class="kern-body" role="alert">
          {props.error}
        </p>
      ) : null}
      <p class="kern-body">{t.t('appointments.requests.intro')}</p>
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(APPOINTMENT_PATHS.planning, ctx.locale)}>
          {t.t('appointments.planning.title')}
        </a>
      </p>
      {props.requests.length === 0 ? (
        <p class="kern-body">{t.t('appointments.requests.none')}</p>
      ) : (
        <table class="kern-table pathways-reflow">
          <caption class="kern-title">
            {t.t('appointments.requests.caption', { count: props.requests.length })}
          </caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              {head.map((h) => (
                <th key={h} scope="col" class="kern-table__header">
                  {t.t(`appointments.requests.col.${h}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {props.requests.map((r) => (
              <tr key={r.id} class="kern-table__row">
                <th scope="row" class="kern-table__cell">
                  {r.personName}
                </th>
                <td class="kern-table__cell" data-label={t.t('appointments.requests.col.service')}>
                  {t.t(`appointments.service.${r.serviceType}`)}
                </td>
                <td class="kern-table__cell" data-label={t.t('appointments.requests.col.state')}>
                  {t.t(`appointments.state.${r.state}`)}
                  {r.position ? ` (${t.t('appointments.requests.position', { position: r.position })})` : ''}
                </td>
                <td class="kern-table__cell" data-label={t.t('appointments.requests.col.documents')}>
                  <ChecklistCell ctx={ctx} request={r} check={props.checks.get(r.id)} />
                </td>
                <td class="kern-table__cell" data-label={t.t('appointments.requests.col.group')}>
                  {t.t(`appointments.class.${r.priorityClass}`)}
                </td>
                <td class="kern-table__cell" data-label={t.t('appointments.requests.col.deadline')}>
                  {r.deadline ? t.date(r.deadline) : '–'}
                </td>
                <td class="kern-table__cell" data-label={t.t('appointments.requests.col.slot')}>
                  {r.startsAt ? slotTime(ctx, r.startsAt, r.timeZone) : '–'}
                  {r.state === 'booked'
                    ? ` (${t.t(r.reconfirmedAt ? 'appointments.requests.reconfirmed' : 'appointments.requests.not-reconfirmed')})`
                    : ''}
                </td>
                <td class="kern-table__cell" data-label={t.t('appointments.requests.col.action')}>
                  {r.state === 'submitted' ? (
                    <StaffAction
                      ctx={ctx}
                      id={r.id}
                      action="documents-checked"
                      label={t.t('appointments.requests.documents-checked')}
                    />
                  ) : null}
                  {r.state === 'booked' ? (
                    <>
                      <StaffAction
                        ctx={ctx}
                        id={r.id}
                        action="attended"
                        label={t.t('appointments.requests.attended')}
                      />
                      <StaffAction
                        ctx={ctx}
                        id={r.id}
                        action="no-show"
                        label={t.t('appointments.requests.no-show')}
                      />
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.requests.length > 0 ? <CsvLink ctx={ctx} /> : null}
      <section aria-labelledby="runs">
        <h2 class="kern-heading-medium" id="runs">
          {t.t('appointments.runs.title')}
        </h2>
        <p class="kern-body">{t.t('appointments.runs.rule')}</p>
        <p class="kern-body">{t.t('appointments.runs.held', { days: props.heldDays })}</p>
        {props.types.map((type) => (
          <form key={type} method="post" action={localizedUrl(APPOINTMENT_PATHS.requests, ctx.locale)}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="action" value="run" />
            <input type="hidden" name="serviceType" value={type} />
            <button class="kern-btn kern-btn--secondary" type="submit">
              <span class="kern-label">
                {t.t('appointments.runs.run', { service: t.t(`appointments.service.${type}`) })}
              </span>
            </button>
          </form>
        ))}
        {props.runs.length > 0 ? (
          <ul class="kern-list">
            {props.runs.map((run) => (
              <li key={run.id}>
                {t.t('appointments.runs.line', {
                  at: t.date(run.ranAt, 'short'),
                  offered: (run.assignments as unknown[]).length,
                  waiting: run.waitlisted,
                  alerts: (run.alerts as unknown[]).length,
                  seed: run.seed,
                })}
              </li>
            ))}
          </ul>
        ) : (
          <p class="kern-body">{t.t('appointments.runs.none')}</p>
        )}
      </section>
    </Layout>
  );
}
