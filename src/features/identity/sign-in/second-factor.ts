import { eq } from 'drizzle-orm';
import { strictestClass } from '../../../domain/access/roles.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { findPerson, membershipsOf, person } from '../../people/index.ts';
import { newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, sha256 } from '../credentials.ts';
import type { IdentityDeps } from '../deps.ts';
import { noticeNewDevice } from '../new-device.ts';
import { recoveryCode, session } from '../schema.ts';
import { createSession } from '../sessions/service.ts';
import { acceptSecondFactor } from './service.ts';

/** Starts TOTP enrolment: stores an unconfirmed secret and returns it. */
export async function startTotpEnrolment(db: DbOrTx, personId: string): Promise<string> {
  const p = await findPerson(db, personId);
  if (p?.totpSecret && !p.totpEnabledAt) return p.totpSecret;
  const secret = newTotpSecret();
  await db
    .update(person)
    .set({ totpSecret: secret, totpEnabledAt: null, totpLastStep: null })
    .where(eq(person.id, personId));
  return secret;
}

/** Confirms enrolment with a first code; returns fresh recovery codes (shown once). */
export async function confirmTotpEnrolment(
  db: DbOrTx,
  personId: string,
  code: string,
  now: Date,
): Promise<string[] | null> {
  const p = await findPerson(db, personId);
  if (!p?.totpSecret || p.totpEnabledAt) return null;
  if (!(await acceptSecondFactor(db, p, code, now))) return null;
  await db.update(person).set({ totpEnabledAt: now }).where(eq(person.id, personId));
  return replaceRecoveryCodes(db, personId);
}

export async function replaceRecoveryCodes(db: DbOrTx, personId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await db.delete(recoveryCode).where(eq(recoveryCode.personId, personId));
  for (const c of codes)
    await db.insert(recoveryCode).values({ personId, codeHash: sha256(normaliseRecoveryCode(c)) });
  return codes;
}

/**
 * Completes a sign-in that waits for its second factor: the pending session ends and a new one
 * (new id) begins. Returns the new token, or null when the code is wrong.
 */
export async function completeSecondFactor(
  deps: IdentityDeps,
  pending: typeof session.$inferSelect,
  code: string,
  csrfSecret: string,
  userAgent: string | undefined,
): Promise<{ token: string; recoveryCodes: string[] | null } | null> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const p = await findPerson(tx, pending.personId);
    if (!p) return null;
    let recoveryCodes: string[] | null = null;
    if (p.totpEnabledAt) {
      if (!(await acceptSecondFactor(tx, p, code, now))) {
        await appendAudit(
          tx,
          {
            actorPersonId: p.id,
            action: 'sign-in-second-factor',
            objectType: 'session',
            subjectPersonId: p.id,
            purpose: 'authentication',
            result: 'failure',
          },
          now,
        );
        return null;
      }
    } else {
      recoveryCodes = await confirmTotpEnrolment(tx, p.id, code, now);
      if (!recoveryCodes) return null;
    }
    await tx.update(session).set({ revokedAt: now }).where(eq(session.idHash, pending.idHash));
    const roles = (await membershipsOf(tx, p.id)).map((m) => m.role);
    await noticeNewDevice(deps, tx, p.id, userAgent, now);
    const { token } = await createSession(tx, {
      personId: p.id,
      roleClass: strictestClass(roles),
      pending: false,
      csrfSecret,
      userAgent,
      now,
    });
    await appendAudit(
      tx,
      {
        actorPersonId: p.id,
        action: 'sign-in',
        objectType: 'session',
        subjectPersonId: p.id,
        purpose: 'authentication',
        result: 'success',
      },
      now,
    );
    return { token, recoveryCodes };
  });
}
