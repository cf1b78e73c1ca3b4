/**
 * Employers (issue 16): registration of an employer organisation by a signed-in person, who becomes its employer
 * administrator, and what an employer's page and a ministry officer read. Every change is one transaction with its
 * audit entry.
 */
import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../domain/access/policy.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { grantRole } from '../identity/index.ts';
import { organisation } from '../people/index.ts';
import { district } from '../regions/index.ts';
import type { NewEmployer } from './register-form.ts';
import { employerProfile, employerTrustDecision, type TrustLevel } from './schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type RegisterResult =
  | { kind: 'ok'; organisationId: string }
  | { kind: 'duplicate'; field: 'registerNumber' };

/** A slug from the name, with a random tail so that two firms of one name never collide. */
export function employerSlug(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return `${base || 'arbeitgeber'}-${randomBytes(3).toString('hex')}`;
}

/** True when the register number of the input is registered already (same court). */
export async function registerTaken(tx: DbOrTx, input: NewEmployer): Promise<boolean> {
  if (!input.register) return false;
  const [taken] = await tx
    .select({ id: employerProfile.organisationId })
    .from(employerProfile)
    .where(eq(employerProfile.registerKey, input.register.key))
    .limit(1);
  return taken !== undefined;
}

/** The stored registration of an employer, unconfirmed. */
export function profileValues(organisationId: string, input: NewEmployer, personId: string, now: Date) {
  return {
    organisationId,
    street: input.street,
    postcode: input.postcode,
    town: input.town,
    districtAgs: input.districtAgs,
    registerCourt: input.register?.court ?? null,
    registerNumber: input.register?.number ?? null,
    registerKey: input.register?.key ?? null,
    publicKind: input.publicKind,
    sizeBand: input.sizeBand,
    trust: 'unconfirmed' as const,
    trustChangedAt: now,
    registeredBy: personId,
    createdAt: now,
  };
}

export const isUniqueViolation = (e: unknown): boolean => {
  for (let c: unknown = e; c; c = (c as { cause?: unknown }).cause)
    if ((c as { code?: unknown }).code === '23505') return true;
  return false;
};

/**
 * Registers an employer organisation (state 'unconfirmed') and makes the person its employer administrator; a
 * register number already registered (same court) is refused. Granting the role ends the person's sessions, as
 * every new role of a stricter class does: they sign in again.
 */
export async function registerEmployer(
  db: Database,
  personId: string,
  input: NewEmployer,
  now: Date,
): Promise<RegisterResult> {
  try {
    return await db.transaction(async (tx) => {
      if (await registerTaken(tx, input)) return { kind: 'duplicate', field: 'registerNumber' } as const;
      const [place] = await tx.select().from(district).where(eq(district.ags, input.districtAgs)).limit(1);
      const slug = employerSlug(input.name);
      const [org] = await tx
        .insert(organisation)
        .values({
          slug,
          name: input.name,
          kind: 'employer',
          seatStateCode: place?.stateCode ?? null,
          seatDistrictAgs: input.districtAgs,
          seatCountryCode: 'DE',
          createdAt: now,
        })
        .returning({ id: organisation.id });
      if (!org) throw new Error('the organisation was not stored');
      await tx.insert(employerProfile).values(profileValues(org.id, input, personId, now));
      await grantRole(tx, personId, 'employer-admin', slug, now, personId);
      await appendAudit(
        tx,
        {
          actorPersonId: personId,
          action: 'create',
          objectType: 'employer',
          objectId: org.id,
          purpose: 'employer registration',
          result: 'success',
        },
        now,
      );
      return { kind: 'ok', organisationId: org.id } as const;
    });
  } catch (e) {
    // Two registrations of one number at the same moment: the unique index decides.
    if (input.register && isUniqueViolation(e)) return { kind: 'duplicate', field: 'registerNumber' };
    throw e;
  }
}

export type EmployerRow = typeof employerProfile.$inferSelect & {
  name: string;
  stateCode: string;
  districtName: string;
};

/** Employers with name, district name and state (the district's state); by ids, or all. */
export async function employersBy(db: DbOrTx, ids?: readonly string[]): Promise<EmployerRow[]> {
  if (ids && ids.length === 0) return [];
  const rows = await db
    .select({
      profile: employerProfile,
      name: organisation.name,
      stateCode: district.stateCode,
      districtName: district.name,
    })
    .from(employerProfile)
    .innerJoin(organisation, eq(organisation.id, employerProfile.organisationId))
    .innerJoin(district, eq(district.ags, employerProfile.districtAgs))
    .where(ids ? inArray(employerProfile.organisationId, [...ids]) : undefined)
    .orderBy(organisation.name);
  return rows.map((r) => ({
    ...r.profile,
    name: r.name,
    stateCode: r.stateCode,
    districtName: r.districtName,
  }));
}

export type DecisionRow = {
  decision: (typeof employerTrustDecision.$inferSelect)['decision'];
  reason: string;
  decidedAt: Date;
  ministryName: string;
};

/** The decisions on an employer, newest first, each with the ministry that decided. */
export async function decisionsOf(db: DbOrTx, organisationId: string): Promise<DecisionRow[]> {
  return db
    .select({
      decision: employerTrustDecision.decision,
      reason: employerTrustDecision.reason,
      decidedAt: employerTrustDecision.decidedAt,
      ministryName: organisation.name,
    })
    .from(employerTrustDecision)
    .innerJoin(organisation, eq(organisation.id, employerTrustDecision.officerOrganisationId))
    .where(eq(employerTrustDecision.organisationId, organisationId))
    .orderBy(desc(employerTrustDecision.decidedAt));
}

/** The employer organisations in which the actor holds an employer role. */
export function ownEmployerIds(actor: Actor): string[] {
  return actor.memberships
    .filter((m) => (m.role === 'employer-admin' || m.role === 'employer-member') && m.organisationId)
    .map((m) => m.organisationId as string);
}

/**
 * Whether an employer may publish (job ads, once they exist): only a confirmed employer. An employer without a
 * registration, unconfirmed, refused or withdrawn prepares but does not publish.
 */
export async function mayPublish(db: DbOrTx, organisationId: string): Promise<boolean> {
  if (!UUID.test(organisationId)) return false;
  const [row] = await db
    .select({ trust: employerProfile.trust })
    .from(employerProfile)
    .where(and(eq(employerProfile.organisationId, organisationId), eq(employerProfile.trust, 'confirmed')))
    .limit(1);
  return row !== undefined;
}

export type { TrustLevel };
