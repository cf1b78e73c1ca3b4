import { randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import {
  type ApiScope,
  isApiScope,
  TOKEN_PREFIX,
  tokenRoleFor,
  tokenState,
} from '../../../domain/access/api-tokens.ts';
import type { Actor, Membership } from '../../../domain/access/policy.ts';
import { isOrganisationKind } from '../../../domain/access/roles.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../../platform/db/client.ts';
import {
  findOrganisation,
  jurisdictionOf,
  type OrganisationRow,
  organisation,
  organisationJurisdiction,
} from '../../people/index.ts';
import { sha256 } from '../credentials.ts';
import { authorizeOrganisation } from '../http.ts';
import { apiToken } from '../schema.ts';

export type ApiTokenRow = typeof apiToken.$inferSelect;

/** Writes of last_used_at: at most one per minute per token. */
const TOUCH_EVERY_MS = 60_000;

export function scopesOf(row: Pick<ApiTokenRow, 'scopes'>): ApiScope[] {
  return row.scopes.split(' ').filter(isApiScope);
}

/** A fresh token: `crt_` and 32 random bytes in base64url. */
export function newApiToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export interface NewApiToken {
  readonly name: string;
  readonly scopes: readonly ApiScope[];
  readonly expiresAt: Date;
}

/**
 * Creates a token for an organisation the actor administers, audited in the same transaction. Returns the secret
 * (to be shown once) and the stored row, or undefined when the organisation is outside the actor's reach.
 */
export async function createApiToken(
  db: Database,
  actor: Actor,
  organisationId: string,
  input: NewApiToken,
  now: Date,
): Promise<{ secret: string; row: ApiTokenRow } | undefined> {
  return db.transaction(async (tx) => {
    const id = randomUUID();
    const d = await authorizeOrganisation(
      tx,
      now,
      actor,
      'create',
      'api-token',
      organisationId,
      `create API token ${id}`,
    );
    if (!d.allow) return undefined;
    const secret = newApiToken();
    const [row] = await tx
      .insert(apiToken)
      .values({
        id,
        organisationId,
        name: input.name,
        tokenHash: sha256(secret),
        displayPrefix: secret.slice(0, TOKEN_PREFIX.length + 6),
        scopes: input.scopes.join(' '),
        createdBy: actor.personId,
        createdAt: now,
        expiresAt: input.expiresAt,
      })
      .returning();
    return row ? { secret, row } : undefined;
  });
}

/** The organisation and its tokens, newest first, for an actor who administers it (audited); undefined outside reach. */
export async function listApiTokens(
  db: Database,
  actor: Actor,
  organisationId: string,
  now: Date,
): Promise<{ organisation: OrganisationRow; tokens: ApiTokenRow[] } | undefined> {
  return db.transaction(async (tx) => {
    const d = await authorizeOrganisation(
      tx,
      now,
      actor,
      'read',
      'api-token',
      organisationId,
      'API token administration',
    );
    if (!d.allow) return undefined;
    const org = await findOrganisation(tx, organisationId);
    if (!org) return undefined;
    const tokens = await tx
      .select()
      .from(apiToken)
      .where(eq(apiToken.organisationId, organisationId))
      .orderBy(desc(apiToken.createdAt));
    return { organisation: org, tokens };
  });
}

/** One token of the organisation, for the confirmation page (the caller has listed them with `listApiTokens`). */
export async function findApiToken(
  db: DbOrTx,
  organisationId: string,
  tokenId: string,
): Promise<ApiTokenRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(tokenId)) return undefined;
  const [row] = await db
    .select()
    .from(apiToken)
    .where(and(eq(apiToken.id, tokenId), eq(apiToken.organisationId, organisationId)))
    .limit(1);
  return row;
}

/** Revokes a token of an organisation the actor administers, audited; false when there is no such active token. */
export async function revokeApiToken(
  db: Database,
  actor: Actor,
  organisationId: string,
  tokenId: string,
  now: Date,
): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(tokenId)) return false;
  return db.transaction(async (tx) => {
    const d = await authorizeOrganisation(
      tx,
      now,
      actor,
      'revoke',
      'api-token',
      organisationId,
      `revoke API token ${tokenId}`,
    );
    if (!d.allow) return false;
    const done = await tx
      .update(apiToken)
      .set({ revokedAt: now, revokedBy: actor.personId })
      .where(
        and(
          eq(apiToken.id, tokenId),
          eq(apiToken.organisationId, organisationId),
          isNull(apiToken.revokedAt),
        ),
      )
      .returning({ id: apiToken.id });
    return done.length > 0;
  });
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
