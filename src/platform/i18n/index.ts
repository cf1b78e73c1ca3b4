import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';

export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'de';

/** Locales written right to left; the catalogues are ready for Arabic, which will join this list. */
const RTL = new Set<string>(['ar', 'fa', 'he', 'ur']);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL.has(locale) ? 'rtl' : 'ltr';
}

export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;
export type Catalogue = Record<string, string>;

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Every catalogue of the code base: `src/web/messages/<locale>.json` and each feature's
 * `messages/<locale>.json`. Keys are flat and unique across files.
 */
export function catalogueFiles(locale: string): string[] {
  return globSync(`**/messages/${locale}.json`, { cwd: SRC })
    .map((f) => path.join(SRC, f))
    .sort();
}

export function loadCatalogue(locale: string): Catalogue {
  const merged: Catalogue = {};
  for (const file of catalogueFiles(locale)) {
    const entries = JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
    for (const [key, value] of Object.entries(entries)) {
      if (key in merged) throw new Error(`i18n: key ${key} is defined twice (second time in ${file})`);
      merged[key] = value;
    }
  }
  return merged;
}

export interface Translator {
  readonly locale: Locale;
  readonly dir: 'ltr' | 'rtl';
  t(key: string, values?: MessageValues): string;
  has(key: string): boolean;
  date(value: Date | string, style?: 'long' | 'short'): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** Items joined as the language lists them ("A, B and C"). */
  list(items: readonly string[]): string;
}

class CatalogueTranslator implements Translator {
  readonly locale: Locale;
  readonly dir: 'ltr' | 'rtl';
  private readonly messages: Catalogue;
  private readonly compiled = new Map<string, IntlMessageFormat>();
  private readonly dateFormats: Record<'long' | 'short', Intl.DateTimeFormat>;

  constructor(locale: Locale, messages: Catalogue) {
    this.locale = locale;
    this.dir = directionOf(locale);
    this.messages = messages;
    this.dateFormats = {
      long: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Berlin' }),
      short: new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Europe/Berlin',
      }),
    };
  }

  has(key: string): boolean {
    return key in this.messages;
  }

  t(key: string, values?: MessageValues): string {
    let format = this.compiled.get(key);
    if (!format) {
      const source = this.messages[key];
      if (source === undefined) throw new Error(`i18n: missing message ${key} (${this.locale})`);
      format = new IntlMessageFormat(source, this.locale);
      this.compiled.set(key, format);
    }
    return String(format.format(values as Record<string, string | number | boolean | Date>));
  }

  date(value: Date | string, style: 'long' | 'short' = 'long'): string {
    const d =
      typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
    return this.dateFormats[style].format(d);
  }

  // Intl's formatters are costly to make and cheap to use: made once per locale and options.
  private readonly numberFormats = new Map<string, Intl.NumberFormat>();
  private listFormat: Intl.ListFormat | undefined;

  number(value: number, options?: Intl.NumberFormatOptions): string {
    const key = options ? JSON.stringify(options) : '';
    let format = this.numberFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(this.locale, options);
      this.numberFormats.set(key, format);
    }
    return format.format(value);
  }

  list(items: readonly string[]): string {
    this.listFormat ??= new Intl.ListFormat(this.locale, { type: 'conjunction' });
    return this.listFormat.format(items);
  }
}

export interface I18n {
  translator(locale: Locale): Translator;
}

export function createI18n(): I18n {
  const translators = new Map<Locale, Translator>(
    LOCALES.map((l) => [l, new CatalogueTranslator(l, loadCatalogue(l))]),
  );
  return {
    translator: (locale) => translators.get(locale) ?? (translators.get(DEFAULT_LOCALE) as Translator),
  };
}

/**
 * The best supported locale for an Accept-Language header (RFC 9110 § 12.5.4), German when
 * nothing matches. Malformed parts are ignored, never an error.
 */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header || header.length > 1000) return DEFAULT_LOCALE;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.tag && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === '*') return DEFAULT_LOCALE;
    const primary = tag.split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}
