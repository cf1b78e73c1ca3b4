import { randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { type ApiScope, TOKEN_PREFIX } from '../../../domain/access/api-tokens.ts';
import type { Actor } from '../../../domain/access/policy.ts';
import type { Database, DbOrTx } from '../../../platform/db/client.ts';
import { findOrganisation, type OrganisationRow } from '../../people/index.ts';
import { sha256 } from '../credentials.ts';
import { authorizeOrganisation } from '../http.ts';
import { apiToken } from '../schema.ts';
import type { ApiTokenRow } from './resolve.ts';

export type { ApiTokenRow } from './resolve.ts';

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
