/**
 * How the access policy meets the journey: the relations of a journey to an actor's membership (own, family,
 * own-organisation, shared-by-consent, other), the mapping of platform roles to the roles of the journey core,
 * and the owner organisations resolved for a new journey.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Membership, Relation } from '../../domain/access/policy.ts';
import type { Role as AccessRole } from '../../domain/access/roles.ts';
import type { Role as JourneyRole, StepKind } from '../../domain/journey/index.ts';
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
  readonly stateCode: string | null;
  readonly districtAgs: string | null;
  readonly countryCode: string | null;
}

/**
 * The owner organisations of a new journey, among the organisations registered on the platform (only they can
 * act on a step): for recognition and the ZAB statement the organisation that is the body the registry names as
 * competent (`competence`; the recognition authority of the target state only when the registry has no answer),
 * the central foreigners' office of the target state, the local foreigners' office of the target district, the
 * mission for the country, the employment agency, the counselling centre of the state. Steps without a match stay
 * unowned until someone assigns one.
 */
export async function resolveOwners(
  db: DbOrTx,
  place: JourneyPlace,
  competence: RecognitionCompetence,
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
  const competent = await organisationsOfBodies(db, [
    ...competence.recognition,
    ...competence['zab-statement'],
  ]);
  for (const kind of ['recognition', 'zab-statement'] as const) {
    const bodies = competence[kind];
    // The registry names the competent bodies: their organisation, or nobody when none of them is on the
    // platform (another authority must not get the step and the applicant's journey with it).
    if (bodies.length > 0) set([kind], bodies.map((b) => competent.get(registryBodyKey(b))).find(Boolean));
    else set([kind], first('recognition-authority', 'state'));
  }
  const central = first('central-foreigners-office', 'state');
  const local = place.districtAgs ? first('foreigners-office', 'district') : undefined;
  set(['accelerated-procedure'], central ?? local);
  set(['entry-registration', 'residence-permit'], local ?? central);
  set(['ba-approval'], first('employment-agency', 'nationwide'));
  if (place.countryCode) set(['visa-appointment', 'visa-decision'], first('mission', 'country'));
  return owners;
}
