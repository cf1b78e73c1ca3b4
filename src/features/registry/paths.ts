import type { LocalizedPath } from '../../web/paths.ts';

/** The registry's pages; the pathway results link to `recognition` ("where do I apply?"). */
export const REGISTRY_PATHS = {
  recognition: { de: '/anerkennung', en: '/recognition' },
  offices: { de: '/auslaenderbehoerde', en: '/foreigners-office' },
  missions: { de: '/auslandsvertretung', en: '/missions' },
  verify: { de: '/nachweis/:code', en: '/verify/:code' },
  /** Write side (administrators, recognition officers, ministry officers). */
  adminRegistry: { de: '/verwaltung/register', en: '/admin/registry' },
  adminEntry: { de: '/verwaltung/register/:table/:key', en: '/admin/registry/:table/:key' },
  adminRecords: { de: '/verwaltung/nachweise', en: '/admin/records' },
  adminRecordNew: { de: '/verwaltung/nachweise/neu', en: '/admin/records/new' },
  adminRecord: { de: '/verwaltung/nachweise/:code', en: '/admin/records/:code' },
  adminRecordWithdraw: {
    de: '/verwaltung/nachweise/:code/ruecknahme',
    en: '/admin/records/:code/withdrawal',
  },
  adminRegister: { de: '/verwaltung/anerkennungsregister', en: '/admin/mutual-recognition' },
  adminMissionImport: { de: '/verwaltung/auslandsvertretungen-import', en: '/admin/missions-import' },
  adminMissionImportApply: {
    de: '/verwaltung/auslandsvertretungen-import/uebernehmen',
    en: '/admin/missions-import/apply',
  },
  adminMissionTemplate: {
    de: '/verwaltung/auslandsvertretungen-vorlage.csv',
    en: '/admin/missions-template.csv',
  },
} as const satisfies Record<string, LocalizedPath>;

/**
 * The finder's answer page for an occupation in a state, for links such as the pathway results'
 * "where do I apply for recognition?".
 */
export function recognitionFinderUrl(locale: 'de' | 'en', kldb: string, state?: string): string {
  const params = new URLSearchParams({ kldb });
  if (state) params.set('state', state);
  return `/${locale}${REGISTRY_PATHS.recognition[locale]}?${params.toString()}`;
}
