import { eq } from 'drizzle-orm';
import { type ApiScope, isApiScope, tokenRoleFor, tokenState } from '../../../domain/access/api-tokens.ts';
import type { Actor, Membership } from '../../../domain/access/policy.ts';
import { isOrganisationKind } from '../../../domain/access/roles.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { jurisdictionOf, organisation, organisationJurisdiction } from '../../people/index.ts';
import { sha256 } from '../credentials.ts';
import { apiToken } from '../schema.ts';

// Resolving a bearer token on every API request that carries one (kept apart from the administration in
// service.ts, which needs the object-level checks of http.ts, which in turn calls this).

export type ApiTokenRow = typeof apiToken.$inferSelect;

/** Writes of last_used_at: at most one per minute per token. */
const TOUCH_EVERY_MS = 60_000;

export function scopesOf(row: Pick<ApiTokenRow, 'scopes'>): ApiScope[] {
  return row.scopes.split(' ').filter(isApiScope);
}

export type ResolvedToken =
  | { kind: 'active'; row: ApiTokenRow; actor: Actor; scopes: ApiScope[] }
  | { kind: 'invalid'; reason: 'unknown' | 'revoked' | 'expired' };

/**
 * Resolves a bearer token to the machine actor of its organisation: one membership in the organisation's service
 * role with the organisation's jurisdictions (none for kinds without one). The actor's id is the token's id, so
 * that no person's `own` relation ever applies and audit entries name the token.
 */
export async function resolveApiToken(db: DbOrTx, secret: string, now: Date): Promise<ResolvedToken> {
  const [found] = await db
    .select({ row: apiToken, kind: organisation.kind })
    .from(apiToken)
    .innerJoin(organisation, eq(organisation.id, apiToken.organisationId))
    .where(eq(apiToken.tokenHash, sha256(secret)))
    .limit(1);
  const state = tokenState(found?.row, now);
  if (!found || state !== 'active')
    return { kind: 'invalid', reason: state === 'active' ? 'unknown' : state };
  const { row } = found;
  const role = isOrganisationKind(found.kind) ? tokenRoleFor(found.kind) : null;
  const memberships: Membership[] = [];
  if (role) {
    const rows = await db
      .select()
      .from(organisationJurisdiction)
      .where(eq(organisationJurisdiction.organisationId, row.organisationId));
    memberships.push({ role, organisationId: row.organisationId, jurisdictions: rows.map(jurisdictionOf) });
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
    await db.update(apiToken).set({ lastUsedAt: now }).where(eq(apiToken.id, row.id));
  }
  return { kind: 'active', row, actor: { personId: row.id, memberships }, scopes: scopesOf(row) };
}

/** Appends the audit entry of a token request refused for its scopes. */
export async function auditScopeDenial(
  db: DbOrTx,
  resolved: Extract<ResolvedToken, { kind: 'active' }>,
  policy: { action: string; resource: string },
  route: string,
  now: Date,
): Promise<void> {
  const m = resolved.actor.memberships[0];
  await appendAudit(
    db,
    {
      actorPersonId: resolved.row.id,
      actorRole: m?.role ?? null,
      actorOrganisationId: resolved.row.organisationId,
      action: policy.action,
      objectType: policy.resource,
      objectId: route.slice(0, 64),
      purpose: 'API token scope check',
      result: 'denied',
    },
    now,
  );
}
