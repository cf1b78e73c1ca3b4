import type { Locale } from '../platform/i18n/index.ts';

/** A page's path in each language, e.g. `{ de: '/regionen', en: '/regions' }`, with `:param` segments. */
export type LocalizedPath = Record<Locale, string>;

/** Builds the URL of a localized path, filling `:param` segments. */
export function localizedUrl(
  paths: LocalizedPath,
  locale: Locale,
  params: Record<string, string> = {},
): string {
  const pattern = paths[locale];
  const filled = pattern.replace(/:([A-Za-z_]+)/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
  return `/${locale}${filled === '/' ? '' : filled}`;
}

/** Paths of the pages the layout links to. */
export const PATHS = {
  home: { de: '/', en: '/' },
  regions: { de: '/regionen', en: '/regions' },
  imprint: { de: '/impressum', en: '/imprint' },
  privacy: { de: '/datenschutz', en: '/privacy' },
  accessibility: { de: '/barrierefreiheit', en: '/accessibility' },
  apiReference: { de: '/schnittstelle', en: '/api-reference' },
} as const satisfies Record<string, LocalizedPath>;
