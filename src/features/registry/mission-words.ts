import type { Locale } from '../../platform/i18n/index.ts';
import { countryName as nameOfCountry } from '../../web/countries.ts';

/**
 * The missions' reference data (src/data/missions.csv) names countries, missions and waiting-time
 * measurements in English working notes ("Embassy of Germany Cairo", "appointment waiting time
 * (family reunion)", "2021-04"). These functions say the same in the page's language. Pure.
 */

/** The countries of missions.csv by their name there. */
const COUNTRY_CODES: Readonly<Record<string, string>> = {
  India: 'IN',
  Vietnam: 'VN',
  Philippines: 'PH',
  Indonesia: 'ID',
  Turkey: 'TR',
  Morocco: 'MA',
  Tunisia: 'TN',
  Egypt: 'EG',
  Kosovo: 'XK',
  'Bosnia and Herzegovina': 'BA',
  Serbia: 'RS',
  Albania: 'AL',
  'North Macedonia': 'MK',
  Brazil: 'BR',
  Colombia: 'CO',
  Mexico: 'MX',
  Uzbekistan: 'UZ',
  Kenya: 'KE',
  Ghana: 'GH',
  Nigeria: 'NG',
  Pakistan: 'PK',
  Bangladesh: 'BD',
  China: 'CN',
  Ukraine: 'UA',
};

/** A country of the reference data in the page's language ("Ägypten" for Egypt). */
export function countryName(dataName: string, locale: Locale): string {
  const code = COUNTRY_CODES[dataName];
  return code ? nameOfCountry(code, locale) : dataName;
}

/** The reference data's country for a name a person typed or chose, in either language; undefined if none. */
export function countryOfName(typed: string): string | undefined {
  const key = typed.trim().toLocaleLowerCase('de');
  for (const [dataName, code] of Object.entries(COUNTRY_CODES)) {
    const names = [dataName, nameOfCountry(code, 'de'), nameOfCountry(code, 'en')];
    if (names.some((n) => n.toLocaleLowerCase('de') === key)) return dataName;
  }
  return undefined;
}

/** German names of the cities with a mission, where German has its own. */
const GERMAN_CITIES: Readonly<Record<string, string>> = {
  'New Delhi': 'Neu-Delhi',
  Cairo: 'Kairo',
  Beijing: 'Peking',
  'Mexico City': 'Mexiko-Stadt',
  Kyiv: 'Kiew',
  'Ho Chi Minh City': 'Ho-Chi-Minh-Stadt',
  Tashkent: 'Taschkent',
  Belgrade: 'Belgrad',
  'Hong Kong': 'Hongkong',
  Donetsk: 'Donezk',
};

/** A mission's city in the page's language. */
export const missionCity = (name: string, locale: Locale) =>
  locale === 'de' ? (GERMAN_CITIES[name] ?? name) : name;
const city = missionCity;

/**
 * A mission's name in the page's language, without the working notes in brackets:
 * "Embassy of Germany Cairo" → "Deutsche Botschaft Kairo"; "… Donetsk (seat in Dnipro)" keeps its seat.
 */
export function missionName(dataName: string, locale: Locale): string {
  const m = /^(Embassy|Consulate General) of Germany ([^(]+?)\s*(?:\((.*)\))?$/.exec(dataName.trim());
  if (!m) return dataName.replace(/\s*\([^)]*\)\s*$/, '');
  const place = city(m[2] ?? '', locale);
  const seat = /^seat in (.+)$/.exec(m[3] ?? '')?.[1];
  const kind =
    m[1] === 'Embassy'
      ? locale === 'de'
        ? 'Deutsche Botschaft'
        : 'German Embassy'
      : locale === 'de'
        ? 'Deutsches Generalkonsulat'
        : 'German Consulate General';
  const name = `${kind} ${place}`;
  if (!seat) return name;
  return `${name} (${locale === 'de' ? 'Sitz in' : 'seat in'} ${city(seat, locale)})`;
}

/** The area a mission is responsible for, without review notes ("(UNVERIFIED)"). */
export function missionArea(region: string): string {
  return region
    .replace(/\s*\([^)]*UNVERIFIED[^)]*\)/g, '')
    .replace(/\s*\bUNVERIFIED\b/g, '')
    .trim();
}

export type WaitingKind = 'appointment' | 'processing' | 'reported';
export type WaitingPurpose = 'family' | 'work' | 'any';

/** What a measurement measured, read from the reference data's category note. */
export function waitingTimeKind(category: string | null): {
  kind: WaitingKind;
  purpose: WaitingPurpose;
  estimate: boolean;
} {
  const c = category ?? '';
  return {
    kind: /appointment/i.test(c) ? 'appointment' : /processing/i.test(c) ? 'processing' : 'reported',
    purpose: /family/i.test(c) ? 'family' : /work|westbalkan/i.test(c) ? 'work' : 'any',
    estimate: /third-party|political|approx|qualitative|estimate/i.test(c),
  };
}

/**
 * When a measurement was taken, as precise as the data says: a day, a month or a year
 * (`2024-06-18`, `2021-04`, `2018 / 2023`); undefined when the data gives no date.
 */
export function measuredWhen(
  measuredAt: string | null,
): { day: string } | { month: string } | { year: number } | undefined {
  const s = (measuredAt ?? '').trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return { day: s };
  if (/^\d{4}-\d{2}$/.test(s)) return { month: `${s}-01` };
  const years = [...s.matchAll(/\b(19|20)\d{2}\b/g)].map((y) => Number(y[0]));
  return years.length > 0 ? { year: Math.max(...years) } : undefined;
}
