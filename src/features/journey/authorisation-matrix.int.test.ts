import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, type Browser, OPEN_BODY } from '../../../test/support/journey.ts';
import { type Action, mayAttempt, type Relation } from '../../domain/access/policy.ts';
import { POLICY } from '../../domain/access/policy-table.ts';
import { ROLES, type Role } from '../../domain/access/roles.ts';
import type { StepKind } from '../../domain/journey/index.ts';
import { declaredRoutes } from '../../platform/http/policy.ts';
import { document } from '../documents/schema.ts';
import type { NewOrganisation } from '../identity/accounts/service.ts';
import { consent } from '../people/schema.ts';
import { journeyRoleOf } from './access.ts';
import { journey } from './schema.ts';

/**
 * The authorisation matrix of the journey, generated from the policy: every role × every relation a journey
 * can have to the actor (own, family, own-organisation, shared-by-consent, other) is executed against the journey API
 * and pages. Allowed cells answer 2xx; denied cells answer 403 (no rule for the role) or 404 (outside reach,
 * the same as a missing journey) and carry none of the journey's data. The step pages follow `journey-step`: the
 * relation there is the step's (own-organisation = the organisation owning that step), and no page tells a viewer
 * about documents attached to the step that it may not read (neither their names nor how many there are).
 */

/** The placeholder the step page shows its owner for an attached document not shared with it (German). */
const NOT_SHARED = 'Ein Dokument, das nicht mit Ihrer Organisation geteilt ist';

const ORG_OF: Partial<Record<Role, NewOrganisation>> = {
  'employer-admin': {
    slug: 'm-employer-a',
    name: 'Matrix Arbeitgeber A',
    kind: 'employer',
    jurisdictions: [],
  },
  'employer-member': {
    slug: 'm-employer-b',
    name: 'Matrix Arbeitgeber B',
    kind: 'employer',
    jurisdictions: [],
  },
  counsellor: {
    slug: 'm-centre',
    name: 'Matrix Beratung',
    kind: 'counselling-centre',
    jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
  },
  'recognition-officer': {
    slug: 'm-recognition',
    name: 'Matrix Anerkennung',
    kind: 'recognition-authority',
    jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
    registryBodies: [{ table: 'recognition-authority', id: 'SN:nurse' }],
  },
  'foreigners-office-caseworker': {
    slug: 'm-abh',
    name: 'Matrix ABH',
    kind: 'foreigners-office',
    jurisdictions: [{ scope: 'district', ags: '14626' }],
  },
  'mission-officer': {
    slug: 'm-mission',
    name: 'Matrix Botschaft',
    kind: 'mission',
    jurisdictions: [{ scope: 'country', countryCode: 'IN' }],
  },
  'employment-agency-officer': {
    slug: 'm-ba',
    name: 'Matrix BA',
    kind: 'employment-agency',
    jurisdictions: [{ scope: 'nationwide' }],
  },
  'ministry-officer': {
    slug: 'm-ministry',
    name: 'Matrix Ministerium',
    kind: 'state-ministry',
    jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
  },
  administrator: { slug: 'm-operator', name: 'Matrix Betrieb', kind: 'operator', jurisdictions: [] },
};

const RELATIONS_TRIED: readonly Relation[] = [
  'own',
  'family',
  'own-organisation',
  'shared-by-consent',
  'other',
];

describe('journey authorisation matrix (generated from the policy)', () => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  const browsers = new Map<Role, Browser>();
  const orgIds = new Map<Role, string>();
  /** A journey per (role, relation) that has that relation to the role's browser, when one can exist. */
  const subjects = new Map<string, string>();
  /** The applicant of each journey opened here (not the family members' journeys: they have no session). */
  const owners = new Map<string, Browser>();
  /** The file name of the document each journey's applicant attached to its recognition step. */
  const attached = new Map<string, string>();
  /** The step kinds each subject journey's steps are owned by, by organisation. */
  const ownedSteps = new Map<string, Map<string, StepKind[]>>();

  before(async () => {
    t = await buildTestApp();
    api = apiClient(t.app);
    const db = t.database.db;
    const applicant = async () => {
      const a = await makeAccount(db, 'applicant');
      const s = await sessionFor(t.app, db, a.personId, 'applicant');
      return { personId: a.personId, ...s, organisationId: null } as Browser;
    };
    const open = async (owner: Browser) => {
      const res = await api.open(owner, OPEN_BODY);
      assert.equal(res.statusCode, 201, res.body);
      const id = (res.json() as { journeyId: string }).journeyId;
      owners.set(id, owner);
      return id;
    };
    // Journeys opened before any authority exists have no owners: nothing ties them to an organisation.
    const untied: { owner: Browser; id: string }[] = [];
    for (let i = 0; i < ROLES.length * 2; i++) {
      const owner = await applicant();
      untied.push({ owner, id: await open(owner) });
    }
    for (const role of ROLES) {
      const org = ORG_OF[role];
      if (org) orgIds.set(role, await makeOrganisation(db, org));
      const account = await makeAccount(db, role, org?.slug);
      const s = await sessionFor(t.app, db, account.personId, role);
      browsers.set(role, { personId: account.personId, ...s, organisationId: orgIds.get(role) ?? null });
    }
    for (const [i, role] of ROLES.entries()) {
      const me = browsers.get(role) as Browser;
      // own: the actor's own journey (only personal roles can open one)
      if (role === 'applicant' || role === 'family-member') {
        const own = await open(me);
        subjects.set(`${role}:own`, own);
        // family: the linked journey of a family member the actor added to their own journey
        const res = await api.send(me, 'POST', `/api/v1/journeys/${own}/family-members`, {
          relationship: 'spouse',
          name: 'Matrix Partner',
          birthDate: '1990-01-01',
          travel: 'later',
          email: `partner-of-${role}@example.org`,
        });
        assert.equal(res.statusCode, 201, res.body);
        subjects.set(`${role}:family`, (res.json() as { journeyId: string }).journeyId);
      }
      // other: someone else's journey with no tie to the actor
      subjects.set(`${role}:other`, untied[2 * i]?.id as string);
      const org = orgIds.get(role);
      if (!org) continue;
      // own-organisation: employer invited, or the organisation owns a step
      if (role === 'employer-admin' || role === 'employer-member') {
        const tied = await applicant();
        const id = await open(tied);
        const res = await api.command(tied, id, { type: 'invite-employer', employerId: org });
        assert.equal(res.statusCode, 200, res.body);
        subjects.set(`${role}:own-organisation`, id);
      } else if (role !== 'ministry-officer' && role !== 'administrator' && role !== 'counsellor') {
        const id = await open(await applicant());
        const [row] = await db.select().from(journey).where(eq(journey.id, id));
        const owns = Object.values(row?.state.steps ?? {}).some((s) => s.owner === org);
        assert.ok(owns, `${role}'s organisation owns a step`);
        subjects.set(`${role}:own-organisation`, id);
      } else if (role === 'counsellor') {
        // The counselling centre owns orientation and integration; it reads the journey only with consent.
        const tied = await applicant();
        const id = await open(tied);
        await db
          .insert(consent)
          .values({ personId: tied.personId, organisationId: org, grantedAt: new Date() });
        subjects.set(`${role}:own-organisation`, id);
      }
      // shared-by-consent: the applicant consented to the actor's organisation
      const consenting = untied[2 * i + 1] as { owner: Browser; id: string };
      await db
        .insert(consent)
        .values({ personId: consenting.owner.personId, organisationId: org, grantedAt: new Date() });
      subjects.set(`${role}:shared-by-consent`, consenting.id);
    }
    // Every journey whose applicant has a session attaches one document (not shared with anyone) to recognition.
    for (const id of new Set(subjects.values())) {
      const owner = owners.get(id);
      if (!owner) continue;
      const docId = randomUUID();
      const fileName = `Matrix-Zeugnis-${docId.slice(0, 8)}.pdf`;
      await db.insert(document).values({
        id: docId,
        ownerPersonId: owner.personId,
        storageKey: randomBytes(16).toString('hex'),
        fileName,
        mediaType: 'application/pdf',
        sizeBytes: 100,
        sha256: randomBytes(32).toString('hex'),
        category: 'qualification-certificate',
        createdAt: new Date(),
      });
      const res = await api.command(owner, id, { type: 'submit', step: 'recognition', documents: [docId] });
      assert.equal(res.statusCode, 200, res.body);
      attached.set(id, fileName);
    }
    for (const id of new Set(subjects.values())) {
      const [row] = await db.select().from(journey).where(eq(journey.id, id));
      const byOrg = new Map<string, StepKind[]>();
      for (const step of Object.values(row?.state.steps ?? {}))
        if (step.owner) byOrg.set(step.owner, [...(byOrg.get(step.owner) ?? []), step.kind]);
      ownedSteps.set(id, byOrg);
    }
  });
  after(() => t.close());

  const postForm = (me: Browser, url: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: me.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: me.csrfToken, ...fields }).toString(),
    });

  /** The relations a subject journey holds to the role: the centre owning a step also holds the consent. */
  const held = (role: Role, relation: Relation): Relation[] =>
    role === 'counsellor' && relation === 'own-organisation' ? [relation, 'shared-by-consent'] : [relation];

  /** The steps tried on a subject journey: recognition, and every step the role's organisation owns there. */
  const stepsTried = (role: Role, id: string): StepKind[] => [
    ...new Set<StepKind>(['recognition', ...(ownedSteps.get(id)?.get(orgIds.get(role) ?? '') ?? [])]),
  ];

  /** Every (role, relation, step) cell of the step pages: recognition and the steps the role's organisation owns. */
  function* stepCells() {
    for (const role of ROLES) {
      const me = browsers.get(role) as Browser;
      for (const relation of RELATIONS_TRIED) {
        const id = subjects.get(`${role}:${relation}`);
        if (id) for (const step of stepsTried(role, id)) yield { role, me, relation, id, step };
      }
    }
  }

  /**
   * The expected answer of a step page: the journey must be readable, then `journey-step` decides with the
   * step's relation (own-organisation only for the organisation owning this very step).
   */
  function stepExpectation(
    role: Role,
    relation: Relation,
    id: string,
    step: StepKind,
    action: Action,
  ): { status: number; stepRelation: Relation | null } {
    if (!mayAttempt([role], action, 'journey-step')) return { status: 403, stepRelation: null };
    const journeyOk = held(role, relation).some((r) => (POLICY.journey.read?.[role] ?? []).includes(r));
    const ownsStep = (ownedSteps.get(id)?.get(orgIds.get(role) ?? '') ?? []).includes(step);
    // On the step, own-organisation holds only for the organisation owning this very step.
    const ofStep = held(role, relation).filter((r) => r !== 'own-organisation' || ownsStep);
    const rules = POLICY['journey-step'][action]?.[role] ?? [];
    const stepRelation = ofStep.find((r) => rules.includes(r)) ?? null;
    return { status: journeyOk && stepRelation ? 200 : 404, stepRelation };
  }

  // The journey's XAusländer message (issue 20, src/features/interop) has its own pair, narrower than journey-step.
  it('names the journey routes with journey, work-queue or XAusländer pairs only', () => {
    const mine = declaredRoutes(t.app).filter((r) =>
      /journeys|work-queue|mein-weg|my-journey|wege|arbeitsliste/.test(r.url),
    );
    assert.ok(mine.length >= 16);
    for (const r of mine) {
      assert.ok(!('public' in r.policy), `${r.method} ${r.url} is protected`);
      assert.ok(
        ['journey', 'journey-step', 'work-queue', 'xauslaender-message'].includes(
          (r.policy as { resource: string }).resource,
        ),
      );
    }
  });

  for (const [action, route] of [
    ['read', (id: string) => `/api/v1/journeys/${id}`],
    ['read', (id: string) => `/api/v1/journeys/${id}/events`],
    ['read', (id: string) => `/de/wege/${id}`],
  ] as const) {
    it(`GET ${route(':id')}: every role × relation as the policy says`, async () => {
      const rules = POLICY.journey[action] ?? {};
      for (const role of ROLES) {
        const me = browsers.get(role) as Browser;
        for (const relation of RELATIONS_TRIED) {
          const id = subjects.get(`${role}:${relation}`);
          if (!id) continue;
          const res = await api.send(me, 'GET', route(id));
          const allowed = held(role, relation).some((r) => (rules[role] ?? []).includes(r));
          const what = `${role} × ${relation} → ${res.statusCode}`;
          if (allowed) {
            assert.equal(res.statusCode, 200, what);
            const fileName = attached.get(id);
            if (journeyRoleOf(role) === 'employer' && fileName) {
              assert.ok(!res.body.includes(fileName), `${what}: no document name for an employer`);
              assert.ok(!res.body.includes('"documents"'), `${what}: no document ids for an employer`);
              assert.ok(!res.body.includes(NOT_SHARED), `${what}: no document count for an employer`);
            }
          } else {
            const expected = mayAttempt([role], action, 'journey') ? 404 : 403;
            assert.equal(res.statusCode, expected, what);
            assert.ok(
              !res.body.includes('"steps"') && !res.body.includes('Pflegefachfrau'),
              `${what}: leaks nothing`,
            );
          }
        }
      }
    });
  }

  it('GET /de/wege/:id/schritte/:step: every role × relation × step as journey-step says, no document oracle', async () => {
    const tried = new Set<string>();
    for (const { role, me, relation, id, step } of stepCells()) {
      const res = await api.send(me, 'GET', `/de/wege/${id}/schritte/${step}`);
      const expected = stepExpectation(role, relation, id, step, 'read');
      tried.add(`${expected.status}:${expected.stepRelation}`);
      const what = `${role} × ${relation} × ${step} → ${res.statusCode}`;
      assert.equal(res.statusCode, expected.status, what);
      const fileName: string = attached.get(id) ?? 'no document attached';
      const onStep = step === 'recognition';
      // The attached document's name: only the applicant (nothing is shared in this matrix).
      assert.equal(res.body.includes(fileName), expected.stepRelation === 'own' && onStep, `${what}: name`);
      // That a document is attached at all (its placeholder): only the organisation owning the step.
      assert.equal(
        res.body.includes(NOT_SHARED),
        expected.stepRelation === 'own-organisation' && onStep && attached.has(id),
        `${what}: count`,
      );
      // The owner's form: only the organisation owning the step.
      assert.equal(
        res.body.includes('name="action"'),
        expected.stepRelation === 'own-organisation',
        `${what}: form`,
      );
      if (expected.status !== 200) assert.ok(!res.body.includes('Pflegefachfrau'), `${what}: leaks nothing`);
    }
    // Every kind of cell was tried: no rule, outside reach, and each relation that opens a step page.
    for (const cell of ['403:null', '404:null', '200:own', '200:own-organisation', '200:shared-by-consent'])
      assert.ok(tried.has(cell), `no cell ${cell}`);
  });

  it('POST /de/wege/:id/schritte/:step with bad input: re-rendered for the step’s owner only', async () => {
    for (const { role, me, relation, id, step } of stepCells()) {
      const res = await postForm(me, `/de/wege/${id}/schritte/${step}`, { action: 'nonsense' });
      const expected = stepExpectation(role, relation, id, step, 'update');
      const what = `${role} × ${relation} × ${step} → ${res.statusCode}`;
      assert.equal(res.statusCode, expected.status === 200 ? 422 : expected.status, what);
      if (expected.status !== 200) {
        assert.ok(!res.body.includes('Pflegefachfrau'), `${what}: leaks nothing`);
        assert.ok(!res.body.includes(attached.get(id) ?? 'no document attached'), `${what}: no name`);
      }
    }
  });

  it('POST /api/v1/journeys/:id/commands: outside reach is 404 before the core decides; no rule 403', async () => {
    const rules = POLICY.journey.update ?? {};
    for (const role of ROLES) {
      const me = browsers.get(role) as Browser;
      const id = subjects.get(`${role}:other`) as string;
      const res = await api.command(me, id, { type: 'withdraw', step: 'integration' });
      assert.equal(res.statusCode, (rules[role] ?? []).length > 0 ? 404 : 403, `${role}: ${res.body}`);
    }
  });

  it('GET /api/v1/work-queue: authorities only', async () => {
    const rules = POLICY['work-queue'].read ?? {};
    for (const role of ROLES) {
      const res = await api.send(browsers.get(role) as Browser, 'GET', '/api/v1/work-queue');
      assert.equal(res.statusCode, (rules[role] ?? []).length > 0 ? 200 : 403, role);
    }
  });

  it('POST /api/v1/journeys: applicants and family members only', async () => {
    const rules = POLICY.journey.create ?? {};
    for (const role of ROLES) {
      const res = await api.open(browsers.get(role) as Browser);
      assert.equal(res.statusCode, (rules[role] ?? []).length > 0 ? 201 : 403, `${role}: ${res.body}`);
    }
  });

  it('withdrawing consent takes effect on the next request', async () => {
    const me = browsers.get('counsellor') as Browser;
    const id = subjects.get('counsellor:shared-by-consent') as string;
    assert.equal((await api.get(me, id)).statusCode, 200);
    await t.database.db
      .update(consent)
      .set({ withdrawnAt: new Date() })
      .where(eq(consent.organisationId, orgIds.get('counsellor') as string));
    assert.equal((await api.get(me, id)).statusCode, 404);
  });
});
