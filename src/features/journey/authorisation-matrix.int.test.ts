import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { mayAttempt, POLICY, type Relation } from '../../domain/access/policy.ts';
import { ROLES, type Role } from '../../domain/access/roles.ts';
import { declaredRoutes } from '../../platform/http/policy.ts';
import type { NewOrganisation } from '../identity/accounts.ts';
import { consent } from '../identity/schema.ts';
import { journey } from './schema.ts';
import { apiClient, type Browser, OPEN_BODY } from './testing.ts';

/**
 * The authorisation matrix of the journey, generated from the policy: every role × every relation a journey
 * can have to the actor (own, family, own-organisation, shared-by-consent, other) is executed against the journey API
 * and pages. Allowed cells answer 2xx; denied cells answer 403 (no rule for the role) or 404 (outside reach,
 * the same as a missing journey) and carry none of the journey's data.
 */

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
    jurisdictions: [{ scope: 'state', stateCode: 'TH' }],
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
      return (res.json() as { journeyId: string }).journeyId;
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
      }
      // shared-by-consent: the applicant consented to the actor's organisation
      const consenting = untied[2 * i + 1] as { owner: Browser; id: string };
      await db
        .insert(consent)
        .values({ personId: consenting.owner.personId, organisationId: org, grantedAt: new Date() });
      subjects.set(`${role}:shared-by-consent`, consenting.id);
    }
  });
  after(() => t.close());

  it('names the journey routes with journey or work-queue pairs only', () => {
    const mine = declaredRoutes(t.app).filter((r) =>
      /journeys|work-queue|mein-weg|my-journey|wege|arbeitsliste/.test(r.url),
    );
    assert.ok(mine.length >= 16);
    for (const r of mine) {
      assert.ok(!('public' in r.policy), `${r.method} ${r.url} is protected`);
      assert.ok(['journey', 'work-queue'].includes((r.policy as { resource: string }).resource));
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
          const allowed = (rules[role] ?? []).includes(relation);
          const what = `${role} × ${relation} → ${res.statusCode}`;
          if (allowed) assert.equal(res.statusCode, 200, what);
          else {
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
