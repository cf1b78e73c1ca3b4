import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Jurisdiction } from '../../../domain/access/jurisdiction.ts';
import { checkPassword, type PasswordProblem } from '../../../domain/access/passwords.ts';
import { ROLE_ORGANISATION_KINDS, type Role } from '../../../domain/access/roles.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { type ErasureHook, runErasureHooks } from '../../../platform/erasure.ts';
import { applicantProfile, consent, person, roleAssignment } from '../../people/schema.ts';
import {
  findOrganisation,
  findPersonByEmail,
  jurisdictionsOf,
  listOrganisations as listOrganisationsFull,
  normaliseEmail,
  type PersonRow,
} from '../../people/service.ts';
import { grantRole, revokeRole } from '../accounts/service.ts';
import { commonPasswords, hashPassword } from '../credentials.ts';
import { authToken, erasureRequest, recoveryCode } from '../schema.ts';
import { revokeAllSessions } from '../sessions/service.ts';
import { type IdentityDeps, sendTokenMail } from '../sign-in/service.ts';

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
  const { person: p, invited } = await findOrInvitePerson(
    deps,
    tx,
    input,
    `Einladung zu Chancenregion (${org.name}) / Invitation to Chancenregion`,
  );
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
  subject: string,
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
  await sendTokenMail(deps, tx, row, 'password-reset', now, { lifetimeMs: INVITE_LIFETIME_MS, subject });
  return { person: row, invited: true };
}

export interface Registration {
  email: string;
  displayName: string;
  passwordHash: string;
}
export type RegisterResult =
  | { kind: 'ok'; registration: Registration }
  | { kind: 'weak'; problem: PasswordProblem };

/**
 * Self-registration as an applicant, first half: the password is checked and hashed (the same work
 * for every address). The routes answer next and then call `storeRegistration`, so that the answer
 * neither says nor takes longer when the address is taken.
 */
export async function prepareRegistration(input: {
  email: string;
  password: string;
  displayName: string;
}): Promise<RegisterResult> {
  const email = normaliseEmail(input.email);
  const problem = checkPassword(input.password, commonPasswords(), email);
  if (problem) return { kind: 'weak', problem };
  const passwordHash = await hashPassword(input.password);
  return {
    kind: 'ok',
    registration: { email, displayName: input.displayName.trim() || email, passwordHash },
  };
}

/**
 * Second half: a new account gets a verification link, an existing one a notice (no enumeration).
 */
export async function storeRegistration(deps: IdentityDeps, r: Registration): Promise<void> {
  const { email, passwordHash } = r;
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    // A registration that arrives while another one with the same address commits finds no row
    // but cannot insert one: it is answered like any registration with a taken address.
    const [row] = (await findPersonByEmail(tx, email))
      ? []
      : await tx
          .insert(person)
          .values({ email, displayName: r.displayName, passwordHash, createdAt: now })
          .onConflictDoNothing({ target: person.email })
          .returning();
    if (!row) {
      await deps.mailer.send(tx, {
        to: email,
        subject: 'Registrierung bei Chancenregion / Registration at Chancenregion',
        text: 'Jemand wollte mit Ihrer Adresse ein Konto anlegen; Sie haben schon eines. Passwort vergessen? /de/passwort-vergessen\nSomeone tried to register with your address; you already have an account. Forgotten your password? /en/forgot-password',
      });
      return;
    }
    await tx.insert(roleAssignment).values({ personId: row.id, role: 'applicant', grantedAt: now });
    await sendTokenMail(deps, tx, row, 'verify-email', now);
    await appendAudit(
      tx,
      {
        actorPersonId: row.id,
        action: 'register',
        objectType: 'account',
        subjectPersonId: row.id,
        purpose: 'registration',
        result: 'success',
      },
      now,
    );
  });
}

export async function updateApplicantProfile(
  tx: DbOrTx,
  personId: string,
  input: {
    residenceAgs?: string | null | undefined;
    countryCode?: string | null | undefined;
    nationality?: string | null | undefined;
  },
  now: Date,
): Promise<void> {
  const values = {
    residenceAgs: input.residenceAgs ?? null,
    countryCode: input.countryCode ?? null,
    nationality: input.nationality ?? null,
    updatedAt: now,
  };
  await tx
    .insert(applicantProfile)
    .values({ personId, ...values })
    .onConflictDoUpdate({ target: applicantProfile.personId, set: values });
  await appendAudit(
    tx,
    {
      actorPersonId: personId,
      action: 'update',
      objectType: 'applicant-profile',
      objectId: personId,
      subjectPersonId: personId,
      purpose: 'own data',
      result: 'success',
    },
    now,
  );
}

/** What stays after erasure, and why; shown to the person before they ask and in the export. */
export const RETENTION_EXCEPTIONS = [
  {
    what: 'audit-trail',
    why: 'Art. 17(3)(b) and (e) GDPR: the record of who accessed the data is kept for the retention period of the case files, to prove lawful processing and for legal claims; it holds identifiers, not contents.',
  },
  {
    what: 'case-files',
    why: 'Files of authorities (residence, recognition) follow their own statutory retention periods and are erased by the authority, not here.',
  },
] as const;

export async function requestErasure(
  tx: DbOrTx,
  personId: string,
  reason: string | undefined,
  now: Date,
): Promise<string> {
  const [open] = await tx
    .select({ id: erasureRequest.id })
    .from(erasureRequest)
    .where(and(eq(erasureRequest.personId, personId), isNull(erasureRequest.handledAt)));
  if (open) return open.id;
  const [row] = await tx
    .insert(erasureRequest)
    .values({ personId, requestedAt: now, reason: reason?.slice(0, 1000) ?? null })
    .returning({ id: erasureRequest.id });
  await appendAudit(
    tx,
    {
      actorPersonId: personId,
      action: 'create',
      objectType: 'erasure-request',
      objectId: row?.id ?? null,
      subjectPersonId: personId,
      purpose: 'Art. 17 GDPR',
      result: 'success',
    },
    now,
  );
  return row?.id ?? '';
}

export function listErasureRequests(db: DbOrTx) {
  return db
    .select({
      id: erasureRequest.id,
      personId: erasureRequest.personId,
      requestedAt: erasureRequest.requestedAt,
      reason: erasureRequest.reason,
      handledAt: erasureRequest.handledAt,
      outcome: erasureRequest.outcome,
    })
    .from(erasureRequest)
    .orderBy(desc(erasureRequest.requestedAt));
}

/**
 * Handles an erasure request: `erased` removes the account's personal data (the audit trail
 * stays, see RETENTION_EXCEPTIONS); `refused` records why.
 */
export async function handleErasure(
  tx: DbOrTx,
  requestId: string,
  outcome: 'erased' | 'refused',
  note: string | undefined,
  actorPersonId: string,
  now: Date,
  hooks: readonly ErasureHook[] = [],
  afterCommit: Array<() => Promise<void>> = [],
): Promise<boolean> {
  const [req] = await tx
    .update(erasureRequest)
    .set({ handledAt: now, handledBy: actorPersonId, outcome, note: note?.slice(0, 1000) ?? null })
    .where(and(eq(erasureRequest.id, requestId), isNull(erasureRequest.handledAt)))
    .returning();
  if (!req) return false;
  if (outcome === 'erased') {
    const id = req.personId;
    await tx
      .update(person)
      .set({
        email: `erased-${id}@erased.invalid`,
        displayName: '–',
        passwordHash: null,
        totpSecret: null,
        totpEnabledAt: null,
        emailVerifiedAt: null,
        disabledAt: now,
      })
      .where(eq(person.id, id));
    await tx.delete(applicantProfile).where(eq(applicantProfile.personId, id));
    await tx.delete(consent).where(eq(consent.personId, id));
    await tx.delete(recoveryCode).where(eq(recoveryCode.personId, id));
    await tx.delete(authToken).where(eq(authToken.personId, id));
    await tx
      .update(roleAssignment)
      .set({ revokedAt: now })
      .where(and(eq(roleAssignment.personId, id), isNull(roleAssignment.revokedAt)));
    await revokeAllSessions(tx, id, now);
    afterCommit.push(...(await runErasureHooks(tx, hooks, id)));
  }
  await appendAudit(
    tx,
    {
      actorPersonId,
      actorRole: 'administrator',
      action: 'update',
      objectType: 'erasure-request',
      objectId: requestId,
      subjectPersonId: req.personId,
      purpose: `Art. 17 GDPR: ${outcome}`,
      result: 'success',
    },
    now,
  );
  return true;
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
