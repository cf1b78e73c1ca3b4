/**
 * An exhibitor's stand at a fair: apply (a confirmed employer), then publish meeting slots, see who booked them
 * (name and email), record whether they came and the outcome, and hand an offer off into a journey.
 */
import type { FieldError } from '../../platform/http/errors.ts';
import { Alert, CsrfField, ErrorSummary, RadioGroup, Select, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { JOURNEY_PATHS } from '../journey/index.ts';
import type { Ad } from './fair-views.tsx';
import { FAIR_PATHS } from './paths.ts';
import type { FairDetail, SlotView } from './read.ts';
import type { ExhibitorStatus } from './schema.ts';
import type { StandBooking } from './stand.ts';
import { DayAndStart } from './time-fields.tsx';
import { timeIn } from './words.tsx';

export interface SlotInput {
  day: string;
  start: string;
  minutes: string;
}

function Meeting(props: { ctx: ViewContext; b: StandBooking; f: FairDetail; ads: readonly Ad[] }) {
  const { ctx, b } = props;
  const { t } = ctx;
  const who = `${b.name} (${b.email})`;
  return (
    <section aria-label={who}>
      <h3 class="kern-heading-small">{`${timeIn(ctx, b.startsAt, props.f.timeZone)}: ${who}`}</h3>
      {b.journeyId ? (
        <p class="kern-body">
          {`${t.t('fairs.stand.handed-off')} `}
          <a class="kern-link" href={localizedUrl(JOURNEY_PATHS.journey, ctx.locale, { id: b.journeyId })}>
            {t.t('fairs.stand.open-journey')}
          </a>
        </p>
      ) : (
        <>
          <form method="post" action={localizedUrl(FAIR_PATHS.record, ctx.locale, { booking: b.id })}>
            <CsrfField ctx={ctx} />
            <RadioGroup
              name="attendance"
              label={t.t('fairs.stand.attendance', { name: b.name })}
              value={b.attendance ?? ''}
              options={[
                { value: 'attended', label: t.t('fairs.attendance.attended') },
                { value: 'no-show', label: t.t('fairs.attendance.no-show') },
              ]}
            />
            <RadioGroup
              name="outcome"
              label={t.t('fairs.stand.outcome', { name: b.name })}
              value={b.outcome ?? ''}
              options={['interested', 'offer', 'no-fit'].map((o) => ({
                value: o,
                label: t.t(`fairs.outcome.${o}`),
              }))}
            />
            <button type="submit" class="kern-btn kern-btn--secondary">
              <span class="kern-label">{t.t('fairs.stand.record')}</span>
              <span class="kern-sr-only">{` (${b.name})`}</span>
            </button>
          </form>
          {b.outcome === 'offer' ? (
            <form method="post" action={localizedUrl(FAIR_PATHS.handOff, ctx.locale, { booking: b.id })}>
              <CsrfField ctx={ctx} />
              <Select
                name="adId"
                label={t.t('fairs.stand.ad', { name: b.name })}
                hint={t.t('fairs.stand.ad-hint')}
                value={props.ads[0]?.id ?? ''}
                options={props.ads.map((a) => ({
                  value: a.id,
                  label: (ctx.locale === 'de' ? (a.titleDe ?? a.titleEn) : (a.titleEn ?? a.titleDe)) ?? '',
                }))}
              />
              <button type="submit" class="kern-btn kern-btn--primary">
                <span class="kern-label">{t.t('fairs.stand.hand-off')}</span>
                <span class="kern-sr-only">{` (${b.name})`}</span>
              </button>
            </form>
          ) : null}
        </>
      )}
    </section>
  );
}

export function StandPage(props: {
  ctx: ViewContext;
  f: FairDetail;
  employer: { id: string; name: string };
  status: ExhibitorStatus | null;
  slots: readonly SlotView[];
  bookings: readonly StandBooking[];
  ads: readonly Ad[];
  slot: SlotInput;
  errors?: readonly FieldError[];
}) {
  const { ctx, f, employer, status } = props;
  const { t } = ctx;
  const errors = props.errors ?? [];
  const err = (field: string) => errors.find((e) => e.field === field);
  const params = { id: f.id, org: employer.id };
  return (
    <Page ctx={ctx} title={t.t('fairs.stand.title', { name: employer.name, title: f.title })}>
      <ErrorSummary ctx={ctx} errors={errors} />
      {status === null ? (
        <form method="post" action={localizedUrl(FAIR_PATHS.apply, ctx.locale, params)}>
          <CsrfField ctx={ctx} />
          <p class="kern-body">{t.t('fairs.stand.apply-lead')}</p>
          <button type="submit" class="kern-btn kern-btn--primary">
            <span class="kern-label">{t.t('fairs.stand.apply')}</span>
          </button>
        </form>
      ) : (
        <Alert
          kind={status === 'approved' ? 'success' : 'info'}
          title={t.t(`fairs.stand.status.${status}`)}
        />
      )}
      {status === 'approved' ? (
        <>
          <h2 class="kern-heading-medium">{t.t('fairs.stand.meetings')}</h2>
          <p class="kern-body">{t.t('fairs.stand.meetings-lead')}</p>
          {props.bookings.length === 0 ? <p class="kern-body">{t.t('fairs.stand.meetings-none')}</p> : null}
          {props.bookings.map((b) => (
            <Meeting key={b.id} ctx={ctx} b={b} f={f} ads={props.ads} />
          ))}
          <h2 class="kern-heading-medium">{t.t('fairs.stand.slots')}</h2>
          <ul class="kern-list">
            {props.slots.map((s) => (
              <li key={s.id}>
                {`${timeIn(ctx, s.startsAt, f.timeZone)}, ${t.t('fairs.sessions.minutes', { minutes: s.minutes })}: ${t.t(s.booked ? 'fairs.stand.booked' : 'fairs.stand.free')}`}
              </li>
            ))}
          </ul>
          <form method="post" action={localizedUrl(FAIR_PATHS.slots, ctx.locale, params)} novalidate>
            <CsrfField ctx={ctx} />
            <DayAndStart
              ctx={ctx}
              day={props.slot.day}
              start={props.slot.start}
              timeZone={f.timeZone}
              err={err}
            />
            <TextInput
              name="minutes"
              inputMode="numeric"
              label={t.t('fairs.field.minutes')}
              value={props.slot.minutes}
              width={4}
              error={err('minutes')}
            />
            <button type="submit" class="kern-btn kern-btn--primary">
              <span class="kern-label">{t.t('fairs.stand.add-slot')}</span>
            </button>
          </form>
        </>
      ) : null}
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(FAIR_PATHS.fair, ctx.locale, { id: f.id })}>
          {t.t('fairs.stand.back')}
        </a>
      </p>
    </Page>
  );
}
