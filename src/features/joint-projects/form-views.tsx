/**
 * The form that starts a joint project (issue 17): title, description, participating states, lead state, budget in
 * euros and the key. Without JavaScript every field is there at once; the key year counts for the Königstein key
 * only, the weights for a negotiated table only (for the states chosen above).
 */
import type { FieldError } from '../../platform/http/errors.ts';
import {
  CsrfField,
  ErrorSummary,
  fieldId,
  RadioGroup,
  Select,
  TextArea,
  TextInput,
} from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { STATE_CODES } from '../regions/index.ts';
import { stateName } from './list-views.tsx';
import { JOINT_PROJECT_PATHS } from './paths.ts';
import type { ProjectInput } from './project-form.ts';
import { weightField } from './project-form.ts';

export interface FormPageProps {
  ctx: ViewContext;
  input: ProjectInput;
  errors: readonly FieldError[];
  /** Königstein key years with figures for all six states, newest first. */
  years: readonly string[];
}

/** One checkbox per state, in a fieldset whose legend is the question (also used by the joint drafts' form). */
export function StateChecks(props: {
  ctx: ViewContext;
  values: readonly string[];
  error?: FieldError | undefined;
  label?: string;
}) {
  const { t } = props.ctx;
  const id = fieldId('states');
  return (
    <fieldset
      class={`kern-fieldset${props.error ? ' kern-fieldset--error' : ''}`}
      aria-describedby={props.error ? `${id}-error` : undefined}
    >
      <legend class="kern-label">{props.label ?? t.t('joint.field.states')}</legend>
      {props.error ? (
        <p class="kern-error" id={`${id}-error`}>
          <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
          <span>{props.error.message}</span>
        </p>
      ) : null}
      <div class="kern-fieldset__body">
        {STATE_CODES.map((s, i) => {
          const optionId = i === 0 ? id : `${id}-${i}`;
          return (
            <div key={s} class="kern-form-check">
              <input
                class="kern-form-check__checkbox"
                type="checkbox"
                id={optionId}
                name="states"
                value={s}
                checked={props.values.includes(s)}
              />
              <label class="kern-label" for={optionId}>
                {stateName(props.ctx, s)}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function Weights(props: FormPageProps) {
  const { ctx, input, errors } = props;
  const { t } = ctx;
  const error = errors.find((e) => e.field === 'weights');
  return (
    <fieldset class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} id={fieldId('weights')}>
      <legend class="kern-label">{t.t('joint.field.weights')}</legend>
      <div class="kern-hint">{t.t('joint.field.weights-hint')}</div>
      {error ? (
        <p class="kern-error">
          <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
          <span>{error.message}</span>
        </p>
      ) : null}
      <div class="kern-fieldset__body">
        {STATE_CODES.map((s) => (
          <TextInput
            key={s}
            name={weightField(s)}
            label={t.t('joint.field.weight', { state: stateName(ctx, s) })}
            value={input.weights[s] ?? ''}
            inputMode="decimal"
            width={8}
            maxLength={16}
            error={errors.find((e) => e.field === weightField(s))}
          />
        ))}
      </div>
    </fieldset>
  );
}

export function FormPage(props: FormPageProps) {
  const { ctx, input, errors, years } = props;
  const { t } = ctx;
  const err = (f: string) => errors.find((e) => e.field === f);
  return (
    <Page ctx={ctx} title={t.t('joint.create.title')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="kern-body">{t.t('joint.create.lead')}</p>
      <form method="post" action={localizedUrl(JOINT_PROJECT_PATHS.create, ctx.locale)} novalidate>
        <CsrfField ctx={ctx} />
        <TextInput
          name="title"
          label={t.t('joint.field.title')}
          value={input.title}
          maxLength={200}
          error={err('title')}
        />
        <TextArea
          name="description"
          label={t.t('joint.field.description')}
          hint={t.t('joint.field.description-hint')}
          value={input.description}
          maxLength={4000}
          rows={4}
          error={err('description')}
        />
        <StateChecks ctx={ctx} values={input.states} error={err('states')} />
        <Select
          name="leadState"
          label={t.t('joint.field.leadState')}
          hint={t.t('joint.field.leadState-hint')}
          value={input.leadState}
          options={[
            { value: '', label: t.t('joint.choose') },
            ...STATE_CODES.map((s) => ({ value: s, label: stateName(ctx, s) })),
          ]}
          error={err('leadState')}
        />
        <TextInput
          name="budget"
          label={t.t('joint.field.budget')}
          hint={t.t('joint.field.budget-hint')}
          value={input.budget}
          inputMode="decimal"
          width={16}
          maxLength={24}
          error={err('budget')}
        />
        <RadioGroup
          name="keyKind"
          label={t.t('joint.field.keyKind')}
          value={input.keyKind}
          options={(['koenigstein', 'population', 'equal', 'negotiated'] as const).map((k) => ({
            value: k,
            label: t.t(`joint.key.${k}`),
          }))}
          error={err('keyKind')}
        />
        <Select
          name="keyYear"
          label={t.t('joint.field.keyYear')}
          hint={t.t('joint.field.keyYear-hint')}
          value={input.keyYear || years[0]}
          options={years.map((y) => ({ value: y, label: y }))}
          error={err('keyYear')}
        />
        <Weights {...props} />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{t.t('joint.create.submit')}</span>
        </button>
      </form>
    </Page>
  );
}
