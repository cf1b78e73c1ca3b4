import type {} from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import type { RoutePolicy } from '../platform/http/policy.ts';
import { type I18n, LOCALES, type Locale } from '../platform/i18n/index.ts';
import type { NavItem, ViewContext } from './context.ts';
import { type LocalizedPath, localizedUrl } from './paths.ts';

export interface WebDeps {
  readonly i18n: I18n;
  /** The main navigation, declared in full by the composition root (src/navigation.ts). */
  readonly nav: readonly NavItem[];
  readonly version: string;
}

export type PageResult = VNode | { status: number; view: VNode } | { redirect: string; status?: 302 | 303 };

export interface PageSpec {
  readonly paths: LocalizedPath;
  readonly method?: 'GET' | 'POST';
  readonly policy: RoutePolicy;
  /** The page's item of the main navigation; it must be declared there (src/navigation.ts), with these paths. */
  readonly nav?: Omit<NavItem, 'paths'>;
  /** Opt into rate limiting; `{}` uses RATE_LIMIT_PER_MINUTE per source address. */
  readonly rateLimit?: { max?: number; timeWindow?: string | number };
  readonly handler: (req: FastifyRequest, reply: FastifyReply, ctx: ViewContext) => Promise<PageResult>;
  /**
   * For a public page that is the same for every visitor without a session while its data are unchanged: the
   * version of those data (cheap to get, e.g. when the published figures were computed). Such a visitor gets the
   * page rendered for the same address and version, if there is one, without the handler running (SharedPages).
   */
  readonly sharedVersion?: (req: FastifyRequest) => Promise<string>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    page?: { paths: LocalizedPath; locale: Locale };
  }
}

/** The localized paths of every page registered with a WebDeps, to carry a page address into another language. */
const pagesOf = new WeakMap<WebDeps, LocalizedPath[]>();

/**
 * The same page in another language: `/de/wege/42` → `/en/journeys/42`. Undefined when the path is
 * not one of the site's pages in `from`.
 */
export function pathInLanguage(web: WebDeps, path: string, from: Locale, to: Locale): string | undefined {
  for (const paths of pagesOf.get(web) ?? []) {
    const names = paramNames(paths[from]);
    const pattern = localizedUrl(paths, from, Object.fromEntries(names.map((n) => [n, `\u0000${n}`])))
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/%00[A-Za-z_]+/g, '([^/]+)');
    const m = new RegExp(`^${pattern}$`).exec(path);
    if (!m) continue;
    return localizedUrl(
      paths,
      to,
      Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')])),
    );
  }
  return undefined;
}

/** Registers a page once per language (`/de/regionen`, `/en/regions`). */
export function definePage(app: FastifyInstance, web: WebDeps, spec: PageSpec): void {
  const pages = pagesOf.get(web) ?? [];
  pagesOf.set(web, pages);
  if (!pages.includes(spec.paths)) pages.push(spec.paths);
  if (spec.nav) {
    const item = web.nav.find((n) => n.labelKey === spec.nav?.labelKey);
    if (!item || item.paths !== spec.paths) {
      throw new Error(
        `Page ${spec.paths.de} names navigation item ${spec.nav.labelKey}, not declared with its paths`,
      );
    }
  }
  for (const locale of LOCALES) {
    const url = localizedUrl(
      spec.paths,
      locale,
      Object.fromEntries(paramNames(spec.paths[locale]).map((p) => [p, `:${p}`])),
    );
    app.route({
      method: spec.method ?? 'GET',
      url: decodeURIComponent(url),
      config: {
        policy: spec.policy,
        page: { paths: spec.paths, locale },
        ...(spec.rateLimit ? { rateLimit: spec.rateLimit } : {}),
      },
      handler: async (req, reply) => {
        const ctx = viewContext(req, reply, web, locale);
        const shared = spec.sharedVersion && !req.actor ? sharedPagesOf(web) : undefined;
        const version = shared && (await spec.sharedVersion?.(req));
        const kept = version === undefined ? undefined : shared?.get(req.url, version);
        if (kept !== undefined) return reply.status(200).type(HTML).send(kept);
        let personal = false;
        const csrfToken = ctx.csrfToken;
        const result = await spec.handler(req, reply, {
          ...ctx,
          csrfToken: () => {
            personal = true;
            return csrfToken();
          },
        });
        if (reply.sent) return reply;
        if (version === undefined || personal || !('type' in result)) return sendPage(reply, result);
        const html = `<!doctype html>${render(result)}`;
        shared?.set(req.url, version, html);
        return reply.status(200).type(HTML).send(html);
      },
    });
  }
}

export function paramNames(pattern: string): string[] {
  return [...pattern.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1] as string);
}

/** A query string for the page in another language: a `next` page address goes along into that language. */
function queryIn(web: WebDeps, query: string, from: Locale, to: Locale): string {
  if (from === to || !query.includes('next=')) return query;
  const search = new URLSearchParams(query.slice(1));
  const next = search.get('next');
  const translated = next ? pathInLanguage(web, next, from, to) : undefined;
  if (!translated) return query;
  search.set('next', translated);
  return `?${search.toString()}`;
}

const HTML = 'text/html; charset=utf-8';

/**
 * Rendered public pages by address, each with the version of the data it shows; at most `limit` addresses (the
 * query string is part of the address, so a visitor cannot grow it without bound: the oldest goes first).
 */
export class SharedPages {
  readonly #pages = new Map<string, { version: string; html: string }>();
  readonly #limit: number;
  constructor(limit = 200) {
    this.#limit = limit;
  }
  get(url: string, version: string): string | undefined {
    const page = this.#pages.get(url);
    return page?.version === version ? page.html : undefined;
  }
  set(url: string, version: string, html: string): void {
    this.#pages.delete(url);
    this.#pages.set(url, { version, html });
    if (this.#pages.size > this.#limit) this.#pages.delete(this.#pages.keys().next().value as string);
  }
}
/** One store per site (the apps of one process, as in the tests, do not share pages). */
const sharedOf = new WeakMap<WebDeps, SharedPages>();

function sharedPagesOf(web: WebDeps): SharedPages {
  const kept = sharedOf.get(web);
  if (kept) return kept;
  const pages = new SharedPages();
  sharedOf.set(web, pages);
  return pages;
}

export function sendPage(reply: FastifyReply, result: PageResult): FastifyReply {
  if ('redirect' in result) return reply.redirect(result.redirect, result.status ?? 303);
  const { status, view } = 'view' in result ? result : { status: 200, view: result };
  return reply
    .status(status)
    .type(HTML)
    .send(`<!doctype html>${render(view)}`);
}

/** The view context for a request; pages get it from definePage, error pages build it themselves. */
export function viewContext(
  req: FastifyRequest,
  reply: FastifyReply,
  web: WebDeps,
  locale: Locale,
): ViewContext {
  const page = req.routeOptions.config?.page;
  const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
  const params = (req.params ?? {}) as Record<string, string>;
  const path = req.url.split('?')[0] ?? '/';
  const alternates = Object.fromEntries(
    LOCALES.map((l) => [
      l,
      page
        ? localizedUrl(page.paths, l, params) + (req.method === 'GET' ? queryIn(web, query, locale, l) : '')
        : `/${l}`,
    ]),
  ) as Record<Locale, string>;
  let token: string | undefined;
  return {
    t: web.i18n.translator(locale),
    locale,
    alternates,
    currentPath: path,
    nav: web.nav,
    roles: req.actor?.memberships.map((m) => m.role) ?? [],
    version: web.version,
    csrfToken: () => {
      if (token === undefined) token = reply.generateCsrf();
      return token;
    },
  };
}
