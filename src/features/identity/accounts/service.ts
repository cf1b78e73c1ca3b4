import { and, eq, isNull } from 'drizzle-orm';
import { checkPassword, type PasswordProblem } from '../../../domain/access/passwords.ts';
import type { Actor } from '../../../domain/access/policy.ts';
import { type OrganisationKind, ROLE_ORGANISATION_KINDS, type Role } from '../../../domain/access/roles.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../../platform/db/client.ts';
import {
  findOrganisationBySlug,
  findPerson,
  findPersonByEmail,
  normaliseEmail,
  organisation,
  organisationJurisdiction,
  person,
  roleAssignment,
} from '../../people/index.ts';
import type { RegistryBodyRef } from '../../registry/index.ts';
import { linkRegistryBodies } from '../admin/registry-bodies.ts';
import { commonPasswords, hashPassword, newTotpSecret, verifyPassword } from '../credentials.ts';
import type { IdentityDeps } from '../deps.ts';
import { authorizePersonal } from '../http.ts';
import type { session } from '../schema.ts';
import { createSession, revokeAllSessions } from '../sessions/service.ts';
import { accountView } from './data.ts';

export class AccountError extends Error {
  readonly reason:
    | PasswordProblem
    | 'email-taken'
    | 'unknown-organisation'
    | 'role-needs-organisation'
    | 'wrong-organisation-kind';
  constructor(reason: AccountError['reason']) {
    super(reason);
    this.name = 'AccountError';
    this.reason = reason;
  }
}

export interface NewUser {
  email: string;
  displayName?: string | undefined;
  password: string;
  role: Role;
  organisationSlug?: string | undefined;
  /** Accounts made by an administrator or the CLI count as verified. */
  verified?: boolean;
  /** Set up TOTP right away (CLI, demo); the secret is returned once. */
  withTotp?: boolean;
}

export async function createUser(
  db: DbOrTx,
  input: NewUser,
  now: Date,
  actorPersonId: string | null = null,
): Promise<{ personId: string; totpSecret: string | null }> {
  const email = normaliseEmail(input.email);
  const problem = checkPassword(input.password, commonPasswords(), email);
  if (problem) throw new AccountError(problem);
  if (await findPersonByEmail(db, email)) throw new AccountError('email-taken');
  const orgId = await organisationForRole(db, input.role, input.organisationSlug);
  const totpSecret = input.withTotp ? newTotpSecret() : null;
  const [row] = await db
    .insert(person)
    .values({
      email,
      displayName: input.displayName ?? email.split('@')[0] ?? email,
      passwordHash: await hashPassword(input.password),
      emailVerifiedAt: input.verified ? now : null,
      totpSecret,
      totpEnabledAt: totpSecret ? now : null,
      createdAt: now,
    })
    // Another account with this address made in the meantime: the same refusal as above, not a 500.
    .onConflictDoNothing({ target: person.email })
    .returning({ id: person.id });
  if (!row) throw new AccountError('email-taken');
  const personId = row.id;
  await db
    .insert(roleAssignment)
    .values({ personId, role: input.role, organisationId: orgId, grantedAt: now, grantedBy: actorPersonId });
  await appendAudit(
    db,
    {
      actorPersonId,
      action: 'create',
      objectType: 'account',
      objectId: personId,
      subjectPersonId: personId,
      purpose: 'account administration',
      result: 'success',
    },
    now,
  );
  return { personId, totpSecret };
}

async function organisationForRole(db: DbOrTx, role: Role, slug: string | undefined): Promise<string | null> {
  const kinds = ROLE_ORGANISATION_KINDS[role];
  if (kinds.length === 0) return null;
  if (!slug) throw new AccountError('role-needs-organisation');
  const org = await findOrganisationBySlug(db, slug);
  if (!org) throw new AccountError('unknown-organisation');
  if (!kinds.includes(org.kind)) throw new AccountError('wrong-organisation-kind');
  return org.id;
}

/** Grants a role; the person's sessions end (privilege change → new session id, ASVS 7.2.4). */
export async function grantRole(
  db: DbOrTx,
  personId: string,
  role: Role,
  organisationSlug: string | undefined,
  now: Date,
  actorPersonId: string | null,
): Promise<void> {
  const orgId = await organisationForRole(db, role, organisationSlug);
  await db
    .insert(roleAssignment)
    .values({ personId, role, organisationId: orgId, grantedAt: now, grantedBy: actorPersonId });
  await revokeAllSessions(db, personId, now);
  await appendAudit(
    db,
    {
      actorPersonId,
      action: 'grant-role',
      objectType: 'role-assignment',
      objectId: role,
      subjectPersonId: personId,
      purpose: 'account administration',
      result: 'success',
    },
    now,
  );
}

/** Revokes a role (in one organisation, if given); effective on the person's next request (roles are read per request). */
export async function revokeRole(
  db: DbOrTx,
  personId: string,
  role: Role,
  now: Date,
  actorPersonId: string | null,
  organisationId?: string,
): Promise<number> {
  const rows = await db
    .update(roleAssignment)
    .set({ revokedAt: now })
    .where(
      and(
        eq(roleAssignment.personId, personId),
        eq(roleAssignment.role, role),
        isNull(roleAssignment.revokedAt),
        organisationId ? eq(roleAssignment.organisationId, organisationId) : undefined,
      ),
    )
    .returning({ id: roleAssignment.id });
  if (rows.length === 0) return 0;
  await revokeAllSessions(db, personId, now);
  await appendAudit(
    db,
    {
      actorPersonId,
      action: 'revoke-role',
      objectType: 'role-assignment',
      objectId: role,
      subjectPersonId: personId,
      purpose: 'account administration',
      result: 'success',
    },
    now,
  );
  return rows.length;
}

export interface NewOrganisation {
  slug: string;
  name: string;
  kind: OrganisationKind;
  seat?: { stateCode?: string; districtAgs?: string; countryCode?: string };
  jurisdictions: ReadonlyArray<
    | { scope: 'nationwide' }
    | { scope: 'state'; stateCode: string }
    | { scope: 'district'; ags: string }
    | { scope: 'country'; countryCode: string }
  >;
  /** For a recognition authority: the registry bodies it is (the journey gives it their recognition steps). */
  registryBodies?: readonly RegistryBodyRef[];
}

/** Creates an organisation; its jurisdictions reference the state and district tables (or ISO country codes). */
export async function createOrganisation(
  db: DbOrTx,
  input: NewOrganisation,
  now: Date,
  actorPersonId: string | null,
) {
  const [row] = await db
    .insert(organisation)
    .values({
      slug: input.slug,
      name: input.name,
      kind: input.kind,
      seatStateCode: input.seat?.stateCode ?? null,
      seatDistrictAgs: input.seat?.districtAgs ?? null,
      seatCountryCode: input.seat?.countryCode ?? null,
      createdAt: now,
    })
    .returning({ id: organisation.id });
  const id = row?.id ?? '';
  for (const j of input.jurisdictions) {
    await db.insert(organisationJurisdiction).values({
      organisationId: id,
      scope: j.scope,
      stateCode: j.scope === 'state' ? j.stateCode : null,
      districtAgs: j.scope === 'district' ? j.ags : null,
      countryCode: j.scope === 'country' ? j.countryCode : null,
    });
  }
  await linkRegistryBodies(db, id, input.registryBodies ?? []);
  await appendAudit(
    db,
    {
      actorPersonId,
      action: 'create',
      objectType: 'organisation',
      objectId: id,
      purpose: 'organisation administration',
      result: 'success',
    },
    now,
  );
  return id;
}

export type ChangePasswordResult =
  | { kind: 'ok'; token: string }
  | { kind: 'wrong-password' }
  | { kind: 'weak'; problem: PasswordProblem };

/**
 * Changes the password after re-authentication with the current one (ASVS 6.2.2, 7.5.1): all
 * other sessions end and this one continues under a new id (ASVS 7.4.3, 7.2.4).
 */
export async function changePassword(
  deps: IdentityDeps,
  current: typeof session.$inferSelect,
  input: { currentPassword: string; newPassword: string },
  csrfSecret: string,
): Promise<ChangePasswordResult> {
  const now = deps.now();
  const p = await findPerson(deps.db, current.personId);
  if (!p || !(await verifyPassword(p.passwordHash, input.currentPassword))) return { kind: 'wrong-password' };
  const problem = checkPassword(input.newPassword, commonPasswords(), p.email);
  if (problem) return { kind: 'weak', problem };
  const passwordHash = await hashPassword(input.newPassword);
  return deps.db.transaction(async (tx) => {
    await tx.update(person).set({ passwordHash }).where(eq(person.id, p.id));
    await revokeAllSessions(tx, p.id, now);
    const { token } = await createSession(tx, {
      personId: p.id,
      roleClass: current.roleClass,
      pending: false,
      csrfSecret,
      userAgent: current.userAgent ?? undefined,
      now,
    });
    await appendAudit(
      tx,
      {
        actorPersonId: p.id,
        action: 'change-password',
        objectType: 'account',
        subjectPersonId: p.id,
        purpose: 'own account',
        result: 'success',
      },
      now,
    );
    return { kind: 'ok' as const, token };
  });
}

/** One's own account (GET /api/v1/me and the account page), read with its audit entry. */
export async function ownAccount(db: Database, actor: Actor, now: Date) {
  return db.transaction(async (tx) => {
    await authorizePersonal(tx, now, actor, 'read', 'account', actor.personId, 'own account');
    return accountView(tx, actor.personId);
  });
}
