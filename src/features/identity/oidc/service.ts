import { and, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isRole, requiresSecondFactor, strictestClass } from '../../../domain/access/roles.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Config } from '../../../platform/config.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { findPersonByEmail, membershipsOf, person, roleAssignment } from '../../people/index.ts';
import type { IdentityDeps } from '../deps.ts';
import { applyCsrfSecret, type CookieNames, newCsrfSecret, setSessionCookie } from '../http.ts';
import { noticeNewDevice } from '../new-device.ts';
import { federatedIdentity } from '../schema.ts';
import { createSession } from '../sessions/service.ts';

/**
 * OpenID Connect sign-in (authorisation code flow with PKCE, state and nonce; openid-client):
 * `citizen` for the federal citizen account (creates or links an applicant account), `authority`
 * for an authority's identity provider (links only to an existing account with an authority or
 * administrator role and the same verified email address).
 */
export type OidcProviderName = 'citizen' | 'authority';

export interface ProviderSettings {
  readonly name: OidcProviderName;
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export function oidcSettings(config: Config): ProviderSettings[] {
  const out: ProviderSettings[] = [];
  if (config.OIDC_CITIZEN_ISSUER && config.OIDC_CITIZEN_CLIENT_ID && config.OIDC_CITIZEN_CLIENT_SECRET) {
    out.push({
      name: 'citizen',
      issuer: config.OIDC_CITIZEN_ISSUER,
      clientId: config.OIDC_CITIZEN_CLIENT_ID,
      clientSecret: config.OIDC_CITIZEN_CLIENT_SECRET,
    });
  }
  if (
    config.OIDC_AUTHORITY_ISSUER &&
    config.OIDC_AUTHORITY_CLIENT_ID &&
    config.OIDC_AUTHORITY_CLIENT_SECRET
  ) {
    out.push({
      name: 'authority',
      issuer: config.OIDC_AUTHORITY_ISSUER,
      clientId: config.OIDC_AUTHORITY_CLIENT_ID,
      clientSecret: config.OIDC_AUTHORITY_CLIENT_SECRET,
    });
  }
  return out;
}

export type Claims = Record<string, unknown> & { iss: string; sub: string };

export async function refuse(
  deps: IdentityDeps,
  s: ProviderSettings,
  personId: string | null,
  why: string,
): Promise<never> {
  await appendAudit(
    deps.db,
    {
      actorPersonId: personId,
      action: 'sign-in',
      objectType: 'session',
      objectId: `oidc:${s.name}:${why}`,
      subjectPersonId: personId,
      purpose: 'authentication',
      result: 'failure',
    },
    deps.now(),
  );
  throw new AppError('unauthenticated', { detail: 'The identity provider did not confirm the sign-in.' });
}

export async function finish(
  deps: IdentityDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  names: CookieNames,
  s: ProviderSettings,
  claims: Claims,
) {
  const { db } = deps;
  const now = deps.now();
  const issuer = claims.iss;
  const subject = claims.sub;
  const email =
    typeof claims.email === 'string' && claims.email_verified === true ? claims.email.toLowerCase() : null;
  const [link] = await db
    .select()
    .from(federatedIdentity)
    .where(and(eq(federatedIdentity.issuer, issuer), eq(federatedIdentity.subject, subject)));
  let personId = link?.personId ?? null;
  if (!personId && s.name === 'authority') {
    // Authority accounts are never created by an IdP: link only to an existing authority account.
    const existing = email ? await findPersonByEmail(db, email) : undefined;
    const roles = existing ? (await membershipsOf(db, existing.id)).map((m) => m.role) : [];
    if (!existing || !requiresSecondFactor(roles)) return refuse(deps, s, existing?.id ?? null, 'no-account');
    personId = existing.id;
    await db
      .insert(federatedIdentity)
      .values({ personId, provider: s.name, issuer, subject, createdAt: now });
  }
  if (!personId && email) {
    // The citizen account may take over only a personal account with the same verified address.
    const byEmail = await findPersonByEmail(db, email);
    const roles = byEmail ? (await membershipsOf(db, byEmail.id)).map((m) => m.role) : [];
    if (byEmail && strictestClass(roles) !== 'personal') return refuse(deps, s, byEmail.id, 'not-personal');
  }
  if (!personId) {
    personId = await db.transaction(async (tx) => {
      const byEmail = email ? await findPersonByEmail(tx, email) : undefined;
      let id = byEmail?.id;
      if (!id) {
        const name = typeof claims.name === 'string' ? claims.name : (email ?? 'Applicant');
        const [row] = await tx
          .insert(person)
          .values({
            email: email ?? `${subject.replace(/[^a-z0-9]/gi, '').slice(0, 40)}@oidc.invalid`,
            displayName: name,
            emailVerifiedAt: email ? now : null,
            createdAt: now,
          })
          .returning({ id: person.id });
        id = row?.id ?? '';
        await tx.insert(roleAssignment).values({ personId: id, role: 'applicant', grantedAt: now });
      }
      await tx
        .insert(federatedIdentity)
        .values({ personId: id, provider: s.name, issuer, subject, createdAt: now });
      return id;
    });
  }
  const memberships = await membershipsOf(db, personId);
  const roles = memberships.map((m) => m.role).filter(isRole);
  const csrfSecret = newCsrfSecret();
  const { token } = await db.transaction(async (tx) => {
    if (personId) await noticeNewDevice(deps, tx, personId, req.headers['user-agent'], now);
    const created = await createSession(tx, {
      personId: personId ?? '',
      roleClass: strictestClass(roles),
      pending: false,
      csrfSecret,
      userAgent: req.headers['user-agent'],
      now,
    });
    await appendAudit(
      tx,
      {
        actorPersonId: personId,
        action: 'sign-in',
        objectType: 'session',
        objectId: `oidc:${s.name}`,
        subjectPersonId: personId,
        purpose: 'authentication',
        result: 'success',
      },
      now,
    );
    return created;
  });
  setSessionCookie(reply, names, token);
  applyCsrfSecret(req, reply, csrfSecret);
  return reply.redirect('/de/konto', 303);
}
