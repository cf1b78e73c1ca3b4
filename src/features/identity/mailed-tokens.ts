import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Translator } from '../../platform/i18n/index.ts';
import { composeMail, mailMoment } from '../../platform/mail/compose.ts';
import { type LocalizedPath, localizedUrl } from '../../web/paths.ts';
import { findPerson, type PersonRow } from '../people/index.ts';
import { randomToken, sha256 } from './credentials.ts';
import type { IdentityDeps } from './deps.ts';
import { IDENTITY_PATHS } from './paths.ts';
import { authToken } from './schema.ts';

export type TokenPurpose = 'verify-email' | 'password-reset' | 'unlock';

const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  'verify-email': 7 * 24 * 3_600_000,
  'password-reset': 30 * 60_000,
  unlock: 24 * 3_600_000,
};

const TOKEN_PATHS: Record<TokenPurpose, LocalizedPath> = {
  'verify-email': IDENTITY_PATHS.verifyEmail,
  'password-reset': IDENTITY_PATHS.newPassword,
  unlock: IDENTITY_PATHS.unlock,
};

/** Issues a single-use, expiring token and mails the link; returns the token (tests, CLI). */
export async function sendTokenMail(
  deps: IdentityDeps,
  db: DbOrTx,
  p: PersonRow,
  purpose: TokenPurpose,
  now: Date,
  opts: { lifetimeMs?: number; invitation?: (t: Translator) => string } = {},
): Promise<string> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + (opts.lifetimeMs ?? TOKEN_LIFETIME_MS[purpose]));
  await db
    .insert(authToken)
    .values({ tokenHash: sha256(token), personId: p.id, purpose, createdAt: now, expiresAt });
  const { invitation } = opts;
  await deps.mailer.send(
    db,
    composeMail(p.email, invitation ? 'identity.mail.invitation' : `identity.mail.${purpose}`, (t) => ({
      link: `${deps.baseUrl}${localizedUrl(TOKEN_PATHS[purpose], t.locale)}?token=${encodeURIComponent(token)}`,
      expires: mailMoment(t, expiresAt),
      who: invitation?.(t) ?? '',
    })),
  );
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
