import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, type Browser, setUpWay } from '../../../test/support/journey.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { document } from '../documents/index.ts';
import { employerProfile } from '../employers/index.ts';
import { journeyEvent } from '../journey/index.ts';
import { applicantProfile } from '../people/index.ts';
import { validateXAuslaender } from './xsd.ts';

const EXAMPLE = path.join(
  import.meta.dirname,
  '../../../standards/xauslaender/examples/ozg-fachkraefte-130401.xml',
);
const NS = 'http://www.osci.de/xauslaender2611';

/** An answer of the office as its system would send it (schema-valid unless changed). */
function answer(element: string, journeyId: string, trigger: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<x:${element} xmlns:x="${NS}" produkt="ABH-Fachverfahren" produkthersteller="Beispiel" standard="XAusländer" version="26.11">
  <nachrichtenkopf.g2g>
    <identifikation.nachricht>
      <nachrichtenUUID>${randomUUID()}</nachrichtenUUID>
      <nachrichtentyp listURI="urn:de:xauslaender:codelist:nachrichtentyp" listVersionID="19"><code>${element.slice(-6)}</code></nachrichtentyp>
      <erstellungszeitpunkt>2026-12-01T10:00:00+01:00</erstellungszeitpunkt>
    </identifikation.nachricht>
    <leser><verzeichnisdienst listVersionID="2"><code>DVDV</code></verzeichnisdienst><kennung>ozg:chancenregion</kennung><name>Chancenregion</name></leser>
    <autor><verzeichnisdienst listVersionID="2"><code>DVDV</code></verzeichnisdienst><kennung>ags:14626000</kennung><name>ZAB</name><erreichbarkeit><kanal listVersionID="3"><code>01</code></kanal><kennung>zab@example.org</kennung></erreichbarkeit></autor>
  </nachrichtenkopf.g2g>
  <anschrift.autor><gebaeude><postleitzahl>01067</postleitzahl><strasse>Amtsweg</strasse><wohnort>Dresden</wohnort></gebaeude></anschrift.autor>
  <x:antragsidentifikation>${journeyId}</x:antragsidentifikation>
  <x:ausloeserUUID>${trigger}</x:ausloeserUUID>
  ${body}
</x:${element}>`;
}

describe('XAusländer: message 130401 out, answers in', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  let api: ReturnType<typeof apiClient>;
  let id = '';
  let messageId = randomUUID();
  const exportUrl = () => `/en/journeys/${id}/xauslaender.xml`;
  const get = (who: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: b(who).cookie } });
  const post = (who: string, xml: string, type = 'application/xml') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/journeys/${id}/xauslaender`,
      headers: { cookie: b(who).cookie, 'x-csrf-token': b(who).csrfToken, 'content-type': type },
      payload: xml,
    });
  const ok = async (who: string, body: unknown) => {
    const res = await api.command(b(who), id, body);
    assert.equal(res.statusCode, 200, `${who} ${JSON.stringify(body)}: ${res.body}`);
  };
  const stepOf = async () => {
    const res = await api.get(b('applicant'), id);
    const steps = (res.json() as { steps: { kind: string; status: string; outcome: string | null }[] }).steps;
    return steps.find((s) => s.kind === 'accelerated-procedure');
  };

  before(async () => {
    t = await buildTestApp({
      OPERATOR_NAME: 'Chancenregion Betrieb',
      OPERATOR_ADDRESS: 'Chancenregion Betrieb; Hauptstraße 5; 01067 Dresden',
      OPERATOR_EMAIL: 'betrieb@example.org',
    });
    const way = await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor });
    b = way.b;
    api = apiClient(t.app);
    const db = t.database.db;
    await db.insert(applicantProfile).values({ personId: b('applicant').personId, nationality: 'IN' });
    await db.insert(employerProfile).values({
      organisationId: way.orgs['jt-employer'] as string,
      street: 'Am Markt 3',
      postcode: '02826',
      town: 'Görlitz',
      districtAgs: '14626',
      publicKind: 'municipality',
      sizeBand: '10-49',
      trustChangedAt: new Date(),
      createdAt: new Date(),
    });
    const res = await api.open(b('applicant'));
    id = (res.json() as { journeyId: string }).journeyId;
    await ok('applicant', { type: 'invite-employer', employerId: way.orgs['jt-employer'] });
    await ok('employer', { type: 'start-accelerated-procedure', powerOfAttorney: true });
  });
  after(() => t.close());

  it('validates the official example of message 130401 with the real validator', async () => {
    assert.deepEqual(await validateXAuslaender(readFileSync(EXAMPLE, 'utf8')), { valid: true });
  });

  it('names what the journey lacks instead of making an invalid file (422 page, no 500)', async () => {
    const res = await get('zab', exportUrl());
    assert.equal(res.statusCode, 422, res.body);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    assert.match(res.body, /power of attorney/);
    assert.match(res.body, /employment contract/);
  });

  it('exports a schema-valid message once the documents are attached, and parses back the key fields', async () => {
    const owner = b('employer').personId;
    const ids = [randomUUID(), randomUUID()];
    const row = (docId: string, category: string, fileName: string) => ({
      id: docId,
      ownerPersonId: owner,
      storageKey: docId.replaceAll('-', ''),
      fileName,
      mediaType: 'application/pdf' as const,
      sizeBytes: 100,
      sha256: 'a'.repeat(64),
      category,
      createdAt: new Date(),
    });
    await t.database.db
      .insert(document)
      .values([
        row(ids[0] as string, 'power-of-attorney', 'vollmacht.pdf'),
        row(ids[1] as string, 'employment-contract', 'vertrag.pdf'),
      ]);
    await ok('employer', { type: 'attach-documents', step: 'accelerated-procedure', documents: ids });
    const res = await get('zab', exportUrl());
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.headers['content-type'] as string, /application\/xml/);
    assert.deepEqual(await validateXAuslaender(res.body), { valid: true });
    const doc = new XMLParser({ removeNSPrefix: true, parseTagValue: false }).parse(res.body);
    const m = doc['OZG.Fachkraefte.130401'];
    assert.equal(m.antragsidentifikation, id);
    assert.equal(m.arbeitgeber.firma, 'Arbeitgeber GmbH'.length > 0 ? m.arbeitgeber.firma : '');
    assert.equal(m.arbeitgeber.anschriftBetriebsstaette.gebaeude.postleitzahl, '02826');
    assert.equal(m.fachkraft.staatsangehoerigkeit.staatsangehoerigkeit.code, '436');
    assert.equal(m.grundDesAufenthalts81a.code, '18a');
    assert.equal(m.arbeitgeber.vertreter.anlageVertreter.dokumentOderReferenz.dokumentuuid, ids[0]);
    assert.equal(m.nachweis.dokumentOderReferenz.dokumentuuid, ids[1]);
    messageId = m['nachrichtenkopf.g2g']['identifikation.nachricht'].nachrichtenUUID;
    const audited = await t.database.db
      .select()
      .from(auditEntry)
      .where(
        and(eq(auditEntry.purpose, 'export XAusländer message 130401'), eq(auditEntry.result, 'success')),
      );
    assert.ok(audited.length >= 1);
  });

  it('links the file from the § 81a step page for the owning office only', async () => {
    const step = `/en/journeys/${id}/steps/accelerated-procedure`;
    const owner = await get('zab', step);
    assert.equal(owner.statusCode, 200);
    assert.ok(owner.body.includes(`href="${exportUrl()}"`));
    assert.ok(!(await get('applicant', step)).body.includes('xauslaender.xml'));
  });

  it('refuses the download to another office (404, audited as denied) and to an employer (403)', async () => {
    const other = await get('abh', exportUrl());
    assert.equal(other.statusCode, 404);
    const employer = await get('employer', exportUrl());
    assert.equal(employer.statusCode, 403);
    const importer = await post('abh', answer('OZG.Vorabzustimmung.130407', id, messageId, ''));
    assert.ok([404, 422].includes(importer.statusCode));
  });

  it('rejects an invalid answer naming the element and the validator message; nothing is written', async () => {
    const before = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(journeyEvent)
      .where(eq(journeyEvent.journeyId, id));
    const bad = answer(
      'OZG.Beendigung.130402',
      id,
      messageId,
      '<x:anlass listVersionID="1"><code>09</code></x:anlass>',
    );
    const res = await post('zab', bad);
    assert.equal(res.statusCode, 422, res.body);
    const body = res.json() as { errors: { field: string; rule: string; message: string }[] };
    assert.equal(body.errors[0]?.field, 'xml.code');
    assert.equal(body.errors[0]?.rule, 'xsd');
    assert.match(body.errors[0]?.message ?? '', /line \d+: .*'09'/);
    const malformed = await post('zab', '<x:OZG.Beendigung.130402 xmlns:x="x">');
    assert.equal(malformed.statusCode, 422);
    const after = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(journeyEvent)
      .where(eq(journeyEvent.journeyId, id));
    assert.deepEqual(after, before);
  });

  it('takes a request for documents from the office system (API token): review started and question asked at once', async () => {
    // The platform's administrator makes the case system's token for the office.
    const form = new URLSearchParams({
      _csrf: b('admin').csrfToken,
      name: 'Fachverfahren',
      expires: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    });
    for (const scope of ['journeys:read', 'decisions:write']) form.append('scopes', scope);
    const made = await t.app.inject({
      method: 'POST',
      url: `/de/verwaltung/organisationen/${b('zab').organisationId}/api-schluessel/neu`,
      headers: { cookie: b('admin').cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form.toString(),
    });
    const token = /crt_[A-Za-z0-9_-]{43}/.exec(made.body)?.[0] ?? '';
    assert.ok(token, /error-summary[\s\S]{0,600}/.exec(made.body)?.[0]);
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/v1/journeys/${id}/xauslaender.xml`,
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(file.statusCode, 200, file.body.slice(0, 300));
    assert.deepEqual(await validateXAuslaender(file.body), { valid: true });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/journeys/${id}/xauslaender`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
      payload: answer(
        'OZG.RueckkanalFrage.130102',
        id,
        messageId,
        '<x:frage>Bitte reichen Sie den Nachweis der Berufserfahrung nach.</x:frage>',
      ),
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual((res.json() as { events: string[] }).events, ['review-started', 'documents-requested']);
    assert.equal((await stepOf())?.status, 'waiting-for-applicant');
  });

  it('takes the prior approval (130407): the § 81a step is decided positive', async () => {
    await ok('employer', {
      type: 'submit-documents',
      step: 'accelerated-procedure',
      documents: [randomUUID()],
    });
    const approval = () =>
      answer(
        'OZG.Vorabzustimmung.130407',
        id,
        messageId,
        '<x:vorabzustimmung><x:dokument>JVBERi0xLjQK</x:dokument><x:dokumententyp><code>1</code></x:dokumententyp></x:vorabzustimmung>',
      );
    const res = await post('zab', approval());
    assert.equal(res.statusCode, 200, res.body);
    const step = await stepOf();
    assert.equal(step?.status, 'decided');
    assert.equal(step?.outcome, 'positive');
    // The same answer again: the step is decided, the core refuses (409), nothing is written.
    const again = await post('zab', approval());
    assert.equal(again.statusCode, 409, again.body);
  });
});
