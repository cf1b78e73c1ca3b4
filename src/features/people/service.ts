import { and, eq, inArray, isNull, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Jurisdiction } from '../../domain/access/jurisdiction.ts';
import type { Membership, PersonalObject } from '../../domain/access/policy.ts';
import { type DbOrTx, queryRows } from '../../platform/db/client.ts';
import { district } from '../regions/index.ts';
import {
  applicantProfile,
  consent,
  organisation,
  organisationJurisdiction,
  person,
  roleAssignment,
} from './schema.ts';

export type PersonRow = typeof person.$inferSelect;
export type OrganisationRow = typeof organisation.$inferSelect;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findPersonByEmail(db: DbOrTx, email: string): Promise<PersonRow | undefined> {
  const [row] = await db
    .select()
    .from(person)
    .where(eq(person.email, normaliseEmail(email)))
    .limit(1);
  return row;
}

export async function findPerson(db: DbOrTx, id: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(person).where(eq(person.id, id)).limit(1);
  return row;
}

type JurisdictionRow = Pick<
  typeof organisationJurisdiction.$inferSelect,
  'scope' | 'stateCode' | 'districtAgs' | 'countryCode'
>;

export function jurisdictionOf(row: JurisdictionRow): Jurisdiction {
  switch (row.scope) {
    case 'state':
      return { scope: 'state', stateCode: row.stateCode ?? '' };
    case 'district':
      return { scope: 'district', ags: row.districtAgs ?? '' };
    case 'country':
      return { scope: 'country', countryCode: row.countryCode ?? '' };
    default:
      return { scope: 'nationwide' };
  }
}

export async function jurisdictionsOf(
  db: DbOrTx,
  orgIds: readonly string[],
): Promise<Map<string, Jurisdiction[]>> {
  const out = new Map<string, Jurisdiction[]>();
  if (orgIds.length === 0) return out;
  const rows = await db
    .select()
    .from(organisationJurisdiction)
    .where(inArray(organisationJurisdiction.organisationId, [...orgIds]));
  for (const r of rows) {
    const list = out.get(r.organisationId) ?? [];
    list.push(jurisdictionOf(r));
    out.set(r.organisationId, list);
  }
  return out;
}

export interface MembershipView extends Membership {
  readonly organisationName: string | null;
  readonly organisationKind: string | null;
}

/** The person's active roles with their organisations' jurisdictions. Read on every request (revocation is immediate). */
/**
 * The active roles of the person in `personId` (a value or a column) with organisation and jurisdictions, as one
 * JSON value: read in the same round trip as the session on every signed-in request (revocation is immediate).
 */
export function membershipsSql(personId: string | SQLWrapper): SQL {
  return sql`coalesce((select json_agg(json_build_object('role', ra.role, 'organisationId', ra.organisation_id,
      'organisationName', o.name, 'organisationKind', o.kind,
      'jurisdictions', coalesce((select json_agg(json_build_object('scope', j.scope, 'stateCode', j.state_code,
        'districtAgs', j.district_ags, 'countryCode', j.country_code))
        from ${organisationJurisdiction} j where j.organisation_id = ra.organisation_id), '[]'::json))
      order by ra.granted_at, ra.id)
    from ${roleAssignment} ra left join ${organisation} o on o.id = ra.organisation_id
    where ra.person_id = ${personId} and ra.revoked_at is null), '[]'::json)`;
}

type MembershipJson = Omit<MembershipView, 'jurisdictions'> & { jurisdictions: JurisdictionRow[] };

/** Maps the JSON of `membershipsSql` to memberships. */
export function membershipsFrom(value: unknown): MembershipView[] {
  const list = (typeof value === 'string' ? JSON.parse(value) : value) as MembershipJson[];
  return list.map((m) => ({ ...m, jurisdictions: m.jurisdictions.map(jurisdictionOf) }));
}

export async function membershipsOf(db: DbOrTx, personId: string): Promise<MembershipView[]> {
  const [row] = await queryRows<{ m: unknown }>(
    db,
    sql`select ${membershipsSql(sql`${personId}::uuid`)} as m`,
  );
  return membershipsFrom(row?.m ?? []);
}

export async function activeConsentOrgIds(db: DbOrTx, personId: string): Promise<string[]> {
  const rows = await db
    .select({ organisationId: consent.organisationId })
    .from(consent)
    .where(and(eq(consent.personId, personId), isNull(consent.withdrawnAt)));
  return rows.map((r) => r.organisationId);
}

/** Everything the policy needs to know about a person's data; undefined when there is no such person. */
export async function personalObject(db: DbOrTx, subjectId: string): Promise<PersonalObject | undefined> {
  const subject = await findPerson(db, subjectId);
  if (!subject) return undefined;
  const orgs = await db
    .select({ organisationId: roleAssignment.organisationId })
    .from(roleAssignment)
    .where(and(eq(roleAssignment.personId, subjectId), isNull(roleAssignment.revokedAt)));
  const [profile] = await db
    .select({
      ags: applicantProfile.residenceAgs,
      country: applicantProfile.countryCode,
      state: district.stateCode,
    })
    .from(applicantProfile)
    .leftJoin(district, eq(district.ags, applicantProfile.residenceAgs))
    .where(eq(applicantProfile.personId, subjectId));
  return {
    subjectPersonId: subjectId,
    subjectOrganisationIds: orgs.map((o) => o.organisationId).filter((x): x is string => x !== null),
    consentedOrganisationIds: await activeConsentOrgIds(db, subjectId),
    location: {
      districtAgs: profile?.ags ?? null,
      stateCode: profile?.state ?? null,
      countryCode: profile?.country ?? null,
    },
  };
}

export async function findOrganisationBySlug(db: DbOrTx, slug: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisation).where(eq(organisation.slug, slug)).limit(1);
  return row;
}

export async function findOrganisation(db: DbOrTx, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisation).where(eq(organisation.id, id)).limit(1);
  return row;
}

export function listOrganisations(db: DbOrTx) {
  return db
    .select({
      id: organisation.id,
      slug: organisation.slug,
      name: organisation.name,
      kind: organisation.kind,
    })
    .from(organisation)
    .orderBy(organisation.name);
}
