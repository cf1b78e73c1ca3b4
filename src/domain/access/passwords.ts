/**
 * Password rules (ASVS 6.2.1–6.2.12, NIST SP 800-63B): at least 8 characters (15 recommended
 * in the hint), up to 512, no composition rules, not in the list of common passwords. The list
 * is passed in; the caller loads it once.
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 512;

export type PasswordProblem = 'too-short' | 'too-long' | 'common' | 'contains-email';

export function normaliseForList(password: string): string {
  return password.normalize('NFKC').toLowerCase();
}

export function checkPassword(
  password: string,
  common: ReadonlySet<string>,
  email?: string,
): PasswordProblem | null {
  const length = [...password.normalize('NFKC')].length;
  if (length < PASSWORD_MIN) return 'too-short';
  if (length > PASSWORD_MAX) return 'too-long';
  const lowered = normaliseForList(password);
  if (common.has(lowered)) return 'common';
  if (email) {
    const local = email.split('@')[0]?.toLowerCase() ?? '';
    if (local.length >= 4 && lowered === local) return 'contains-email';
  }
  return null;
}

/**
 * Throttling of sign-in attempts (ASVS 6.3.1, NIST ≤ 100 consecutive failures). After a few free
 * attempts each further failure doubles the wait; at the hard limit the account key is locked
 * until the owner follows the unlock link sent by mail (or resets the password).
 */
export const THROTTLE = {
  freeFailures: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  lockAfterFailures: 50,
  /** Failures per source address within the window before the address must wait. */
  addressMaxFailures: 100,
  addressWindowMs: 60 * 60_000,
} as const;

export interface ThrottleState {
  readonly failures: number;
  readonly lastFailureAt: Date | null;
  readonly locked: boolean;
}

export type ThrottleVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: 'locked' }
  | { readonly allowed: false; readonly reason: 'delay'; readonly retryAfterMs: number };

export function delayAfter(failures: number): number {
  if (failures < THROTTLE.freeFailures) return 0;
  const exp = failures - THROTTLE.freeFailures;
  return Math.min(THROTTLE.maxDelayMs, THROTTLE.baseDelayMs * 2 ** Math.min(exp, 30));
}

export function accountThrottle(state: ThrottleState, now: Date): ThrottleVerdict {
  if (state.locked) return { allowed: false, reason: 'locked' };
  if (!state.lastFailureAt) return { allowed: true };
  const wait = delayAfter(state.failures) - (now.getTime() - state.lastFailureAt.getTime());
  return wait > 0 ? { allowed: false, reason: 'delay', retryAfterMs: wait } : { allowed: true };
}

export function shouldLock(failuresAfterThisOne: number): boolean {
  return failuresAfterThisOne >= THROTTLE.lockAfterFailures;
}

export function addressThrottle(
  state: { failures: number; windowStart: Date | null },
  now: Date,
): ThrottleVerdict {
  if (!state.windowStart) return { allowed: true };
  const elapsed = now.getTime() - state.windowStart.getTime();
  if (elapsed >= THROTTLE.addressWindowMs) return { allowed: true };
  if (state.failures < THROTTLE.addressMaxFailures) return { allowed: true };
  return { allowed: false, reason: 'delay', retryAfterMs: THROTTLE.addressWindowMs - elapsed };
}
