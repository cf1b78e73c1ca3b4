import type { Locale, Translator } from '../platform/i18n/index.ts';
import type { LocalizedPath } from './paths.ts';

export interface NavItem {
  readonly labelKey: string;
  readonly paths: LocalizedPath;
  readonly order: number;
  /** Text of the service's card on the home page; items without one get no card. */
  readonly descriptionKey?: string;
  /** Shown only to people holding one of these roles (e.g. administration pages). */
  readonly roles?: readonly string[];
  /** A card on the home page only, not an item of the main navigation (the calculators). */
  readonly cardOnly?: boolean;
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
  /** Roles of the signed-in person (empty when anonymous); decides which navigation items show. */
  readonly roles: readonly string[];
  /** Token for the hidden `_csrf` field of every form that changes state. */
  readonly csrfToken: () => string;
  readonly version: string;
}

/** The navigation items this person sees: everyone's, plus those of their roles. */
export function visibleNav(ctx: ViewContext): NavItem[] {
  return ctx.nav.filter(
    (item) => !item.cardOnly && (!item.roles || item.roles.some((r) => ctx.roles.includes(r))),
  );
}
