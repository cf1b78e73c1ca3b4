/**
 * The composition root builds every service once (ADR 0015). The registry snapshot is one cache: when an
 * administrator's correction invalidates it, every consumer reads the registry as it is now: the recognition
 * finder, the administration pages and the journeys (which name the competent body as owner of the recognition
 * step). Before, the journeys kept a copy of their own that the correction did not reach.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../test/support/identity.ts';
import { apiClient, type Browser, OPEN_BODY } from '../test/support/journey.ts';
import type { NewOrganisation } from './features/identity/accounts/service.ts';

const ORGS: readonly NewOrganisation[] = [
  {
    slug: 'oc-sn-general',
    name: 'Anerkennungsstelle Sachsen (allgemein)',
    kind: 'recognition-authority',
    jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
  },
  {
    slug: 'oc-sn-nurse',
    name: 'Kommunaler Sozialverband Sachsen',
    kind: 'recognition-authority',
    jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
    registryBodies: [{ table: 'recognition-authority', id: 'SN:nurse' }],
  },
  {
    slug: 'oc-zab',
    name: 'Zentralstelle für ausländisches Bildungswesen',
    kind: 'recognition-authority',
    jurisdictions: [{ scope: 'nationwide' }],
    registryBodies: [{ table: 'nationwide-body', id: 'zab' }],
  },
  { slug: 'oc-operator', name: 'Betrieb', kind: 'operator', jurisdictions: [{ scope: 'nationwide' }] },
];

describe('one registry cache for every consumer', () => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  let applicant: Browser;
  let admin: Browser;
  let nurseKldb: string;
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
    admin = await browser('administrator', 'oc-operator');
    const rows = (await db.execute(
      sql`select kldb from occupation where profession = 'nurse' order by kldb limit 1`,
    )) as unknown as { rows: { kldb: string }[] };
    nurseKldb = String(rows.rows[0]?.kldb);
  });
  after(() => t.close());

  /** Opens a journey for a nurse in Saxony; the owner of its recognition step. */
  const recognitionOwner = async (): Promise<string | null> => {
    const opened = await api.open(applicant, {
      facts: OPEN_BODY.facts,
      occupation: nurseKldb,
      place: { stateCode: 'SN', districtAgs: null, countryCode: 'IN' },
    });
    assert.equal(opened.statusCode, 201, opened.body);
    const id = (opened.json() as { journeyId: string }).journeyId;
    const res = await api.get(applicant, id);
    assert.equal(res.statusCode, 200, res.body);
    const steps = (res.json() as { steps: { kind: string; owner: { id: string } | null }[] }).steps;
    return steps.find((s) => s.kind === 'recognition')?.owner?.id ?? null;
  };

  const finder = async () => {
    const res = await t.app.inject(`/api/v1/recognition/finder?kldb=${nurseKldb}&state=SN`);
    assert.equal(res.statusCode, 200, res.body);
    return res.body;
  };

  it('lets a correction reach the finder, the administration page and the journeys at once', async () => {
    // Every consumer has read (and cached) the registry.
    assert.equal(await recognitionOwner(), org['oc-sn-nurse']);
    assert.match(await finder(), /SN:nurse/);
    const page = await t.app.inject({ url: '/de/verwaltung/register', headers: { cookie: admin.cookie } });
    assert.equal(page.statusCode, 200, page.body);

    // The registry changes under the cache (nurses' recognition is the ZAB's now, as a reference data update
    // would say), and an administrator corrects the nurse authority's notes: the correction invalidates the cache.
    await t.database.db.execute(sql`update occupation set route = 'zab' where profession = 'nurse'`);
    const corrected = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/registry/recognition-authority/SN:nurse',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      payload: { changes: { notes: 'Zuständigkeit geprüft (one-cache)' }, reason: 'checked' },
    });
    assert.equal(corrected.statusCode, 200, corrected.body);

    // Without waiting for any time to live: all read the registry as it is now.
    assert.doesNotMatch(await finder(), /SN:nurse/, 'the finder names the ZAB, not the state authority');
    const entry = await t.app.inject({
      url: '/de/verwaltung/register/recognition-authority/SN:nurse',
      headers: { cookie: admin.cookie },
    });
    assert.equal(entry.statusCode, 200, entry.body);
    assert.match(
      entry.body,
      /Zuständigkeit geprüft \(one-cache\)/,
      'the administration page shows the correction',
    );
    assert.equal(await recognitionOwner(), org['oc-zab'], 'a new journey sees the change too');
  });
});
