import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { type Role, strictestClass } from '../../src/domain/access/roles.ts';
import {
  createOrganisation,
  createUser,
  type NewOrganisation,
} from '../../src/features/identity/accounts/service.ts';
import { currentTotp } from '../../src/features/identity/credentials.ts';
import { createSession } from '../../src/features/identity/sessions/service.ts';
import type { Database } from '../../src/platform/db/client.ts';
import { cookieHeader } from './app.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

let counter = 0;
export interface TestAccount {
  personId: string;
  email: string;
  password: string;
  totpSecret: string | null;
}

/** A verified account with one role; authority roles get TOTP set up. */
export async function makeAccount(
  db: Database,
  role: Role,
  organisationSlug?: string,
  opts: { email?: string; withTotp?: boolean } = {},
): Promise<TestAccount> {
  counter++;
  const email = opts.email ?? `${role}-${counter}-${Date.now()}@example.org`;
  const { personId, totpSecret } = await createUser(
    db,
    {
      email,
      password: TEST_PASSWORD,
      role,
      organisationSlug,
      verified: true,
      withTotp: opts.withTotp ?? false,
    },
    new Date(),
  );
  return { personId, email, password: TEST_PASSWORD, totpSecret };
}

export async function makeOrganisation(db: Database, org: NewOrganisation): Promise<string> {
  return createOrganisation(db, org, new Date(), null);
}

/** A fresh client address, so that per-address rate limits of one test do not spill into the next. */
export function randomAddress(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

/** Signs in through the JSON API; returns the cookie header and CSRF token a client would keep. */
export async function signInApi(app: FastifyInstance, account: TestAccount, at = new Date()) {
  const totp = account.totpSecret ? currentTotp(account.totpSecret, at) : undefined;
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: randomAddress(),
    payload: { email: account.email, password: account.password, ...(totp ? { totp } : {}) },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { csrfToken: string };
  return { cookie: cookieHeader(res), csrfToken: body.csrfToken, response: res };
}

/**
 * A signed-in browser for a person without going through the sign-in form (for tests of
 * authorisation, not authentication): session cookie, bound CSRF secret and a form token.
 */
export async function sessionFor(app: FastifyInstance, db: Database, personId: string, role: Role) {
  const secret = randomBytes(18).toString('base64url');
  const { token } = await createSession(db, {
    personId,
    roleClass: strictestClass([role]),
    pending: false,
    csrfSecret: secret,
    userAgent: 'test',
    now: new Date(),
  });
  const cookie = `session=${token}; __csrf=${encodeURIComponent(app.signCookie(secret))}`;
  const res = await app.inject({ method: 'GET', url: '/api/v1/auth/csrf', headers: { cookie } });
  const csrfToken = res.statusCode === 200 ? (res.json() as { csrfToken: string }).csrfToken : undefined;
  if (!csrfToken) throw new Error('no CSRF token for the session');
  return { cookie, csrfToken, token };
}

/** A signed-in administrator of a fresh operator organisation (for pages that show more to administrators). */
export async function administratorSession(app: FastifyInstance, db: Database, slug: string) {
  await makeOrganisation(db, { slug, name: `Betrieb ${slug}`, kind: 'operator', jurisdictions: [] });
  const admin = await makeAccount(db, 'administrator', slug);
  return sessionFor(app, db, admin.personId, 'administrator');
}
