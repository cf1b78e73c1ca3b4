import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { findPerson, type PersonRow } from '../people/index.ts';
import { randomToken, sha256 } from './credentials.ts';
import type { IdentityDeps } from './deps.ts';
import { authToken } from './schema.ts';

export type TokenPurpose = 'verify-email' | 'password-reset' | 'unlock';

const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  'verify-email': 7 * 24 * 3_600_000,
  'password-reset': 30 * 60_000,
  unlock: 24 * 3_600_000,
};

const TOKEN_PATHS: Record<TokenPurpose, string> = {
  'verify-email': '/de/konto/email-bestaetigen',
  'password-reset': '/de/passwort-neu',
  unlock: '/de/konto-entsperren',
};

const TOKEN_SUBJECTS: Record<TokenPurpose, string> = {
  'verify-email': 'E-Mail-Adresse bestätigen / Confirm your email address',
  'password-reset': 'Passwort zurücksetzen / Reset your password',
  unlock: 'Konto entsperren / Unlock your account',
};

/** Issues a single-use, expiring token and mails the link; returns the token (tests, CLI). */
export async function sendTokenMail(
  deps: IdentityDeps,
  db: DbOrTx,
  p: PersonRow,
  purpose: TokenPurpose,
  now: Date,
  opts: { lifetimeMs?: number; subject?: string } = {},
): Promise<string> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + (opts.lifetimeMs ?? TOKEN_LIFETIME_MS[purpose]));
  const subject = opts.subject ?? TOKEN_SUBJECTS[purpose];
  await db
    .insert(authToken)
    .values({ tokenHash: sha256(token), personId: p.id, purpose, createdAt: now, expiresAt });
  const link = `${deps.baseUrl}${TOKEN_PATHS[purpose]}?token=${encodeURIComponent(token)}`;
  await deps.mailer.send(db, {
    to: p.email,
    subject,
    text: `${subject}\n\n${link}\n\nDer Link gilt einmal und bis ${expiresAt.toISOString()}.\nThe link works once and until then. Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht. / If you did not ask for this, ignore this message.`,
  });
  return token;
}

/** Marks a token used and returns its person; undefined when unknown, used, expired or for another purpose. */
export async function consumeToken(
  db: DbOrTx,
  token: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<PersonRow | undefined> {
  if (!token || token.length > 100) return undefined;
  const [row] = await db
    .update(authToken)
    .set({ usedAt: now })
    .where(
      and(
        eq(authToken.tokenHash, sha256(token)),
        eq(authToken.purpose, purpose),
        isNull(authToken.usedAt),
        gt(authToken.expiresAt, now),
      ),
    )
    .returning({ personId: authToken.personId });
  return row ? findPerson(db, row.personId) : undefined;
}
