// Page weight (issue 14): the bytes a browser moves for a first visit with a cold cache and for
// further pages with a warm one. A small HTTP client that behaves like a browser in what matters
// here: it asks for `br, gzip`, fetches what the page references (stylesheets, scripts, icon, and the
// fonts the stylesheets use), keeps responses as their Cache-Control allows, and revalidates stale
// ones with If-None-Match / If-Modified-Since. Bytes are counted as they travel: status line,
// headers and the (possibly compressed) body.
import http from 'node:http';

/** The pages a visitor opens after the home page (a form, a list, a calculator). */
export const FURTHER_PAGES = ['/de/weg-finden', '/de/regionen', '/de/chancenkarte-punkte', '/de/impressum'];

interface Cached {
  body: Buffer;
  encoding: string | undefined;
  etag: string | undefined;
  lastModified: string | undefined;
  /** Until when the response may be used without asking the server (ms since epoch). */
  freshUntil: number;
}

export interface Transfer {
  url: string;
  status: number | 'cache';
  bytes: number;
  encoding?: string | undefined;
}

function freshness(cacheControl: string | undefined, now: number): number {
  if (!cacheControl || /no-cache|no-store/.test(cacheControl)) return 0;
  const maxAge = /max-age=(\d+)/.exec(cacheControl)?.[1];
  return maxAge ? now + Number(maxAge) * 1000 : 0;
}

function get(url: URL, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer; wire: number }>(
    (resolve, reject) => {
      const request = http.get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          // Status line, each header line, the blank line, the body as sent (chunked framing not counted).
          let head = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + 2;
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            head += `${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`.length;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, wire: head + body.length });
        });
        res.on('error', reject);
      });
      request.on('error', reject);
    },
  );
}

/** A browser profile: one HTTP cache that lives across the pages it opens. */
export class Browser {
  private readonly cache = new Map<string, Cached>();
  private readonly base: string;
  now = Date.now();

  constructor(base: string) {
    this.base = base;
  }

  async fetch(path: string): Promise<{ transfer: Transfer; text: string }> {
    const url = new URL(path, this.base);
    const key = url.toString();
    const cached = this.cache.get(key);
    if (cached && cached.freshUntil > this.now) {
      return { transfer: { url: url.pathname, status: 'cache', bytes: 0 }, text: decode(cached) };
    }
    const headers: Record<string, string> = { 'accept-encoding': 'br, gzip', 'user-agent': 'page-weight' };
    if (cached?.etag) headers['if-none-match'] = cached.etag;
    if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;
    const res = await get(url, headers);
    const header = (name: string) => {
      const v = res.headers[name];
      return Array.isArray(v) ? v.join(', ') : v;
    };
    const transfer: Transfer = {
      url: url.pathname,
      status: res.status,
      bytes: res.wire,
      encoding: header('content-encoding'),
    };
    if (res.status === 304 && cached) {
      cached.freshUntil = freshness(header('cache-control'), this.now);
      return { transfer, text: decode(cached) };
    }
    const entry: Cached = {
      body: res.body,
      encoding: header('content-encoding'),
      etag: header('etag'),
      lastModified: header('last-modified'),
      freshUntil: freshness(header('cache-control'), this.now),
    };
    if (!/no-store/.test(header('cache-control') ?? '')) this.cache.set(key, entry);
    return { transfer, text: decode(entry) };
  }

  /** Opens a page and everything it references; returns every transfer, cached ones with 0 bytes. */
  async visit(path: string): Promise<Transfer[]> {
    const page = await this.fetch(path);
    const transfers = [page.transfer];
    const pageUrl = new URL(path, this.base);
    const stylesheets: Array<{ url: URL; text: string }> = [];
    for (const ref of references(page.text)) {
      const url = new URL(ref.href, pageUrl);
      const { transfer, text } = await this.fetch(url.toString());
      transfers.push(transfer);
      if (ref.kind === 'stylesheet') stylesheets.push({ url, text });
    }
    const weights = weightsUsed(stylesheets.map((s) => s.text).join('\n'));
    for (const sheet of stylesheets) {
      for (const font of fontsUsed(sheet.text, weights)) {
        transfers.push((await this.fetch(new URL(font, sheet.url).toString())).transfer);
      }
    }
    return transfers;
  }
}

function decode(entry: Cached): string {
  // Only HTML and CSS are read; their encoding is undone here the way the browser does it.
  const zlib = process.getBuiltinModule('node:zlib');
  if (entry.encoding === 'br') return zlib.brotliDecompressSync(entry.body).toString('utf8');
  if (entry.encoding === 'gzip') return zlib.gunzipSync(entry.body).toString('utf8');
  return entry.body.toString('utf8');
}

/** Stylesheets, scripts and icons a page references in its markup. */
function references(html: string): Array<{ kind: 'stylesheet' | 'other'; href: string }> {
  const out: Array<{ kind: 'stylesheet' | 'other'; href: string }> = [];
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1] ?? '';
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (!href) continue;
    if (rel === 'stylesheet') out.push({ kind: 'stylesheet', href });
    else if (/\bicon\b|preload|modulepreload/.test(rel)) out.push({ kind: 'other', href });
  }
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g))
    if (m[1]) out.push({ kind: 'other', href: m[1] });
  return [...new Map(out.map((r) => [r.href, r])).values()];
}

/** The font weights the rules of a page's stylesheets ask for (directly or as a custom property's fallback). */
function weightsUsed(css: string): Set<string> {
  const rules = css.replace(/@font-face\s*{[^}]*}/g, '');
  const weights = new Set<string>();
  for (const m of rules.matchAll(/font-weight:\s*(?:var\([^,)]+,\s*)?(\d{3})/g)) if (m[1]) weights.add(m[1]);
  return weights;
}

/**
 * The font files a browser downloads for a stylesheet: the upright faces of the weights in use.
 * Italic faces are left out, as the pages set no italic text; a browser fetches a face only
 * when some text needs it.
 */
function fontsUsed(css: string, weights: Set<string>): string[] {
  const files: string[] = [];
  for (const m of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const block = m[1] ?? '';
    if (/font-style:\s*italic/.test(block)) continue;
    const weight = /font-weight:\s*(\d{3})/.exec(block)?.[1] ?? '400';
    if (!weights.has(weight)) continue;
    const src = /url\(["']?([^"')]+\.woff2)["']?\)/.exec(block)?.[1];
    if (src) files.push(src);
  }
  return [...new Set(files)];
}

export function total(transfers: Transfer[]): number {
  return transfers.reduce((sum, t) => sum + t.bytes, 0);
}

/** First visit to the home page with a cold cache, then each further page with the cache it left. */
export async function pageWeight(base: string) {
  const browser = new Browser(base);
  const first = await browser.visit('/de');
  // A minute later: nothing that is cached for an hour or longer has gone stale yet.
  browser.now += 60_000;
  const further: Record<
    string,
    { bytes: number; requests: number; fromCache: number; transfers: Transfer[] }
  > = {};
  for (const path of FURTHER_PAGES) {
    const transfers = await browser.visit(path);
    further[path] = {
      bytes: total(transfers),
      requests: transfers.filter((t) => t.status !== 'cache').length,
      fromCache: transfers.filter((t) => t.status === 'cache').length,
      transfers: transfers.filter((t) => t.status !== 'cache'),
    };
  }
  return { first: { bytes: total(first), requests: first.length, transfers: first }, further };
}
