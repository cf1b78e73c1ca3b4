/**
 * The pull-forward cascade on the person's request card (pull-forward.ts): an earlier appointment offered while
 * they hold one (take it, or keep theirs), and whether they want earlier appointments offered at all.
 */
import type { ViewContext } from '../../web/context.ts';
import { AnswerButton, OfferAnswers } from './answer-button.tsx';
import type { AppointmentView } from './service.ts';
import { formatSlot } from './slot-time.ts';

export function EarlierOffer(props: { ctx: ViewContext; r: AppointmentView; startsAt: Date; by: Date }) {
  const { ctx, r } = props;
  const { t } = ctx;
  return (
    <>
      <p class="kern-body">
        {t.t('appointments.mine.earlier-offer', { when: formatSlot(ctx.locale, props.startsAt, r.timeZone) })}
      </p>
      <p class="kern-body">
        {t.t('appointments.mine.earlier-by', { by: formatSlot(ctx.locale, props.by, r.timeZone) })}
      </p>
      <OfferAnswers ctx={ctx} id={r.id} yes="accept-earlier" no="keep-current" />
    </>
  );
}

export function EarlierSwitch(props: { ctx: ViewContext; r: AppointmentView }) {
  const { ctx, r } = props;
  const { t } = ctx;
  const on = r.acceptsEarlierSlots === 1;
  return (
    <details class="kern-body">
      <summary>{t.t('appointments.mine.earlier-summary')}</summary>
      <p class="kern-body">
        {t.t(on ? 'appointments.mine.earlier-on-text' : 'appointments.mine.earlier-off-text')}
      </p>
      <AnswerButton
        ctx={ctx}
        id={r.id}
        answer={on ? 'earlier-off' : 'earlier-on'}
        label={t.t(on ? 'appointments.button.earlier-off' : 'appointments.button.earlier-on')}
        primary={false}
      />
    </details>
  );
}
