import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import { buildTestApp, cookieHeader, csrfFor, type TestApp } from '../test/support/app.ts';
import { accessibilityFeedback } from './features/public-pages/schema.ts';
import { MissingPolicyError, requireRoutePolicies } from './platform/http/policy.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp({ RATE_LIMIT_PER_MINUTE: '1000' });
});
after(() => t.close());

const feedbackCount = async () => (await t.database.db.select().from(accessibilityFeedback)).length;

describe('health', () => {
  it('reports ok with the database kind and version', async () => {
    const res = await t.app.inject('/health');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', db: t.database.kind, version: '0.0.0-test' });
  });
});

describe('languages', () => {
  it('redirects / by Accept-Language, German when nothing matches', async () => {
    const en = await t.app.inject({ url: '/', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    assert.equal(en.statusCode, 302);
    assert.equal(en.headers.location, '/en');
    const other = await t.app.inject({ url: '/', headers: { 'accept-language': 'fr-FR' } });
    assert.equal(other.headers.location, '/de');
    const none = await t.app.inject('/');
    assert.equal(none.headers.location, '/de');
  });

  for (const [url, lang, other] of [
    ['/de', 'de', '/en'],
    ['/en/regions?state=SN', 'en', '/de/regionen?state=SN'],
    ['/de/impressum', 'de', '/en/imprint'],
    ['/en/privacy', 'en', '/de/datenschutz'],
    ['/de/barrierefreiheit', 'de', '/en/accessibility'],
  ] as const) {
    it(`serves ${url} with lang="${lang}", dir and a language switch to the same page`, async () => {
      const res = await t.app.inject(url);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, new RegExp(`<html lang="${lang}" dir="ltr">`));
      assert.ok(res.body.includes(`href="${other.replace('&', '&amp;')}"`), `switch link to ${other}`);
      assert.match(res.body, /<a class="skip-link" href="#main">/);
      assert.match(res.body, /<main id="main"/);
    });
  }

  it('answers unknown pages with a 404 page in the language of the address', async () => {
    const en = await t.app.inject('/en/no-such-page');
    assert.equal(en.statusCode, 404);
    assert.match(en.body, /<html lang="en"/);
    assert.match(en.body, /Page not found/);
    const de = await t.app.inject('/de/gibt-es-nicht');
    assert.match(de.body, /Seite nicht gefunden/);
    assert.match(de.body, /Referenz für Rückfragen: [0-9a-f-]{36}/);
  });

  it('answers unknown API paths with problem+json', async () => {
    const res = await t.app.inject('/api/v1/nothing');
    assert.equal(res.statusCode, 404);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    assert.equal(res.json().code, 'not-found');
  });
});

describe('security headers', () => {
  it('sends a strict CSP, no framing, nosniff and no version banner', async () => {
    const res = await t.app.inject('/de');
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['x-powered-by'], undefined);
    assert.equal(res.headers.server, undefined);
    assert.match(String(res.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });

  it('never inlines scripts or styles in pages', async () => {
    for (const url of ['/de', '/en/regions', '/de/barrierefreiheit']) {
      const body = (await t.app.inject(url)).body;
      assert.doesNotMatch(body, /<script(?![^>]*\bsrc=)[^>]*>/);
      assert.doesNotMatch(body, /\sstyle="/);
      assert.doesNotMatch(body, /<style/);
    }
  });

  it('marks the CSRF cookie HttpOnly and SameSite=Lax, and Secure behind TLS', async () => {
    const plain = await t.app.inject('/de/barrierefreiheit');
    const cookie = plain.cookies.find((c) => c.name === '__csrf');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.notEqual(cookie.secure, true);
    const behindTls = await buildTestApp({ TRUST_PROXY: 'true' });
    try {
      const res = await behindTls.app.inject({
        url: '/de/barrierefreiheit',
        headers: { 'x-forwarded-proto': 'https' },
      });
      assert.equal(res.cookies.find((c) => c.name === '__csrf')?.secure, true);
    } finally {
      await behindTls.close();
    }
  });
});

describe('accessibility feedback form (CSRF, validation, nothing half-written)', () => {
  it('stores feedback sent with a valid token and redirects with 303', async () => {
    const before = await feedbackCount();
    const { token, cookie } = await csrfFor(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/de/barrierefreiheit',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: token,
        page: '/de/regionen',
        message: 'Die Tabelle ist schwer lesbar.',
      }).toString(),
    });
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /^\/de\/barrierefreiheit\?saved=[0-9a-f-]{36}#feedback$/);
    assert.equal(await feedbackCount(), before + 1);
  });

  it('refuses a form without a token, with a foreign token or from another origin, writing nothing', async () => {
    const before = await feedbackCount();
    const { token, cookie } = await csrfFor(t.app);
    const other = await csrfFor(t.app);
    const attempts: { headers: Record<string, string>; body: Record<string, string> }[] = [
      { headers: { cookie }, body: { message: 'x' } },
      { headers: { cookie }, body: { _csrf: other.token, message: 'x' } },
      { headers: { cookie, origin: 'https://evil.example' }, body: { _csrf: token, message: 'x' } },
      { headers: {}, body: { message: 'x' } },
    ];
    for (const a of attempts) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/en/accessibility',
        headers: { ...a.headers, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(a.body).toString(),
      });
      assert.equal(res.statusCode, 403, JSON.stringify(a));
      assert.match(res.body, /The form has expired/);
    }
    assert.equal(await feedbackCount(), before);
  });

  it('re-renders with 422, an error summary and the input kept when the message is missing or too long', async () => {
    const before = await feedbackCount();
    const { token, cookie } = await csrfFor(t.app);
    for (const message of ['', 'x'.repeat(2001)]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/en/accessibility',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: token, page: 'home', message }).toString(),
      });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /id="error-summary"/);
      assert.match(res.body, /href="#field-message"/);
      assert.match(res.body, /aria-invalid="true"/);
      assert.match(res.body, />home<\/textarea>/);
    }
    assert.equal(await feedbackCount(), before);
  });

  it('rate-limits the form with 429 and Retry-After', async () => {
    const limited = await buildTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
    try {
      const { token, cookie } = await csrfFor(limited.app);
      const send = () =>
        limited.app.inject({
          method: 'POST',
          url: '/de/barrierefreiheit',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ _csrf: token, message: 'Rückmeldung' }).toString(),
        });
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) codes.push((await send()).statusCode);
      assert.deepEqual(codes, [303, 303, 303, 303, 303, 429]);
      const last = await send();
      assert.equal(last.statusCode, 429);
      assert.match(String(last.headers['retry-after']), /^\d+$/);
      assert.match(last.body, /Zu viele Anfragen/);
    } finally {
      await limited.close();
    }
  });
});

describe('bad input never produces a 500', () => {
  it('answers an oversized body with 413 problem+json', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/districts',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ x: 'y'.repeat(2 * 1024 * 1024) }),
    });
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().code, 'payload-too-large');
  });

  it('answers malformed JSON, URLs, cookies and headers with 4xx or a normal page', async () => {
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/nothing',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":',
    });
    assert.ok(json.statusCode >= 400 && json.statusCode < 500, String(json.statusCode));
    const url = await t.app.inject('/de/%E0%A4%A');
    assert.ok(url.statusCode >= 400 && url.statusCode < 500, String(url.statusCode));
    const cookie = await t.app.inject({
      url: '/de/barrierefreiheit',
      headers: { cookie: '__csrf=%%%; x=\u0001' },
    });
    assert.equal(cookie.statusCode, 200);
    const { token } = await csrfFor(t.app);
    const badCookiePost = await t.app.inject({
      method: 'POST',
      url: '/de/barrierefreiheit',
      headers: { cookie: '__csrf=garbage.signature', 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${token}&message=x`,
    });
    assert.equal(badCookiePost.statusCode, 403);
    const header = await t.app.inject({ url: '/', headers: { 'accept-language': '\u00ff;q=x,,;' } });
    assert.equal(header.statusCode, 302);
    const query = await t.app.inject('/api/v1/districts?state[]=SN&state=TH');
    assert.equal(query.statusCode, 400);
  });

  it('keeps the cookie of a GET response usable for a following POST', async () => {
    const page = await t.app.inject('/en/accessibility');
    assert.ok(cookieHeader(page).includes('__csrf='));
  });
});

describe('route policies', () => {
  it('refuses to start when a route declares no policy', async () => {
    const app = Fastify();
    requireRoutePolicies(app);
    assert.throws(() => app.get('/unguarded', async () => 'x'), MissingPolicyError);
    await app.close();
  });
});
