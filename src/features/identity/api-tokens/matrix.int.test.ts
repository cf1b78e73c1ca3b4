import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../../test/support/identity.ts';
import { POLICY, type Relation } from '../../../domain/access/policy.ts';
import { ROLE_ORGANISATION_KINDS, ROLES } from '../../../domain/access/roles.ts';
import { declaredRoutes } from '../../../platform/http/policy.ts';
import { DEMO_ORGANISATIONS } from '../../../seed/identity-demo.ts';
import { sha256 } from '../credentials.ts';
import { apiToken } from '../schema.ts';
import { newApiToken } from './service.ts';

/**
 * The authorisation matrix of the `api-token` routes, generated from the policy: every route × every role × the
 * actor's own organisation and another one. Allowed cells answer 200/303, a role without any rule 403, an
 * organisation outside reach 404.
 */
describe('authorisation matrix of API token administration', () => {
  let t: TestApp;
  const orgIds = new Map<string, string>();
  let otherOrg = '';

  const tokenIn = async (organisationId: string) => {
    const secret = newApiToken();
    const [row] = await t.database.db
      .insert(apiToken)
      .values({
        organisationId,
        name: 'Matrix',
        tokenHash: sha256(secret),
        displayPrefix: secret.slice(0, 10),
        scopes: 'statistics:read',
        createdAt: new Date(),
        expiresAt: new Date(Date.now() + 86_400_000),
      })
      .returning();
    return row?.id ?? '';
  };

  before(async () => {
    t = await buildTestApp();
    for (const org of DEMO_ORGANISATIONS) orgIds.set(org.kind, await makeOrganisation(t.database.db, org));
    otherOrg = await makeOrganisation(t.database.db, {
      slug: 'matrix-tk-other',
      name: 'Andere Behörde',
      kind: 'foreigners-office',
      jurisdictions: [{ scope: 'district', ags: '14626' }],
    });
  });
  after(() => t?.close());

  it('covers every route of the resource', () => {
    const routes = declaredRoutes(t.app).filter(
      (r) => !('public' in r.policy) && r.policy.resource === 'api-token',
    );
    assert.equal(routes.length, 10);
  });

  for (const role of ROLES) {
    it(`executes every route for role ${role}`, async () => {
      const db = t.database.db;
      const kind = ROLE_ORGANISATION_KINDS[role][0];
      const ownOrg = kind ? (orgIds.get(kind) ?? '') : '';
      const slug = DEMO_ORGANISATIONS.find((o) => o.kind === kind)?.slug;
      const actor = await makeAccount(db, role, slug);
      const s = await sessionFor(t.app, db, actor.personId, role);
      const routes = declaredRoutes(t.app).filter(
        (r) => !('public' in r.policy) && r.policy.resource === 'api-token',
      );
      const cases: [Relation, string][] = [['other', otherOrg]];
      if (ownOrg) cases.push(['own-organisation', ownOrg]);
      for (const r of routes) {
        if ('public' in r.policy) continue;
        const rules = POLICY['api-token'][r.policy.action]?.[role] ?? [];
        for (const [relation, org] of cases) {
          const tokenId = await tokenIn(org);
          const url = r.url.replace(':id', org).replace(':tokenId', tokenId);
          const body = new URLSearchParams({ _csrf: s.csrfToken, name: 'M', scopes: 'statistics:read' });
          body.set('expires', new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10));
          const res = await t.app.inject({
            method: r.method as 'GET' | 'POST',
            url,
            headers: {
              cookie: s.cookie,
              ...(r.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
            },
            ...(r.method === 'POST' ? { payload: body.toString() } : {}),
          });
          const what = `${role} ${relation} ${r.method} ${r.url}`;
          const expected = rules.length === 0 ? [403] : rules.includes(relation) ? [200, 303] : [404];
          assert.ok(expected.includes(res.statusCode), `${what}: ${res.statusCode}`);
        }
      }
    });
  }
});
