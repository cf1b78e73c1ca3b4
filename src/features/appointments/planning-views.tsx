/** The service point's calendar page: what it offers, slots per weekday, days of less capacity, the coming weeks. */
import type { FieldError } from '../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import type { ClosureRow, ServiceRow } from './calendar.ts';
import { APPOINTMENT_PATHS } from './paths.ts';
import type { ServiceType } from './schema.ts';
import type { WeekLoad } from './service.ts';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const errorOf = (errors: readonly FieldError[], field: string) => errors.find((e) => e.field === field);

export type ServiceFormInput = Record<string, string>;

export function serviceInputOf(row: ServiceRow | undefined, serviceType: ServiceType): ServiceFormInput {
  const slots = row?.weekdaySlots ?? [0, 0, 0, 0, 0];
  return {
    serviceType,
    active: row?.active === 1 ? 'yes' : '',
    slotMinutes: String(row?.slotMinutes ?? 30),
    targetWeeks: String(row?.targetWeeks ?? 4),
    firstStart: row?.firstStart ?? '09:00',
    timeZone: row?.timeZone ?? 'Europe/Berlin',
    ...Object.fromEntries(WEEKDAYS.map((d, i) => [d, String(slots[i] ?? 0)])),
  };
}

function ServiceFormView(props: {
  ctx: ViewContext;
  input: ServiceFormInput;
  errors: readonly FieldError[];
  weeks: readonly WeekLoad[];
  held: { n: number; days: number };
}) {
  const { ctx, input, errors } = props;
  const { t } = ctx;
  const type = input.serviceType as ServiceType;
  return (
    <section aria-labelledby={`service-${type}`}>
      <h2 class="kern-heading-medium" id={`service-${type}`}>
        {t.t(`appointments.service.${type}`)}
      </h2>
      <form method="post" action={localizedUrl(APPOINTMENT_PATHS.planning, ctx.locale)} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="serviceType" value={type} />
        <div class="kern-form-check">
          <input
            class="kern-form-check__checkbox"
            type="checkbox"
            id={`field-active-${type}`}
            name="active"
            value="yes"
            checked={input.active === 'yes'}
          />
          <label class="kern-label" for={`field-active-${type}`}>
            {t.t('appointments.planning.active')}
          </label>
        </div>
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t.t('appointments.planning.weekdays')}</legend>
          <div class="kern-fieldset__body">
            {WEEKDAYS.map((d) => (
              <TextInput
                key={d}
                name={d}
                label={t.t(`appointments.weekday.${d}`)}
                value={input[d] ?? '0'}
                width={4}
                inputMode="numeric"
                error={errorOf(errors, d)}
              />
            ))}
          </div>
        </fieldset>
        <TextInput
          name="firstStart"
          label={t.t('appointments.planning.first-start')}
          hint={t.t('appointments.planning.first-start-hint')}
          value={input.firstStart ?? ''}
          width={8}
          error={errorOf(errors, 'firstStart')}
        />
        <TextInput
          name="slotMinutes"
          label={t.t('appointments.planning.minutes')}
          value={input.slotMinutes ?? ''}
          width={4}
          inputMode="numeric"
          error={errorOf(errors, 'slotMinutes')}
        />
        <TextInput
          name="targetWeeks"
          label={t.t('appointments.planning.target')}
          hint={t.t('appointments.planning.target-hint')}
          value={input.targetWeeks ?? ''}
          width={4}
          inputMode="numeric"
          error={errorOf(errors, 'targetWeeks')}
        />
        <TextInput
          name="timeZone"
          label={t.t('appointments.planning.time-zone')}
          hint={t.t('appointments.planning.time-zone-hint')}
          value={input.timeZone ?? ''}
          width={16}
          error={errorOf(errors, 'timeZone')}
        />
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t.t('appointments.planning.save')}</span>
        </button>
      </form>
      <HeldText ctx={ctx} held={props.held} />
      {props.weeks.length > 0 ? (
        <table class="kern-table pathways-reflow">
          <caption class="kern-title">{t.t('appointments.planning.weeks')}</caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              {['week', 'open', 'offered', 'booked'].map((h) => (
                <th key={h} scope="col" class="kern-table__header">
                  {t.t(`appointments.planning.col.${h}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {props.weeks.map((w) => (
              <tr key={w.week} class="kern-table__row">
                <th scope="row" class="kern-table__cell">
                  {t.t('appointments.planning.week-of', { date: t.date(w.week) })}
                </th>
                <td class="kern-table__cell" data-label={t.t('appointments.planning.col.open')}>
                  {w.open}
                </td>
                <td class="kern-table__cell" data-label={t.t('appointments.planning.col.offered')}>
                  {w.offered}
                </td>
                <td class="kern-table__cell" data-label={t.t('appointments.planning.col.booked')}>
                  {w.booked}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** The slots held for the accelerated procedure (memo § 5.3 step 2), in words, with the release rule in force. */
function HeldText({ ctx, held }: { ctx: ViewContext; held: { n: number; days: number } }) {
  return <p class="kern-body">{ctx.t.t('appointments.planning.held', held)}</p>;
}

export function PlanningPage(props: {
  ctx: ViewContext;
  organisationName: string;
  forms: readonly {
    input: ServiceFormInput;
    errors: readonly FieldError[];
    weeks: readonly WeekLoad[];
    held: { n: number; days: number };
  }[];
  closures: readonly ClosureRow[];
  dayInput: Record<string, string>;
  dayErrors: readonly FieldError[];
  notice?: string | undefined;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const errors = [...props.forms.flatMap((f) => f.errors), ...props.dayErrors];
  const types = props.forms.map((f) => f.input.serviceType as ServiceType);
  return (
    <Layout ctx={ctx} title={t.t('appointments.planning.title')}>
      <h1 class="kern-heading-large">{t.t('appointments.planning.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {props.notice ? (
        <p class="kern-body" role="status">
          {props.notice}
        </p>
      ) : null}
      <p class="kern-body">{t.t('appointments.planning.intro', { name: props.organisationName })}</p>
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(APPOINTMENT_PATHS.requests, ctx.locale)}>
          {t.t('appointments.requests.title')}
        </a>
      </p>
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(APPOINTMENT_PATHS.calendarImport, ctx.locale)}>
          {t.t('appointments.import.link')}
        </a>
      </p>
      {props.forms.map((f) => (
        <ServiceFormView
          key={f.input.serviceType}
          ctx={ctx}
          input={f.input}
          errors={f.errors}
          weeks={f.weeks}
          held={f.held}
        />
      ))}
      <section aria-labelledby="days">
        <h2 class="kern-heading-medium" id="days">
          {t.t('appointments.planning.days')}
        </h2>
        <p class="kern-body">{t.t('appointments.planning.days-intro')}</p>
        {props.closures.length > 0 ? (
          <ul class="kern-list">
            {props.closures.map((c) => (
              <li key={`${c.serviceType}-${c.day}`}>
                {t.t('appointments.planning.day-line', {
                  date: t.date(c.day),
                  service: t.t(`appointments.service.${c.serviceType}`),
                  slots: c.slots,
                  reason: c.reason,
                })}
              </li>
            ))}
          </ul>
        ) : null}
        <form method="post" action={localizedUrl(APPOINTMENT_PATHS.days, ctx.locale)} novalidate>
          <CsrfField ctx={ctx} />
          {types.length === 1 ? (
            <input type="hidden" name="serviceType" value={types[0]} />
          ) : (
            <fieldset class="kern-fieldset">
              <legend class="kern-label">{t.t('appointments.planning.day-service')}</legend>
              {types.map((type, i) => (
                <div key={type} class="kern-form-check">
                  <input
                    class="kern-form-check__radio"
                    type="radio"
                    id={i === 0 ? 'field-serviceType' : `field-serviceType-${i}`}
                    name="serviceType"
                    value={type}
                    checked={props.dayInput.serviceType === type || (i === 0 && !props.dayInput.serviceType)}
                  />
                  <label class="kern-label" for={i === 0 ? 'field-serviceType' : `field-serviceType-${i}`}>
                    {t.t(`appointments.service.${type}`)}
                  </label>
                </div>
              ))}
            </fieldset>
          )}
          <TextInput
            name="day"
            label={t.t('appointments.planning.day')}
            hint={t.t('appointments.field.date-hint')}
            value={props.dayInput.day ?? ''}
            width={16}
            error={errorOf(props.dayErrors, 'day')}
          />
          <TextInput
            name="slots"
            label={t.t('appointments.planning.day-slots')}
            hint={t.t('appointments.planning.day-slots-hint')}
            value={props.dayInput.slots ?? ''}
            width={4}
            inputMode="numeric"
            error={errorOf(props.dayErrors, 'slots')}
          />
          <TextInput
            name="reason"
            label={t.t('appointments.planning.day-reason')}
            value={props.dayInput.reason ?? ''}
            error={errorOf(props.dayErrors, 'reason')}
          />
          <button class="kern-btn kern-btn--secondary" type="submit">
            <span class="kern-label">{t.t('appointments.planning.day-save')}</span>
          </button>
        </form>
      </section>
    </Layout>
  );
}
