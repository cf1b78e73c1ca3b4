/**
 * The applicant's appointment pages: their requests with the one next step each (accept the offer, wait, add the
 * appointment to the calendar), the steps of their journeys they can ask an appointment for, and the request form.
 */

import type { AppointmentPolicy } from '../../domain/capacity/appointment-policy.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { Alert, CsrfField, ErrorSummary, Select, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { countryOptions } from '../../web/countries.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { APPOINTMENT_PATHS } from './paths.ts';
import { RequestCard } from './request-card.tsx';
import type { ServiceType } from './schema.ts';
import type { AppointmentView, Eligible } from './service.ts';
import { formatSlot } from './slot-time.ts';

const errorOf = (errors: readonly FieldError[], field: string) => errors.find((e) => e.field === field);

/** An appointment's time in the service point's own time zone, with the zone named (missions abroad). */
export function slotTime(ctx: ViewContext, at: Date, timeZone: string): string {
  return formatSlot(ctx.locale, at, timeZone);
}

function Checkbox(props: { name: string; label: string; checked: boolean; hint?: string }) {
  const id = `field-${props.name}`;
  return (
    <>
      <div class="kern-form-check">
        <input
          class="kern-form-check__checkbox"
          type="checkbox"
          id={id}
          name={props.name}
          value="yes"
          checked={props.checked}
          aria-describedby={props.hint ? `${id}-hint` : undefined}
        />
        <label class="kern-label" for={id}>
          {props.label}
        </label>
      </div>
      {props.hint ? (
        <p class="kern-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </>
  );
}

export function MinePage(props: {
  ctx: ViewContext;
  requests: readonly AppointmentView[];
  eligible: readonly Eligible[];
  now: Date;
  notice?: string | undefined;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const live = props.requests.filter((r) => ['submitted', 'ready', 'offered', 'booked'].includes(r.state));
  const past = props.requests.filter((r) => !live.includes(r));
  return (
    <Layout ctx={ctx} title={t.t('appointments.mine.title')}>
      <h1 class="kern-heading-large">{t.t('appointments.mine.title')}</h1>
      {props.notice ? <Alert kind="success" title={props.notice} /> : null}
      <p class="kern-body">{t.t('appointments.mine.intro')}</p>
      {live.map((r) => (
        <RequestCard key={r.id} ctx={ctx} r={r} now={props.now} />
      ))}
      {props.eligible.length > 0 ? (
        <section aria-labelledby="ask">
          <h2 class="kern-heading-medium" id="ask">
            {t.t('appointments.mine.ask-title')}
          </h2>
          <ul class="kern-list">
            {props.eligible.map((e) => (
              <li key={`${e.journeyId}-${e.serviceType}`}>
                <a
                  class="kern-link"
                  href={`${localizedUrl(APPOINTMENT_PATHS.request, ctx.locale)}?journey=${e.journeyId}&service=${e.serviceType}`}
                >
                  {t.t('appointments.mine.ask', {
                    service: t.t(`appointments.service.${e.serviceType}`),
                    place: e.organisationName,
                  })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : live.length === 0 ? (
        <p class="kern-body">{t.t('appointments.mine.none')}</p>
      ) : null}
      {past.length > 0 ? (
        <details class="kern-body">
          <summary>{t.t('appointments.mine.past', { count: past.length })}</summary>
          <ul class="kern-list">
            {past.map((r) => (
              <li key={r.id}>
                {t.t('appointments.mine.request-title', {
                  service: t.t(`appointments.service.${r.serviceType}`),
                  place: r.organisationName,
                })}
                : {t.t(`appointments.state.${r.state}`)}
                {r.state === 'released' ? ` ${t.t('appointments.mine.released')}` : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Layout>
  );
}

export type RequestFormInput = {
  journeyId: string;
  serviceType: ServiceType;
  passportNumber: string;
  nationality: string;
  birthDate: string;
  acceptsEarlierSlots: boolean;
  shortNoticeOk: boolean;
};

export function RequestPage(props: {
  ctx: ViewContext;
  input: RequestFormInput;
  place: string;
  /** The published appointment rules in force today (reconfirmation, no-shows), told before filing. */
  policy: AppointmentPolicy;
  errors: readonly FieldError[];
}) {
  const { ctx, input, errors } = props;
  const { t } = ctx;
  const service = t.t(`appointments.service.${input.serviceType}`);
  return (
    <Layout ctx={ctx} title={t.t('appointments.request.title', { service })}>
      <h1 class="kern-heading-large">{t.t('appointments.request.title', { service })}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="kern-body">{t.t('appointments.request.intro', { place: props.place })}</p>
      <form method="post" action={localizedUrl(APPOINTMENT_PATHS.request, ctx.locale)} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="journeyId" value={input.journeyId} />
        <input type="hidden" name="serviceType" value={input.serviceType} />
        <TextInput
          name="passportNumber"
          label={t.t('appointments.field.passport')}
          hint={t.t('appointments.field.passport-hint')}
          value={input.passportNumber}
          width={16}
          error={errorOf(errors, 'passportNumber')}
        />
        <Select
          name="nationality"
          label={t.t('appointments.field.nationality')}
          value={input.nationality}
          error={errorOf(errors, 'nationality')}
          options={[{ value: '', label: t.t('appointments.field.choose') }, ...countryOptions(ctx.locale)]}
        />
        <TextInput
          name="birthDate"
          label={t.t('appointments.field.birth-date')}
          hint={t.t('appointments.field.date-hint')}
          value={input.birthDate}
          width={16}
          error={errorOf(errors, 'birthDate')}
        />
        <Checkbox
          name="acceptsEarlierSlots"
          label={t.t('appointments.field.earlier')}
          checked={input.acceptsEarlierSlots}
        />
        <Checkbox
          name="shortNoticeOk"
          label={t.t('appointments.field.short-notice')}
          hint={t.t('appointments.field.short-notice-hint')}
          checked={input.shortNoticeOk}
        />
        <RulesText ctx={ctx} policy={props.policy} />
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t.t('appointments.button.request')}</span>
        </button>
      </form>
    </Layout>
  );
}

/** The published rules in plain words: confirming an agreed appointment, and what missed appointments mean. */
function RulesText(props: { ctx: ViewContext; policy: AppointmentPolicy }) {
  const { t } = props.ctx;
  const { reconfirmation: c, noShow: n } = props.policy;
  return (
    <section aria-labelledby="rules">
      <h2 class="kern-heading-small" id="rules">
        {t.t('appointments.rules.title')}
      </h2>
      <p class="kern-body">
        {t.t('appointments.rules.reconfirm', { from: c.askDaysBefore, due: c.dueDaysBefore })}
      </p>
      <p class="kern-body">
        {t.t('appointments.rules.no-show', { limit: n.limit, window: n.windowDays, days: n.penaltyDays })}
      </p>
    </section>
  );
}
