import type { Locale } from '../../platform/i18n/index.ts';
import { STATES } from './seed.ts';

/** A state's name in a language ("Sachsen", "Saxony"); the code itself for a code that is no state of the six. */
export function stateNameIn(locale: Locale, code: string): string {
  const s = STATES.find((x) => x.code === code);
  return s ? (locale === 'de' ? s.nameDe : s.nameEn) : code;
}
