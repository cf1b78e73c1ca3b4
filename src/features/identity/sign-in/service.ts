import { and, eq, isNull, sql } from 'drizzle-orm';
import { accountThrottle, addressThrottle, shouldLock, THROTTLE } from '../../../domain/access/passwords.ts';
import { requiresSecondFactor, strictestClass } from '../../../domain/access/roles.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { DbOrTx } from '../../../platform/db/client.ts';
import {
  findPersonByEmail,
  membershipsOf,
  normaliseEmail,
  type PersonRow,
  person,
} from '../../people/index.ts';
import { checkTotp, normaliseRecoveryCode, sha256, verifyPassword } from '../credentials.ts';
import type { IdentityDeps } from '../deps.ts';
import { sendTokenMail } from '../mailed-tokens.ts';
import { noticeNewDevice } from '../new-device.ts';
import { recoveryCode, signInThrottle } from '../schema.ts';
import { createSession, revokeSession } from '../sessions/service.ts';

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

export const accountKey = (email: string) => `account:${sha256(normaliseEmail(email))}`;

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
