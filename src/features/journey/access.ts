/**
 * How the access policy meets the journey: the relations of a journey to an actor's membership (own, family,
 * own-organisation, shared-by-consent, other), the mapping of platform roles to the roles of the journey core,
 * and the owner organisations resolved for a new journey.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Membership, Relation } from '../../domain/access/policy.ts';
import type { Role as AccessRole } from '../../domain/access/roles.ts';
import {
  chooseOwners,
  type Role as JourneyRole,
  type StepKind,
  stateOfDistrict,
} from '../../domain/journey/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { organisationsOfBodies } from '../identity/index.ts';
import { organisation, organisationJurisdiction } from '../people/index.ts';
import { type RecognitionCompetence, registryBodyKey } from '../registry/index.ts';

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
  /** For a family member's linked journey: the applicant of the principal's journey it follows. */
  readonly principalApplicantId: string | null;
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
  if (membership.organisationId === null) {
    if (object.applicantId === personId) out.add('own');
    if (object.principalApplicantId === personId) out.add('family');
  }
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

/**
 * The relations of one step of a journey to a membership (`journey-step` in the policy): those of the journey, except
 * that **own-organisation** is the organisation owning this step only — not the employer the journey names, nor an
 * organisation owning another of its steps.
 */
export function stepRelations(
  personId: string,
  membership: Membership,
  object: JourneyObject,
  stepOwnerId: string | null,
): ReadonlySet<Relation> {
  const out = new Set(journeyRelations(personId, membership, { ...object, employerId: null, ownerIds: [] }));
  if (membership.organisationId !== null && membership.organisationId === stepOwnerId)
    out.add('own-organisation');
  return out;
}

export interface JourneyPlace {
  /** The state and district of the job. */
  readonly stateCode: string | null;
  readonly districtAgs: string | null;
  readonly countryCode: string | null;
  /** The district where the person will live, when known and other than the job's (the residence permit's). */
  readonly residenceAgs?: string | null;
}

/**
 * The owner organisations of a new journey, among the organisations registered on the platform (only they can
 * act on a step), chosen by `chooseOwners` (src/domain/journey/owners.ts: the rule and legal basis per step) from
 * the place of the job and of residence: for recognition and the ZAB statement the organisation that is the body
 * the registry names as competent (`competence`; the recognition authority of the job's state only when the
 * registry has no answer), the central foreigners' office of the job's state for § 81a, the foreigners' office of
 * the district of residence for entry and residence permit, the mission for the country, the employment agency,
 * the counselling centre of the state. Steps without a match stay unowned until someone assigns one.
 */
export async function resolveOwners(
  db: DbOrTx,
  place: JourneyPlace,
  competence: RecognitionCompetence,
): Promise<Partial<Record<StepKind, string>>> {
  const residence = place.residenceAgs ?? null;
  const conditions = [eq(organisationJurisdiction.scope, 'nationwide')];
  const districts = [place.districtAgs, residence].filter((d): d is string => d !== null);
  const states = [place.stateCode, ...districts.map(stateOfDistrict)].filter((s): s is string => s !== null);
  if (states.length > 0) conditions.push(inArray(organisationJurisdiction.stateCode, states));
  if (districts.length > 0) conditions.push(inArray(organisationJurisdiction.districtAgs, districts));
  if (place.countryCode) conditions.push(eq(organisationJurisdiction.countryCode, place.countryCode));
  const rows = await db
    .select({
      id: organisation.id,
      slug: organisation.slug,
      kind: organisation.kind,
      scope: organisationJurisdiction.scope,
      stateCode: organisationJurisdiction.stateCode,
      districtAgs: organisationJurisdiction.districtAgs,
      countryCode: organisationJurisdiction.countryCode,
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
    );
  const competent = await organisationsOfBodies(db, [
    ...competence.recognition,
    ...competence['zab-statement'],
  ]);
  // The registry names the competent bodies: their organisations on the platform (none: the step stays unowned).
  const named = (kind: 'recognition' | 'zab-statement') =>
    competence[kind].length === 0
      ? null
      : competence[kind].map((b) => competent.get(registryBodyKey(b))).filter((id): id is string => !!id);
  return chooseOwners(
    {
      jobStateCode: place.stateCode,
      jobDistrictAgs: place.districtAgs,
      residenceAgs: residence,
      countryCode: place.countryCode,
      competent: { recognition: named('recognition'), 'zab-statement': named('zab-statement') },
    },
    rows,
  );
}
