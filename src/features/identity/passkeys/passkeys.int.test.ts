import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, cookieHeader, type TestApp } from '../../../../test/support/app.ts';
import { SoftAuthenticator } from '../../../../test/support/authenticator.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../../test/support/identity.ts';

describe('passkeys (WebAuthn) with a software authenticator', () => {
  let t: TestApp;
  const origin = 'http://localhost:3000';
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  /** Registers a passkey for a person (signed in) and returns the authenticator. */
  async function enrol(personId: string, role: Parameters<typeof sessionFor>[3]) {
    const s = await sessionFor(t.app, t.database.db, personId, role);
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrfToken };
    const opts = await t.app.inject({ method: 'POST', url: '/api/v1/me/passkeys/options', headers });
    assert.equal(opts.statusCode, 200);
    const authenticator = new SoftAuthenticator('localhost', origin);
    const answer = authenticator.register(opts.json());
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/passkeys',
      headers: { ...headers, cookie: `${s.cookie}; ${cookieHeader(opts)}` },
      payload: answer,
    });
    assert.equal(res.statusCode, 201, res.body);
    return authenticator;
  }

  async function passkeySignIn(
    authenticator: SoftAuthenticator,
    tamper?: 'origin' | 'no-uv' | 'replay-challenge',
  ) {
    const opts = await t.app.inject({ method: 'POST', url: '/api/v1/auth/passkey/options' });
    assert.equal(opts.statusCode, 200);
    const cookie = cookieHeader(opts);
    const options = opts.json() as { challenge: string; csrfToken: string };
    const answer = authenticator.authenticate(
      options,
      tamper === 'origin' ? 'https://evil.example' : origin,
      tamper !== 'no-uv',
    );
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/passkey',
        headers: { cookie, 'x-csrf-token': options.csrfToken },
        payload: answer,
      });
    const first = await send();
    if (tamper === 'replay-challenge') return send();
    return first;
  }

  it('signs in an authority officer with a passkey instead of password and TOTP', async () => {
    await makeOrganisation(t.database.db, {
      slug: 'mission-passkey',
      name: 'Botschaft Hanoi',
      kind: 'mission',
      jurisdictions: [{ scope: 'country', countryCode: 'VN' }],
    });
    const officer = await makeAccount(t.database.db, 'mission-officer', 'mission-passkey', {
      withTotp: true,
    });
    const authenticator = await enrol(officer.personId, 'mission-officer');
    const res = await passkeySignIn(authenticator);
    assert.equal(res.statusCode, 200, res.body);
    const session = res.cookies.find((c) => c.name === 'session')?.value;
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `session=${session}` },
    });
    assert.equal((me.json() as { email: string }).email, officer.email);
  });

  it('refuses an answer for another origin, without user verification, or with a used challenge', async () => {
    const applicant = await makeAccount(t.database.db, 'applicant');
    const authenticator = await enrol(applicant.personId, 'applicant');
    assert.equal((await passkeySignIn(authenticator, 'origin')).statusCode, 401);
    assert.equal((await passkeySignIn(authenticator, 'no-uv')).statusCode, 401);
    assert.equal((await passkeySignIn(authenticator, 'replay-challenge')).statusCode, 401);
    assert.equal((await passkeySignIn(authenticator)).statusCode, 200);
  });

  it('refuses an unknown credential the same way', async () => {
    const stranger = new SoftAuthenticator('localhost', origin);
    stranger.register({ challenge: 'x', user: { id: 'eA' } });
    assert.equal((await passkeySignIn(stranger)).statusCode, 401);
  });
});
