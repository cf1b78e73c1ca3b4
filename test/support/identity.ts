import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/domain/access/roles.ts';
import {
  createOrganisation,
  createUser,
  type NewOrganisation,
} from '../../src/features/identity/accounts.ts';
import { currentTotp } from '../../src/features/identity/credentials.ts';
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

/** Signs in through the JSON API; returns the cookie header and CSRF token a client would keep. */
export async function signInApi(app: FastifyInstance, account: TestAccount, at = new Date()) {
  const totp = account.totpSecret ? currentTotp(account.totpSecret, at) : undefined;
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: account.email, password: account.password, ...(totp ? { totp } : {}) },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { csrfToken: string };
  return { cookie: cookieHeader(res), csrfToken: body.csrfToken, response: res };
}
