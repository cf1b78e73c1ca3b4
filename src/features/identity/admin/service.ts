import { and, eq, isNull } from 'drizzle-orm';
import type { Jurisdiction } from '../../../domain/access/jurisdiction.ts';
import type { Actor } from '../../../domain/access/policy.ts';
import { ROLE_ORGANISATION_KINDS, type Role } from '../../../domain/access/roles.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../../platform/db/client.ts';
import type { Translator } from '../../../platform/i18n/index.ts';
import { listOutbox } from '../../../platform/mail/mailer.ts';
import {
  findOrganisation,
  findPersonByEmail,
  jurisdictionsOf,
  listOrganisations as listOrganisationsFull,
  normaliseEmail,
  type PersonRow,
  person,
  roleAssignment,
} from '../../people/index.ts';
import { grantRole, revokeRole } from '../accounts/service.ts';
import type { IdentityDeps } from '../deps.ts';
import { authorizeOrganisation } from '../http.ts';
import { sendTokenMail } from '../mailed-tokens.ts';
import { handleErasure, listErasureRequests } from './erasure.ts';

const INVITE_LIFETIME_MS = 7 * 24 * 3_600_000;

export type InviteResult =
  | { kind: 'ok'; personId: string; invited: boolean }
  | { kind: 'wrong-role' }
  | { kind: 'no-organisation' };

/**
 * Gives a person a role in an organisation; a person without an account is invited by mail
 * (a link to set their own password: administrators never set passwords, ASVS 6.4.6).
 */
export async function inviteToOrganisation(
  deps: IdentityDeps,
  tx: DbOrTx,
  input: { organisationId: string; email: string; role: Role; displayName?: string | undefined },
  actorPersonId: string,
): Promise<InviteResult> {
  const org = await findOrganisation(tx, input.organisationId);
  if (!org) return { kind: 'no-organisation' };
  if (!ROLE_ORGANISATION_KINDS[input.role].includes(org.kind)) return { kind: 'wrong-role' };
  const { person: p, invited } = await findOrInvitePerson(deps, tx, input, () => org.name);
  await grantRole(tx, p.id, input.role, org.slug, deps.now(), actorPersonId);
  return { kind: 'ok', personId: p.id, invited };
}

/**
 * The person with this address, or a new one without a password, invited by a mail with a link to set their own
 * password (valid seven days). Whoever invites never sets a password (ASVS 6.4.6) and learns nothing from the
 * answer they give their user: the caller answers the same whether or not the address had an account.
 */
export async function findOrInvitePerson(
  deps: IdentityDeps,
  tx: DbOrTx,
  input: { email: string; displayName?: string | undefined },
  /** Who invites, in each language ("Ausländerbehörde Leipzig", "family of Priya Nair"), for the mail. */
  invitation: (t: Translator) => string,
): Promise<{ person: PersonRow; invited: boolean }> {
  const found = await findPersonByEmail(tx, input.email);
  if (found) return { person: found, invited: false };
  const now = deps.now();
  const email = normaliseEmail(input.email);
  const [row] = await tx
    .insert(person)
    .values({ email, displayName: input.displayName ?? email.split('@')[0] ?? email, createdAt: now })
    .returning();
  if (!row) throw new Error('the invited person was not stored');
  await sendTokenMail(deps, tx, row, 'password-reset', now, { lifetimeMs: INVITE_LIFETIME_MS, invitation });
  return { person: row, invited: true };
}

export async function revokeMembership(
  tx: DbOrTx,
  personId: string,
  role: Role,
  organisationId: string,
  actorPersonId: string,
  now: Date,
): Promise<number> {
  return revokeRole(tx, personId, role, now, actorPersonId, organisationId);
}

/**
 * Gives a person a role in an organisation on the actor's request, authorised and audited in one transaction;
 * null when the organisation is outside the actor's reach (answer 404, as for no organisation).
 */
export async function inviteMember(
  deps: IdentityDeps,
  actor: Actor,
  input: { organisationId: string; email: string; role: Role; displayName?: string | undefined },
): Promise<InviteResult | null> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const d = await authorizeOrganisation(
      tx,
      now,
      actor,
      'create',
      'role-assignment',
      input.organisationId,
      'account administration',
    );
    // An employer administrator manages employer roles only; the organisation kind enforces that.
    return d.allow ? inviteToOrganisation(deps, tx, input, actor.personId) : null;
  });
}

/** Revokes a member's role on the actor's request, authorised and audited; 0 when nothing was revoked (404). */
export async function revokeMember(
  db: Database,
  actor: Actor,
  input: { organisationId: string; personId: string; role: Role },
  now: Date,
): Promise<number> {
  return db.transaction(async (tx) => {
    const d = await authorizeOrganisation(
      tx,
      now,
      actor,
      'revoke',
      'role-assignment',
      input.organisationId,
      'account administration',
    );
    if (!d.allow) return 0;
    return revokeMembership(tx, input.personId, input.role, input.organisationId, actor.personId, now);
  });
}

/** The mails in the outbox (installations without SMTP), read by an administrator with its audit entry. */
export async function readOutbox(db: Database, actorPersonId: string, now: Date) {
  return db.transaction(async (tx) => {
    const mails = await listOutbox(tx);
    await appendAudit(
      tx,
      {
        actorPersonId,
        actorRole: 'administrator',
        action: 'read',
        objectType: 'outbox',
        purpose: 'mail delivery without SMTP',
        result: 'success',
      },
      now,
    );
    return mails;
  });
}

/** The erasure requests (Art. 17 GDPR), read by an administrator with its audit entry. */
export async function readErasureRequests(db: Database, actorPersonId: string, now: Date) {
  return db.transaction(async (tx) => {
    const rows = await listErasureRequests(tx);
    await appendAudit(
      tx,
      {
        actorPersonId,
        actorRole: 'administrator',
        action: 'read',
        objectType: 'erasure-request',
        purpose: 'Art. 17 GDPR',
        result: 'success',
      },
      now,
    );
    return rows;
  });
}

/**
 * An administrator's decision on an erasure request; what the erasure hooks leave for after the commit runs once it
 * is committed. False when there is no open request with this id (404).
 */
export async function decideErasureRequest(
  deps: IdentityDeps,
  input: { id: string; outcome: 'erased' | 'refused'; note?: string | undefined },
  actorPersonId: string,
): Promise<boolean> {
  const afterCommit: Array<() => Promise<void>> = [];
  const ok = await deps.db.transaction((tx) =>
    handleErasure(
      tx,
      input.id,
      input.outcome,
      input.note,
      actorPersonId,
      deps.now(),
      deps.erasureHooks,
      afterCommit,
    ),
  );
  if (ok) for (const work of afterCommit) await work();
  return ok;
}

export interface OrganisationOverview {
  id: string;
  name: string;
  kind: string;
  jurisdictions: string[];
  /** The jurisdictions as structured values (for labels and the edit form). */
  scopes: Jurisdiction[];
  members: { personId: string; displayName: string; email: string; role: Role }[];
}

/** The organisations whose roles the actor manages (all for administrators), with members and jurisdictions. */
export async function manageableOrganisations(
  db: DbOrTx,
  organisationIds: readonly string[] | 'all',
): Promise<OrganisationOverview[]> {
  const orgs = (await listOrganisationsFull(db)).filter(
    (o) => organisationIds === 'all' || organisationIds.includes(o.id),
  );
  const out: OrganisationOverview[] = [];
  for (const o of orgs) {
    const members = await db
      .select({
        personId: person.id,
        displayName: person.displayName,
        email: person.email,
        role: roleAssignment.role,
      })
      .from(roleAssignment)
      .innerJoin(person, eq(person.id, roleAssignment.personId))
      .where(and(eq(roleAssignment.organisationId, o.id), isNull(roleAssignment.revokedAt)))
      .orderBy(person.displayName);
    const jurisdictions = (await jurisdictionsOf(db, [o.id])).get(o.id) ?? [];
    out.push({
      id: o.id,
      name: o.name,
      kind: o.kind,
      jurisdictions: jurisdictions.map((j) =>
        j.scope === 'state'
          ? j.stateCode
          : j.scope === 'district'
            ? j.ags
            : j.scope === 'country'
              ? j.countryCode
              : 'DE',
      ),
      scopes: jurisdictions,
      members: members.map((m) => ({ ...m, role: m.role as Role })),
    });
  }
  return out;
}
