import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { findPerson } from '../people/index.ts';
import type { IdentityDeps } from './deps.ts';
import { session } from './schema.ts';

/**
 * Tells the owner by mail about a sign-in from a browser (user agent) that none of their earlier
 * completed sign-ins used (ASVS 6.3.7 in part). The very first sign-in is not announced. Call
 * before the new session is created, in the same transaction.
 */
export async function noticeNewDevice(
  deps: IdentityDeps,
  tx: DbOrTx,
  personId: string,
  userAgent: string | undefined,
  now: Date,
): Promise<boolean> {
  const ua = userAgent?.slice(0, 200) ?? null;
  const earlier = await tx
    .selectDistinct({ userAgent: session.userAgent })
    .from(session)
    .where(and(eq(session.personId, personId), eq(session.pendingSecondFactor, false)));
  if (earlier.length === 0 || earlier.some((s) => s.userAgent === ua)) return false;
  const p = await findPerson(tx, personId);
  if (!p || p.disabledAt) return false;
  const browser = (ua ?? 'unbekannt / unknown').replace(/[\r\n\t]+/g, ' ');
  await deps.mailer.send(tx, {
    to: p.email,
    subject: 'Neue Anmeldung bei Chancenregion / New sign-in at Chancenregion',
    text: `Ihr Konto wurde von einem Browser aus angemeldet, den Sie bisher nicht benutzt haben.\nYour account was signed in from a browser it has not used before.\n\nBrowser: ${browser}\nZeit / time: ${now.toISOString()}\n\nWaren Sie das nicht, ändern Sie Ihr Passwort und beenden Sie alle Sitzungen: ${deps.baseUrl}/de/konto/sitzungen\nIf this was not you, change your password and sign out everywhere: ${deps.baseUrl}/en/account/sessions`,
  });
  return true;
}
