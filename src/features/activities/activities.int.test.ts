import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { type Browser, pageClient } from '../../../test/support/journey.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { stateActivity } from './schema.ts';

const NURSE = '81302';

/** Saxony's nurse recruitment in Vietnam, as its officer would type it. */
const SAXONY = {
  kind: 'recruitment-project',
  title: 'Pflegekräfte aus Vietnam',
  description: 'Sprachkurse und Anerkennung vor der Einreise.',
  countries: 'VN',
  occupations: NURSE,
  start: '01.03.2026',
  end: '31.12.2026',
  budget: '250.000',
  fundingSource: 'Landeshaushalt',
  contactName: 'Andrea Wolf',
  contactEmail: 'andrea.wolf@smwa.example',
  contactPhone: '+49 351 564 0',
  status: 'running',
  outcomes: '',
  public: 'yes',
};

/** Codes a person must never read on these pages. */
const CODES = />\s*(VN|PH|IN|SN|TH|81302|recruitment-project|running|planned)\s*</;

describe('activity register and overlaps (issue 17)', () => {
  let t: TestApp;
  const browsers: Record<string, Browser> = {};
  let saxonyId = '';
  let thuringiaId = '';

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    for (const [slug, code] of [
      ['act-sn', 'SN'],
      ['act-th', 'TH'],
    ] as const)
      await makeOrganisation(db, {
        slug,
        name: `Ministerium ${code}`,
        kind: 'state-ministry',
        jurisdictions: [{ scope: 'state', stateCode: code }],
      });
    for (const [name, role, org] of [
      ['sn', 'ministry-officer', 'act-sn'],
      ['th', 'ministry-officer', 'act-th'],
      ['applicant', 'applicant', undefined],
    ] as const) {
      const a = await makeAccount(db, role, org);
      const s = await sessionFor(t.app, db, a.personId, role);
      browsers[name] = { personId: a.personId, ...s, organisationId: null };
    }
  });
  after(() => t.close());

  const client = () =>
    pageClient(t.app, (n) => {
      const b = browsers[n];
      if (!b) throw new Error(n);
      return b;
    });
  const stored = async () => (await t.database.db.select({ n: count() }).from(stateActivity))[0]?.n;

  it('refuses bad fields with 422 naming each field, and stores nothing', async () => {
    const res = await client().form('sn', '/de/laender/aktivitaeten/neu', {
      ...SAXONY,
      kind: '',
      countries: 'XX',
      end: '01.01.2026',
      budget: 'viel',
      contactEmail: 'andrea',
    });
    assert.equal(res.statusCode, 422, res.body);
    for (const field of ['kind', 'countries', 'end', 'budget', 'contactEmail'])
      assert.match(res.body, new RegExp(`href="#field-${field}"`));
    assert.match(res.body, /Ende: Bitte geben Sie ein Datum an, das nicht vor dem Beginn liegt/);
    assert.equal(await stored(), 0);
  });

  it('records an activity of the officer’s state, audited', async () => {
    const res = await client().form('sn', '/de/laender/aktivitaeten/neu', SAXONY);
    assert.equal(res.statusCode, 303, res.body);
    saxonyId = /aktivitaeten\/([0-9a-f-]{36})$/.exec(String(res.headers.location))?.[1] ?? '';
    const [row] = await t.database.db.select().from(stateActivity).where(eq(stateActivity.id, saxonyId));
    assert.equal(row?.stateCode, 'SN');
    assert.equal(row?.periodStart, '2026-03-01');
    assert.equal(row?.budgetCents, 25_000_000);
    assert.deepEqual(row?.countries, ['VN']);
    const [audited] = await t.database.db
      .select({ n: count() })
      .from(auditEntry)
      .where(and(eq(auditEntry.objectId, saxonyId), eq(auditEntry.action, 'create')));
    assert.equal(audited?.n, 1);
  });

  it('shows the activity to another state’s officer with names, not codes, but lets only Saxony change it', async () => {
    const page = await client().get('th', `/en/states/activities/${saxonyId}`);
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /Vietnam/);
    assert.match(page.body, /Saxony/);
    assert.match(page.body, /andrea\.wolf@smwa\.example/);
    assert.doesNotMatch(page.body, CODES);
    assert.doesNotMatch(page.body, /\/edit"/);
    const edit = await client().form('th', `/de/laender/aktivitaeten/${saxonyId}/bearbeiten`, {
      ...SAXONY,
      title: 'Übernommen',
    });
    assert.equal(edit.statusCode, 403);
    const [row] = await t.database.db.select().from(stateActivity).where(eq(stateActivity.id, saxonyId));
    assert.equal(row?.title, SAXONY.title);
    const [denied] = await t.database.db
      .select({ n: count() })
      .from(auditEntry)
      .where(and(eq(auditEntry.objectId, saxonyId), eq(auditEntry.result, 'denied')));
    assert.equal(denied?.n, 1);
    const own = await client().form('sn', `/de/laender/aktivitaeten/${saxonyId}/bearbeiten`, {
      ...SAXONY,
      status: 'finished',
    });
    assert.equal(own.statusCode, 303, own.body);
  });

  it('refuses people who are no ministry officers', async () => {
    assert.equal((await client().get('applicant', '/de/laender/aktivitaeten')).statusCode, 403);
    const res = await client().form('applicant', '/de/laender/aktivitaeten/neu', SAXONY);
    assert.equal(res.statusCode, 403);
  });

  it('shows Thuringia the overlap with Saxony, with Saxony’s contact and a prefilled proposal', async () => {
    const res = await client().form('th', '/de/laender/aktivitaeten/neu', {
      ...SAXONY,
      title: 'Pflege-Partnerschaft Hanoi',
      kind: 'partnership',
      countries: 'PH',
      start: '2026-06-01',
      end: '2027-05-31',
      contactName: 'Jens Keller',
      contactEmail: 'jens.keller@tmasgff.example',
      public: '',
    });
    assert.equal(res.statusCode, 303, res.body);
    thuringiaId = /aktivitaeten\/([0-9a-f-]{36})$/.exec(String(res.headers.location))?.[1] ?? '';
    const page = await client().get('th', '/de/laender/ueberschneidungen');
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /Mit Sachsen/);
    assert.match(page.body, /Pflegekräfte aus Vietnam/);
    assert.match(page.body, /1\. Juni 2026 bis 31\. Dezember 2026/);
    assert.match(page.body, /Ansprechperson in Sachsen: Andrea Wolf/);
    assert.match(page.body, /laender\/aktivitaeten\/neu\?kind=recruitment-project&amp;title=Gemeinsam/);
    assert.doesNotMatch(page.body, CODES);
    const saxony = await client().get('sn', '/en/states/overlaps');
    assert.match(saxony.body, /With Thuringia/);
    const proposal = await client().get(
      'sn',
      `/de/laender/aktivitaeten/neu?title=Gemeinsam&occupations=${NURSE}`,
    );
    assert.match(proposal.body, /value="Gemeinsam"/);
    assert.match(proposal.body, /name="contactEmail" [^>]*value="ministry-officer-[^"]+@example\.org"/);
    assert.match(proposal.body, new RegExp(`value="${NURSE}"[^>]*checked`));
  });

  it('searches the register by state, country, occupation text and period', async () => {
    const search = async (q: string) => (await client().get('th', `/de/laender/aktivitaeten?${q}`)).body;
    assert.match(await search('state=SN'), /Eine Aktivität gefunden/);
    assert.match(await search('country=PH'), /Pflege-Partnerschaft Hanoi/);
    assert.doesNotMatch(await search('country=PH'), /Pflegekräfte aus Vietnam/);
    assert.match(await search('occupation=pflegefach'), /2 Aktivitäten gefunden/);
    assert.match(await search('from=01.01.2027'), /Eine Aktivität gefunden/);
    const bad = await client().get('th', '/de/laender/aktivitaeten?from=morgen');
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /href="#field-from"/);
  });

  it('shows the public only the entries marked public, without the contact', async () => {
    for (const url of ['/de/aktivitaeten-der-laender', '/en/state-activities']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Pflegekräfte aus Vietnam/);
      assert.doesNotMatch(res.body, /Pflege-Partnerschaft Hanoi/);
      assert.doesNotMatch(res.body, /Andrea Wolf|andrea\.wolf|564 0/);
      assert.doesNotMatch(res.body, CODES);
    }
    assert.ok(thuringiaId);
  });
});
