import { and, eq, gt, isNull } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { composeMail, mailMoment } from '../../../platform/mail/compose.ts';
import { findPerson, findPersonByEmail, normaliseEmail, person } from '../../people/index.ts';
import { randomToken, sha256, verifyPassword } from '../credentials.ts';
import type { IdentityDeps } from '../deps.ts';
import { authToken } from '../schema.ts';
import { revokeAllSessions } from '../sessions/service.ts';

/**
 * Change of one's mail address (ASVS 7.5.1: re-authentication with the current password first).
 * The new address is confirmed by a single-use link sent to it; the old address is told. The
 * token row stores sha256(token + "\n" + new address): the confirmation form asks for the new
 * address again, so the address is bound to the token without being stored or put into a URL.
 */
const LIFETIME_MS = 24 * 3_600_000;
const CONFIRM_PATHS: Record<Locale, string> = {
  de: '/de/konto/neue-email-bestaetigen',
  en: '/en/account/confirm-new-email',
};

const bound = (token: string, email: string) => sha256(`${token}\n${normaliseEmail(email)}`);

export type EmailChangeRequest = { kind: 'sent' } | { kind: 'wrong-password' } | { kind: 'same-address' };

/**
 * Asks for a change. The answer is the same whether or not the new address already has an
 * account (no enumeration): a taken address gets a notice instead of a link.
 */
export async function requestEmailChange(
  deps: IdentityDeps,
  personId: string,
  input: { newEmail: string; currentPassword: string; locale: Locale },
): Promise<EmailChangeRequest> {
  const now = deps.now();
  const p = await findPerson(deps.db, personId);
  if (!p || !(await verifyPassword(p.passwordHash, input.currentPassword))) return { kind: 'wrong-password' };
  const newEmail = normaliseEmail(input.newEmail);
  if (newEmail === p.email) return { kind: 'same-address' };
  await deps.db.transaction(async (tx) => {
    const taken = await findPersonByEmail(tx, newEmail);
    if (taken) {
      await deps.mailer.send(tx, composeMail(newEmail, 'identity.mail.address-taken'));
    } else {
      const token = randomToken();
      const expiresAt = new Date(now.getTime() + LIFETIME_MS);
      await tx.insert(authToken).values({
        tokenHash: bound(token, newEmail),
        personId: p.id,
        purpose: 'change-email',
        createdAt: now,
        expiresAt,
      });
      await deps.mailer.send(
        tx,
        composeMail(newEmail, 'identity.mail.confirm-new-address', (t) => ({
          link: `${deps.baseUrl}${CONFIRM_PATHS[t.locale]}?token=${encodeURIComponent(token)}`,
          expires: mailMoment(t, expiresAt),
        })),
      );
    }
    await deps.mailer.send(tx, composeMail(p.email, 'identity.mail.address-change-requested'));
    await appendAudit(
      tx,
      {
        actorPersonId: p.id,
        action: 'request-email-change',
        objectType: 'account',
        subjectPersonId: p.id,
        purpose: 'own account',
        result: 'success',
      },
      now,
    );
  });
  return { kind: 'sent' };
}

export type EmailChangeResult = { kind: 'changed' } | { kind: 'invalid' } | { kind: 'taken' };

/**
 * Confirms with the mailed token and the new address: the address changes and counts as
 * verified, every session ends, other mailed tokens (reset, unlock) lapse, the old address is told.
 */
export async function confirmEmailChange(
  deps: IdentityDeps,
  token: string,
  newEmail: string,
): Promise<EmailChangeResult> {
  if (!token || token.length > 100) return { kind: 'invalid' };
  const now = deps.now();
  const email = normaliseEmail(newEmail);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(authToken)
      .set({ usedAt: now })
      .where(
        and(
          eq(authToken.tokenHash, bound(token, email)),
          eq(authToken.purpose, 'change-email'),
          isNull(authToken.usedAt),
          gt(authToken.expiresAt, now),
        ),
      )
      .returning({ personId: authToken.personId });
    const p = row ? await findPerson(tx, row.personId) : undefined;
    if (!p || p.disabledAt) return { kind: 'invalid' as const };
    if (await findPersonByEmail(tx, email)) return { kind: 'taken' as const };
    const old = p.email;
    await tx.update(person).set({ email, emailVerifiedAt: now }).where(eq(person.id, p.id));
    await tx
      .update(authToken)
      .set({ usedAt: now })
      .where(and(eq(authToken.personId, p.id), isNull(authToken.usedAt)));
    await revokeAllSessions(tx, p.id, now);
    await deps.mailer.send(tx, composeMail(old, 'identity.mail.address-changed'));
    await appendAudit(
      tx,
      {
        actorPersonId: p.id,
        action: 'change-email',
        objectType: 'account',
        subjectPersonId: p.id,
        purpose: 'own account',
        result: 'success',
      },
      now,
    );
    return { kind: 'changed' as const };
  });
}
