import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  accountThrottle,
  addressThrottle,
  checkPassword,
  delayAfter,
  shouldLock,
  THROTTLE,
} from './passwords.ts';
import { SESSION_TIMEOUTS, sessionState } from './sessions.ts';

const t0 = new Date('2026-01-01T08:00:00Z');
const after = (ms: number) => new Date(t0.getTime() + ms);

describe('session lifetimes', () => {
  const base = { createdAt: t0, lastSeenAt: t0, revokedAt: null, pendingSecondFactor: false } as const;

  it('ends an authority session after 15 idle minutes but an applicant session only after 30', () => {
    assert.equal(sessionState({ ...base, roleClass: 'authority' }, after(15 * 60_000)), 'idle-expired');
    assert.equal(sessionState({ ...base, roleClass: 'personal' }, after(15 * 60_000)), 'active');
    assert.equal(sessionState({ ...base, roleClass: 'personal' }, after(30 * 60_000)), 'idle-expired');
  });

  it('ends every session at its absolute limit however active it was', () => {
    for (const roleClass of ['personal', 'organisation', 'authority', 'administrator'] as const) {
      const limit = SESSION_TIMEOUTS[roleClass].absoluteMs;
      const s = { ...base, roleClass, lastSeenAt: after(limit - 1000) };
      assert.equal(sessionState(s, after(limit - 1)), 'active');
      assert.equal(sessionState(s, after(limit)), 'absolute-expired');
    }
  });

  it('treats a revoked session as ended', () => {
    assert.equal(sessionState({ ...base, roleClass: 'personal', revokedAt: t0 }, t0), 'revoked');
  });

  it('gives a session waiting for the second factor five minutes', () => {
    const s = { ...base, roleClass: 'authority', pendingSecondFactor: true } as const;
    assert.equal(sessionState(s, after(4 * 60_000)), 'active');
    assert.equal(sessionState(s, after(5 * 60_000)), 'absolute-expired');
  });
});

describe('passwords', () => {
  const common = new Set(['password', 'passwort123']);
  it('accepts long passphrases and refuses short or common ones, without composition rules', () => {
    assert.equal(checkPassword('correct horse battery staple', common), null);
    assert.equal(checkPassword('a'.repeat(64), common), null);
    assert.equal(checkPassword('kurz', common), 'too-short');
    assert.equal(checkPassword('Passwort123', common), 'common');
    assert.equal(checkPassword('x'.repeat(513), common), 'too-long');
    assert.equal(checkPassword('anna.schmidt', common, 'anna.schmidt@example.org'), 'contains-email');
  });
});

describe('sign-in throttling', () => {
  it('lets the first attempts through and then doubles the wait', () => {
    assert.equal(delayAfter(0), 0);
    assert.equal(delayAfter(THROTTLE.freeFailures - 1), 0);
    assert.equal(delayAfter(THROTTLE.freeFailures), 1000);
    assert.equal(delayAfter(THROTTLE.freeFailures + 3), 8000);
    assert.equal(delayAfter(1000), THROTTLE.maxDelayMs);
    const v = accountThrottle({ failures: 6, lastFailureAt: t0, locked: false }, after(500));
    assert.deepEqual(v, { allowed: false, reason: 'delay', retryAfterMs: 1500 });
    assert.deepEqual(accountThrottle({ failures: 6, lastFailureAt: t0, locked: false }, after(2000)), {
      allowed: true,
    });
  });

  it('locks an account before 100 consecutive failures', () => {
    assert.ok(THROTTLE.lockAfterFailures < 100);
    assert.equal(shouldLock(THROTTLE.lockAfterFailures - 1), false);
    assert.equal(shouldLock(THROTTLE.lockAfterFailures), true);
    assert.deepEqual(accountThrottle({ failures: 0, lastFailureAt: null, locked: true }, t0), {
      allowed: false,
      reason: 'locked',
    });
  });

  it('limits failures per source address within a window', () => {
    assert.equal(addressThrottle({ failures: 99, windowStart: t0 }, after(1000)).allowed, true);
    assert.equal(addressThrottle({ failures: 100, windowStart: t0 }, after(1000)).allowed, false);
    assert.equal(
      addressThrottle({ failures: 100, windowStart: t0 }, after(THROTTLE.addressWindowMs)).allowed,
      true,
    );
  });
});
