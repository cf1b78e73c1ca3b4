/**
 * API tokens of organisations (issue 20): which scopes exist, which route policies each scope opens, in which
 * service role a token of an organisation acts, and the token format. Pure; the identity feature stores and
 * resolves tokens. A token never widens the policy: it acts as one membership of its organisation, and its scopes
 * only narrow which routes it may call.
 */
import type { Action, Resource } from './policy.ts';
import type { OrganisationKind, Role } from './roles.ts';

export const API_SCOPES = ['journeys:read', 'decisions:write', 'statistics:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: unknown): value is ApiScope {
  return typeof value === 'string' && (API_SCOPES as readonly string[]).includes(value);
}

/** The (action, resource) pairs of route policies each scope opens. */
export const SCOPE_PAIRS: Readonly<Record<ApiScope, readonly (readonly [Action, Resource])[]>> = {
  'journeys:read': [
    ['read', 'journey'],
    ['read', 'journey-step'],
    ['read', 'work-queue'],
    // The journey's § 81a application as XAusländer message 130401 (issue 20), for the office's case system.
    ['export', 'xauslaender-message'],
  ],
  'decisions:write': [
    ['update', 'journey'],
    ['update', 'journey-step'],
    // The office's XAusländer answers (prior approval, termination, request), taken as the same commands.
    ['create', 'xauslaender-message'],
  ],
  'statistics:read': [
    ['read', 'office-workload'],
    ['read', 'counselling-rollup'],
    ['read', 'staffing-plan'],
  ],
};

/** The scope a route policy needs from a token; undefined when no scope opens it (a token may never call it). */
export function scopeFor(action: Action, resource: Resource): ApiScope | undefined {
  return API_SCOPES.find((s) => SCOPE_PAIRS[s].some(([a, r]) => a === action && r === resource));
}

/**
 * Whether a token with these scopes may call a route with this policy: `ok`, the scope it lacks, or `never` for a
 * route no scope opens (the token's owner must use the web interface).
 */
export function tokenMayCall(
  scopes: readonly ApiScope[],
  policy: { public: string } | { action: Action; resource: Resource },
): { ok: true } | { ok: false; missing: ApiScope | null } {
  if ('public' in policy) return { ok: true };
  const needed = scopeFor(policy.action, policy.resource);
  if (needed === undefined) return { ok: false, missing: null };
  return scopes.includes(needed) ? { ok: true } : { ok: false, missing: needed };
}

/** The service role a token of an organisation of this kind acts in; organisations of other kinds get `null`. */
export const TOKEN_ROLE: Readonly<Partial<Record<OrganisationKind, Role>>> = {
  'foreigners-office': 'foreigners-office-caseworker',
  'central-foreigners-office': 'foreigners-office-caseworker',
  'recognition-authority': 'recognition-officer',
  mission: 'mission-officer',
  'employment-agency': 'employment-agency-officer',
  'state-ministry': 'ministry-officer',
};

export function tokenRoleFor(kind: OrganisationKind): Role | null {
  return TOKEN_ROLE[kind] ?? null;
}

/** The scopes an organisation of this kind may give its tokens: service authorities all three, others statistics. */
export function scopesFor(kind: OrganisationKind): readonly ApiScope[] {
  const role = tokenRoleFor(kind);
  if (role === null || role === 'ministry-officer') return ['statistics:read'];
  return API_SCOPES;
}

/** The longest a token may live. */
export const TOKEN_MAX_DAYS = 365;

export const TOKEN_PREFIX = 'crt_';
/** 32 random bytes in base64url are 43 characters. */
const TOKEN_SHAPE = /^crt_[A-Za-z0-9_-]{43}$/;

export function looksLikeToken(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

/** The bearer token of an `Authorization` header, or undefined when the header is not a bearer header. */
export function bearerOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return m?.[1];
}

export type ExpiryProblem = 'required' | 'past' | 'too-far';

/** Checks an expiry day (`YYYY-MM-DD`, the end of that day in UTC) against today; returns the instant or the rule. */
export function expiryOf(day: string, now: Date): { at: Date } | { problem: ExpiryProblem } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return { problem: 'required' };
  const at = new Date(`${day}T23:59:59.999Z`);
  if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== day) return { problem: 'required' };
  if (at.getTime() <= now.getTime()) return { problem: 'past' };
  if (at.getTime() - now.getTime() > (TOKEN_MAX_DAYS + 1) * 86_400_000) return { problem: 'too-far' };
  return { at };
}

/** Why a token is refused: the client only learns "invalid or expired". */
export function tokenState(
  row: { expiresAt: Date; revokedAt: Date | null } | undefined,
  now: Date,
): 'active' | 'revoked' | 'expired' | 'unknown' {
  if (!row) return 'unknown';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}
