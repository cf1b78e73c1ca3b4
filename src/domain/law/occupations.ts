/**
 * ISCO-08 occupation groups used by the rules.
 *
 * - § 18g Abs. 1 S. 2 Nr. 1 AufenthG (from 18.11.2023): groups 132, 133, 134, 21, 221, 222, 225, 226, 23, 25.
 * - § 18b Abs. 2 S. 2 AufenthG a.F. (until 17.11.2023): groups 21, 221, 25.
 * - § 18g Abs. 2 AufenthG (IT specialists without a degree) and § 6 BeschV ICT exception: groups 133, 25.
 * - BA shortage occupations (Engpassberufe) for Chancenkarte feature Nr. 8: the ISCO-08 codes of
 *   shared/research/data/shortage-occupations.csv (BA Fachkräfteengpassanalyse 2022/2023 and, marked
 *   UNVERIFIED there, recurring Engpassberufe). Which list defines "Engpassberuf" for § 20b is UNVERIFIED.
 */

export const BLUE_CARD_SHORTAGE_GROUPS = [
  '132',
  '133',
  '134',
  '21',
  '221',
  '222',
  '225',
  '226',
  '23',
  '25',
] as const;
export const BLUE_CARD_SHORTAGE_GROUPS_BEFORE_2023_11_18 = ['21', '221', '25'] as const;
export const IT_GROUPS = ['133', '25'] as const;

/** Source: shared/research/data/shortage-occupations.csv, column isco08 (all 40 rows, deduplicated). */
export const BA_SHORTAGE_ISCO_CODES = [
  '2142',
  '2161',
  '2211',
  '2212',
  '2261',
  '2262',
  '2264',
  '2320',
  '2342',
  '2511',
  '2512',
  '2635',
  '3214',
  '3221',
  '3222',
  '3251',
  '3256',
  '3258',
  '3259',
  '3412',
  '4224',
  '5120',
  '7112',
  '7114',
  '7121',
  '7126',
  '7214',
  '7231',
  '7233',
  '7411',
  '7412',
  '7511',
  '8311',
  '8331',
  '8332',
] as const;

/** True if the ISCO-08 code lies in one of the groups (a group is a code prefix). */
export function inIscoGroups(isco08: string, groups: readonly string[]): boolean {
  for (const group of groups) if (isco08.startsWith(group)) return true;
  return false;
}

/** Shortage occupation for Chancenkarte feature Nr. 8: statutory Blue Card groups or the BA shortage list. */
export function isShortageOccupation(isco08: string): boolean {
  return (
    inIscoGroups(isco08, BLUE_CARD_SHORTAGE_GROUPS) ||
    (BA_SHORTAGE_ISCO_CODES as readonly string[]).includes(isco08)
  );
}
