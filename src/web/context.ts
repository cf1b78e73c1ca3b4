import type { Locale, Translator } from '../platform/i18n/index.ts';
import type { LocalizedPath } from './paths.ts';

export interface NavItem {
  readonly labelKey: string;
  readonly paths: LocalizedPath;
  readonly order: number;
}

/** What every view needs to know about the request it renders for. */
export interface ViewContext {
  readonly t: Translator;
  readonly locale: Locale;
  /** Same page in the other languages (the language switch keeps the current page). */
  readonly alternates: Readonly<Record<Locale, string>>;
  /** The current URL path (without query), to mark the current navigation item. */
  readonly currentPath: string;
  readonly nav: readonly NavItem[];
  /** Token for the hidden `_csrf` field of every form that changes state. */
  readonly csrfToken: () => string;
  readonly version: string;
}
