import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { findChromium } from './browser-path.ts';

export const CHROMIUM = findChromium();
// In CI (CI=true) browser suites never skip: a missing Chromium fails them.
export const SKIP_REASON =
  CHROMIUM || process.env.CI
    ? false
    : 'browser suite skipped: no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH)';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Harness {
  base: string;
  app: FastifyInstance;
  testApp: TestApp;
  browser: Browser;
  context(javaScript: boolean): Promise<BrowserContext>;
  /**
   * A context for axe scans. axe runs as an injected script, which a context without JavaScript
   * cannot run; for the no-JavaScript pass the page's own scripts are blocked instead.
   */
  axeContext(javaScript: boolean): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** The app on a loopback port and the system Chromium. */
export async function startHarness(overrides: Record<string, string> = {}): Promise<Harness> {
  const testApp = await buildTestApp({ RATE_LIMIT_PER_MINUTE: '1000', ...overrides });
  const address = await testApp.app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM as string, args: FLAGS });
  return {
    base: address,
    app: testApp.app,
    testApp,
    browser,
    context: (javaScript) => browser.newContext({ javaScriptEnabled: javaScript, locale: 'de-DE' }),
    axeContext: async (javaScript) => {
      const context = await browser.newContext({ locale: 'de-DE' });
      if (!javaScript) await context.route(/\.m?js(\?|$)/, (route) => route.abort());
      return context;
    },
    close: async () => {
      await browser.close();
      await testApp.close();
    },
  };
}

/** A page in a fresh axe-ready context without JavaScript that carries a session's cookies; kept in `contexts`. */
export async function pageWithCookies(h: Harness, cookie: string, contexts: BrowserContext[]): Promise<Page> {
  const context = await h.axeContext(false);
  contexts.push(context);
  await context.addCookies(browserCookies(cookie, h.base));
  return context.newPage();
}

/**
 * One signed-in browser page per party (its session cookies put into its own axe-ready context), made on first
 * use and closed by `close` (the sign-in itself is tested elsewhere).
 */
export function partyPages(
  h: Harness,
  cookieOf: (name: string) => string,
  javaScript: boolean,
): { as(name: string): Promise<Page>; close(): Promise<void> } {
  const contexts: BrowserContext[] = [];
  const pages = new Map<string, Page>();
  return {
    async as(name) {
      const existing = pages.get(name);
      if (existing) return existing;
      const context = await h.axeContext(javaScript);
      contexts.push(context);
      await context.addCookies(
        cookieOf(name)
          .split('; ')
          .map((c) => {
            const i = c.indexOf('=');
            return { name: c.slice(0, i), value: c.slice(i + 1), url: h.base };
          }),
      );
      const page = await context.newPage();
      pages.set(name, page);
      return page;
    },
    async close() {
      for (const c of contexts) await c.close();
    },
  };
}

/**
 * A page as every new screen must be: axe-clean, and no sideways scrolling at 390 px; with E2E_SCREENSHOTS naming
 * a folder, screenshots at 1280 and 390 px to look at.
 */
export async function checkPage(page: Page, what: string, javaScript: boolean): Promise<void> {
  const shots = process.env.E2E_SCREENSHOTS;
  assert.deepEqual(await axeViolations(page), [], what);
  if (shots) await page.screenshot({ path: `${shots}/${what}-${javaScript}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what}: ${overflow} px sideways at 390 px`);
  if (shots) await page.screenshot({ path: `${shots}/${what}-${javaScript}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** axe with the WCAG 2.0/2.1/2.2 A and AA rules; returns the violations in a readable form. */
export async function axeViolations(page: Page): Promise<string[]> {
  // A click that submits a form returns once the next page has started; its style sheet may still be loading, and
  // measuring an unstyled page (target sizes, contrast) would report what no visitor sees.
  await page.waitForLoadState('load');
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/** The cookies of a `Cookie` request header (as `sessionFor` returns it) for a browser context at `base`. */
export function browserCookies(cookieHeader: string, base: string) {
  return cookieHeader.split('; ').map((c) => {
    const i = c.indexOf('=');
    return { name: c.slice(0, i), value: c.slice(i + 1), url: base };
  });
}
