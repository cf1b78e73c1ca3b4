import type { ComponentChildren } from 'preact';
import type { FieldError } from '../platform/http/errors.ts';
import type { ViewContext } from './context.ts';

/** The CSRF token every state-changing form carries. */
export function CsrfField({ ctx }: { ctx: ViewContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken()} />;
}

export function Alert(props: {
  kind: 'info' | 'success' | 'warning' | 'danger';
  title: string;
  children?: ComponentChildren;
}) {
  return (
    <div class={`kern-alert kern-alert--${props.kind}`} role={props.kind === 'danger' ? 'alert' : 'status'}>
      <div class="kern-alert__header">
        <span
          class={`kern-icon kern-icon--${props.kind === 'danger' ? 'danger' : props.kind}`}
          aria-hidden="true"
        />
        <span class="kern-title">{props.title}</span>
      </div>
      {props.children ? <div class="kern-alert__body">{props.children}</div> : null}
    </div>
  );
}

/** Lists every error of a form at the top, each linking to its field (GOV.UK pattern). */
export function ErrorSummary({ ctx, errors }: { ctx: ViewContext; errors: readonly FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="kern-alert kern-alert--danger error-summary" role="alert" tabIndex={-1} id="error-summary">
      <div class="kern-alert__header">
        <span class="kern-icon kern-icon--danger" aria-hidden="true" />
        <h2 class="kern-title">{ctx.t.t('form.error-summary.title')}</h2>
      </div>
      <div class="kern-alert__body">
        <ul class="kern-list">
          {errors.map((e) => (
            <li key={e.field}>
              <a class="kern-link" href={`#${fieldId(e.field)}`}>
                {e.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function fieldId(field: string): string {
  return `field-${field.replace(/^body\./, '').replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The hint and the error message under a label; their ids are what `describedByOf` names. */
export function HintAndError(props: {
  id: string;
  hint?: string | undefined;
  error?: FieldError | undefined;
}) {
  return (
    <>
      {props.hint ? (
        <div class="kern-hint" id={`${props.id}-hint`}>
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <p class="kern-error" id={`${props.id}-error`}>
          <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
          <span>{props.error.message}</span>
        </p>
      ) : null}
    </>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: FieldError | undefined;
  optionalLabel?: string;
}

/** What a form control needs from its frame: id, ARIA wiring and error styling. */
interface ControlAttributes {
  id: string;
  name: string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
  invalid: boolean;
}

/** Label, hint and error message around one control, wired for screen readers (KERN markup). */
function Field(props: FieldProps & { control: (a: ControlAttributes) => ComponentChildren }) {
  const id = fieldId(props.name);
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`kern-form-input${props.error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={id}>
        {props.label}
        {props.optionalLabel ? <span class="kern-label__optional"> {props.optionalLabel}</span> : null}
      </label>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      {props.control({
        id,
        name: props.name,
        'aria-invalid': props.error ? 'true' : undefined,
        'aria-describedby': describedBy || undefined,
        invalid: Boolean(props.error),
      })}
    </div>
  );
}

export function TextArea(
  props: FieldProps & {
    value?: string;
    rows?: number;
    maxLength?: number;
    required?: boolean;
    /** The language of the text in the field, where it may differ from the page's (a German draft). */
    lang?: string;
  },
) {
  return (
    <Field
      {...props}
      control={({ invalid, ...a }) => (
        <textarea
          {...a}
          class={`kern-form-input__input${invalid ? ' kern-form-input__input--error' : ''}`}
          rows={props.rows ?? 5}
          maxLength={props.maxLength}
          required={props.required}
          lang={props.lang}
          value={props.value ?? ''}
        />
      )}
    />
  );
}

export function TextInput(
  props: FieldProps & {
    value?: string;
    maxLength?: number;
    required?: boolean;
    type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'tel' | 'search';
    autocomplete?: string;
    inputMode?: 'numeric' | 'decimal' | 'text' | 'email' | 'search';
    width?: 2 | 4 | 8 | 16 | 32;
  },
) {
  return (
    <Field
      {...props}
      control={({ invalid, ...a }) => (
        <input
          {...a}
          class={`kern-form-input__input${invalid ? ' kern-form-input__input--error' : ''}${
            props.width ? ` kern-form-input__input--width-${props.width}` : ''
          }`}
          type={(props.type ?? 'text') as 'text'}
          maxLength={props.maxLength}
          required={props.required}
          autocomplete={props.autocomplete}
          inputMode={props.inputMode}
          value={props.value ?? ''}
        />
      )}
    />
  );
}

export function Select(
  props: FieldProps & { value?: string; options: ReadonlyArray<{ value: string; label: string }> },
) {
  return (
    <Field
      {...props}
      control={({ invalid, ...a }) => (
        <div class="kern-form-input__select-wrapper">
          <select {...a} class={`kern-form-input__select${invalid ? ' kern-form-input__select--error' : ''}`}>
            {props.options.map((o) => (
              <option key={o.value} value={o.value} selected={o.value === props.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      )}
    />
  );
}

/** A note that an entry comes from unconfirmed research. */
export function UnverifiedNote({ ctx }: { ctx: ViewContext }) {
  return (
    <span class="kern-badge kern-badge--warning kern-badge--small">
      <span class="kern-icon kern-icon--warning kern-icon--small" aria-hidden="true" />
      <span class="kern-label kern-label--small">{ctx.t.t('reference.unverified')}</span>
    </span>
  );
}

/**
 * Radio buttons in a fieldset whose legend is the question. The first radio carries the field's
 * id, so that the error summary can link to the group.
 */
export function RadioGroup(
  props: FieldProps & { value?: string; options: ReadonlyArray<{ value: string; label: string }> },
) {
  const id = fieldId(props.name);
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      class={`kern-fieldset${props.error ? ' kern-fieldset--error' : ''}`}
      aria-describedby={describedBy || undefined}
    >
      <legend class="kern-label">
        {props.label}
        {props.optionalLabel ? <span class="kern-label__optional"> {props.optionalLabel}</span> : null}
      </legend>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <div class="kern-fieldset__body">
        {props.options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${i}`;
          return (
            <div key={o.value} class={`kern-form-check${props.error ? ' kern-form-check--error' : ''}`}>
              <input
                class={`kern-form-check__radio${props.error ? ' kern-form-check__radio--error' : ''}`}
                type="radio"
                id={optionId}
                name={props.name}
                value={o.value}
                checked={o.value === (props.value ?? '')}
              />
              <label class="kern-label" for={optionId}>
                {o.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** A file picker (KERN input styling); `accept` is a hint for the browser, the server checks the content. */
export function FileInput(props: FieldProps & { accept?: string; required?: boolean }) {
  return (
    <Field
      {...props}
      control={({ invalid, ...a }) => (
        <input
          {...a}
          class={`kern-form-input__input${invalid ? ' kern-form-input__input--error' : ''}`}
          type="file"
          accept={props.accept}
          required={props.required}
        />
      )}
    />
  );
}

/** A KERN description list of label → value rows (the facts of a record). */
export function DescriptionList({ rows }: { rows: readonly (readonly [string, ComponentChildren])[] }) {
  return (
    <dl class="kern-description-list">
      {rows.map(([k, v]) => (
        <div key={k} class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{k}</dt>
          <dd class="kern-description-list-item__value">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
