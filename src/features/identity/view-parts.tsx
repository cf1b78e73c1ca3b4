import type { FieldError } from '../../platform/http/errors.ts';
import { TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { IDENTITY_PATHS } from './paths.ts';

/** A text, email or password field; a password is never sent back to the browser. */
export function Input(props: {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  hint?: string;
  error?: FieldError | undefined;
  value?: string;
  autocomplete?: string;
  inputMode?: 'numeric' | 'text';
}) {
  return (
    <TextInput
      name={props.name}
      label={props.label}
      type={props.type ?? 'text'}
      {...(props.hint ? { hint: props.hint } : {})}
      error={props.error}
      value={props.type === 'password' ? '' : (props.value ?? '')}
      {...(props.autocomplete ? { autocomplete: props.autocomplete } : {})}
      {...(props.inputMode ? { inputMode: props.inputMode } : {})}
    />
  );
}

export const href = (ctx: ViewContext, key: keyof typeof IDENTITY_PATHS) =>
  localizedUrl(IDENTITY_PATHS[key], ctx.locale);

/** The page frame with its title as the one heading (shared by every feature). */
export { Page };
