import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedSharedDocuments } from '../../../test/support/appointments.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, type Browser, pageClient, setUpWay } from '../../../test/support/journey.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { appointmentRequest, appointmentService } from '../appointments/schema.ts';
import { documentChecklistVersion } from './schema.ts';

describe('standard checklists (issue 15, V2.3): ministry officers edit, the journey and the ready check use them', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  let journeyId = '';
  const edit = '/en/documents/checklists/aufenthg-18a/visa-appointment';
  before(async () => {
    t = await buildTestApp();
    b = (await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor })).b;
    await t.database.db.insert(appointmentService).values({
      organisationId: b('mission').organisationId as string,
      serviceType: 'visa-application',
      slotMinutes: 20,
      targetWeeks: 4,
      weekdaySlots: [0, 0, 0, 0, 0],
      firstStart: '09:00',
      updatedAt: new Date(),
    });
    const opened = await apiClient(t.app).open(b('applicant'));
    journeyId = (JSON.parse(opened.body) as { journeyId: string }).journeyId;
  });
  after(() => t.close());

  const get = (who: string, url: string) => pageClient(t.app, b).get(who, url);
  const form = (who: string, url: string, fields: Record<string, string>) =>
    pageClient(t.app, b).form(who, url, fields);

  it('lists the residence titles by name and the steps with the version in force; other roles get 403', async () => {
    const page = await get('ministry', '/de/dokumente/checklisten?pathway=aufenthg-18a');
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /Einheitliche Checklisten für alle sechs Länder/);
    assert.match(page.body, /Liste für „Visumtermin“ bearbeiten|Liste für „[^“]+“ bearbeiten/);
    assert.match(page.body, /Fassung 1 \(die Anfangsliste der Plattform\)/);
    assert.doesNotMatch(page.body, />aufenthg-18a</, 'no raw id shown');
    for (const who of ['mission', 'applicant', 'admin']) {
      const denied = await get(who, '/en/documents/checklists');
      assert.equal(denied.statusCode, 403, who);
      const post = await form(who, edit, { 'need-passport': 'required', reason: 'mine' });
      assert.equal(post.statusCode, 403, who);
    }
  });

  it('refuses a form without a reason, naming the field; nothing is written', async () => {
    const bad = await form('ministry', edit, {
      'need-passport': 'required',
      'need-photo': 'sometimes',
      reason: '',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /href="#field-reason"/);
    assert.match(bad.body, /href="#field-need-photo"/);
    assert.equal((await t.database.db.select().from(documentChecklistVersion)).length, 0);
  });

  it('keeps every edit as a version with who, when, the reason and what changed', async () => {
    const first = await form('ministry', edit, {
      'need-passport': 'required',
      'need-photo': 'required',
      'need-health-insurance': 'required',
      reason: 'Beschluss der Länderkonferenz vom 1. Dezember',
    });
    assert.equal(first.statusCode, 303, first.body);
    const second = await form('ministry', edit, {
      'need-passport': 'required',
      'need-photo': 'required',
      'need-health-insurance': 'required',
      'need-cv': 'optional',
      reason: 'Lebenslauf hilft der Botschaft',
    });
    assert.equal(second.statusCode, 303, second.body);
    const rows = await t.database.db.select().from(documentChecklistVersion);
    assert.deepEqual(rows.map((r) => r.version).sort(), [2, 3]);
    const page = await get('ministry', String(second.headers.location));
    assert.match(page.body, /Saved\. Version 3 now applies\./);
    assert.match(page.body, /Proof of health insurance added, required/);
    assert.match(page.body, /CV added, optional/);
    assert.match(page.body, /Reason: Lebenslauf hilft der Botschaft/);
    assert.match(page.body, /Version 1: the platform’s starting list\./);
    const audited = await t.database.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.objectType, 'document-checklist'), eq(auditEntry.action, 'update')));
    assert.equal(audited.length, 2);
  });

  it('answers the checklist in force publicly; only officers set a new version; bad bodies name the field', async () => {
    const url = '/api/v1/document-checklists/aufenthg-18a/visa-appointment';
    const open = await t.app.inject({ method: 'GET', url });
    assert.equal(open.statusCode, 200, open.body);
    const body = JSON.parse(open.body) as { version: number; items: { category: string }[] };
    assert.equal(body.version, 3);
    assert.deepEqual(
      body.items.map((i) => i.category),
      ['passport', 'photo', 'cv', 'health-insurance'],
    );
    const api = apiClient(t.app);
    const item = { category: 'passport', required: true, providedBy: 'applicant' };
    const denied = await api.send(b('mission'), 'PUT', url, { items: [item], reason: 'Test' });
    assert.equal(denied.statusCode, 403);
    const bad = await api.send(b('ministry'), 'PUT', url, {
      items: [{ ...item, category: 'tax-id' }],
      reason: 'Test',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /body\.items\.0\.category/);
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/document-checklists/nowhere/visa-appointment',
    });
    assert.equal(unknown.statusCode, 400);
    const history = await api.send(b('ministry'), 'GET', `${url}/history`);
    assert.equal(history.statusCode, 200);
    assert.deepEqual(
      (JSON.parse(history.body) as { versions: { version: number }[] }).versions.map((v) => v.version),
      [3, 2, 1],
    );
  });

  it('shows the new version on the journey step page', async () => {
    const page = await get('applicant', `/en/journeys/${journeyId}/steps/visa-appointment`);
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /Standard checklist, version 3/);
    assert.match(page.body, /Proof of health insurance/);
  });

  it('the ready check refuses while a required document is not shared, and accepts once it is', async () => {
    const filed = await form('applicant', '/de/termine/anfrage', {
      journeyId,
      serviceType: 'visa-application',
      passportNumber: 'x7654321',
      nationality: 'IN',
      birthDate: '14.05.1994',
    });
    assert.equal(filed.statusCode, 303, filed.body);
    const [row] = await t.database.db.select().from(appointmentRequest);
    assert.ok(row);
    const share = (categories: string[]) =>
      seedSharedDocuments(t.database.db, {
        personId: row.personId,
        organisationId: row.organisationId,
        categories,
        at: new Date(),
      });
    await share(['passport', 'photo']);
    const list = await get('mission', '/en/appointments/requests');
    assert.match(list.body, /Standard checklist, version 3/);
    assert.match(list.body, /Shared: Passport, Biometric passport photo/);
    assert.match(list.body, /Missing: Proof of health insurance/);
    const refused = await form('mission', '/en/appointments/requests', {
      action: 'documents-checked',
      requestId: row.id,
    });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /not been shared with your office: Proof of health insurance/);
    await share(['health-insurance']);
    const checked = await form('mission', '/en/appointments/requests', {
      action: 'documents-checked',
      requestId: row.id,
    });
    assert.equal(checked.statusCode, 303, checked.body);
    const [ready] = await t.database.db
      .select()
      .from(appointmentRequest)
      .where(eq(appointmentRequest.id, row.id));
    assert.equal(ready?.state, 'ready');
    assert.equal(ready?.checklistVersion, 3);
  });
});
