/**
 * The public page of a fair (organisers, talks, exhibitors with their published job ads) and the applicant's
 * registration page (time zone and country, the open meeting slots in their own time zone, their bookings with
 * the calendar file). Booking says plainly what the exhibitor will see.
 */
import type { FieldError } from '../../platform/http/errors.ts';
import { Alert, CsrfField, ErrorSummary, Select } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { countryOptions } from '../../web/countries.ts';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { JOB_PATHS } from '../jobs/index.ts';
import type { MyBooking } from './booking.ts';
import { FairFacts } from './organise-views.tsx';
import { FAIR_PATHS } from './paths.ts';
import type { FairDetail, SlotView } from './read.ts';
import { SessionList } from './session-list.tsx';
import { type OccupationTitles, timeIn, zoneOptions } from './words.tsx';

export type Ad = { id: string; employerId: string; titleDe: string | null; titleEn: string | null };

const adTitle = (ctx: ViewContext, ad: Ad) =>
  (ctx.locale === 'de' ? (ad.titleDe ?? ad.titleEn) : (ad.titleEn ?? ad.titleDe)) ?? '';

export function FairPage(props: {
  ctx: ViewContext;
  f: FairDetail;
  names: OccupationTitles;
  ads: readonly Ad[];
  /** The reader's own employers (each links to its stand), and whether they are an applicant. */
  employers: readonly { id: string; name: string }[];
  applicant: boolean;
  /** A ministry officer reads the fair: the next step is its organise page. */
  officer: boolean;
  /** The time zone the reader's times are shown in (their registration's, else the fair's). */
  timeZone: string;
}) {
  const { ctx, f } = props;
  const { t } = ctx;
  const approved = f.exhibitors.filter((e) => e.status === 'approved');
  return (
    <Page ctx={ctx} title={f.title}>
      {f.description ? <p class="kern-body">{f.description}</p> : null}
      <FairFacts ctx={ctx} f={f} names={props.names} />
      {props.officer ? (
        <p class="kern-body">
          <a class="kern-link" href={localizedUrl(FAIR_PATHS.organise, ctx.locale, { id: f.id })}>
            {t.t('fairs.fair.organise')}
          </a>
        </p>
      ) : props.employers.length === 0 ? (
        <p class="kern-body">
          <a
            class="kern-btn kern-btn--primary"
            href={localizedUrl(FAIR_PATHS.register, ctx.locale, { id: f.id })}
          >
            <span class="kern-label">
              {t.t(props.applicant ? 'fairs.fair.register' : 'fairs.fair.register-sign-in')}
            </span>
          </a>
        </p>
      ) : (
        <ul class="kern-list">
          {props.employers.map((e) => (
            <li key={e.id}>
              <a class="kern-link" href={localizedUrl(FAIR_PATHS.stand, ctx.locale, { id: f.id, org: e.id })}>
                {t.t('fairs.fair.stand', { name: e.name })}
              </a>
            </li>
          ))}
        </ul>
      )}
      <h2 class="kern-heading-medium">{t.t('fairs.fair.sessions')}</h2>
      <SessionList ctx={ctx} sessions={f.sessions} timeZone={props.timeZone} />
      <h2 class="kern-heading-medium">{t.t('fairs.fair.exhibitors')}</h2>
      {approved.length === 0 ? <p class="kern-body">{t.t('fairs.fair.exhibitors-none')}</p> : null}
      {approved.map((e) => {
        const ads = props.ads.filter((a) => a.employerId === e.organisationId);
        return (
          <section key={e.organisationId} aria-label={e.name}>
            <h3 class="kern-heading-small">{e.name}</h3>
            {ads.length === 0 ? (
              <p class="kern-body">{t.t('fairs.fair.no-ads')}</p>
            ) : (
              <ul class="kern-list">
                {ads.map((a) => (
                  <li key={a.id}>
                    <a class="kern-link" href={localizedUrl(JOB_PATHS.ad, ctx.locale, { id: a.id })}>
                      {adTitle(ctx, a)}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </Page>
  );
}

export function RegistrationPage(props: {
  ctx: ViewContext;
  f: FairDetail;
  registration: { timeZone: string; countryCode: string } | null;
  input: { timeZone: string; countryCode: string };
  slots: readonly SlotView[];
  bookings: readonly MyBooking[];
  errors?: readonly FieldError[];
}) {
  const { ctx, f, registration } = props;
  const { t } = ctx;
  const errors = props.errors ?? [];
  const err = (field: string) => errors.find((e) => e.field === field);
  const zone = registration?.timeZone ?? props.input.timeZone;
  const names = new Map(f.exhibitors.map((e) => [e.organisationId, e.name]));
  const open = props.slots.filter((s) => !s.booked);
  return (
    <Page ctx={ctx} title={t.t('fairs.registration.title', { title: f.title })}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {registration ? (
        <Alert kind="success" title={t.t('fairs.registration.done')}>
          <p class="kern-body">{t.t('fairs.registration.consent')}</p>
        </Alert>
      ) : (
        <p class="kern-body">{t.t('fairs.registration.lead')}</p>
      )}
      {props.bookings.length > 0 ? (
        <section aria-labelledby="my-meetings">
          <h2 class="kern-heading-medium" id="my-meetings">
            {t.t('fairs.registration.mine')}
          </h2>
          <ul class="kern-list">
            {props.bookings.map((b) => (
              <li key={b.id}>
                {`${b.exhibitor}: ${timeIn(ctx, b.startsAt, zone)}, ${t.t('fairs.sessions.minutes', { minutes: b.minutes })} `}
                <a class="kern-link" href={localizedUrl(FAIR_PATHS.calendar, ctx.locale, { booking: b.id })}>
                  {t.t('fairs.registration.calendar')}
                  <span class="kern-sr-only">{` (${b.exhibitor})`}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {registration ? (
        <section aria-labelledby="open-slots">
          <h2 class="kern-heading-medium" id="open-slots">
            {t.t('fairs.registration.slots')}
          </h2>
          <p class="kern-body">{t.t('fairs.registration.slots-lead')}</p>
          {open.length === 0 ? <p class="kern-body">{t.t('fairs.registration.slots-none')}</p> : null}
          {open.map((s) => {
            const label = `${names.get(s.organisationId) ?? ''}: ${timeIn(ctx, s.startsAt, zone)}, ${t.t('fairs.sessions.minutes', { minutes: s.minutes })}`;
            return (
              <form
                key={s.id}
                method="post"
                action={localizedUrl(FAIR_PATHS.book, ctx.locale, { id: f.id, slot: s.id })}
              >
                <CsrfField ctx={ctx} />
                <p class="kern-body">
                  {`${label} `}
                  <button type="submit" class="kern-btn kern-btn--secondary">
                    <span class="kern-label">{t.t('fairs.registration.book')}</span>
                    <span class="kern-sr-only">{` (${label})`}</span>
                  </button>
                </p>
              </form>
            );
          })}
        </section>
      ) : null}
      <h2 class="kern-heading-medium">
        {t.t(registration ? 'fairs.registration.change' : 'fairs.registration.form')}
      </h2>
      <form method="post" action={localizedUrl(FAIR_PATHS.register, ctx.locale, { id: f.id })} novalidate>
        <CsrfField ctx={ctx} />
        <Select
          name="timeZone"
          label={t.t('fairs.field.my-zone')}
          hint={t.t('fairs.field.my-zone-hint')}
          value={props.input.timeZone}
          options={zoneOptions()}
          error={err('timeZone')}
        />
        <Select
          name="countryCode"
          label={t.t('fairs.field.my-country')}
          value={props.input.countryCode}
          options={[{ value: '', label: t.t('fairs.choose') }, ...countryOptions(ctx.locale)]}
          error={err('countryCode')}
        />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">
            {t.t(registration ? 'fairs.registration.save' : 'fairs.registration.submit')}
          </span>
        </button>
      </form>
    </Page>
  );
}
