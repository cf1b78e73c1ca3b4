import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, like } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { applyFrom, type Session, uploadCsv } from '../../../test/support/csv-upload.ts';
import { administratorSession, makeAccount, sessionFor } from '../../../test/support/identity.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { applyMissionReport, checkMissionFile } from './mission-import.ts';
import { mission, registryChange } from './schema.ts';

const HEADER = 'Kennung;Land;Name;Ort;Visastelle;Quelle;Stand;Verlässlichkeit;Geprüft';
const URL = '/de/verwaltung/auslandsvertretungen-import';

describe('administrators take the missions abroad from a CSV file (dry run, then apply with a reason)', () => {
  let t: TestApp;
  let admin: Session;
  let applicant: Session;
  let known: typeof mission.$inferSelect;
  let count = 0;

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    admin = await administratorSession(t.app, db, 'csv-operator');
    const person = await makeAccount(db, 'applicant');
    applicant = await sessionFor(t.app, db, person.personId, 'applicant');
    const [m] = await db.select().from(mission).orderBy(mission.id).limit(1);
    if (!m) throw new Error('the registry seed has missions');
    known = m;
    count = (await db.select({ id: mission.id }).from(mission)).length;
  });
  after(() => t.close());

  const row = (m: typeof mission.$inferSelect, over: Partial<Record<string, string>> = {}) =>
    [
      over.id ?? m.id,
      over.country ?? m.country,
      over.name ?? m.name,
      over.city ?? m.city,
      over.visa ?? (m.visaSection ? 'ja' : 'nein'),
      `"${(over.source ?? m.source).replace(/"/g, '""')}"`,
      over.asOf ?? m.asOf,
      over.confidence ?? { high: 'hoch', medium: 'mittel', low: 'niedrig' }[m.confidence],
      over.verified ?? (m.verified ? 'ja' : 'nein'),
    ].join(';');
  const changes = () =>
    t.database.db.select().from(registryChange).where(eq(registryChange.tableName, 'mission'));

  it('shows the upload page, links it from the registry page and gives a template with one example row', async () => {
    const page = await t.app.inject({ url: URL, headers: { cookie: admin.cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Auslandsvertretungen aus einer Datei übernehmen/);
    const registry = await t.app.inject({
      url: '/de/verwaltung/register',
      headers: { cookie: admin.cookie },
    });
    assert.match(registry.body, /href="\/de\/verwaltung\/auslandsvertretungen-import"/);
    const template = await t.app.inject({
      url: '/en/admin/missions-template.csv',
      headers: { cookie: admin.cookie },
    });
    assert.equal(template.statusCode, 200);
    const lines = template.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines.length, 2);
    assert.equal(
      lines[0],
      'key;country;name;city;visa section;region;notes;source;as of;confidence;verified',
    );
    assert.ok(lines[1]?.startsWith(`${known.id};`));
    const check = await uploadCsv(t.app, admin, '/en/admin/missions-import', template.body);
    assert.equal(check.statusCode, 200, 'the template as it is passes the check');
    assert.match(check.body, /0 rows new, 0 changed, 1 unchanged, 0 with errors/);
  });

  it('names row and column of every problem and writes nothing', async () => {
    const file = [
      HEADER,
      row(known, { city: 'Neue Stadt' }),
      row(known, { id: 'Botschaft X', visa: 'vielleicht', asOf: 'gestern' }),
      row(known, { country: 'Atlantis' }),
    ].join('\n');
    const res = await uploadCsv(t.app, admin, URL, file);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Zeile 3, Spalte „Kennung“: Die Kennung darf nur Kleinbuchstaben/);
    assert.match(res.body, /Zeile 3, Spalte „Visastelle“: Hier gehört „ja“ oder „nein“ hin/);
    assert.match(res.body, /Zeile 3, Spalte „Stand“: Hier gehört ein Datum hin/);
    assert.match(res.body, /Zeile 4, Spalte „Land“: Das Land eines bestehenden Eintrags/);
    assert.doesNotMatch(res.body, /name="content"/);
    const header = await uploadCsv(t.app, admin, URL, 'Kennung;Land;Stadt\nx;y;z\n');
    assert.equal(header.statusCode, 422);
    assert.match(header.body, /Die Kopfzeile nennt die Spalte „Stadt“/);
    assert.match(header.body, /Zeile 1, Spalte „Ort“: Diese Spalte fehlt/);
    assert.equal((await uploadCsv(t.app, admin, URL, '')).statusCode, 422);
    const big = await uploadCsv(t.app, admin, URL, `${HEADER}\n${'x;'.repeat(300_000)}`);
    assert.equal(big.statusCode, 422);
    assert.match(big.body, /größer als 512 KB/);
    assert.equal((await changes()).length, 0);
    const [same] = await t.database.db.select().from(mission).where(eq(mission.id, known.id));
    assert.equal(same?.city, known.city);
  });

  it('refuses other roles with 403', async () => {
    assert.equal((await t.app.inject({ url: URL, headers: { cookie: applicant.cookie } })).statusCode, 403);
    assert.equal((await uploadCsv(t.app, applicant, URL, `${HEADER}\n${row(known)}`)).statusCode, 403);
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/registry/missions/import?dryRun=true',
      headers: { cookie: applicant.cookie, 'x-csrf-token': applicant.csrfToken },
      payload: { csv: HEADER },
    });
    assert.equal(api.statusCode, 403);
  });

  it('applies a checked file with a reason: exactly its rows, each with history and audit entry', async () => {
    const file = `\uFEFF${[HEADER, row(known, { city: 'Neue Stadt' }), row(known, { id: 'generalkonsulat-testhausen', name: 'Generalkonsulat Testhausen', city: 'Testhausen', asOf: '01.12.2026' })].join('\r\n')}`;
    const check = await uploadCsv(t.app, admin, URL, file);
    assert.equal(check.statusCode, 200);
    assert.match(check.body, /1 Zeile neu, 1 geändert, 0 unverändert, 0 mit Fehlern/);
    assert.match(check.body, /geändert werden Ort/);
    const noReason = await applyFrom(t.app, admin, check.body, `${URL}/uebernehmen`);
    assert.equal(noReason.statusCode, 422, 'a reason is required');
    assert.equal((await changes()).length, 0);
    const content = /name="content" value="([^"]*)"/.exec(check.body)?.[1] ?? '';
    const applied = await t.app.inject({
      method: 'POST',
      url: `${URL}/uebernehmen`,
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: admin.csrfToken,
        content,
        reason: 'Abgleich mit dem Auswärtigen Amt',
      }).toString(),
    });
    assert.equal(applied.statusCode, 303);
    const db = t.database.db;
    assert.equal((await db.select({ id: mission.id }).from(mission)).length, count + 1);
    const [changed] = await db.select().from(mission).where(eq(mission.id, known.id));
    assert.equal(changed?.city, 'Neue Stadt');
    const [added] = await db.select().from(mission).where(eq(mission.id, 'generalkonsulat-testhausen'));
    assert.equal(added?.asOf, '2026-12-01');
    const history = await changes();
    assert.equal(history.length, 2);
    const corrected = history.find((h) => h.rowKey === known.id);
    assert.deepEqual(corrected?.before, { city: known.city });
    assert.deepEqual(corrected?.after, { city: 'Neue Stadt' });
    assert.equal(corrected?.reason, 'Abgleich mit dem Auswärtigen Amt');
    const audit = await db
      .select()
      .from(auditEntry)
      .where(and(like(auditEntry.action, 'registry.import.%'), eq(auditEntry.objectType, 'mission')));
    assert.deepEqual(audit.map((a) => a.action).sort(), [
      'registry.import.correct',
      'registry.import.create',
    ]);
    const finder = await t.app.inject({
      url: `/de/verwaltung/register/mission/${known.id}`,
      headers: { cookie: admin.cookie },
    });
    assert.match(finder.body, /Neue Stadt/, 'the snapshot is renewed');
  });

  it('answers the report as JSON with ?dryRun=true and refuses a file with problems with 422', async () => {
    const post = (query: string, body: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/registry/missions/import${query}`,
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
        payload: body,
      });
    const csv = [HEADER, row(known, { confidence: 'sehr hoch' })].join('\n');
    const dry = await post('?dryRun=true', { csv });
    assert.equal(dry.statusCode, 200);
    assert.equal(dry.json().rows[0].problems[0].column, 'confidence');
    const refused = await post('', { csv, reason: 'Test' });
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().errors[0].field, 'body.csv.rows[2].confidence');
    const noReason = await post('', { csv: [HEADER, row(known, { city: 'Andere Stadt' })].join('\n') });
    assert.equal(noReason.statusCode, 400);
    const ok = await post('', {
      csv: [HEADER, row(known, { city: 'Andere Stadt' })].join('\n'),
      reason: 'API',
    });
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json().counts, { new: 0, changed: 1, unchanged: 0, problem: 0 });
    assert.equal((await changes()).length, 3);
  });

  it('refuses the whole file with 409 when another change added one of its new missions after the check', async () => {
    const db = t.database.db;
    const before = (await changes()).length;
    const csv = [
      HEADER,
      row(known, { city: 'Dritte Stadt' }),
      row(known, { id: 'konsulat-spaet', name: 'Spät' }),
    ].join('\n');
    const report = await checkMissionFile(db, new TextEncoder().encode(csv));
    assert.deepEqual(
      report.rows.map((r) => r.outcome),
      ['changed', 'new'],
    );
    await db.insert(mission).values({ ...known, id: 'konsulat-spaet', name: 'Schon da' });
    const who = await makeAccount(db, 'administrator', 'csv-operator');
    const actor = { personId: who.personId, role: 'administrator', organisationId: null };
    await assert.rejects(
      applyMissionReport(db, actor, report, 'Test', new Date(), () => {}),
      /Another change added/,
    );
    assert.equal((await changes()).length, before, 'no history written');
    const [same] = await db.select().from(mission).where(eq(mission.id, known.id));
    assert.notEqual(same?.city, 'Dritte Stadt', 'the change of the other row is rolled back too');
  });
});
