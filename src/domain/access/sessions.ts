import type { RoleClass } from './roles.ts';

/**
 * Session lifetimes per role class (ASVS 7.1.1, 7.3.1, 7.3.2). Authority and administrator
 * sessions end sooner. Documented in docs/identity.md.
 */
export interface SessionTimeouts {
  readonly idleMs: number;
  readonly absoluteMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const SESSION_TIMEOUTS: Readonly<Record<RoleClass, SessionTimeouts>> = {
  personal: { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR },
  organisation: { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR },
  authority: { idleMs: 15 * MINUTE, absoluteMs: 8 * HOUR },
  administrator: { idleMs: 15 * MINUTE, absoluteMs: 4 * HOUR },
};

/** A session waiting for its second factor lives only this long. */
export const PENDING_SECOND_FACTOR_MS = 5 * MINUTE;

export type SessionState = 'active' | 'idle-expired' | 'absolute-expired' | 'revoked';

export interface SessionTimes {
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly revokedAt: Date | null;
  readonly roleClass: RoleClass;
  readonly pendingSecondFactor: boolean;
}

export function sessionState(s: SessionTimes, now: Date): SessionState {
  if (s.revokedAt) return 'revoked';
  const t = now.getTime();
  if (s.pendingSecondFactor) {
    return t - s.createdAt.getTime() >= PENDING_SECOND_FACTOR_MS ? 'absolute-expired' : 'active';
  }
  const limits = SESSION_TIMEOUTS[s.roleClass];
  if (t - s.createdAt.getTime() >= limits.absoluteMs) return 'absolute-expired';
  if (t - s.lastSeenAt.getTime() >= limits.idleMs) return 'idle-expired';
  return 'active';
}
