/** One answer of the person to their request: a POST form with the CSRF field (works without JavaScript). */
import { CsrfField } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { localizedUrl } from '../../web/paths.ts';
import { APPOINTMENT_PATHS } from './paths.ts';

export function AnswerButton(props: {
  ctx: ViewContext;
  id: string;
  answer: string;
  label: string;
  primary: boolean;
}) {
  const { ctx } = props;
  return (
    <form method="post" action={localizedUrl(APPOINTMENT_PATHS.answer, ctx.locale, { id: props.id })}>
      <CsrfField ctx={ctx} />
      <input type="hidden" name="answer" value={props.answer} />
      <button class={`kern-btn kern-btn--${props.primary ? 'primary' : 'secondary'}`} type="submit">
        <span class="kern-label">{props.label}</span>
      </button>
    </form>
  );
}

/** The two answers to an offer: take it (the one next step) or not; labels `appointments.button.<answer>`. */
export function OfferAnswers(props: { ctx: ViewContext; id: string; yes: string; no: string }) {
  const { ctx, id } = props;
  return (
    <div class="appointment-actions">
      <AnswerButton
        ctx={ctx}
        id={id}
        answer={props.yes}
        label={ctx.t.t(`appointments.button.${props.yes}`)}
        primary
      />
      <AnswerButton
        ctx={ctx}
        id={id}
        answer={props.no}
        label={ctx.t.t(`appointments.button.${props.no}`)}
        primary={false}
      />
    </div>
  );
}
