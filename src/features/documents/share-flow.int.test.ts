import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { samplePdf } from '../../../test/support/documents.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, OPEN_BODY } from '../../../test/support/journey.ts';
import type { Role } from '../../domain/access/roles.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { consent } from '../people/index.ts';
import { documentShare } from './schema.ts';

/**
 * Sharing a document from the documents page with the organisations that own the steps of the person's journey:
 * offered by name, consent asked for in the same flow, the share confirmed after a 303 (issue 14, point 11).
 */
describe('sharing a document with the owners of the journey steps', () => {
  let t: TestApp;
  const orgs: Record<string, string> = {};
  const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

  before(async () => {
    t = await buildTestApp({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'cr-share-flow-')) });
    const db = t.database.db;
    orgs.office = await makeOrganisation(db, {
      slug: 'sf-office',
      name: 'Ausländerbehörde Stadt Leipzig',
      kind: 'foreigners-office',
      jurisdictions: [{ scope: 'district', ags: '14713' }],
    });
    orgs.recognition = await makeOrganisation(db, {
      slug: 'sf-recognition',
      name: 'Landesamt Sachsen (Anerkennung)',
      kind: 'recognition-authority',
      jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
    });
    orgs.employer = await makeOrganisation(db, {
      slug: 'sf-employer',
      name: 'Betrieb ohne Einwilligung GmbH',
      kind: 'employer',
      jurisdictions: [],
    });
  });
  after(() => t.close());

  async function browser(role: Role, slug?: string) {
    const account = await makeAccount(t.database.db, role, slug);
    const s = await sessionFor(t.app, t.database.db, account.personId, role);
    return { personId: account.personId, ...s, organisationId: null };
  }
  type B = Awaited<ReturnType<typeof browser>>;

  const get = (b: B, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: b.cookie } });
  const post = (b: B, url: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: b.csrfToken, ...fields }).toString(),
    });
  const text = (html: string) =>
    html
      .replace(/<script[\s\S]*?<\/script>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&');

  /** An applicant with a journey in Leipzig (Saxony) and one uploaded degree certificate. */
  async function applicantWithJourney() {
    const a = await browser('applicant');
    const opened = await apiClient(t.app).open(a, {
      facts: OPEN_BODY.facts,
      occupation: null,
      place: { stateCode: 'SN', districtAgs: '14713', countryCode: 'IN' },
    });
    assert.equal(opened.statusCode, 201, opened.body);
    const { multipart } = await import('../../../test/support/documents.ts');
    const body = multipart([
      { name: 'category', value: 'degree-certificate' },
      { name: 'file', filename: 'Diplom.pdf', data: samplePdf() },
    ]);
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      headers: { ...body.headers, cookie: a.cookie, 'x-csrf-token': a.csrfToken },
      payload: body.payload,
    });
    assert.equal(up.statusCode, 201, up.body);
    return { a, documentId: (up.json() as { id: string }).id };
  }

  it('offers the owners of the journey steps by name, never by id, in both languages', async () => {
    const { a } = await applicantWithJourney();
    const de = await get(a, '/de/dokumente');
    assert.equal(de.statusCode, 200);
    const shown = text(de.body);
    assert.match(shown, /„Diplom\.pdf“ freigeben für/);
    assert.match(shown, /Ausländerbehörde Stadt Leipzig – für .*Ihre Aufenthaltserlaubnis/);
    assert.match(shown, /Landesamt Sachsen \(Anerkennung\) – für die Anerkennung Ihrer Qualifikation/);
    assert.doesNotMatch(shown, UUID, 'no organisation id is shown');
    assert.doesNotMatch(shown, /Betrieb ohne Einwilligung/, 'only owners and organisations consented to');
    const en = text((await get(a, '/en/documents')).body);
    assert.match(en, /Share “Diplom\.pdf” with/);
    assert.match(en, /Landesamt Sachsen \(Anerkennung\) – for the recognition of your qualification/);
    assert.doesNotMatch(en, UUID);
  });

  it('asks for the missing consent in the same flow, grants it and shares in one POST, then confirms', async () => {
    const { a, documentId } = await applicantWithJourney();
    const officer = await browser('foreigners-office-caseworker', 'sf-office');
    const content = `/api/v1/documents/${documentId}/content`;
    assert.equal((await get(officer, content)).statusCode, 404, 'not shared yet');

    const asked = await post(a, '/de/dokumente/teilen', {
      organisationId: orgs.office ?? '',
      target: `document:${documentId}`,
    });
    assert.equal(asked.statusCode, 303, asked.body);
    const confirmUrl = String(asked.headers.location);
    assert.match(confirmUrl, /^\/de\/dokumente\/teilen\?/);
    assert.equal((await get(officer, content)).statusCode, 404, 'asking shares nothing');

    const confirm = await get(a, confirmUrl);
    assert.equal(confirm.statusCode, 200, confirm.body);
    const shown = text(confirm.body);
    assert.match(
      shown,
      /Zum Freigeben geben Sie Ihre Einwilligung: Ausländerbehörde Stadt Leipzig darf „Diplom\.pdf“ für .*Ihre Aufenthaltserlaubnis sehen\./,
    );
    assert.match(shown, /Erlauben und freigeben/);
    assert.match(
      confirm.body,
      /<a class="kern-btn kern-btn--secondary" href="\/de\/dokumente"><span class="kern-label">Abbrechen/,
    );
    assert.doesNotMatch(shown, UUID);
    const english = text(
      (await get(a, confirmUrl.replace('/de/dokumente/teilen', '/en/documents/share'))).body,
    );
    assert.match(
      english,
      /To share, you allow Ausländerbehörde Stadt Leipzig to see “Diplom\.pdf” for .*your residence permit\./,
    );
    assert.match(english, /Allow and share/);

    const shared = await post(a, '/de/dokumente/teilen', {
      organisationId: orgs.office ?? '',
      target: `document:${documentId}`,
      allow: 'yes',
    });
    assert.equal(shared.statusCode, 303, shared.body);
    const back = String(shared.headers.location);
    assert.match(back, /^\/de\/dokumente\?shared=[0-9a-f-]{36}$/);
    assert.equal((await get(officer, content)).statusCode, 200, 'the office now sees the document');

    const page = await get(a, back);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /kern-alert--success/);
    assert.match(text(page.body), /„Diplom\.pdf“ ist jetzt freigegeben für Ausländerbehörde Stadt Leipzig\./);
    const reloaded = await get(a, back);
    assert.match(
      text(reloaded.body),
      /ist jetzt freigegeben/,
      'a reload shows the page again and sends nothing',
    );
    const enPage = text((await get(a, back.replace('/de/dokumente', '/en/documents'))).body);
    assert.match(enPage, /“Diplom\.pdf” is now shared with Ausländerbehörde Stadt Leipzig\./);

    const db = t.database.db;
    const consents = await db.select().from(consent).where(eq(consent.personId, a.personId));
    assert.deepEqual(
      consents.map((c) => c.organisationId),
      [orgs.office],
    );
    const shares = await db.select().from(documentShare).where(eq(documentShare.ownerPersonId, a.personId));
    assert.equal(shares.length, 1);
    const audit = await db.select().from(auditEntry).where(eq(auditEntry.subjectPersonId, a.personId));
    assert.ok(
      audit.some((e) => e.action === 'grant' && e.objectType === 'consent' && e.objectId === orgs.office),
    );
    assert.ok(audit.some((e) => e.action === 'share' && e.objectId === documentId && e.result === 'success'));

    const again = await post(a, '/de/dokumente/teilen', {
      organisationId: orgs.office ?? '',
      target: `document:${documentId}`,
    });
    assert.equal(again.statusCode, 303, 'with consent in effect it shares at once');
    assert.equal(String(again.headers.location), back, 'the same share, not a second one');
  });

  it('shares at once, without asking, with an organisation already consented to', async () => {
    const { a, documentId } = await applicantWithJourney();
    const granted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/consents',
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
      payload: { organisationId: orgs.recognition },
    });
    assert.ok(granted.statusCode < 300, granted.body);
    const res = await post(a, '/en/documents/share', {
      organisationId: orgs.recognition ?? '',
      target: `document:${documentId}`,
    });
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /^\/en\/documents\?shared=/);
  });

  it('refuses what it does not offer with 4xx naming the field, and never a 500', async () => {
    const { a, documentId } = await applicantWithJourney();
    const cases: Array<{ fields: Record<string, string>; field: RegExp }> = [
      { fields: { organisationId: 'not-an-id', target: `document:${documentId}` }, field: /Freigeben für/ },
      {
        fields: { organisationId: orgs.employer ?? '', target: `document:${documentId}`, allow: 'yes' },
        field: /Freigeben für/,
      },
      {
        fields: {
          organisationId: orgs.office ?? '',
          target: 'document:00000000-0000-4000-8000-000000000000',
        },
        field: /Dokument/,
      },
      { fields: { organisationId: orgs.office ?? '', target: 'category:nonsense' }, field: /Dokument/ },
      { fields: {}, field: /Dokument/ },
    ];
    for (const c of cases) {
      const res = await post(a, '/de/dokumente/teilen', c.fields);
      assert.equal(res.statusCode, 422, `${JSON.stringify(c.fields)}: ${res.statusCode}`);
      assert.match(res.body, /error-summary/);
      assert.match(text(res.body), c.field);
    }
    const badQuery = await get(a, '/de/dokumente/teilen?target=document%3Anope&organisationId=x');
    assert.equal(badQuery.statusCode, 400);
    assert.match(badQuery.body, /error-summary/);
    const consents = await t.database.db
      .select()
      .from(consent)
      .where(and(eq(consent.personId, a.personId), eq(consent.organisationId, orgs.employer ?? '')));
    assert.equal(consents.length, 0, 'no consent for an organisation that was not offered');
  });
});
