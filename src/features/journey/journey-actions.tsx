/** What the viewer may do on the journey page: invite an employer, send documents, submit steps, start § 81a. */
import type { ComponentChildren } from 'preact';
import { STEP_ROLES } from '../../domain/journey/index.ts';
import { CsrfField, Select } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import type { JourneyPageProps } from './journey-view.tsx';
import { href } from './paths.tsx';

function CommandButton(props: {
  ctx: ViewContext;
  id: string;
  label: string;
  fields: Record<string, string>;
  secondary?: boolean;
}) {
  return (
    <form method="post" action={href(props.ctx, 'command', { id: props.id })} class="inline-form">
      <CsrfField ctx={props.ctx} />
      {Object.entries(props.fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button class={`kern-btn kern-btn--${props.secondary ? 'secondary' : 'primary'}`} type="submit">
        <span class="kern-label">{props.label}</span>
      </button>
    </form>
  );
}

export function Actions(props: JourneyPageProps) {
  const { ctx, journey: j, viewer } = props;
  const { t } = ctx;
  const buttons: ComponentChildren[] = [];
  if (viewer === 'applicant') {
    if (j.employer === null && props.employers.length > 0) {
      buttons.push(
        <form key="invite" method="post" action={href(ctx, 'command', { id: j.id })}>
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
        </form>,
      );
    }
    for (const s of j.steps) {
      const label = t.t(`journey.step.${s.kind}`);
      if (s.status === 'waiting-for-applicant') {
        const own = props.own ?? [];
        buttons.push(
          <form key={`documents-${s.kind}`} method="post" action={href(ctx, 'command', { id: j.id })}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="type" value="submit-documents" />
            <input type="hidden" name="step" value={s.kind} />
            <fieldset class="kern-fieldset">
              <legend class="kern-label">{t.t('journeys.documents.choose', { step: label })}</legend>
              <p class="kern-hint">
                {t.t('journeys.documents.requested', { missing: s.missing.join(', ') })}
              </p>
              {own.length === 0 ? <p class="kern-body">{t.t('journeys.documents.upload-first')}</p> : null}
              {own.map((d, i) => (
                <div key={d.id} class="kern-form-check">
                  <input
                    class="kern-form-check__checkbox"
                    type="checkbox"
                    id={`doc-${s.kind}-${i}`}
                    name="documents"
                    value={d.id}
                  />
                  <label class="kern-label" for={`doc-${s.kind}-${i}`}>
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
          </form>,
        );
      }
      if (
        s.status === 'not-started' &&
        s.kind !== 'accelerated-procedure' &&
        STEP_ROLES[s.kind].submitters.includes('applicant')
      ) {
        buttons.push(
          <div key={`submit-${s.kind}`} class="journey-action">
            <p class="kern-body">{label}</p>
            <CommandButton
              ctx={ctx}
              id={j.id}
              label={t.t('journeys.button.submit-step', { step: label })}
              fields={{ type: 'submit', step: s.kind }}
            />
          </div>,
        );
      }
    }
  }
  if (viewer === 'employer') {
    if (j.acceleratedProcedure === null) {
      buttons.push(
        <form key="81a" method="post" action={href(ctx, 'command', { id: j.id })}>
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
          <button class="kern-btn kern-btn--primary" type="submit">
            <span class="kern-label">{t.t('journeys.button.start-81a')}</span>
          </button>
        </form>,
      );
    }
    const ba = j.steps.find((s) => s.kind === 'ba-approval');
    if (ba?.status === 'not-started') {
      buttons.push(
        <CommandButton
          key="ba"
          ctx={ctx}
          id={j.id}
          label={t.t('journeys.button.employment-declaration')}
          fields={{ type: 'submit', step: 'ba-approval' }}
        />,
      );
    }
  }
  if (buttons.length === 0) return null;
  return (
    <section aria-labelledby="actions">
      <h2 class="kern-heading-medium" id="actions">
        {t.t('journeys.journey.actions')}
      </h2>
      {buttons}
    </section>
  );
}
