import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { statistic } from '../registry/index.ts';
import { jointProject, jointProjectEvent, jointProjectState } from './schema.ts';

type Session = { cookie: string; csrfToken: string };

/** The form as a browser sends it: repeated `states`, one weight field per state. */
const FORM = (over: Record<string, string | string[]> = {}) => ({
  title: 'Pflegekräfte aus Vietnam',
  description: 'Gemeinsame Anwerbung mit Sprachkursen vor Ort.',
  states: ['SN', 'ST', 'TH'],
  leadState: 'SN',
  budget: '150.000,00',
  keyKind: 'koenigstein',
  keyYear: '2016',
  ...over,
});

/** Codes a person must never read on these pages. */
const CODES = />\s*(SN|TH|ST|BE|koenigstein|population|equal|negotiated|agreed|declined)\s*</;

describe('joint projects and cost sharing (issue 17)', () => {
  let t: TestApp;
  const officers: Record<string, Session> = {};
  let applicant: Session;
  let projectId = '';

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    for (const state of ['SN', 'TH', 'BE']) {
      const slug = `jp-ministry-${state.toLowerCase()}`;
      await makeOrganisation(db, {
        slug,
        name: `Ministerium ${state}`,
        kind: 'state-ministry',
        jurisdictions: [{ scope: 'state', stateCode: state }],
      });
      const a = await makeAccount(db, 'ministry-officer', slug);
      officers[state] = await sessionFor(t.app, db, a.personId, 'ministry-officer');
    }
    const p = await makeAccount(db, 'applicant');
    applicant = await sessionFor(t.app, db, p.personId, 'applicant');
  });
  after(() => t.close());

  const get = (s: Session, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  const post = (s: Session, url: string, fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams({ _csrf: s.csrfToken });
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
    return t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
  };
  const projects = async () => (await t.database.db.select({ n: count() }).from(jointProject))[0]?.n;
  const sharesOf = async (id: string) =>
    Object.fromEntries(
      (await t.database.db.select().from(jointProjectState).where(eq(jointProjectState.projectId, id))).map(
        (s) => [s.stateCode, s],
      ),
    );
  const idFrom = (location: unknown) =>
    /\/(?:laender\/projekte|states\/projects)\/([0-9a-f-]{36})$/.exec(String(location))?.[1] ?? '';

  it('shows the list and the form to ministry officers in both languages, and refuses other roles', async () => {
    for (const url of ['/de/laender/projekte', '/en/states/projects']) {
      const page = await get(officers.SN as Session, url);
      assert.equal(page.statusCode, 200, page.body);
      assert.doesNotMatch(page.body, CODES);
    }
    const form = await get(officers.SN as Session, '/de/laender/projekte/neu');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<option value="2016"[^>]*>2016<\/option>/);
    assert.doesNotMatch(form.body, /<option value="2023"/, 'a year without the key of all six states');
    assert.match(form.body, /Königsteiner Schlüssel/);
    assert.doesNotMatch(form.body, CODES);
    assert.equal((await get(applicant, '/de/laender/projekte')).statusCode, 403);
    assert.equal((await post(applicant, '/de/laender/projekte/neu', FORM())).statusCode, 403);
  });

  it('refuses bad input with 422 naming each field, and writes nothing', async () => {
    const before = await projects();
    const cases: [Record<string, string | string[]>, RegExp][] = [
      [{ states: ['SN'] }, /href="#field-states"/],
      [{ states: ['SN', 'XX'] }, /Beteiligte Länder: Bitte wählen Sie mindestens zwei/],
      [{ budget: '0' }, /Budget: Bitte geben Sie einen Betrag größer als null/],
      [{ budget: 'zehn Euro' }, /href="#field-budget"/],
      [{ budget: '-5,00' }, /href="#field-budget"/],
      [{ keyYear: '2023' }, /Jahr des Königsteiner Schlüssels: Bitte wählen Sie/],
      [{ leadState: 'BE' }, /Federführendes Land: Bitte wählen Sie eines der beteiligten Länder/],
      [{ title: '' }, /href="#field-title"/],
      [{ keyKind: 'lottery' }, /href="#field-keyKind"/],
      [
        { keyKind: 'negotiated', 'weight-SN': '0', 'weight-ST': '0', 'weight-TH': '0,0' },
        /Verhandelte Anteile: Die Anteile der beteiligten Länder müssen zusammen mehr als null ergeben/,
      ],
      [
        { keyKind: 'negotiated', 'weight-SN': 'viel', 'weight-ST': '1', 'weight-TH': '' },
        /Anteil Sachsen: Bitte/,
      ],
      [{ states: ['ST', 'TH'], leadState: 'TH' }, /darunter Ihr eigenes/],
    ];
    for (const [over, message] of cases) {
      const res = await post(officers.SN as Session, '/de/laender/projekte/neu', FORM(over));
      assert.equal(res.statusCode, 422, `${JSON.stringify(over)}: ${res.statusCode}`);
      assert.match(res.body, message, JSON.stringify(over));
    }
    const en = await post(officers.SN as Session, '/en/states/projects/new', FORM({ budget: '1,5,5' }));
    assert.equal(en.statusCode, 422);
    assert.match(en.body, /Budget: please enter an amount above zero/);
    assert.equal(await projects(), before);
  });

  it('starts a project shared by the Königstein key of 2016, to the cent, recorded with key, year and source', async () => {
    const res = await post(officers.SN as Session, '/de/laender/projekte/neu', FORM());
    assert.equal(res.statusCode, 303, res.body);
    projectId = idFrom(res.headers.location);
    assert.ok(projectId);
    const s = await sharesOf(projectId);
    assert.deepEqual(Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.shareCents])), {
      SN: 7_188_380,
      ST: 3_980_249,
      TH: 3_831_371,
    });
    assert.equal(s.SN?.keyValue, 5.05577);
    assert.equal(s.SN?.keyPeriod, '2016');
    assert.match(s.SN?.keySource ?? '', /kommunalwiki/);
    const [p] = await t.database.db.select().from(jointProject).where(eq(jointProject.id, projectId));
    assert.equal(p?.budgetCents, 15_000_000);
    assert.equal(p?.keyYear, '2016');
    const audited = await t.database.db
      .select({ n: count() })
      .from(auditEntry)
      .where(and(eq(auditEntry.objectType, 'joint-project'), eq(auditEntry.objectId, projectId)));
    assert.equal(audited[0]?.n, 1);
    const page = await get(officers.SN as Session, `/de/laender/projekte/${projectId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /71\.883,80\s€/);
    assert.match(page.body, /38\.313,71\s€/);
    assert.match(page.body, /150\.000,00\s€/);
    assert.match(page.body, /Königsteiner Schlüssel 2016/);
    assert.match(page.body, /Bitte halten Sie fest, ob Sachsen/);
    assert.doesNotMatch(page.body, CODES);
    const en = await get(officers.BE as Session, `/en/states/projects/${projectId}`);
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /€71,883\.80/);
    assert.match(en.body, /Your state does not take part/);
  });

  it("lets each state's officer answer only for their own state (403 for another's), audited", async () => {
    const url = `/de/laender/projekte/${projectId}/antwort`;
    const forged = await post(officers.TH as Session, url, { state: 'SN', answer: 'agreed' });
    assert.equal(forged.statusCode, 403);
    assert.equal((await sharesOf(projectId)).SN?.answer, null);
    const denied = await t.database.db
      .select({ n: count() })
      .from(auditEntry)
      .where(
        and(
          eq(auditEntry.objectType, 'joint-project-agreement'),
          eq(auditEntry.objectId, projectId),
          eq(auditEntry.result, 'denied'),
        ),
      );
    assert.equal(denied[0]?.n, 1);
    assert.equal(
      (await post(officers.BE as Session, url, { state: 'BE', answer: 'agreed' })).statusCode,
      404,
    );
    assert.equal((await post(officers.TH as Session, url, { state: 'TH', answer: 'maybe' })).statusCode, 422);
    assert.equal(
      (await post(officers.TH as Session, url, { state: 'TH', answer: 'agreed' })).statusCode,
      303,
    );
    assert.equal(
      (await post(officers.SN as Session, url, { state: 'SN', answer: 'agreed' })).statusCode,
      303,
    );
    const s = await sharesOf(projectId);
    assert.equal(s.TH?.answer, 'agreed');
    assert.equal(s.SN?.answer, 'agreed');
    assert.equal(s.ST?.answer, null);
    const page = await get(officers.TH as Session, `/en/states/projects/${projectId}`);
    assert.match(page.body, /2 of 3 states have agreed/);
    assert.match(page.body, /Thuringia agreed \(Ministerium TH\)/);
  });

  it('keeps a recorded split when the key data are corrected, until a participating state recalculates', async () => {
    const db = t.database.db;
    await db
      .update(statistic)
      .set({ valueNumber: 3.0 })
      .where(
        and(
          eq(statistic.topic, 'koenigstein'),
          eq(statistic.period, '2016'),
          eq(statistic.geography, 'Thüringen'),
        ),
      );
    assert.equal((await sharesOf(projectId)).TH?.shareCents, 3_831_371);
    const url = `/de/laender/projekte/${projectId}/neu-berechnen`;
    assert.equal((await post(officers.BE as Session, url, {})).statusCode, 403);
    assert.equal((await post(officers.SN as Session, url, {})).statusCode, 303);
    const s = await sharesOf(projectId);
    assert.equal(s.TH?.keyValue, 3);
    assert.equal(
      Object.values(s).reduce((a, x) => a + x.shareCents, 0),
      15_000_000,
    );
    assert.ok((s.TH?.shareCents ?? 0) > 3_831_371);
    assert.equal(s.TH?.answer, null, 'a changed split needs every answer again');
    const [event] = await db
      .select()
      .from(jointProjectEvent)
      .where(and(eq(jointProjectEvent.projectId, projectId), eq(jointProjectEvent.kind, 'recalculated')));
    assert.equal(event?.detail?.TH?.before, 3_831_371);
    const page = await get(officers.SN as Session, `/de/laender/projekte/${projectId}`);
    assert.match(page.body, /neu berechnet von Ministerium SN/);
    // A key year that lost a state's figure refuses a recalculation with 422 and leaves the split as it was.
    await db
      .delete(statistic)
      .where(
        and(
          eq(statistic.topic, 'koenigstein'),
          eq(statistic.period, '2016'),
          eq(statistic.geography, 'Thüringen'),
        ),
      );
    const refused = await post(officers.SN as Session, url, {});
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /href="#field-keyYear"/);
    assert.deepEqual(await sharesOf(projectId), s);
  });

  it('shares by negotiated weights, equal shares and population, always summing exactly to the budget', async () => {
    const negotiated = await post(
      officers.SN as Session,
      '/de/laender/projekte/neu',
      FORM({
        states: ['SN', 'TH'],
        keyKind: 'negotiated',
        budget: '1.000,01',
        'weight-SN': '60',
        'weight-TH': '40',
      }),
    );
    assert.equal(negotiated.statusCode, 303, negotiated.body);
    const n = await sharesOf(idFrom(negotiated.headers.location));
    assert.deepEqual([n.SN?.shareCents, n.TH?.shareCents], [60_001, 40_000]);
    const equal = await post(
      officers.SN as Session,
      '/en/states/projects/new',
      FORM({ states: ['BE', 'SN', 'TH'], keyKind: 'equal', budget: '100' }),
    );
    assert.equal(equal.statusCode, 303, equal.body);
    const e = await sharesOf(idFrom(equal.headers.location));
    assert.deepEqual([e.BE?.shareCents, e.SN?.shareCents, e.TH?.shareCents], [3334, 3333, 3333]);
    for (const budget of ['0,01', '0,05', '999.999,99', '123.456,78']) {
      const res = await post(
        officers.SN as Session,
        '/de/laender/projekte/neu',
        FORM({ states: ['BB', 'BE', 'MV', 'SN', 'ST', 'TH'], keyKind: 'population', budget }),
      );
      assert.equal(res.statusCode, 303, res.body);
      const id = idFrom(res.headers.location);
      const s = Object.values(await sharesOf(id));
      const [p] = await t.database.db.select().from(jointProject).where(eq(jointProject.id, id));
      assert.equal(
        s.reduce((a, x) => a + x.shareCents, 0),
        p?.budgetCents,
      );
      assert.ok(s.every((x) => x.keyPeriod && x.keySource));
    }
    const list = await get(officers.TH as Session, '/de/laender/projekte');
    assert.match(list.body, /Pflegekräfte aus Vietnam/);
  });
});
