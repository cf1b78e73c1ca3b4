/**
 * One request on the applicant's page: where it stands and the person's one next step (accept or decline the
 * offer, confirm the agreed appointment in its window, add it to the calendar, withdraw). Every answer is a POST
 * form with the CSRF field; it works without JavaScript.
 */

import { appointmentPolicyOn } from '../../domain/capacity/appointment-policy.ts';
import { reconfirmationWindow } from '../../domain/capacity/reconfirmation.ts';
import type { ViewContext } from '../../web/context.ts';
import { localizedUrl } from '../../web/paths.ts';
import { AnswerButton, OfferAnswers } from './answer-button.tsx';
import { EarlierOffer, EarlierSwitch } from './earlier-card.tsx';
import { dayOf } from './no-shows.ts';
import { APPOINTMENT_PATHS } from './paths.ts';
import { confirmationOf } from './reconfirm.ts';
import type { AppointmentView } from './service.ts';
import { formatSlot } from './slot-time.ts';

/** One request: where it stands and the person's one next step. */
export function RequestCard(props: { ctx: ViewContext; r: AppointmentView; now: Date }) {
  const { ctx, r } = props;
  const { t } = ctx;
  const service = t.t(`appointments.service.${r.serviceType}`);
  const when = r.startsAt ? formatSlot(ctx.locale, r.startsAt, r.timeZone) : '';
  return (
    <section class="appointment" aria-labelledby={`request-${r.id}`}>
      <h2 class="kern-heading-medium" id={`request-${r.id}`}>
        {t.t('appointments.mine.request-title', { service, place: r.organisationName })}
      </h2>
      <p class="kern-body">
        <strong>{t.t(`appointments.state.${r.state}`)}</strong>
      </p>
      {r.state === 'submitted' ? <p class="kern-body">{t.t('appointments.mine.submitted')}</p> : null}
      {r.state === 'ready' ? (
        <>
          <p class="kern-body">
            {r.position
              ? t.t('appointments.mine.waiting-position', { ahead: r.position - 1 })
              : t.t('appointments.mine.waiting')}
          </p>
          <p class="kern-body">{t.t('appointments.mine.target', { weeks: r.targetWeeks })}</p>
        </>
      ) : null}
      {r.state === 'offered' && r.startsAt && r.offerExpiresAt ? (
        <>
          <p class="kern-body">{t.t('appointments.mine.offered', { when })}</p>
          <p class="kern-body">
            {t.t('appointments.mine.answer-by', { by: formatSlot(ctx.locale, r.offerExpiresAt, r.timeZone) })}
          </p>
          <OfferAnswers ctx={ctx} id={r.id} yes="accept" no="decline" />
        </>
      ) : null}
      {r.state === 'booked' && r.startsAt && r.earlierStartsAt && r.earlierOfferExpiresAt ? (
        <EarlierOffer ctx={ctx} r={r} startsAt={r.earlierStartsAt} by={r.earlierOfferExpiresAt} />
      ) : null}
      {r.state === 'booked' && r.startsAt ? (
        <>
          <p class="kern-body">{t.t('appointments.mine.booked', { when, place: r.organisationName })}</p>
          <p class="kern-body">
            <a
              class="kern-btn kern-btn--primary"
              href={localizedUrl(APPOINTMENT_PATHS.calendarFile, ctx.locale, { id: r.id })}
            >
              <span class="kern-label">{t.t('appointments.button.calendar')}</span>
            </a>
          </p>
          <Reconfirmation ctx={ctx} r={r} startsAt={r.startsAt} now={props.now} />
        </>
      ) : null}
      {r.state === 'attended' ? <p class="kern-body">{t.t('appointments.mine.attended')}</p> : null}
      {['ready', 'offered', 'booked'].includes(r.state) ? <EarlierSwitch ctx={ctx} r={r} /> : null}
      {['submitted', 'ready', 'offered', 'booked'].includes(r.state) ? (
        <details class="kern-body">
          <summary>{t.t('appointments.mine.withdraw-summary')}</summary>
          <p class="kern-body">{t.t('appointments.mine.withdraw-text')}</p>
          <AnswerButton
            ctx={ctx}
            id={r.id}
            answer="withdraw"
            label={t.t('appointments.button.withdraw')}
            primary={false}
          />
        </details>
      ) : null}
    </section>
  );
}

/** Whether the agreed appointment is confirmed, and the button while the window is open. */
function Reconfirmation(props: { ctx: ViewContext; r: AppointmentView; startsAt: Date; now: Date }) {
  const { ctx, r, startsAt, now } = props;
  const { t } = ctx;
  const status = confirmationOf(startsAt, r.reconfirmedAt, now);
  const { askFrom, dueAt } = reconfirmationWindow(
    startsAt,
    appointmentPolicyOn(dayOf(startsAt)).reconfirmation,
  );
  const at = (d: Date) => formatSlot(ctx.locale, d, r.timeZone);
  if (status === 'confirmed') return <p class="kern-body">{t.t('appointments.mine.reconfirmed')}</p>;
  if (status === 'overdue') return <p class="kern-body">{t.t('appointments.mine.reconfirm-overdue')}</p>;
  return (
    <>
      <p class="kern-body">
        {status === 'open'
          ? t.t('appointments.mine.reconfirm-open', { by: at(dueAt) })
          : t.t('appointments.mine.reconfirm-later', { from: at(askFrom), by: at(dueAt) })}
      </p>
      <AnswerButton
        ctx={ctx}
        id={r.id}
        answer="reconfirm"
        label={t.t('appointments.button.reconfirm')}
        primary
      />
    </>
  );
}
