import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { buildTestApp, type TestApp } from '../../test/support/app.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const BROWSER = { 'accept-encoding': 'br, gzip' };

async function home() {
  return t.app.inject({ method: 'GET', url: '/de', headers: BROWSER });
}

/** The stylesheets, scripts and icon the home page references. */
async function referencedAssets(): Promise<string[]> {
  const res = await home();
  const html = brotliDecompressSync(res.rawPayload).toString('utf8');
  return [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
}

describe('a light page: compressed, long-cached assets (issue 14)', () => {
  it('sends the home page compressed with brotli when the browser asks, with gzip when it asks only for that', async () => {
    const br = await home();
    assert.equal(br.statusCode, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.match(brotliDecompressSync(br.rawPayload).toString('utf8'), /<html lang="de"/);
    assert.ok(br.rawPayload.length < 8_000, `${br.rawPayload.length} bytes`);

    const gzip = await t.app.inject({ method: 'GET', url: '/de', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.match(gunzipSync(gzip.rawPayload).toString('utf8'), /<html lang="de"/);

    const plain = await t.app.inject({ method: 'GET', url: '/de' });
    assert.equal(plain.headers['content-encoding'], undefined);
  });

  it('has every page revalidated, so that a new version reaches the next visit', async () => {
    assert.equal((await home()).headers['cache-control'], 'no-cache');
  });

  it('compresses API answers too', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/districts', headers: BROWSER });
    assert.equal(res.headers['content-encoding'], 'br');
  });

  it('references only fingerprinted assets, cached for a year as immutable', async () => {
    const urls = await referencedAssets();
    assert.ok(urls.some((u) => u.endsWith('.css')) && urls.some((u) => u.endsWith('.js')), urls.join(' '));
    for (const url of urls) {
      assert.match(url, /\.[0-9a-f]{10}\.[a-z0-9]+$/, url);
      const res = await t.app.inject({ method: 'GET', url, headers: BROWSER });
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', url);
    }
  });

  it('serves the stylesheets brotli-compressed, and answers a revalidation with 304', async () => {
    for (const url of (await referencedAssets()).filter((u) => u.endsWith('.css'))) {
      const res = await t.app.inject({ method: 'GET', url, headers: BROWSER });
      assert.equal(res.headers['content-encoding'], 'br', url);
      assert.match(String(res.headers['content-type']), /^text\/css/);
      const etag = String(res.headers.etag);
      const again = await t.app.inject({
        method: 'GET',
        url,
        headers: { ...BROWSER, 'if-none-match': etag },
      });
      assert.equal(again.statusCode, 304, url);
      assert.equal(again.rawPayload.length, 0);
    }
  });

  it('points the stylesheets at fingerprinted fonts', async () => {
    for (const url of (await referencedAssets()).filter((u) => u.endsWith('.css'))) {
      const css = (await t.app.inject({ method: 'GET', url })).body;
      for (const m of css.matchAll(/url\("?([^")]+\.woff2)"?\)/g))
        assert.match(m[1] ?? '', /^\/assets\/.*\.[0-9a-f]{10}\.woff2$/);
    }
  });

  it('keeps the KERN stylesheet small: only the rules our pages can use', async () => {
    for (const url of (await referencedAssets()).filter((u) => u.endsWith('.css'))) {
      const plain = await t.app.inject({ method: 'GET', url });
      const br = await t.app.inject({ method: 'GET', url, headers: BROWSER });
      assert.ok(plain.rawPayload.length < 200_000, `${url}: ${plain.rawPayload.length} bytes`);
      assert.ok(br.rawPayload.length < 20_000, `${url}: ${br.rawPayload.length} bytes compressed`);
    }
  });

  it('moves less than 150 kB for a first visit: page, stylesheets, script, icon and the four font faces', async () => {
    const page = await home();
    let bytes = page.rawPayload.length;
    const sheets: string[] = [];
    for (const url of await referencedAssets()) {
      const res = await t.app.inject({ method: 'GET', url, headers: BROWSER });
      bytes += res.rawPayload.length;
      if (url.endsWith('.css')) sheets.push(url);
    }
    const fonts = new Set<string>();
    for (const url of sheets) {
      const css = (await t.app.inject({ method: 'GET', url })).body;
      for (const m of css.matchAll(/url\("?([^")]+\.woff2)"?\)/g)) fonts.add(m[1] ?? '');
    }
    assert.equal(fonts.size, 4, [...fonts].join(' '));
    for (const url of fonts) {
      const res = await t.app.inject({ method: 'GET', url, headers: BROWSER });
      assert.equal(res.statusCode, 200, url);
      assert.ok(res.rawPayload.length < 30_000, `${url}: ${res.rawPayload.length} bytes`);
      bytes += res.rawPayload.length;
    }
    assert.ok(bytes < 150_000, `${bytes} bytes`);
  });

  it('still answers the plain asset name, revalidated on each use', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/app.css' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'public, no-cache');
    const missing = await t.app.inject({ method: 'GET', url: '/assets/nothing.css' });
    assert.equal(missing.statusCode, 404);
  });
});
