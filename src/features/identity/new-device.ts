import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { composeMail, mailMoment } from '../../platform/mail/compose.ts';
import { localizedUrl } from '../../web/paths.ts';
import { findPerson } from '../people/index.ts';
import type { IdentityDeps } from './deps.ts';
import { IDENTITY_PATHS } from './paths.ts';
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
  await deps.mailer.send(
    tx,
    composeMail(p.email, 'identity.mail.new-device', (t) => ({
      browser: (ua ?? t.t('identity.mail.unknown-browser')).replace(/[\r\n\t]+/g, ' '),
      at: mailMoment(t, now),
      link: `${deps.baseUrl}${localizedUrl(IDENTITY_PATHS.sessions, t.locale)}`,
    })),
  );
  return true;
}
