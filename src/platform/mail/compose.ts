import { createI18n, type I18n, LOCALES, type MessageValues, type Translator } from '../i18n/index.ts';
import type { Mail } from './mailer.ts';

/**
 * A mail from the message catalogues, in every language the catalogues have: the platform does
 * not know a person's language when it writes to them (an invitation goes to an address, not a
 * person), so each mail says the same in each language, one after the other, and a new language
 * in the catalogues reaches every mail. `<key>.subject` and `<key>.text` are the messages; values
 * may depend on the language (a date in that language's format).
 */
export function composeMail(
  to: string,
  key: string,
  values: MessageValues | ((t: Translator) => MessageValues) = {},
  i18n: I18n = catalogues(),
): Mail {
  const translators = LOCALES.map((l) => i18n.translator(l));
  const valuesFor = (t: Translator) => (typeof values === 'function' ? values(t) : values);
  return {
    to,
    subject: translators.map((t) => t.t(`${key}.subject`, valuesFor(t))).join(' / '),
    text: translators.map((t) => t.t(`${key}.text`, valuesFor(t))).join('\n\n— — —\n\n'),
  };
}

/** A moment in a mail: date and time in the language's format, German time. */
export function mailMoment(t: Translator, at: Date): string {
  return t.date(at, 'short');
}

let shared: I18n | undefined;
/** The catalogues, read once: they are files of the code base and do not change while it runs. */
function catalogues(): I18n {
  shared ??= createI18n();
  return shared;
}
