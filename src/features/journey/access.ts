/**
 * How the access policy meets the journey: the relations of a journey to an actor's membership, the mapping of
 * platform roles to the roles of the journey core, and the owner organisations resolved for a new journey.
 */
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Membership, Relation } from '../../domain/access/policy.ts';
import type { Role as AccessRole } from '../../domain/access/roles.ts';
import type { Role as JourneyRole, StepKind } from '../../domain/journey/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { consent, organisation, organisationJurisdiction } from '../identity/schema.ts';

/** The journey core's role for a platform role; null for roles that take no part in journeys. */
export function journeyRoleOf(role: AccessRole): JourneyRole | null {
  switch (role) {
    case 'applicant':
    case 'family-member':
      return 'applicant';
    case 'employer-admin':
    case 'employer-member':
      return 'employer';
    case 'counsellor':
    case 'recognition-officer':
    case 'foreigners-office-caseworker':
    case 'mission-officer':
    case 'employment-agency-officer':
      return role;
    default:
      return null;
  }
}

/** What the policy needs to know about one journey. */
export interface JourneyObject {
  readonly applicantId: string;
  readonly employerId: string | null;
  /** Organisations owning at least one step. */
  readonly ownerIds: readonly string[];
  /** Organisations the applicant has consented to (not withdrawn). */
  readonly consentedIds: readonly string[];
}

export function journeyRelations(
  personId: string,
  membership: Membership,
  object: JourneyObject,
): ReadonlySet<Relation> {
  const out = new Set<Relation>(['other']);
  if (object.applicantId === personId && membership.organisationId === null) out.add('own');
  const org = membership.organisationId;
  if (org !== null) {
    const role = journeyRoleOf(membership.role);
    if (role === 'employer' && object.employerId === org) out.add('own-organisation');
    if (role !== null && role !== 'employer' && role !== 'applicant' && object.ownerIds.includes(org))
      out.add('own-organisation');
    if (object.consentedIds.includes(org)) out.add('shared-by-consent');
  }
  return out;
}

export async function consentedOrganisations(db: DbOrTx, personId: string): Promise<string[]> {
  const rows = await db
    .select({ id: consent.organisationId })
    .from(consent)
    .where(and(eq(consent.personId, personId), isNull(consent.withdrawnAt)));
  return rows.map((r) => r.id);
}

export interface JourneyPlace {
  readonly stateCode: string | null;
  readonly districtAgs: string | null;
  readonly countryCode: string | null;
}

/**
 * The owner organisations of a new journey, among the organisations registered on the platform (only they can
 * act on a step): the recognition authority and the central foreigners' office of the target state, the local
 * foreigners' office of the target district, the mission for the country, the employment agency, the
 * counselling centre of the state. Steps without a match stay unowned until someone assigns one.
 */
export async function resolveOwners(
  db: DbOrTx,
  place: JourneyPlace,
): Promise<Partial<Record<StepKind, string>>> {
  const conditions = [eq(organisationJurisdiction.scope, 'nationwide')];
  if (place.stateCode) conditions.push(eq(organisationJurisdiction.stateCode, place.stateCode));
  if (place.districtAgs) conditions.push(eq(organisationJurisdiction.districtAgs, place.districtAgs));
  if (place.countryCode) conditions.push(eq(organisationJurisdiction.countryCode, place.countryCode));
  const rows = await db
    .select({
      id: organisation.id,
      kind: organisation.kind,
      scope: organisationJurisdiction.scope,
      slug: organisation.slug,
    })
    .from(organisationJurisdiction)
    .innerJoin(organisation, eq(organisation.id, organisationJurisdiction.organisationId))
    .where(
      and(
        or(...conditions),
        inArray(organisation.kind, [
          'recognition-authority',
          'foreigners-office',
          'central-foreigners-office',
          'mission',
          'employment-agency',
          'counselling-centre',
        ]),
      ),
    )
    .orderBy(organisation.slug);
  const first = (kind: string, scope?: string) =>
    rows.find((r) => r.kind === kind && (scope === undefined || r.scope === scope))?.id;
  const owners: Partial<Record<StepKind, string>> = {};
  const set = (kinds: StepKind[], id: string | undefined) => {
    if (id) for (const k of kinds) owners[k] = id;
  };
  const counselling = first('counselling-centre', 'state');
  set(['orientation', 'integration'], counselling);
  set(['recognition', 'zab-statement'], first('recognition-authority', 'state'));
  const central = first('central-foreigners-office', 'state');
  const local = place.districtAgs ? first('foreigners-office', 'district') : undefined;
  set(['accelerated-procedure'], central ?? local);
  set(['entry-registration', 'residence-permit'], local ?? central);
  set(['ba-approval'], first('employment-agency', 'nationwide'));
  if (place.countryCode) set(['visa-appointment', 'visa-decision'], first('mission', 'country'));
  return owners;
}
