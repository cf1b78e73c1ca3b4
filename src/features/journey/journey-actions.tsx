/**
 * The viewer's one next action on the journey page (`taskList` of the core decides which): submit a step, invite
 * the employer, send requested documents, start § 81a with the power of attorney, send the employment
 * declaration, or open the step the viewer's organisation works on. Plain forms: works without JavaScript.
 */
import type { NextAction, StepKind } from '../../domain/journey/index.ts';
import { CsrfField, Select } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import type { JourneyPageProps } from './journey-view.tsx';
import { href } from './paths.tsx';

function CommandButton(props: {
  ctx: ViewContext;
  id: string;
  label: string;
  fields: Record<string, string>;
}) {
  return (
    <form method="post" action={href(props.ctx, 'command', { id: props.id })} class="inline-form">
      <CsrfField ctx={props.ctx} />
      {Object.entries(props.fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button class="kern-btn kern-btn--primary" type="submit">
        <span class="kern-label">{props.label}</span>
      </button>
    </form>
  );
}

export function NextActionForm(
  props: JourneyPageProps & { next: { readonly step: StepKind; readonly action: NextAction } },
) {
  const { ctx, journey: j, next } = props;
  const { t } = ctx;
  const label = t.t(`journey.step.${next.step}`);
  const step = j.steps.find((s) => s.kind === next.step);
  switch (next.action) {
    case 'submit':
      return (
        <CommandButton
          ctx={ctx}
          id={j.id}
          label={t.t('journeys.button.submit-step', { step: label })}
          fields={{ type: 'submit', step: next.step }}
        />
      );
    case 'invite-employer':
      if (props.employers.length === 0) return <p class="kern-body">{t.t('journeys.next.no-employers')}</p>;
      return (
        <form method="post" action={href(ctx, 'command', { id: j.id })}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="type" value="invite-employer" />
          <Select
            name="employerId"
            label={t.t('journeys.field.employer')}
            options={props.employers.map((e) => ({ value: e.id, label: e.name }))}
          />
          <button class="kern-btn kern-btn--primary" type="submit">
            <span class="kern-label">{t.t('journeys.button.invite')}</span>
          </button>
        </form>
      );
    case 'submit-documents': {
      const own = props.own ?? [];
      return (
        <form method="post" action={href(ctx, 'command', { id: j.id })}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="type" value="submit-documents" />
          <input type="hidden" name="step" value={next.step} />
          <fieldset class="kern-fieldset">
            <legend class="kern-label">{t.t('journeys.documents.choose', { step: label })}</legend>
            <p class="kern-hint">
              {t.t('journeys.documents.requested', { missing: (step?.missing ?? []).join(', ') })}
            </p>
            {own.length === 0 ? <p class="kern-body">{t.t('journeys.documents.upload-first')}</p> : null}
            {own.map((d, i) => (
              <div key={d.id} class="kern-form-check">
                <input
                  class="kern-form-check__checkbox"
                  type="checkbox"
                  id={`doc-${next.step}-${i}`}
                  name="documents"
                  value={d.id}
                />
                <label class="kern-label" for={`doc-${next.step}-${i}`}>
                  {d.fileName}
                </label>
              </div>
            ))}
          </fieldset>
          {own.length > 0 ? (
            <button class="kern-btn kern-btn--primary" type="submit">
              <span class="kern-label">{t.t('journeys.documents.send', { step: label })}</span>
            </button>
          ) : null}
        </form>
      );
    }
    case 'start-accelerated-procedure':
      return <StartProcedureForm ctx={ctx} id={j.id} primary />;
    case 'employment-declaration':
      return (
        <CommandButton
          ctx={ctx}
          id={j.id}
          label={t.t('journeys.button.employment-declaration')}
          fields={{ type: 'submit', step: 'ba-approval' }}
        />
      );
    case 'work-on-step':
      return (
        <a class="kern-btn kern-btn--primary" href={href(ctx, 'step', { id: j.id, step: next.step })}>
          <span class="kern-label">{t.t('journeys.button.work-on-step', { step: label })}</span>
        </a>
      );
  }
}

/** The employer starts § 81a with the applicant's power of attorney: the next action, or a choice beside it. */
export function StartProcedureForm(props: { ctx: ViewContext; id: string; primary: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <form method="post" action={href(ctx, 'command', { id: props.id })}>
      <CsrfField ctx={ctx} />
      <input type="hidden" name="type" value="start-accelerated-procedure" />
      <div class="kern-form-check">
        <input
          class="kern-form-check__checkbox"
          type="checkbox"
          id="field-powerOfAttorney"
          name="powerOfAttorney"
          value="yes"
        />
        <label class="kern-label" for="field-powerOfAttorney">
          {t.t('journeys.field.power-of-attorney')}
        </label>
      </div>
      <button class={`kern-btn kern-btn--${props.primary ? 'primary' : 'secondary'}`} type="submit">
        <span class="kern-label">{t.t('journeys.button.start-81a')}</span>
      </button>
    </form>
  );
}
