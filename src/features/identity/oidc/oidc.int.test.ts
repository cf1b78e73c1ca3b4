import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import Provider from 'oidc-provider';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { makeAccount, makeOrganisation } from '../../../../test/support/identity.ts';
import { federatedIdentity } from '../schema.ts';

/** A real OpenID provider in the test process (oidc-provider with its development login pages). */
async function startProvider(redirectUris: string[]) {
  let handler: ((req: unknown, res: unknown) => void) | undefined;
  const server: Server = createServer((req, res) => handler?.(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'chancenregion',
        client_secret: 'a-client-secret-for-tests-only',
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    scopes: ['openid', 'email', 'profile'],
    findAccount: async (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: async () => ({ sub: id, email: `${id}@example.org`, email_verified: true, name: `Test ${id}` }),
    }),
    cookies: { keys: ['cookie-key-for-tests-only'] },
  });
  handler = provider.callback() as (req: unknown, res: unknown) => void;
  return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Walks the provider's login and consent pages like a browser, until it redirects back to us. */
async function signInAtProvider(authUrl: string, login: string, redirectPrefix: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authUrl;
  let method = 'GET';
  let body: string | undefined;
  for (let step = 0; step < 20; step++) {
    if (url.startsWith(redirectPrefix)) return url;
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair?.indexOf('=') ?? -1;
      if (pair && i > 0) jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location') ?? '', url).href;
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`unexpected page at ${url}: ${res.status} ${html.slice(0, 200)}`);
    url = new URL(action, url).href;
    method = 'POST';
    body = new URLSearchParams(
      prompt === 'login' ? { prompt, login, password: 'any' } : { prompt },
    ).toString();
  }
  throw new Error('too many steps at the provider');
}

const cookieOf = (res: LightMyRequestResponse, name: string) =>
  res.cookies.find((c) => c.name === name)?.value;

describe('OpenID Connect sign-in against a real provider', () => {
  let t: TestApp;
  let idp: Awaited<ReturnType<typeof startProvider>>;
  const base = 'http://localhost:3000';
  before(async () => {
    idp = await startProvider([
      `${base}/api/v1/auth/oidc/citizen/callback`,
      `${base}/api/v1/auth/oidc/authority/callback`,
    ]);
    t = await buildTestApp({
      OIDC_CITIZEN_ISSUER: idp.issuer,
      OIDC_CITIZEN_CLIENT_ID: 'chancenregion',
      OIDC_CITIZEN_CLIENT_SECRET: 'a-client-secret-for-tests-only',
      OIDC_AUTHORITY_ISSUER: idp.issuer,
      OIDC_AUTHORITY_CLIENT_ID: 'chancenregion',
      OIDC_AUTHORITY_CLIENT_SECRET: 'a-client-secret-for-tests-only',
    });
  });
  after(async () => {
    await t.close();
    await idp.close();
  });

  const start = async (provider: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/${provider}/start` });
    assert.equal(res.statusCode, 303);
    const flowCookie = cookieOf(res, '__oidc');
    assert.ok(flowCookie);
    return { authUrl: String(res.headers.location), cookie: `__oidc=${flowCookie}` };
  };
  const callback = (url: string, cookie: string) =>
    t.app.inject({ method: 'GET', url: url.replace(base, ''), headers: { cookie } });

  it('signs a citizen in, creates an applicant account linked to the subject, and starts a session', async () => {
    const flow = await start('citizen');
    const back = await signInAtProvider(flow.authUrl, 'amira', `${base}/`);
    const res = await callback(back, flow.cookie);
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, '/de/konto');
    const session = cookieOf(res, 'session');
    assert.ok(session);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `session=${session}` },
    });
    assert.equal(me.statusCode, 200);
    const body = me.json() as { email: string; roles: { role: string }[] };
    assert.equal(body.email, 'amira@example.org');
    assert.deepEqual(
      body.roles.map((r) => r.role),
      ['applicant'],
    );
    const links = await t.database.db
      .select()
      .from(federatedIdentity)
      .where(eq(federatedIdentity.subject, 'amira'));
    assert.equal(links.length, 1);
  });

  it('refuses a callback whose state was tampered with', async () => {
    const flow = await start('citizen');
    const back = new URL(await signInAtProvider(flow.authUrl, 'bob', `${base}/`));
    back.searchParams.set('state', 'forged-state');
    const res = await callback(back.href, flow.cookie);
    assert.equal(res.statusCode, 401);
    assert.equal(cookieOf(res, 'session'), undefined);
  });

  it('refuses a callback carried into another sign-in (nonce and PKCE of another flow)', async () => {
    const victim = await start('citizen');
    const attacker = await start('citizen');
    const back = new URL(await signInAtProvider(attacker.authUrl, 'mallory', `${base}/`));
    // the attacker's code, replayed with the victim's flow and its state
    back.searchParams.set('state', new URL(victim.authUrl).searchParams.get('state') ?? '');
    const res = await callback(back.href, victim.cookie);
    assert.equal(res.statusCode, 401);
  });

  it('refuses a callback without the flow cookie or with a forged one', async () => {
    const flow = await start('citizen');
    const back = await signInAtProvider(flow.authUrl, 'carol', `${base}/`);
    assert.equal((await callback(back, '')).statusCode, 401);
    const forged = `__oidc=${encodeURIComponent(JSON.stringify({ p: 'citizen', s: 'x', n: 'y', v: 'z', e: Date.now() + 60_000 }))}`;
    assert.equal((await callback(back, forged)).statusCode, 401);
  });

  it('links the authority provider only to an existing authority account with that address', async () => {
    await makeOrganisation(t.database.db, {
      slug: 'abh-oidc',
      name: 'ABH OIDC',
      kind: 'foreigners-office',
      jurisdictions: [{ scope: 'district', ags: '14612' }],
    });
    await makeAccount(t.database.db, 'foreigners-office-caseworker', 'abh-oidc', {
      email: 'officer@example.org',
      withTotp: true,
    });
    const ok = await start('authority');
    const res = await callback(await signInAtProvider(ok.authUrl, 'officer', `${base}/`), ok.cookie);
    assert.equal(res.statusCode, 303);
    const stranger = await start('authority');
    const refused = await callback(
      await signInAtProvider(stranger.authUrl, 'stranger', `${base}/`),
      stranger.cookie,
    );
    assert.equal(refused.statusCode, 401);
  });

  it('answers 404 for a provider that is not configured', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/elsewhere/start' });
    assert.equal(res.statusCode, 404);
  });
});

describe('sign-in page with identity providers', () => {
  it('offers the configured providers as links that work without JavaScript', async () => {
    const t = await buildTestApp({
      OIDC_CITIZEN_ISSUER: 'http://127.0.0.1:9/',
      OIDC_CITIZEN_CLIENT_ID: 'x',
      OIDC_CITIZEN_CLIENT_SECRET: 'y',
    });
    try {
      const page = await t.app.inject({ method: 'GET', url: '/en/sign-in' });
      assert.match(page.body, /href="\/api\/v1\/auth\/oidc\/citizen\/start"/);
      assert.doesNotMatch(page.body, /oidc\/authority/);
    } finally {
      await t.close();
    }
  });
});
