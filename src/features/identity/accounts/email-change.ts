import { and, eq, gt, isNull } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
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
      await deps.mailer.send(tx, {
        to: newEmail,
        subject: 'Neue E-Mail-Adresse bei Chancenregion / New email address at Chancenregion',
        text: 'Jemand wollte diese Adresse für ein Konto bei Chancenregion eintragen; zu ihr gibt es schon ein Konto. Es wurde nichts geändert.\nSomeone tried to use this address for an account at Chancenregion; it already belongs to an account. Nothing was changed.',
      });
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
      const link = `${deps.baseUrl}${CONFIRM_PATHS[input.locale]}?token=${encodeURIComponent(token)}`;
      await deps.mailer.send(tx, {
        to: newEmail,
        subject: 'Neue E-Mail-Adresse bestätigen / Confirm your new email address',
        text: `Neue E-Mail-Adresse bestätigen / Confirm your new email address\n\n${link}\n\nDer Link gilt einmal und bis ${expiresAt.toISOString()}; geben Sie dort diese Adresse noch einmal ein.\nThe link works once and until then; enter this address there once more. Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht. / If you did not ask for this, ignore this message.`,
      });
    }
    await deps.mailer.send(tx, {
      to: p.email,
      subject: 'Änderung Ihrer E-Mail-Adresse / Change of your email address',
      text: 'Für Ihr Konto bei Chancenregion wurde eine neue E-Mail-Adresse angefordert. Waren Sie das nicht, ändern Sie bitte sofort Ihr Passwort.\nA new email address was requested for your account at Chancenregion. If this was not you, change your password at once.',
    });
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
    await deps.mailer.send(tx, {
      to: old,
      subject: 'Ihre E-Mail-Adresse wurde geändert / Your email address was changed',
      text: 'Die E-Mail-Adresse Ihres Kontos bei Chancenregion wurde geändert; Mails gehen künftig an die neue Adresse. Waren Sie das nicht, wenden Sie sich an den Betrieb der Plattform.\nThe email address of your account at Chancenregion was changed; mail goes to the new address from now on. If this was not you, contact the operators of the platform.',
    });
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
