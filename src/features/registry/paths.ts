import type { LocalizedPath } from '../../web/paths.ts';

/** The registry's pages; the pathway results link to `recognition` ("where do I apply?"). */
export const REGISTRY_PATHS = {
  recognition: { de: '/anerkennung', en: '/recognition' },
  offices: { de: '/auslaenderbehoerde', en: '/foreigners-office' },
  missions: { de: '/auslandsvertretung', en: '/missions' },
  verify: { de: '/nachweis/:code', en: '/verify/:code' },
} as const satisfies Record<string, LocalizedPath>;
