import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildTestApp, cookieHeader, type TestApp } from '../../../test/support/app.ts';
import { SoftAuthenticator } from '../../../test/support/authenticator.ts';
import {
  makeAccount,
  makeOrganisation,
  randomAddress,
  sessionFor,
  TEST_PASSWORD,
} from '../../../test/support/identity.ts';
import { mayAttempt, POLICY, RELATIONS, type Relation } from '../../domain/access/policy.ts';
import { ROLE_ORGANISATION_KINDS, ROLES, type Role } from '../../domain/access/roles.ts';
import { declaredRoutes } from '../../platform/http/policy.ts';
import { DEMO_ORGANISATIONS } from '../../seed/identity-demo.ts';
import { applicantProfile, consent, organisation } from '../people/schema.ts';
import type { NewOrganisation } from './accounts/service.ts';
import { requestErasure } from './admin/erasure.ts';
import { sha256 } from './credentials.ts';
import { passkey } from './schema.ts';

/**
 * The authorisation matrix, generated from the policy: every protected route × every role
 * (× every relation for routes on another person's data) is executed. Allowed cells answer
 * 2xx/3xx; denied cells never answer 2xx, never 500, and carry none of the subject's data.
 */

interface Browser {
  personId: string;
  cookie: string;
  csrfToken: string;
  token: string;
}

interface Ctx {
  t: TestApp;
  role: Role;
  fresh: () => Promise<Browser>;
  organisationId: string;
}

type Build = (ctx: Ctx, b: Browser) => Promise<InjectOptions>;

const get =
  (url: string): Build =>
  async (_c, b) => ({ method: 'GET', url, headers: { cookie: b.cookie } });
const post =
  (url: string, body: (c: Ctx, b: Browser) => Promise<Record<string, string>> = async () => ({})): Build =>
  async (c, b) => ({
    method: 'POST',
    url,
    headers: { cookie: b.cookie, 'x-csrf-token': b.csrfToken },
    payload: await body(c, b),
  });
const form =
  (url: string, body: (c: Ctx, b: Browser) => Promise<Record<string, string>> = async () => ({})): Build =>
  async (c, b) => ({
    method: 'POST',
    url,
    headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: b.csrfToken, ...(await body(c, b)) }).toString(),
  });
const otherSession = async (c: Ctx, b: Browser) => {
  const other = await sessionFor(c.t.app, c.t.database.db, b.personId, c.role);
  return { id: sha256(other.token) };
};
const consentToDelete = async (c: Ctx, b: Browser) => {
  await c.t.database.db
    .insert(consent)
    .values({ personId: b.personId, organisationId: c.organisationId, grantedAt: new Date() });
  return { id: c.organisationId };
};

const openErasureRequest = async (c: Ctx) => {
  const someone = await makeAccount(c.t.database.db, 'applicant');
  return requestErasure(c.t.database.db, someone.personId, undefined, new Date());
};

const newOrganisationForm = async () => ({
  kind: 'counselling-centre',
  name: `Matrix ${randomUUID().slice(0, 8)}`,
  district: '14626',
});
const newAddress = async () => ({
  newEmail: `moved-${randomUUID().slice(0, 8)}@example.org`,
  currentPassword: TEST_PASSWORD,
});
/** A passkey of the actor, to remove. */
const ownPasskey = async (c: Ctx, b: Browser) => {
  const id = randomUUID();
  await c.t.database.db
    .insert(passkey)
    .values({ id, personId: b.personId, publicKey: 'x', counter: 0, createdAt: new Date() });
  return { id };
};

/** Routes that act only on the actor's own things (or on no personal data): one cell per role. */
const OWN_ROUTES: Record<string, Build> = {
  'GET /api/v1/me': get('/api/v1/me'),
  'GET /api/v1/me/sessions': get('/api/v1/me/sessions'),
  'GET /api/v1/auth/csrf': get('/api/v1/auth/csrf'),
  'DELETE /api/v1/me/sessions/:id': async (c, b) => ({
    method: 'DELETE',
    url: `/api/v1/me/sessions/${(await otherSession(c, b)).id}`,
    headers: { cookie: b.cookie, 'x-csrf-token': b.csrfToken },
  }),
  'GET /api/v1/me/access-log': get('/api/v1/me/access-log'),
  'GET /api/v1/me/export': get('/api/v1/me/export'),
  'GET /api/v1/me/consents': get('/api/v1/me/consents'),
  'POST /api/v1/me/consents': post('/api/v1/me/consents', async (c) => ({
    organisationId: c.organisationId,
  })),
  'DELETE /api/v1/me/consents/:id': async (c, b) => ({
    method: 'DELETE',
    url: `/api/v1/me/consents/${(await consentToDelete(c, b)).id}`,
    headers: { cookie: b.cookie, 'x-csrf-token': b.csrfToken },
  }),
  'GET /api/v1/organisations': get('/api/v1/organisations'),
  'GET /api/v1/admin/outbox': get('/api/v1/admin/outbox'),
  'POST /api/v1/auth/logout': post('/api/v1/auth/logout'),
  'POST /api/v1/auth/logout-everywhere': post('/api/v1/auth/logout-everywhere'),
  'GET /de/konto': get('/de/konto'),
  'GET /en/account': get('/en/account'),
  'GET /de/konto/sitzungen': get('/de/konto/sitzungen'),
  'GET /en/account/sessions': get('/en/account/sessions'),
  'POST /de/konto/sitzungen': form('/de/konto/sitzungen', otherSession),
  'POST /en/account/sessions': form('/en/account/sessions', otherSession),
  'GET /de/konto/zugriffe': get('/de/konto/zugriffe'),
  'GET /en/account/access-log': get('/en/account/access-log'),
  'GET /de/konto/daten': get('/de/konto/daten'),
  'GET /en/account/data': get('/en/account/data'),
  'GET /de/verwaltung/postausgang': get('/de/verwaltung/postausgang'),
  'GET /en/admin/outbox': get('/en/admin/outbox'),
  'PUT /api/v1/me/profile': async (_c, b) => ({
    method: 'PUT',
    url: '/api/v1/me/profile',
    headers: { cookie: b.cookie, 'x-csrf-token': b.csrfToken },
    payload: { residenceAgs: '14626', countryCode: 'IN' },
  }),
  'POST /api/v1/me/erasure-request': post('/api/v1/me/erasure-request', async () => ({ reason: 'matrix' })),
  'GET /api/v1/admin/erasure-requests': get('/api/v1/admin/erasure-requests'),
  'POST /api/v1/admin/erasure-requests/:id': async (c, b) => {
    const someone = await makeAccount(c.t.database.db, 'applicant');
    const id = await requestErasure(c.t.database.db, someone.personId, undefined, new Date());
    return {
      method: 'POST',
      url: `/api/v1/admin/erasure-requests/${id}`,
      headers: { cookie: b.cookie, 'x-csrf-token': b.csrfToken },
      payload: { outcome: 'refused', note: 'matrix' },
    };
  },
  'POST /api/v1/admin/organisations': post('/api/v1/admin/organisations', async () => ({
    slug: `matrix-${randomUUID().slice(0, 8)}`,
    name: 'Matrix organisation',
    kind: 'counselling-centre',
    jurisdictions: [{ scope: 'district', ags: '14626' }] as unknown as string,
  })),
  'GET /de/konto/einwilligungen': get('/de/konto/einwilligungen'),
  'GET /en/account/consents': get('/en/account/consents'),
  'POST /de/konto/einwilligungen': form('/de/konto/einwilligungen', async (c) => ({
    organisationId: c.organisationId,
  })),
  'POST /en/account/consents': form('/en/account/consents', async (c) => ({
    organisationId: c.organisationId,
  })),
  'POST /de/konto/einwilligungen/widerrufen': form('/de/konto/einwilligungen/widerrufen', async (c, b) => ({
    organisationId: (await consentToDelete(c, b)).id,
  })),
  'POST /en/account/consents/withdraw': form('/en/account/consents/withdraw', async (c, b) => ({
    organisationId: (await consentToDelete(c, b)).id,
  })),
  'GET /de/konto/loeschung': get('/de/konto/loeschung'),
  'GET /en/account/erasure': get('/en/account/erasure'),
  'POST /de/konto/loeschung': form('/de/konto/loeschung'),
  'POST /en/account/erasure': form('/en/account/erasure'),
  'GET /de/verwaltung/loeschantraege': get('/de/verwaltung/loeschantraege'),
  'GET /en/admin/erasure-requests': get('/en/admin/erasure-requests'),
  'POST /de/verwaltung/loeschantraege': form('/de/verwaltung/loeschantraege', async (c) => ({
    id: await openErasureRequest(c),
    outcome: 'refused',
  })),
  'POST /en/admin/erasure-requests': form('/en/admin/erasure-requests', async (c) => ({
    id: await openErasureRequest(c),
    outcome: 'refused',
  })),
  'POST /api/v1/me/password': post('/api/v1/me/password', async () => ({
    currentPassword: TEST_PASSWORD,
    newPassword: TEST_PASSWORD,
  })),
  'GET /de/konto/passwort': get('/de/konto/passwort'),
  'GET /en/account/password': get('/en/account/password'),
  'POST /de/konto/passwort': form('/de/konto/passwort', async () => ({
    currentPassword: TEST_PASSWORD,
    newPassword: TEST_PASSWORD,
  })),
  'POST /en/account/password': form('/en/account/password', async () => ({
    currentPassword: TEST_PASSWORD,
    newPassword: TEST_PASSWORD,
  })),
  'POST /api/v1/me/passkeys/options': post('/api/v1/me/passkeys/options'),
  'POST /api/v1/me/passkeys': async (c, b) => {
    const headers = { cookie: b.cookie, 'x-csrf-token': b.csrfToken };
    const opts = await c.t.app.inject({ method: 'POST', url: '/api/v1/me/passkeys/options', headers });
    const answer =
      opts.statusCode === 200
        ? new SoftAuthenticator('localhost', 'http://localhost:3000').register(opts.json())
        : { id: 'x', rawId: 'x', type: 'public-key', response: {} };
    return {
      method: 'POST',
      url: '/api/v1/me/passkeys',
      headers: { ...headers, cookie: `${b.cookie}; ${cookieHeader(opts)}` },
      payload: answer,
    };
  },
  'GET /de/verwaltung/organisationen': get('/de/verwaltung/organisationen'),
  'GET /en/admin/organisations': get('/en/admin/organisations'),
  'GET /de/verwaltung/organisationen/neu': get('/de/verwaltung/organisationen/neu'),
  'GET /en/admin/organisations/new': get('/en/admin/organisations/new'),
  'POST /de/verwaltung/organisationen/neu': form('/de/verwaltung/organisationen/neu', newOrganisationForm),
  'POST /en/admin/organisations/new': form('/en/admin/organisations/new', newOrganisationForm),
  'GET /de/konto/passkeys': get('/de/konto/passkeys'),
  'GET /en/account/passkeys': get('/en/account/passkeys'),
  'POST /de/konto/passkeys/entfernen': form('/de/konto/passkeys/entfernen', ownPasskey),
  'POST /en/account/passkeys/remove': form('/en/account/passkeys/remove', ownPasskey),
  'GET /de/konto/email': get('/de/konto/email'),
  'GET /en/account/email': get('/en/account/email'),
  'POST /de/konto/email': form('/de/konto/email', newAddress),
  'POST /en/account/email': form('/en/account/email', newAddress),
  'POST /de/abmelden': form('/de/abmelden'),
  'POST /en/sign-out': form('/en/sign-out'),
};

/** The role an invitation into an organisation of this kind would carry. */
function roleForKind(kind: string): Role {
  return (
    ROLES.find(
      (r) => (ROLE_ORGANISATION_KINDS[r] as readonly string[]).includes(kind) && r !== 'employer-admin',
    ) ?? 'employer-member'
  );
}

type OrgBuild = (c: Ctx, b: Browser, org: { id: string; kind: string }) => Promise<InjectOptions>;

/** Routes on an organisation's role assignments: one cell per role and organisation relation. */
const ORGANISATION_ROUTES: Record<string, OrgBuild> = {
  'POST /api/v1/organisations/:id/roles': async (_c, b, org) => ({
    method: 'POST',
    url: `/api/v1/organisations/${org.id}/roles`,
    headers: { cookie: b.cookie, 'x-csrf-token': b.csrfToken },
    payload: { email: `invitee-${randomUUID().slice(0, 8)}@example.org`, role: roleForKind(org.kind) },
  }),
  'DELETE /api/v1/organisations/:id/roles/:personId/:role': async (c, b, org) => {
    const slug = (await c.t.database.db.select().from(organisation).where(eq(organisation.id, org.id)))[0]
      ?.slug;
    const member = await makeAccount(c.t.database.db, roleForKind(org.kind), slug);
    return {
      method: 'DELETE',
      url: `/api/v1/organisations/${org.id}/roles/${member.personId}/${roleForKind(org.kind)}`,
      headers: { cookie: b.cookie, 'x-csrf-token': b.csrfToken },
    };
  },
};

const inviteForm =
  (url: string): OrgBuild =>
  async (_c, b, org) => ({
    method: 'POST',
    url,
    headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      _csrf: b.csrfToken,
      organisationId: org.id,
      [`email-${org.id}`]: `invitee-${randomUUID().slice(0, 8)}@example.org`,
      [`role-${org.id}`]: roleForKind(org.kind),
    }).toString(),
  });
const revokeForm =
  (url: string): OrgBuild =>
  async (c, b, org) => {
    const slug = (await c.t.database.db.select().from(organisation).where(eq(organisation.id, org.id)))[0]
      ?.slug;
    const member = await makeAccount(c.t.database.db, roleForKind(org.kind), slug);
    return {
      method: 'POST',
      url,
      headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: b.csrfToken,
        organisationId: org.id,
        personId: member.personId,
        role: roleForKind(org.kind),
      }).toString(),
    };
  };
ORGANISATION_ROUTES['POST /de/verwaltung/organisationen/einladen'] = inviteForm(
  '/de/verwaltung/organisationen/einladen',
);
ORGANISATION_ROUTES['POST /en/admin/organisations/invite'] = inviteForm('/en/admin/organisations/invite');
ORGANISATION_ROUTES['POST /de/verwaltung/organisationen/entziehen'] = revokeForm(
  '/de/verwaltung/organisationen/entziehen',
);
ORGANISATION_ROUTES['POST /en/admin/organisations/revoke'] = revokeForm('/en/admin/organisations/revoke');
const jurisdictionPage =
  (url: (id: string) => string): OrgBuild =>
  async (_c, b, org) => ({ method: 'GET', url: url(org.id), headers: { cookie: b.cookie } });
const jurisdictionForm =
  (url: (id: string) => string): OrgBuild =>
  async (_c, b, org) => ({
    method: 'POST',
    url: url(org.id),
    headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams([
      ['_csrf', b.csrfToken],
      ['name', `Matrix ${randomUUID().slice(0, 8)}`],
      ['state', 'SN'],
      ['district', '14626'],
    ]).toString(),
  });
const deJurisdiction = (id: string) => `/de/verwaltung/organisationen/${id}/zustaendigkeit`;
const enJurisdiction = (id: string) => `/en/admin/organisations/${id}/jurisdiction`;
ORGANISATION_ROUTES['GET /de/verwaltung/organisationen/:id/zustaendigkeit'] =
  jurisdictionPage(deJurisdiction);
ORGANISATION_ROUTES['GET /en/admin/organisations/:id/jurisdiction'] = jurisdictionPage(enJurisdiction);
ORGANISATION_ROUTES['POST /de/verwaltung/organisationen/:id/zustaendigkeit'] =
  jurisdictionForm(deJurisdiction);
ORGANISATION_ROUTES['POST /en/admin/organisations/:id/jurisdiction'] = jurisdictionForm(enJurisdiction);

/** The resources this feature owns in the policy. */
const IDENTITY_RESOURCES = [
  'account',
  'session',
  'access-log',
  'consent',
  'applicant-profile',
  'organisation',
  'role-assignment',
  'outbox',
  'erasure-request',
] as const;

/** Routes on another person's data: one cell per role and relation. */
const PERSONAL_ROUTES: Record<
  string,
  {
    method: 'GET' | 'DELETE' | 'POST';
    url: (subjectId: string) => string;
    form?: (subjectId: string) => Record<string, string>;
  }
> = {
  'GET /api/v1/applicants/:id': { method: 'GET', url: (id) => `/api/v1/applicants/${id}` },
  'DELETE /api/v1/admin/people/:id/sessions': {
    method: 'DELETE',
    url: (id) => `/api/v1/admin/people/${id}/sessions`,
  },
  'POST /de/verwaltung/sitzungen-beenden': {
    method: 'POST',
    url: () => '/de/verwaltung/sitzungen-beenden',
    form: (id) => ({ personId: id }),
  },
  'POST /en/admin/end-sessions': {
    method: 'POST',
    url: () => '/en/admin/end-sessions',
    form: (id) => ({ personId: id }),
  },
};

function orgFor(role: Role): NewOrganisation | undefined {
  const kind = ROLE_ORGANISATION_KINDS[role][0];
  return kind ? DEMO_ORGANISATIONS.find((o) => o.kind === kind) : undefined;
}

function assertNever2xxOr500(res: LightMyRequestResponse, what: string) {
  assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${what}: denied cell answered ${res.statusCode}`);
}

describe('authorisation matrix (generated from the policy)', () => {
  let t: TestApp;
  const orgIds = new Map<string, string>();
  const actors = new Map<Role, string>();
  /** Per role: the subject person for each relation, or why the relation cannot exist for that role. */
  const subjects = new Map<Role, Partial<Record<Relation, string>>>();
  const SECRET_COUNTRY = 'CL';

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    for (const org of DEMO_ORGANISATIONS) orgIds.set(org.slug, await makeOrganisation(db, org));
    orgIds.set(
      'matrix-other-employer',
      await makeOrganisation(db, {
        slug: 'matrix-other-employer',
        name: 'Other employer',
        kind: 'employer',
        jurisdictions: [],
      }),
    );
    const profile = async (personId: string, p: { residenceAgs?: string; countryCode?: string }) => {
      await db.insert(applicantProfile).values({ personId, ...p });
    };
    const other = await makeAccount(db, 'applicant');
    await profile(other.personId, { countryCode: SECRET_COUNTRY });
    for (const role of ROLES) {
      const org = orgFor(role);
      const actor = await makeAccount(db, role, org?.slug);
      actors.set(role, actor.personId);
      const s: Partial<Record<Relation, string>> = { own: actor.personId, other: other.personId };
      if (org) {
        const orgId = orgIds.get(org.slug) ?? '';
        s['own-organisation'] = (await makeAccount(db, role, org.slug)).personId;
        const shared = await makeAccount(db, 'applicant');
        await profile(shared.personId, { countryCode: SECRET_COUNTRY });
        await db
          .insert(consent)
          .values({ personId: shared.personId, organisationId: orgId, grantedAt: new Date() });
        s['shared-by-consent'] = shared.personId;
        const j = org.jurisdictions[0];
        if (j) {
          const within = await makeAccount(db, 'applicant');
          await profile(
            within.personId,
            j.scope === 'country'
              ? { countryCode: j.countryCode }
              : {
                  residenceAgs:
                    j.scope === 'district'
                      ? j.ags
                      : j.scope === 'state' && j.stateCode === 'SN'
                        ? '14612'
                        : '12054',
                },
          );
          s['within-jurisdiction'] = within.personId;
        }
      }
      subjects.set(role, s);
    }
  });
  after(() => t.close());

  it('has a matrix case for every protected route on the resources of this feature', () => {
    // Other features (journeys, documents) name their own resources and keep their own matrix
    // cases next to their routes; this file covers the identity resources completely.
    const mine = new Set<string>(IDENTITY_RESOURCES);
    const protectedRoutes = declaredRoutes(t.app)
      .filter((r) => !('public' in r.policy) && mine.has(r.policy.resource))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    const covered = [
      ...Object.keys(OWN_ROUTES),
      ...Object.keys(PERSONAL_ROUTES),
      ...Object.keys(ORGANISATION_ROUTES),
    ].sort();
    assert.deepEqual(covered, protectedRoutes);
  });

  it('refuses every protected route to anonymous visitors without 2xx', async () => {
    for (const r of declaredRoutes(t.app).filter((x) => !('public' in x.policy))) {
      const url = r.url.replace(':id', randomUUID());
      const res = await t.app.inject({ method: r.method as 'GET', url });
      assert.ok(
        res.statusCode === 303 || (res.statusCode >= 400 && res.statusCode < 500),
        `${r.method} ${r.url} answered ${res.statusCode}`,
      );
    }
  });

  for (const role of ROLES) {
    it(`executes every route for role ${role}`, async () => {
      const personId = actors.get(role) ?? '';
      const org = orgFor(role);
      const ctx: Ctx = {
        t,
        role,
        fresh: async () => ({ personId, ...(await sessionFor(t.app, t.database.db, personId, role)) }),
        organisationId: org ? (orgIds.get(org.slug) ?? '') : (orgIds.get('demo-beratung-dresden') ?? ''),
      };
      let executed = 0;
      for (const [key, build] of Object.entries(OWN_ROUTES)) {
        const policy = declaredRoutes(t.app).find((r) => `${r.method} ${r.url}` === key)?.policy;
        assert.ok(policy && !('public' in policy), `${key} is protected`);
        const allowed = mayAttempt([role], policy.action, policy.resource);
        const browser = await ctx.fresh();
        const res = await t.app.inject({ ...(await build(ctx, browser)), remoteAddress: randomAddress() });
        executed++;
        if (allowed)
          assert.ok(
            res.statusCode < 400,
            `${role} ${key}: allowed cell answered ${res.statusCode} ${res.body.slice(0, 200)}`,
          );
        else {
          assertNever2xxOr500(res, `${role} ${key}`);
          assert.equal(res.statusCode, 403, `${role} ${key}: function-level denial is 403`);
        }
      }
      for (const [key, build] of Object.entries(ORGANISATION_ROUTES)) {
        const policy = declaredRoutes(t.app).find((r) => `${r.method} ${r.url}` === key)?.policy;
        assert.ok(policy && !('public' in policy));
        const rules = POLICY[policy.resource][policy.action]?.[role] ?? [];
        const targets: [Relation, { id: string; kind: string } | undefined][] = [
          ['own-organisation', org ? { id: orgIds.get(org.slug) ?? '', kind: org.kind } : undefined],
          ['other', { id: orgIds.get('matrix-other-employer') ?? '', kind: 'employer' }],
        ];
        for (const [relation, target] of targets) {
          if (!target) continue;
          const b = await ctx.fresh();
          const res = await t.app.inject({
            ...(await build(ctx, b, target)),
            remoteAddress: randomAddress(),
          });
          executed++;
          const what = `${role} ${key} (${relation})`;
          // every organisation is also 'other' to the actor
          if (rules.includes(relation) || rules.includes('other'))
            assert.ok(res.statusCode < 400, `${what}: allowed cell answered ${res.statusCode} ${res.body}`);
          else {
            assertNever2xxOr500(res, what);
            assert.equal(res.statusCode, rules.length > 0 ? 404 : 403, `${what}`);
          }
        }
      }
      for (const [key, route] of Object.entries(PERSONAL_ROUTES)) {
        const policy = declaredRoutes(t.app).find((r) => `${r.method} ${r.url}` === key)?.policy;
        assert.ok(policy && !('public' in policy));
        const rules = POLICY[policy.resource][policy.action]?.[role] ?? [];
        const call = async (subjectId: string) => {
          const b = await ctx.fresh(); // a state-changing cell may end the session it runs in
          if (route.form)
            return t.app.inject({
              method: route.method,
              url: route.url(subjectId),
              headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' },
              payload: new URLSearchParams({ _csrf: b.csrfToken, ...route.form(subjectId) }).toString(),
            });
          return t.app.inject({
            method: route.method,
            url: route.url(subjectId),
            headers: { cookie: b.cookie, ...(route.method === 'GET' ? {} : { 'x-csrf-token': b.csrfToken }) },
          });
        };
        for (const relation of RELATIONS) {
          const subject = subjects.get(role)?.[relation];
          if (!subject) continue; // the relation cannot exist for this role (no organisation or no jurisdiction)
          const res = await call(subject);
          executed++;
          const what = `${role} ${key} (${relation})`;
          // every object is also 'other' to the actor
          if (rules.includes(relation) || rules.includes('other')) {
            assert.ok(
              res.statusCode >= 200 && res.statusCode < (route.form ? 400 : 300),
              `${what}: allowed cell answered ${res.statusCode}`,
            );
            if (route.method === 'GET') assert.equal((res.json() as { id: string }).id, subject);
          } else {
            assertNever2xxOr500(res, what);
            assert.equal(
              res.statusCode,
              rules.length > 0 ? 404 : 403,
              `${what}: outside reach is 404, no function is 403`,
            );
            assert.ok(
              !/countryCode|displayName|residenceAgs/.test(res.body) &&
                !res.body.includes(`"${SECRET_COUNTRY}"`),
              `${what}: leaks data`,
            );
          }
        }
        const ghost = await call(randomUUID());
        assert.equal(ghost.statusCode, rules.length > 0 ? 404 : 403, `${role} ${key} (no such person)`);
        const junk = await call('not-a-uuid');
        assert.ok(junk.statusCode >= 400 && junk.statusCode < 500);
      }
      assert.ok(executed >= Object.keys(OWN_ROUTES).length + 2);
    });
  }
});
