import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { multipart, samplePdf } from '../../../test/support/documents.ts';
import { makeAccount, makeOrganisation, randomAddress, sessionFor } from '../../../test/support/identity.ts';
import { mayAttempt, type Relation } from '../../domain/access/policy.ts';
import { POLICY } from '../../domain/access/policy-table.ts';
import { ROLE_ORGANISATION_KINDS, ROLES, type Role } from '../../domain/access/roles.ts';
import { declaredRoutes } from '../../platform/http/policy.ts';
import { grantConsent, withdrawConsent } from '../identity/consent/service.ts';
import type { DocumentsDeps } from './document-record.ts';
import { documentStorageOf } from './routes.tsx';
import { shareDocuments } from './sharing.ts';
import { storeUpload } from './upload-store.ts';

/**
 * The authorisation matrix of the documents feature: every route naming the resource `document`
 * × every role, and for routes on one document or one applicant's documents × every relation
 * (own, shared under consent, shared under a withdrawn consent, other). Allowed cells answer
 * 2xx/3xx; denied cells answer 403 (no rule for the role) or 404 (outside reach), never 2xx.
 */

interface Browser {
  personId: string;
  cookie: string;
  csrfToken: string;
  organisationId: string | null;
}

type Build = (b: Browser) => Promise<InjectOptions>;

describe('documents authorisation matrix', () => {
  let t: TestApp;
  let deps: DocumentsDeps;
  const orgOf = new Map<Role, string>();
  let otherOrg = '';

  before(async () => {
    t = await buildTestApp({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'cr-doc-matrix-')) });
    deps = {
      db: t.database.db,
      storage: documentStorageOf({ config: t.config } as Parameters<typeof documentStorageOf>[0]),
      now: () => new Date(),
      maxBytes: t.config.DOCUMENT_MAX_BYTES,
    };
    for (const role of ROLES) {
      const kind = ROLE_ORGANISATION_KINDS[role][0];
      if (!kind) continue;
      orgOf.set(
        role,
        await makeOrganisation(t.database.db, {
          slug: `docm-${role}`.slice(0, 60),
          name: `Matrix ${role}`,
          kind,
          jurisdictions: kind === 'employer' || kind === 'operator' ? [] : [{ scope: 'nationwide' }],
        }),
      );
    }
    otherOrg = await makeOrganisation(t.database.db, {
      slug: 'docm-other-centre',
      name: 'Matrix other centre',
      kind: 'counselling-centre',
      jurisdictions: [{ scope: 'nationwide' }],
    });
  });
  after(() => t.close());

  async function browserFor(role: Role): Promise<Browser> {
    const organisationId = orgOf.get(role) ?? null;
    const account = await makeAccount(
      t.database.db,
      role,
      organisationId ? `docm-${role}`.slice(0, 60) : undefined,
    );
    const s = await sessionFor(t.app, t.database.db, account.personId, role);
    return { personId: account.personId, cookie: s.cookie, csrfToken: s.csrfToken, organisationId };
  }

  const actorOf = (personId: string) => ({ personId, memberships: [] });
  const newDocument = async (ownerId: string, category = 'passport') =>
    (
      await storeUpload(
        deps,
        { actor: actorOf(ownerId), membership: undefined },
        { fileName: 'm.pdf', category: async () => category, content: Readable.from([samplePdf()]) },
      )
    ).id;
  const consentAndShare = async (ownerId: string, organisationId: string, documentId: string) => {
    await grantConsent(t.database.db, ownerId, organisationId, new Date());
    const r = await shareDocuments(deps, actorOf(ownerId), { organisationId, documentId });
    assert.ok(r.ok);
    return r.share.id;
  };

  const api =
    (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: Record<string, string>): Build =>
    async (b) => ({
      method,
      url,
      headers: { cookie: b.cookie, 'x-csrf-token': b.csrfToken },
      ...(payload ? { payload } : {}),
    });
  const form =
    (url: string, fields: (b: Browser) => Promise<Record<string, string>>): Build =>
    async (b) => ({
      method: 'POST',
      url,
      headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: b.csrfToken, ...(await fields(b)) }).toString(),
    });
  const uploadApi: Build = async (b) => {
    const body = multipart([
      { name: 'category', value: 'cv' },
      { name: 'file', filename: 'cv.pdf', data: samplePdf() },
    ]);
    return {
      method: 'POST',
      url: '/api/v1/documents',
      headers: { ...body.headers, cookie: b.cookie, 'x-csrf-token': b.csrfToken },
      payload: body.payload,
    };
  };
  const uploadForm =
    (url: string): Build =>
    async (b) => {
      const body = multipart([
        { name: '_csrf', value: b.csrfToken },
        { name: 'category', value: 'cv' },
        { name: 'file', filename: 'cv.pdf', data: samplePdf() },
      ]);
      return { method: 'POST', url, headers: { ...body.headers, cookie: b.cookie }, payload: body.payload };
    };
  /** An own document shared under consent with some organisation (for share and unshare cells). */
  const ownShare = async (b: Browser) => {
    const id = await newDocument(b.personId);
    return { documentId: id, shareId: await consentAndShare(b.personId, otherOrg, id) };
  };
  const shareFields = async (b: Browser) => {
    await grantConsent(t.database.db, b.personId, otherOrg, new Date());
    return { organisationId: otherOrg, target: `document:${await newDocument(b.personId)}` };
  };

  /** Routes on the actor's own documents (or none): one cell per role. */
  const OWN: Record<string, Build> = {
    'GET /api/v1/documents': api('GET', '/api/v1/documents'),
    'POST /api/v1/documents': uploadApi,
    'GET /api/v1/documents/shares': api('GET', '/api/v1/documents/shares'),
    'POST /api/v1/documents/shares': async (b) => {
      await grantConsent(t.database.db, b.personId, otherOrg, new Date());
      return api('POST', '/api/v1/documents/shares', {
        organisationId: otherOrg,
        documentId: await newDocument(b.personId),
      })(b);
    },
    'DELETE /api/v1/documents/shares/:id': async (b) =>
      api('DELETE', `/api/v1/documents/shares/${(await ownShare(b)).shareId}`)(b),
    'DELETE /api/v1/documents/:id': async (b) =>
      api('DELETE', `/api/v1/documents/${await newDocument(b.personId)}`)(b),
    'GET /de/dokumente': api('GET', '/de/dokumente'),
    'GET /en/documents': api('GET', '/en/documents'),
    'POST /de/dokumente': uploadForm('/de/dokumente'),
    'POST /en/documents': uploadForm('/en/documents'),
    'GET /de/dokumente/teilen': async (b) =>
      api('GET', `/de/dokumente/teilen?${new URLSearchParams(await shareFields(b)).toString()}`)(b),
    'GET /en/documents/share': async (b) =>
      api('GET', `/en/documents/share?${new URLSearchParams(await shareFields(b)).toString()}`)(b),
    'POST /de/dokumente/teilen': form('/de/dokumente/teilen', shareFields),
    'POST /en/documents/share': form('/en/documents/share', shareFields),
    'POST /de/dokumente/freigabe-beenden': form('/de/dokumente/freigabe-beenden', async (b) => ({
      id: (await ownShare(b)).shareId,
    })),
    'POST /en/documents/unshare': form('/en/documents/unshare', async (b) => ({
      id: (await ownShare(b)).shareId,
    })),
    'POST /de/dokumente/loeschen': form('/de/dokumente/loeschen', async (b) => ({
      id: await newDocument(b.personId),
    })),
    'POST /en/documents/delete': form('/en/documents/delete', async (b) => ({
      id: await newDocument(b.personId),
    })),
  };

  /** Routes on one document or one applicant's documents: one cell per role and relation. */
  const OBJECT: Record<string, (documentId: string, ownerId: string) => string> = {
    'GET /api/v1/documents/:id': (id) => `/api/v1/documents/${id}`,
    'GET /api/v1/documents/:id/content': (id) => `/api/v1/documents/${id}/content`,
    'GET /api/v1/applicants/:id/documents': (_id, owner) => `/api/v1/applicants/${owner}/documents`,
  };

  it('has a matrix case for every route on documents', () => {
    const routes = declaredRoutes(t.app)
      .filter((r) => !('public' in r.policy) && r.policy.resource === 'document')
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    assert.deepEqual([...Object.keys(OWN), ...Object.keys(OBJECT)].sort(), routes);
  });

  for (const role of ROLES) {
    it(`executes every document route for role ${role}`, async () => {
      for (const [key, build] of Object.entries(OWN)) {
        const policy = declaredRoutes(t.app).find((r) => `${r.method} ${r.url}` === key)?.policy;
        assert.ok(policy && !('public' in policy), key);
        const b = await browserFor(role);
        const res = await t.app.inject({ ...(await build(b)), remoteAddress: randomAddress() });
        if (mayAttempt([role], policy.action, policy.resource))
          assert.ok(
            res.statusCode < 400,
            `${role} ${key}: allowed cell answered ${res.statusCode} ${res.body.slice(0, 300)}`,
          );
        else assert.equal(res.statusCode, 403, `${role} ${key}: function-level denial is 403`);
      }

      const rules = POLICY.document.read?.[role] ?? [];
      const b = await browserFor(role);
      const subjects: [string, Relation, { documentId: string; ownerId: string }][] = [];
      subjects.push(['own', 'own', { documentId: await newDocument(b.personId), ownerId: b.personId }]);
      const stranger = await makeAccount(t.database.db, 'applicant');
      subjects.push([
        'other',
        'other',
        { documentId: await newDocument(stranger.personId), ownerId: stranger.personId },
      ]);
      if (b.organisationId) {
        const sharer = await makeAccount(t.database.db, 'applicant');
        const shared = await newDocument(sharer.personId);
        await consentAndShare(sharer.personId, b.organisationId, shared);
        subjects.push(['shared', 'shared-by-consent', { documentId: shared, ownerId: sharer.personId }]);
        const withdrawer = await makeAccount(t.database.db, 'applicant');
        const withdrawn = await newDocument(withdrawer.personId);
        await consentAndShare(withdrawer.personId, b.organisationId, withdrawn);
        await withdrawConsent(t.database.db, withdrawer.personId, b.organisationId, new Date());
        subjects.push([
          'consent withdrawn',
          'other',
          { documentId: withdrawn, ownerId: withdrawer.personId },
        ]);
      }
      for (const [key, urlOf] of Object.entries(OBJECT)) {
        for (const [what, relation, s] of subjects) {
          const res = await t.app.inject({
            method: 'GET',
            url: urlOf(s.documentId, s.ownerId),
            headers: { cookie: b.cookie },
          });
          const cell = `${role} ${key} (${what})`;
          if (rules.includes(relation)) {
            assert.equal(res.statusCode, 200, `${cell}: allowed cell answered ${res.statusCode}`);
            if (key.endsWith('/documents'))
              assert.ok(res.body.includes(s.documentId), `${cell}: the document is listed`);
          } else {
            assert.equal(res.statusCode, rules.length > 0 ? 404 : 403, `${cell}: answered ${res.statusCode}`);
            assert.ok(!/fileName|sha256|%PDF/.test(res.body), `${cell}: leaks the document`);
          }
        }
      }
    });
  }
});
