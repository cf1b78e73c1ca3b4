import { eq } from 'drizzle-orm';
import { checkPassword, type PasswordProblem } from '../../../domain/access/passwords.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { findPersonByEmail, person } from '../../people/index.ts';
import { commonPasswords, hashPassword } from '../credentials.ts';
import type { IdentityDeps } from '../deps.ts';
import { consumeToken, sendTokenMail } from '../mailed-tokens.ts';
import { signInThrottle } from '../schema.ts';
import { revokeAllSessions } from '../sessions/service.ts';
import { accountKey } from './service.ts';

/**
 * Mails a reset link when the account exists; a request for an address without an (enabled)
 * account is audited as a failure without a subject. The routes run this after answering (the
 * same answer for both), so its duration does not show in the answer.
 */
export async function requestPasswordReset(deps: IdentityDeps, email: string): Promise<void> {
  const now = deps.now();
  const found = await findPersonByEmail(deps.db, email);
  const p = found && !found.disabledAt ? found : undefined;
  await deps.db.transaction(async (tx) => {
    if (p) await sendTokenMail(deps, tx, p, 'password-reset', now);
    await appendAudit(
      tx,
      {
        actorPersonId: null,
        action: 'password-reset-request',
        objectType: 'account',
        subjectPersonId: p?.id ?? null,
        purpose: 'account recovery',
        result: p ? 'success' : 'failure',
      },
      now,
    );
  });
}

export type ResetResult =
  | { kind: 'ok' }
  | { kind: 'invalid-token' }
  | { kind: 'weak'; problem: PasswordProblem };

/** Sets a new password with a reset token: ends every session and lifts a lock. A weak password keeps the token. */
export async function resetPassword(
  deps: IdentityDeps,
  token: string,
  password: string,
): Promise<ResetResult> {
  const now = deps.now();
  const problem = checkPassword(password, commonPasswords());
  if (problem) return { kind: 'weak', problem };
  const passwordHash = await hashPassword(password);
  return deps.db.transaction(async (tx) => {
    const p = await consumeToken(tx, token, 'password-reset', now);
    if (!p) return { kind: 'invalid-token' as const };
    await tx.update(person).set({ passwordHash }).where(eq(person.id, p.id));
    await revokeAllSessions(tx, p.id, now);
    await tx.delete(signInThrottle).where(eq(signInThrottle.key, accountKey(p.email)));
    await appendAudit(
      tx,
      {
        actorPersonId: p.id,
        action: 'password-reset',
        objectType: 'account',
        subjectPersonId: p.id,
        purpose: 'account recovery',
        result: 'success',
      },
      now,
    );
    return { kind: 'ok' as const };
  });
}

/** Lifts the lock of an account with the link mailed to its owner. */
export async function unlockAccount(deps: IdentityDeps, token: string): Promise<boolean> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const p = await consumeToken(tx, token, 'unlock', now);
    if (!p) return false;
    await tx.delete(signInThrottle).where(eq(signInThrottle.key, accountKey(p.email)));
    await appendAudit(
      tx,
      {
        actorPersonId: p.id,
        action: 'unlock',
        objectType: 'account',
        subjectPersonId: p.id,
        purpose: 'account recovery',
        result: 'success',
      },
      now,
    );
    return true;
  });
}

export async function verifyEmail(deps: IdentityDeps, token: string): Promise<boolean> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const p = await consumeToken(tx, token, 'verify-email', now);
    if (!p) return false;
    await tx.update(person).set({ emailVerifiedAt: now }).where(eq(person.id, p.id));
    return true;
  });
}
