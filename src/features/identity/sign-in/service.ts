import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import {
  accountThrottle,
  addressThrottle,
  checkPassword,
  type PasswordProblem,
  shouldLock,
  THROTTLE,
} from '../../../domain/access/passwords.ts';
import { requiresSecondFactor, strictestClass } from '../../../domain/access/roles.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../../platform/db/client.ts';
import type { ErasureHook } from '../../../platform/erasure.ts';
import type { Mailer } from '../../../platform/mail/mailer.ts';
import { person } from '../../people/schema.ts';
import {
  findPerson,
  findPersonByEmail,
  membershipsOf,
  normaliseEmail,
  type PersonRow,
} from '../../people/service.ts';
import type { AfterAnswer } from '../after-answer.ts';
import {
  checkTotp,
  commonPasswords,
  hashPassword,
  normaliseRecoveryCode,
  randomToken,
  sha256,
  verifyPassword,
} from '../credentials.ts';
import { noticeNewDevice } from '../new-device.ts';
import { authToken, recoveryCode, signInThrottle } from '../schema.ts';
import { createSession, revokeAllSessions, revokeSession } from '../sessions/service.ts';

export interface IdentityDeps {
  readonly db: Database;
  readonly mailer: Mailer;
  readonly now: () => Date;
  /** Absolute base URL for links in mails, e.g. http://localhost:3000 */
  readonly baseUrl: string;
  /** What other features erase with a person (their documents …); see src/platform/erasure.ts. */
  readonly erasureHooks?: readonly ErasureHook[];
  /** Work done after the answer (reset requests, registrations); without it, the work is done at once. */
  readonly afterAnswer?: AfterAnswer;
}

export type SignInResult =
  | { kind: 'signed-in'; token: string; personId: string }
  | { kind: 'second-factor'; token: string; personId: string; enrol: boolean }
  | { kind: 'invalid' }
  | { kind: 'second-factor-invalid' }
  | { kind: 'throttled'; retryAfterMs: number }
  | { kind: 'locked' };

export interface SignInInput {
  email: string;
  password: string;
  /** TOTP code or recovery code given with the password (API); the web asks on a second page. */
  secondFactor?: string | undefined;
  /** `api`: a missing second factor is a refusal; `web`: a pending session is created. */
  mode: 'api' | 'web';
  address: string;
  userAgent?: string | undefined;
  /** The CSRF secret issued with the new session (binds form tokens to it). */
  csrfSecret: string | null;
  /** The session the browser came with, ended at sign-in (no fixation). */
  previousToken?: string | undefined;
}

const accountKey = (email: string) => `account:${sha256(normaliseEmail(email))}`;
const addressKey = (address: string) => `address:${sha256(address)}`;

async function throttleRow(db: DbOrTx, key: string) {
  const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).limit(1);
  return row;
}

/** Email + password (+ second factor) sign-in with throttling per account and per address. */
export async function signIn(deps: IdentityDeps, input: SignInInput): Promise<SignInResult> {
  const { db } = deps;
  const now = deps.now();
  const aKey = accountKey(input.email);
  const ipKey = addressKey(input.address);
  const [acc, ip] = await Promise.all([throttleRow(db, aKey), throttleRow(db, ipKey)]);
  const ipVerdict = addressThrottle(
    { failures: ip?.failures ?? 0, windowStart: ip?.windowStart ?? null },
    now,
  );
  if (!ipVerdict.allowed)
    return { kind: 'throttled', retryAfterMs: ipVerdict.reason === 'delay' ? ipVerdict.retryAfterMs : 0 };
  const accVerdict = accountThrottle(
    { failures: acc?.failures ?? 0, lastFailureAt: acc?.lastFailureAt ?? null, locked: acc?.locked ?? false },
    now,
  );
  if (!accVerdict.allowed) {
    return accVerdict.reason === 'locked'
      ? { kind: 'locked' }
      : { kind: 'throttled', retryAfterMs: accVerdict.retryAfterMs };
  }

  const found = await findPersonByEmail(db, input.email);
  const passwordOk = await verifyPassword(found?.passwordHash ?? null, input.password);
  if (!found || !passwordOk || found.disabledAt) {
    await recordFailure(deps, { aKey, ipKey, person: found, now, reason: 'password' });
    return { kind: 'invalid' };
  }

  const memberships = await membershipsOf(db, found.id);
  const roles = memberships.map((m) => m.role);
  const needsSecond = requiresSecondFactor(roles) || found.totpEnabledAt !== null;
  const enrolled = found.totpEnabledAt !== null && found.totpSecret !== null;
  const roleClass = strictestClass(roles);

  if (needsSecond && input.mode === 'api') {
    if (!enrolled || !input.secondFactor || !(await acceptSecondFactor(db, found, input.secondFactor, now))) {
      await recordFailure(deps, { aKey, ipKey, person: found, now, reason: 'second-factor' });
      return { kind: 'second-factor-invalid' };
    }
  }
  const pending = needsSecond && input.mode === 'web';
  return db.transaction(async (tx) => {
    await tx.delete(signInThrottle).where(eq(signInThrottle.key, aKey));
    if (input.previousToken) await revokeSession(tx, sha256(input.previousToken), now);
    if (!pending) await noticeNewDevice(deps, tx, found.id, input.userAgent, now);
    const { token } = await createSession(tx, {
      personId: found.id,
      roleClass,
      pending,
      csrfSecret: input.csrfSecret,
      userAgent: input.userAgent,
      now,
    });
    await appendAudit(
      tx,
      {
        actorPersonId: found.id,
        action: pending ? 'sign-in-password' : 'sign-in',
        objectType: 'session',
        subjectPersonId: found.id,
        purpose: 'authentication',
        result: 'success',
      },
      now,
    );
    return pending
      ? { kind: 'second-factor' as const, token, personId: found.id, enrol: !enrolled }
      : { kind: 'signed-in' as const, token, personId: found.id };
  });
}

async function recordFailure(
  deps: IdentityDeps,
  f: { aKey: string; ipKey: string; person: PersonRow | undefined; now: Date; reason: string },
): Promise<void> {
  const { now } = f;
  await deps.db.transaction(async (tx) => {
    const [acc] = await tx
      .insert(signInThrottle)
      .values({ key: f.aKey, failures: 1, windowStart: now, lastFailureAt: now })
      .onConflictDoUpdate({
        target: signInThrottle.key,
        set: { failures: sql`${signInThrottle.failures} + 1`, lastFailureAt: now },
      })
      .returning();
    const windowExpired = sql`${signInThrottle.windowStart} is null or ${signInThrottle.windowStart} <= ${new Date(now.getTime() - THROTTLE.addressWindowMs)}`;
    await tx
      .insert(signInThrottle)
      .values({ key: f.ipKey, failures: 1, windowStart: now, lastFailureAt: now })
      .onConflictDoUpdate({
        target: signInThrottle.key,
        set: {
          failures: sql`case when ${windowExpired} then 1 else ${signInThrottle.failures} + 1 end`,
          windowStart: sql`case when ${windowExpired} then ${now} else ${signInThrottle.windowStart} end`,
          lastFailureAt: now,
        },
      });
    const lockNow = acc && !acc.locked && shouldLock(acc.failures);
    if (lockNow) await tx.update(signInThrottle).set({ locked: true }).where(eq(signInThrottle.key, f.aKey));
    await appendAudit(
      tx,
      {
        actorPersonId: f.person?.id ?? null,
        action: lockNow ? 'sign-in-locked' : 'sign-in',
        objectType: 'session',
        objectId: f.reason,
        subjectPersonId: f.person?.id ?? null,
        purpose: 'authentication',
        result: 'failure',
      },
      now,
    );
    // Only the owner of the mailbox can unlock: the link goes to the account's address.
    if (lockNow && f.person) await sendTokenMail(deps, tx, f.person, 'unlock', now);
  });
}

/** Accepts a TOTP code (each time step once) or an unused recovery code. */
export async function acceptSecondFactor(
  db: DbOrTx,
  p: PersonRow,
  code: string,
  now: Date,
): Promise<boolean> {
  if (!p.totpSecret) return false;
  const step = checkTotp(p.totpSecret, code, now);
  if (step !== null) {
    const updated = await db
      .update(person)
      .set({ totpLastStep: step })
      .where(and(eq(person.id, p.id), sql`coalesce(${person.totpLastStep}, -1) < ${step}`))
      .returning({ id: person.id });
    return updated.length === 1;
  }
  const normalised = normaliseRecoveryCode(code);
  if (normalised.length !== 10) return false;
  const used = await db
    .update(recoveryCode)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCode.personId, p.id),
        eq(recoveryCode.codeHash, sha256(normalised)),
        isNull(recoveryCode.usedAt),
      ),
    )
    .returning({ id: recoveryCode.id });
  return used.length === 1;
}

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
