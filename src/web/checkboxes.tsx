/** A group of checkboxes for several values of one field (KERN form-check), without JavaScript. */
import type { FieldError } from '../platform/http/errors.ts';
import { fieldId, HintAndError } from './components.tsx';

/** Checkboxes in a fieldset whose legend is the question; the first carries the field's id (error links). */
export function Checkboxes(props: {
  name: string;
  label: string;
  hint?: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  chosen: readonly string[];
  error?: FieldError | undefined;
}) {
  const id = fieldId(props.name);
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean);
  return (
    <fieldset
      class={`kern-fieldset${props.error ? ' kern-fieldset--error' : ''}`}
      aria-describedby={describedBy.join(' ') || undefined}
    >
      <legend class="kern-label">{props.label}</legend>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <div class="kern-fieldset__body">
        {props.options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${i}`;
          return (
            <div key={o.value} class="kern-form-check">
              <input
                class="kern-form-check__checkbox"
                type="checkbox"
                id={optionId}
                name={props.name}
                value={o.value}
                checked={props.chosen.includes(o.value)}
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
