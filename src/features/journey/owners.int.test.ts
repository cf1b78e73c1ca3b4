import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, isNull } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, type Browser, OPEN_BODY } from '../../../test/support/journey.ts';
import { DEMO_DOMAIN, seedDemo } from '../../seed/identity-demo.ts';
import { seedJourneyDemo } from '../../seed/journeys.ts';
import type { NewOrganisation } from '../identity/accounts/service.ts';
import { applicantProfile, organisation, person, roleAssignment } from '../people/schema.ts';
import { resolveOwners } from './access.ts';
import { journey, journeyStep } from './schema.ts';

/**
 * The owner of the recognition and ZAB-statement steps is the platform organisation that is the body the
 * registry names as competent for the occupation and state; the state's recognition authority only when the
 * registry has no answer.
 */
const ORGS: readonly NewOrganisation[] = [
  {
    slug: 'ow-sn-general',
    name: 'Anerkennungsstelle Sachsen (allgemein)',
    kind: 'recognition-authority',
    jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
  },
  {
    slug: 'ow-sn-nurse',
    name: 'Kommunaler Sozialverband Sachsen',
    kind: 'recognition-authority',
    jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
    registryBodies: [{ table: 'recognition-authority', id: 'SN:nurse' }],
  },
  {
    slug: 'ow-sn-teacher',
    name: 'Landesamt für Schule und Bildung',
    kind: 'recognition-authority',
    jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
    registryBodies: [{ table: 'recognition-authority', id: 'SN:teacher' }],
  },
  {
    slug: 'ow-zab',
    name: 'Zentralstelle für ausländisches Bildungswesen',
    kind: 'recognition-authority',
    jurisdictions: [{ scope: 'nationwide' }],
    registryBodies: [{ table: 'nationwide-body', id: 'zab' }],
  },
  { slug: 'ow-operator', name: 'Betrieb', kind: 'operator', jurisdictions: [{ scope: 'nationwide' }] },
];

const DEGREE = {
  pathway: 'aufenthg-18b',
  qualification: { kind: 'academic', regulation: 'not-regulated' },
  employerUses81a: false,
  location: 'abroad',
} as const;

describe('owners of recognition and ZAB statement, resolved from the registry', () => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  let applicant: Browser;
  let admin: Browser;
  const org: Record<string, string> = {};
  before(async () => {
    t = await buildTestApp();
    api = apiClient(t.app);
    const db = t.database.db;
    for (const o of ORGS) org[o.slug] = await makeOrganisation(db, o);
    const browser = async (role: 'applicant' | 'administrator', slug?: string): Promise<Browser> => {
      const a = await makeAccount(db, role, slug);
      const s = await sessionFor(t.app, db, a.personId, role);
      return { personId: a.personId, ...s, organisationId: slug ? (org[slug] ?? null) : null };
    };
    applicant = await browser('applicant');
    admin = await browser('administrator', 'ow-operator');
  });
  after(() => t.close());

  /** Opens a journey and returns the owner id per step kind (null when unowned). */
  const owners = async (
    occupation: string | null,
    stateCode = 'SN',
    facts: object = OPEN_BODY.facts,
  ): Promise<Record<string, string | null>> => {
    const opened = await api.open(applicant, {
      facts,
      occupation,
      place: { stateCode, districtAgs: null, countryCode: 'IN' },
    });
    assert.equal(opened.statusCode, 201, opened.body);
    const id = (opened.json() as { journeyId: string }).journeyId;
    const res = await api.get(applicant, id);
    assert.equal(res.statusCode, 200, res.body);
    const steps = (res.json() as { steps: { kind: string; owner: { id: string } | null }[] }).steps;
    return Object.fromEntries(steps.map((s) => [s.kind, s.owner?.id ?? null]));
  };

  it('gives two occupations in the same state to the different authorities the registry names', async () => {
    const nurse = await owners('Pflegefachfrau');
    const teacher = await owners('84124', 'SN', {
      ...OPEN_BODY.facts,
      qualification: { kind: 'academic', regulation: 'state' },
    });
    assert.equal(nurse.recognition, org['ow-sn-nurse'], 'a title of the registry names the occupation');
    assert.equal(teacher.recognition, org['ow-sn-teacher'], 'so does a KldB code');
    assert.equal((await owners('lehrerin')).recognition, org['ow-sn-teacher'], 'letter case aside');
  });

  it('falls back to the recognition authority of the state only when the registry has no answer', async () => {
    assert.equal((await owners('Astronautin')).recognition, org['ow-sn-general'], 'not in the registry');
    assert.equal((await owners(null)).recognition, org['ow-sn-general'], 'no occupation named');
    assert.equal(
      (await owners('Notfallsanitäterin')).recognition,
      org['ow-sn-general'],
      'an occupation whose recognition route the registry does not know',
    );
  });

  it('leaves the step unowned when the competent authority is not on the platform', async () => {
    const physician = await owners('Ärztin');
    assert.equal(physician.recognition, null, 'not given to an authority that is not competent');
    assert.equal(physician['ba-approval'], null);
  });

  it('gives the ZAB statement to the ZAB, in every state', async () => {
    const degree = await owners('Softwareentwicklerin', 'TH', DEGREE);
    assert.equal(degree['zab-statement'], org['ow-zab']);
    assert.equal((await owners(null, 'SN', DEGREE))['zab-statement'], org['ow-zab']);
  });

  it('lets an administrator say which registry bodies a new recognition authority is, checked first', async () => {
    const create = (payload: object) =>
      api.send(admin, 'POST', '/api/v1/admin/organisations', {
        name: 'Landesdirektion Sachsen',
        kind: 'recognition-authority',
        jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
        ...payload,
      });
    const unknown = await create({
      slug: 'ow-ld-unknown',
      registryBodies: [{ table: 'recognition-authority', id: 'SN:astronaut' }],
    });
    assert.equal(unknown.statusCode, 400, unknown.body);
    assert.equal(
      (unknown.json() as { errors: { field: string }[] }).errors[0]?.field,
      'body.registryBodies.0',
    );
    const taken = await create({
      slug: 'ow-ld-taken',
      registryBodies: [
        { table: 'recognition-authority', id: 'SN:physician' },
        { table: 'recognition-authority', id: 'SN:nurse' },
      ],
    });
    assert.equal(taken.statusCode, 409, taken.body);
    assert.equal((taken.json() as { errors: { field: string }[] }).errors[0]?.field, 'body.registryBodies.1');
    const employer = await create({
      slug: 'ow-ld-employer',
      kind: 'employer',
      registryBodies: [{ table: 'recognition-authority', id: 'SN:physician' }],
    });
    assert.equal(employer.statusCode, 400, employer.body);
    assert.equal((await owners('Ärztin')).recognition, null, 'nothing was written');

    const created = await create({
      slug: 'ow-ld-sachsen',
      registryBodies: [{ table: 'recognition-authority', id: 'SN:physician' }],
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = (created.json() as { id: string }).id;
    assert.equal((await owners('Ärztin')).recognition, id, 'new journeys of physicians go to it');
    assert.equal(
      (await owners('Pflegefachfrau')).recognition,
      org['ow-sn-nurse'],
      'nurses stay where they were',
    );
  });
});

describe('owners of the demo journey: the job in Leipzig goes to Saxon bodies', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
    await seedDemo(t.database.db, 'test', new Date());
    await seedJourneyDemo(t.database.db);
  });
  after(() => t.close());

  it('places the demo applicant’s journey in Leipzig, and every authority step with a Saxon body', async () => {
    const db = t.database.db;
    const [row] = await db
      .select({ id: journey.id, state: journey.targetStateCode, district: journey.targetDistrictAgs })
      .from(journey)
      .innerJoin(person, eq(person.id, journey.applicantId))
      .where(eq(person.email, `antragstellerin@${DEMO_DOMAIN}`));
    assert.ok(row, 'the demo applicant has a journey');
    assert.equal(row.state, 'SN');
    assert.equal(row.district, '14713', 'Leipzig, Stadt: where the demo employer is');
    const steps = await db
      .select({ kind: journeyStep.kind, slug: organisation.slug })
      .from(journeyStep)
      .leftJoin(organisation, eq(organisation.id, journeyStep.ownerId))
      .where(eq(journeyStep.journeyId, row.id));
    const owner = Object.fromEntries(steps.map((s) => [s.kind, s.slug]));
    assert.equal(owner.recognition, 'demo-anerkennung-sachsen');
    assert.equal(owner['accelerated-procedure'], 'demo-zab-sachsen');
    assert.equal(owner['residence-permit'], 'demo-abh-leipzig');
    assert.equal(owner['entry-registration'], 'demo-abh-leipzig');
    assert.equal(owner['visa-decision'], 'demo-botschaft-new-delhi');
    assert.equal(owner['ba-approval'], 'demo-zav');
    assert.equal(owner.orientation, 'demo-beratung-dresden');
  });

  it('gives the residence permit to the office where the person will live, § 81a to the job’s state', async () => {
    const db = t.database.db;
    const slugs = new Map(
      (await db.select({ id: organisation.id, slug: organisation.slug }).from(organisation)).map((o) => [
        o.id,
        o.slug,
      ]),
    );
    const none = { recognition: [], 'zab-statement': [] };
    const owners = await resolveOwners(
      db,
      { stateCode: 'SN', districtAgs: '14713', countryCode: 'IN', residenceAgs: '14626' },
      none,
    );
    assert.equal(slugs.get(owners['residence-permit'] ?? ''), 'demo-abh-goerlitz');
    assert.equal(slugs.get(owners['accelerated-procedure'] ?? ''), 'demo-zab-sachsen');
    const berlin = await resolveOwners(
      db,
      { stateCode: 'BE', districtAgs: '11000', countryCode: 'IN' },
      none,
    );
    assert.equal(slugs.get(berlin['accelerated-procedure'] ?? ''), 'demo-zab-be');
    assert.equal(slugs.get(berlin['residence-permit'] ?? ''), 'demo-abh-be');
    const leipzig = await resolveOwners(
      db,
      { stateCode: 'SN', districtAgs: '14713', countryCode: 'IN' },
      none,
    );
    assert.equal(
      slugs.get(leipzig['residence-permit'] ?? ''),
      'demo-abh-leipzig',
      'residence unknown: the job’s',
    );
  });

  it('opens a journey with entry and residence permit at the office of the district in the person’s profile', async () => {
    const db = t.database.db;
    const account = await makeAccount(db, 'applicant');
    const session = await sessionFor(t.app, db, account.personId, 'applicant');
    const applicant: Browser = { personId: account.personId, ...session, organisationId: null };
    const api = apiClient(t.app);
    await db
      .insert(applicantProfile)
      .values({ personId: applicant.personId, residenceAgs: '14626' })
      .onConflictDoUpdate({ target: applicantProfile.personId, set: { residenceAgs: '14626' } });
    const res = await api.open(applicant, {
      ...OPEN_BODY,
      place: { stateCode: 'SN', districtAgs: '14713', countryCode: 'IN' },
    });
    assert.equal(res.statusCode, 201, res.body);
    const id = (JSON.parse(res.body) as { journeyId: string }).journeyId;
    const steps = await db
      .select({ kind: journeyStep.kind, slug: organisation.slug })
      .from(journeyStep)
      .leftJoin(organisation, eq(organisation.id, journeyStep.ownerId))
      .where(eq(journeyStep.journeyId, id));
    const owner = Object.fromEntries(steps.map((s) => [s.kind, s.slug]));
    assert.equal(owner['residence-permit'], 'demo-abh-goerlitz', 'where she lives');
    assert.equal(owner['entry-registration'], 'demo-abh-goerlitz');
    assert.equal(owner['accelerated-procedure'], 'demo-zab-sachsen', 'the job’s state');
  });

  it('keeps a demo account (one that signs in) for the Leipzig foreigners’ office', async () => {
    const [abh] = await t.database.db
      .select({ slug: organisation.slug })
      .from(person)
      .innerJoin(
        roleAssignment,
        and(eq(roleAssignment.personId, person.id), isNull(roleAssignment.revokedAt)),
      )
      .innerJoin(organisation, eq(organisation.id, roleAssignment.organisationId))
      .where(eq(person.email, `abh@${DEMO_DOMAIN}`));
    assert.equal(abh?.slug, 'demo-abh-leipzig');
  });
});
