import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import {
  multipart,
  type Part,
  SAMPLE_EXE,
  SAMPLE_HTML,
  SAMPLE_JPEG,
  SAMPLE_PNG,
  samplePdf,
} from '../../../test/support/documents.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import type { Role } from '../../domain/access/roles.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { handleErasure, requestErasure } from '../identity/admin/erasure.ts';
import { eraseDocumentsOf } from './deletion.ts';
import { documentStorageOf } from './routes.tsx';
import { document } from './schema.ts';
import { diskStorage } from './storage.ts';
import { storeUpload, UploadRefused } from './upload-store.ts';

const MAX = 64 * 1024;

describe('documents', () => {
  let t: TestApp;
  let dataDir: string;
  const orgs: Record<string, string> = {};

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cr-documents-'));
    t = await buildTestApp({ DATA_DIR: dataDir, DOCUMENT_MAX_BYTES: String(MAX) });
    const db = t.database.db;
    orgs.employer = await makeOrganisation(db, {
      slug: 'doc-test-employer',
      name: 'Dokumente Testbetrieb GmbH',
      kind: 'employer',
      jurisdictions: [],
    });
    orgs.recognition = await makeOrganisation(db, {
      slug: 'doc-test-recognition',
      name: 'Anerkennungsstelle Sachsen (Test)',
      kind: 'recognition-authority',
      jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
    });
    orgs.office = await makeOrganisation(db, {
      slug: 'doc-test-office',
      name: 'Ausländerbehörde Leipzig (Test)',
      kind: 'foreigners-office',
      jurisdictions: [{ scope: 'district', ags: '14713' }],
    });
  });
  after(() => t.close());

  const storage = () => documentStorageOf({ config: t.config } as Parameters<typeof documentStorageOf>[0]);
  const storedFiles = () => storage().files();

  async function browser(role: Role, slug?: string) {
    const account = await makeAccount(t.database.db, role, slug);
    const s = await sessionFor(t.app, t.database.db, account.personId, role);
    return { personId: account.personId, ...s };
  }

  async function upload(
    b: { cookie: string; csrfToken: string },
    file: { filename: string; data: Buffer; contentType?: string },
    category = 'passport',
  ) {
    const body = multipart([
      { name: 'category', value: category },
      { name: 'file', ...file },
    ]);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      headers: { ...body.headers, cookie: b.cookie, 'x-csrf-token': b.csrfToken },
      payload: body.payload,
    });
  }

  const rowsOf = (personId: string) =>
    t.database.db.select().from(document).where(eq(document.ownerPersonId, personId));

  describe('upload', () => {
    it('stores a PDF under a generated name with its detected type, size and hash, and an audit entry', async () => {
      const a = await browser('applicant');
      const before = (await storedFiles()).length;
      const pdf = samplePdf();
      const res = await upload(a, { filename: 'Reisepass Müller.pdf', data: pdf, contentType: 'text/html' });
      assert.equal(res.statusCode, 201, res.body);
      const doc = res.json() as {
        id: string;
        mediaType: string;
        sizeBytes: number;
        fileName: string;
        sha256: string;
      };
      assert.equal(doc.mediaType, 'application/pdf', 'the declared type plays no part');
      assert.equal(doc.sizeBytes, pdf.length);
      assert.equal(doc.fileName, 'Reisepass Müller.pdf');
      assert.match(doc.sha256, /^[0-9a-f]{64}$/);
      assert.equal(res.headers.location, `/api/v1/documents/${doc.id}`);
      const files = await storedFiles();
      assert.equal(files.length, before + 1);
      const [row] = await rowsOf(a.personId);
      assert.ok(row);
      const stored = files.find((f) => path.basename(f) === row.storageKey);
      assert.ok(stored, 'the file is stored under its generated key');
      assert.match(path.relative(path.join(dataDir, 'documents'), stored), /^[0-9a-f]{2}\/[0-9a-f]{32}$/);
      const audit = await t.database.db
        .select()
        .from(auditEntry)
        .where(and(eq(auditEntry.objectId, doc.id), eq(auditEntry.action, 'create')));
      assert.equal(audit.length, 1);
      assert.equal(audit[0]?.actorPersonId, a.personId);
    });

    it('accepts JPEG and PNG, and names the download after the detected type', async () => {
      const a = await browser('applicant');
      const jpeg = await upload(a, { filename: 'foto.jpeg', data: SAMPLE_JPEG }, 'photo');
      assert.equal(jpeg.statusCode, 201, jpeg.body);
      assert.equal((jpeg.json() as { mediaType: string }).mediaType, 'image/jpeg');
      const png = await upload(a, { filename: 'scan.pdf', data: SAMPLE_PNG });
      assert.equal(png.statusCode, 201, png.body);
      const doc = png.json() as { mediaType: string; fileName: string };
      assert.equal(doc.mediaType, 'image/png', 'a PNG under a PDF name is a PNG');
      assert.equal(doc.fileName, 'scan.pdf.png');
    });

    it('accepts a file of exactly the limit', async () => {
      const a = await browser('applicant');
      const res = await upload(a, { filename: 'exact.pdf', data: samplePdf(MAX) });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal((res.json() as { sizeBytes: number }).sizeBytes, MAX);
    });

    it('reads the category after the file too (API clients send parts in any order)', async () => {
      const a = await browser('applicant');
      const body = multipart([
        { name: 'file', filename: 'cv.pdf', data: samplePdf() },
        { name: 'category', value: 'cv' },
      ]);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/documents',
        headers: { ...body.headers, cookie: a.cookie, 'x-csrf-token': a.csrfToken },
        payload: body.payload,
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal((res.json() as { category: string }).category, 'cv');
    });
  });

  describe('upload abuse leaves no file and no row', () => {
    const cases: {
      what: string;
      file: { filename: string; data: Buffer };
      status: number;
      rule: RegExp;
      category?: string;
    }[] = [
      {
        what: 'HTML named passport.pdf',
        file: { filename: 'passport.pdf', data: SAMPLE_HTML },
        status: 415,
        rule: /^media-type:/,
      },
      {
        what: 'an executable named passport.pdf',
        file: { filename: 'passport.pdf', data: SAMPLE_EXE },
        status: 415,
        rule: /^media-type:/,
      },
      {
        what: 'a PDF header glued to nothing',
        file: { filename: 'x.pdf', data: Buffer.from('%PDF') },
        status: 415,
        rule: /^media-type:/,
      },
      {
        what: 'an empty file',
        file: { filename: 'empty.pdf', data: Buffer.alloc(0) },
        status: 400,
        rule: /^non-empty$/,
      },
      {
        what: 'no file chosen (a browser sends an empty part without a name)',
        file: { filename: '', data: Buffer.alloc(0) },
        status: 400,
        rule: /^required$/,
      },
      {
        what: 'a file one byte over the limit',
        file: { filename: 'big.pdf', data: samplePdf(MAX + 1) },
        status: 413,
        rule: /^max-bytes:/,
      },
      {
        what: 'an unknown category',
        file: { filename: 'ok.pdf', data: samplePdf() },
        status: 400,
        rule: /^enum$/,
        category: '../etc',
      },
    ];
    for (const c of cases) {
      it(`refuses ${c.what} (${c.status})`, async () => {
        const a = await browser('applicant');
        const before = await storedFiles();
        const res = await upload(a, c.file, c.category);
        assert.equal(res.statusCode, c.status, res.body);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
        const problem = res.json() as { errors: { field: string; rule: string }[] };
        assert.equal(problem.errors[0]?.field, c.category ? 'body.category' : 'body.file');
        assert.match(problem.errors[0]?.rule ?? '', c.rule);
        assert.deepEqual(await storedFiles(), before, 'no file remains, not even a temporary one');
        assert.equal((await rowsOf(a.personId)).length, 0, 'no row remains');
      });
    }

    it('refuses a declared body over the limit before reading it (413)', async () => {
      const a = await browser('applicant');
      const body = multipart([{ name: 'file', filename: 'big.pdf', data: samplePdf(MAX * 3) }]);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/documents',
        headers: { ...body.headers, cookie: a.cookie, 'x-csrf-token': a.csrfToken },
        payload: body.payload,
      });
      assert.equal(res.statusCode, 413);
      assert.equal((await rowsOf(a.personId)).length, 0);
    });

    it('refuses a request without a file (400) and a non-multipart body (415)', async () => {
      const a = await browser('applicant');
      const body = multipart([{ name: 'category', value: 'passport' }]);
      const none = await t.app.inject({
        method: 'POST',
        url: '/api/v1/documents',
        headers: { ...body.headers, cookie: a.cookie, 'x-csrf-token': a.csrfToken },
        payload: body.payload,
      });
      assert.equal(none.statusCode, 400);
      const json = await t.app.inject({
        method: 'POST',
        url: '/api/v1/documents',
        headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
        payload: { file: 'x' },
      });
      assert.equal(json.statusCode, 415);
    });

    it('keeps path characters, NUL and overlong names out of the storage and the display name', async () => {
      const a = await browser('applicant');
      const names: [string, (n: string) => void][] = [
        ['../../../etc/passwd.pdf', (n) => assert.equal(n, 'passwd.pdf')],
        ['..\\..\\windows\\win.ini.pdf', (n) => assert.equal(n, 'win.ini.pdf')],
        ['a\u0000b\u202e.pdf', (n) => assert.equal(n, 'ab.pdf')],
        ['..', (n) => assert.equal(n, 'document.pdf')],
        [`${'x'.repeat(500)}.pdf`, (n) => assert.ok(n.length <= 120 && n.endsWith('.pdf'), n)],
        ['<script>.pdf', (n) => assert.equal(n, '_script_.pdf')],
      ];
      for (const [name, check] of names) {
        const res = await upload(a, { filename: name, data: samplePdf() });
        assert.equal(res.statusCode, 201, `${JSON.stringify(name)}: ${res.body}`);
        check((res.json() as { fileName: string }).fileName);
      }
      for (const f of await storedFiles()) {
        assert.ok(f.startsWith(path.join(dataDir, 'documents') + path.sep));
        assert.match(path.basename(f), /^[0-9a-f]{32}$/);
      }
    });

    it('leaves no file and no row when the database refuses the row', async () => {
      const store = diskStorage(path.join(dataDir, 'documents'));
      const before = await store.files();
      const ghost = { personId: '00000000-0000-4000-8000-000000000000', memberships: [] };
      await assert.rejects(
        storeUpload(
          { db: t.database.db, storage: store, now: () => new Date(), maxBytes: MAX },
          { actor: ghost, membership: undefined },
          { fileName: 'a.pdf', category: async () => 'passport', content: Readable.from([samplePdf()]) },
        ),
      );
      assert.deepEqual(await store.files(), before);
      assert.equal((await rowsOf(ghost.personId)).length, 0);
    });

    it('leaves no file and no row when storing the file fails', async () => {
      const store = diskStorage(path.join(dataDir, 'documents'));
      const failing = {
        ...store,
        begin: async () => {
          const p = await store.begin();
          return {
            ...p,
            key: p.key,
            sink: p.sink,
            discard: p.discard,
            commit: async () => Promise.reject(new Error('disk full')),
          };
        },
      };
      const a = await browser('applicant');
      const before = await store.files();
      await assert.rejects(
        storeUpload(
          { db: t.database.db, storage: failing, now: () => new Date(), maxBytes: MAX },
          { actor: { personId: a.personId, memberships: [] }, membership: undefined },
          { fileName: 'a.pdf', category: async () => 'passport', content: Readable.from([samplePdf()]) },
        ),
        /disk full/,
      );
      assert.deepEqual(await store.files(), before);
      assert.equal((await rowsOf(a.personId)).length, 0);
    });

    it('counts bytes itself, whatever the transport says', async () => {
      const store = diskStorage(path.join(dataDir, 'documents'));
      const before = await store.files();
      await assert.rejects(
        storeUpload(
          { db: t.database.db, storage: store, now: () => new Date(), maxBytes: 100 },
          {
            actor: { personId: '00000000-0000-4000-8000-000000000000', memberships: [] },
            membership: undefined,
          },
          { fileName: 'a.pdf', category: async () => 'passport', content: Readable.from([samplePdf(101)]) },
        ),
        (e: unknown) => e instanceof UploadRefused && e.reason === 'too-large',
      );
      assert.deepEqual(await store.files(), before);
    });
  });

  describe('CSRF', () => {
    it('refuses a multipart upload without a token, before reading the file', async () => {
      const a = await browser('applicant');
      const before = await storedFiles();
      const body = multipart([{ name: 'file', filename: 'a.pdf', data: samplePdf() }]);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/documents',
        headers: { ...body.headers, cookie: a.cookie },
        payload: body.payload,
      });
      assert.equal(res.statusCode, 403);
      assert.deepEqual(await storedFiles(), before);
      const forged = multipart([
        { name: '_csrf', value: 'forged' },
        { name: 'file', filename: 'a.pdf', data: samplePdf() },
      ]);
      const res2 = await t.app.inject({
        method: 'POST',
        url: '/de/dokumente',
        headers: { ...forged.headers, cookie: a.cookie },
        payload: forged.payload,
      });
      assert.equal(res2.statusCode, 403);
      assert.equal((await rowsOf(a.personId)).length, 0);
    });

    it('refuses anonymous uploads (401) and roles that may not upload (403)', async () => {
      const body = multipart([{ name: 'file', filename: 'a.pdf', data: samplePdf() }]);
      const anon = await t.app.inject({ method: 'POST', url: '/api/v1/documents', ...body });
      assert.ok([401, 403].includes(anon.statusCode), String(anon.statusCode));
      const e = await browser('employer-admin', 'doc-test-employer');
      const res = await upload(e, { filename: 'a.pdf', data: samplePdf() });
      assert.equal(res.statusCode, 403);
    });
  });

  describe('pages', () => {
    it('uploads through the form without JavaScript (token in the form), lists and re-renders errors (422)', async () => {
      const a = await browser('applicant');
      const page = await t.app.inject({ method: 'GET', url: '/de/dokumente', headers: { cookie: a.cookie } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Meine Dokumente/);
      assert.match(page.body, /enctype="multipart\/form-data"/);
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const parts = (file: Part): Part[] => [
        { name: '_csrf', value: token },
        { name: 'category', value: 'degree-certificate' },
        file,
      ];
      const ok = multipart(parts({ name: 'file', filename: 'Diplom.pdf', data: samplePdf() }));
      const posted = await t.app.inject({
        method: 'POST',
        url: '/de/dokumente',
        headers: { ...ok.headers, cookie: a.cookie },
        payload: ok.payload,
      });
      assert.equal(posted.statusCode, 303, posted.body);
      assert.equal(posted.headers.location, '/de/dokumente');
      const listed = await t.app.inject({
        method: 'GET',
        url: '/de/dokumente',
        headers: { cookie: a.cookie },
      });
      assert.match(listed.body, /Diplom\.pdf/);
      assert.match(listed.body, /Abschlusszeugnis oder Diplom/);
      const bad = multipart(parts({ name: 'file', filename: 'Diplom.pdf', data: SAMPLE_HTML }));
      const refused = await t.app.inject({
        method: 'POST',
        url: '/en/documents',
        headers: { ...bad.headers, cookie: a.cookie },
        payload: bad.payload,
      });
      assert.equal(refused.statusCode, 422);
      assert.match(refused.body, /My documents/);
      assert.match(refused.body, /error-summary/);
      assert.match(refused.body, /not a PDF, JPEG or PNG/);
      assert.match(refused.body, /href="#field-file"/);
      assert.equal((await rowsOf(a.personId)).length, 1);
    });

    it('re-renders the form (422) for a file far over the limit, without reading it', async () => {
      const a = await browser('applicant');
      const page = await t.app.inject({ method: 'GET', url: '/en/documents', headers: { cookie: a.cookie } });
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const big = multipart([
        { name: '_csrf', value: token },
        { name: 'category', value: 'passport' },
        { name: 'file', filename: 'huge.pdf', data: samplePdf(MAX * 3) },
      ]);
      const res = await t.app.inject({
        method: 'POST',
        url: '/en/documents',
        headers: { ...big.headers, cookie: a.cookie },
        payload: big.payload,
      });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /too large/);
      assert.equal(res.headers.connection, 'close');
      assert.equal((await rowsOf(a.personId)).length, 0);
    });

    it('sends anonymous visitors to sign in', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/en/documents' });
      assert.equal(res.statusCode, 303);
      assert.match(String(res.headers.location), /^\/en\/sign-in\?next=/);
    });
  });

  describe('download', () => {
    it('serves an attachment with the detected type, nosniff, no caching and a sanitised UTF-8 name', async () => {
      const a = await browser('applicant');
      const up = await upload(a, { filename: 'Übersetzung final;.png', data: SAMPLE_PNG }, 'translation');
      const id = (up.json() as { id: string }).id;
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/documents/${id}/content`,
        headers: { cookie: a.cookie },
      });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'image/png');
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['cache-control'], 'private, no-store');
      const cd = String(res.headers['content-disposition']);
      assert.match(cd, /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      assert.equal(
        cd,
        `attachment; filename="_bersetzung final_.png"; filename*=UTF-8''%C3%9Cbersetzung%20final%3B.png`,
      );
      assert.ok(!/[\r\n]/.test(cd));
      assert.deepEqual(res.rawPayload, SAMPLE_PNG);
    });

    it('answers 404 for unknown, malformed and deleted documents', async () => {
      const a = await browser('applicant');
      const up = await upload(a, { filename: 'a.pdf', data: samplePdf() });
      const id = (up.json() as { id: string }).id;
      for (const url of [
        '/api/v1/documents/00000000-0000-4000-8000-000000000000/content',
        '/api/v1/documents/nope/content',
      ]) {
        const res = await t.app.inject({ method: 'GET', url, headers: { cookie: a.cookie } });
        assert.equal(res.statusCode, 404);
      }
      const before = (await storedFiles()).length;
      const del = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/documents/${id}`,
        headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
      });
      assert.equal(del.statusCode, 204);
      assert.equal((await storedFiles()).length, before - 1, 'the bytes are gone');
      const gone = await t.app.inject({
        method: 'GET',
        url: `/api/v1/documents/${id}/content`,
        headers: { cookie: a.cookie },
      });
      assert.equal(gone.statusCode, 404);
    });
  });

  describe('sharing by consent', () => {
    async function consentTo(a: { cookie: string; csrfToken: string }, organisationId: string) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/consents',
        headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
        payload: { organisationId },
      });
      assert.ok(res.statusCode < 300, res.body);
    }
    async function share(a: { cookie: string; csrfToken: string }, payload: Record<string, string>) {
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/documents/shares',
        headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
        payload,
      });
    }
    const get = (b: { cookie: string }, url: string) =>
      t.app.inject({ method: 'GET', url, headers: { cookie: b.cookie } });

    it('shows a shared document to the organisation and hides it again on the next request after withdrawal', async () => {
      const a = await browser('applicant');
      const employer = await browser('employer-member', 'doc-test-employer');
      const id = (
        (await upload(a, { filename: 'Vertrag.pdf', data: samplePdf() }, 'employment-contract')).json() as {
          id: string;
        }
      ).id;
      const url = `/api/v1/documents/${id}/content`;
      assert.equal((await get(employer, url)).statusCode, 404, 'not shared');
      assert.equal(
        (await share(a, { organisationId: orgs.employer ?? '', documentId: id })).statusCode,
        409,
        'no consent yet',
      );
      await consentTo(a, orgs.employer ?? '');
      assert.equal((await get(employer, url)).statusCode, 404, 'consent alone shares no document');
      const shared = await share(a, { organisationId: orgs.employer ?? '', documentId: id });
      assert.equal(shared.statusCode, 201, shared.body);
      const ok = await get(employer, url);
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.headers['content-type'], 'application/pdf');
      const log = await get(a, '/api/v1/me/access-log');
      assert.match(
        log.body,
        /Dokumente Testbetrieb GmbH/,
        '"Wer hat meine Daten gesehen?" shows the download',
      );
      assert.match(log.body, /download/);
      const list = await get(employer, `/api/v1/applicants/${a.personId}/documents`);
      assert.equal(list.statusCode, 200);
      assert.deepEqual(
        (list.json() as { documents: { id: string }[] }).documents.map((d) => d.id),
        [id],
      );
      const withdrawn = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/me/consents/${orgs.employer}`,
        headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
      });
      assert.ok(withdrawn.statusCode < 300, withdrawn.body);
      assert.equal((await get(employer, url)).statusCode, 404, 'withdrawal is effective on the next request');
      assert.equal((await get(employer, `/api/v1/applicants/${a.personId}/documents`)).statusCode, 404);
      await consentTo(a, orgs.employer ?? '');
      assert.equal((await get(employer, url)).statusCode, 404, 'a new consent does not revive old shares');
    });

    it('shares every document of a category, present and future, and revoking the share ends it', async () => {
      const a = await browser('applicant');
      const counsellorOrg = await makeOrganisation(t.database.db, {
        slug: `doc-test-centre-${a.personId.slice(0, 8)}`,
        name: 'Beratungsstelle (Test)',
        kind: 'counselling-centre',
        jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
      });
      const counsellor = await browser('counsellor', `doc-test-centre-${a.personId.slice(0, 8)}`);
      await consentTo(a, counsellorOrg);
      const shared = await share(a, { organisationId: counsellorOrg, category: 'degree-certificate' });
      assert.equal(shared.statusCode, 201, shared.body);
      const degree = (
        (await upload(a, { filename: 'Diplom.pdf', data: samplePdf() }, 'degree-certificate')).json() as {
          id: string;
        }
      ).id;
      const passport = (
        (await upload(a, { filename: 'Pass.pdf', data: samplePdf() }, 'passport')).json() as { id: string }
      ).id;
      assert.equal((await get(counsellor, `/api/v1/documents/${degree}/content`)).statusCode, 200);
      assert.equal((await get(counsellor, `/api/v1/documents/${passport}/content`)).statusCode, 404);
      const list = await get(counsellor, `/api/v1/applicants/${a.personId}/documents`);
      assert.deepEqual(
        (list.json() as { documents: { id: string }[] }).documents.map((d) => d.id),
        [degree],
      );
      const shareId = (shared.json() as { id: string }).id;
      const revoked = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/documents/shares/${shareId}`,
        headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
      });
      assert.equal(revoked.statusCode, 204);
      assert.equal((await get(counsellor, `/api/v1/documents/${degree}/content`)).statusCode, 404);
    });

    it('gives authorities nothing without consent, even within their jurisdiction, and writes the audit trail', async () => {
      const a = await browser('applicant');
      await t.app.inject({
        method: 'PUT',
        url: '/api/v1/me/profile',
        headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
        payload: { residenceAgs: '14713', countryCode: 'IN' },
      });
      const officer = await browser('foreigners-office-caseworker', 'doc-test-office');
      const recognition = await browser('recognition-officer', 'doc-test-recognition');
      const id = ((await upload(a, { filename: 'Pass.pdf', data: samplePdf() })).json() as { id: string }).id;
      const url = `/api/v1/documents/${id}/content`;
      for (const b of [officer, recognition]) {
        assert.equal((await get(b, url)).statusCode, 404);
        assert.equal((await get(b, `/api/v1/documents/${id}`)).statusCode, 404);
        assert.equal((await get(b, `/api/v1/applicants/${a.personId}/documents`)).statusCode, 404);
      }
      await consentTo(a, orgs.recognition ?? '');
      assert.equal(
        (await share(a, { organisationId: orgs.recognition ?? '', documentId: id })).statusCode,
        201,
      );
      assert.equal((await get(recognition, url)).statusCode, 200);
      assert.equal(
        (await get(officer, url)).statusCode,
        404,
        'a share with one authority opens nothing for another',
      );
      const entries = await t.database.db.select().from(auditEntry).where(eq(auditEntry.objectId, id));
      const reads = entries.filter((e) => e.action === 'read');
      assert.ok(
        reads.some(
          (e) =>
            e.actorPersonId === recognition.personId && e.result === 'success' && e.purpose === 'download',
        ),
      );
      assert.ok(reads.some((e) => e.actorPersonId === officer.personId && e.result === 'denied'));
      assert.ok(reads.every((e) => e.subjectPersonId === a.personId));
      const listEntries = await t.database.db
        .select()
        .from(auditEntry)
        .where(and(eq(auditEntry.objectId, a.personId), eq(auditEntry.objectType, 'document')));
      assert.ok(listEntries.some((e) => e.actorPersonId === officer.personId && e.result === 'denied'));
    });

    it("refuses sharing another person's document (404) and roles that may not share (403)", async () => {
      const a = await browser('applicant');
      const other = await browser('applicant');
      const id = ((await upload(a, { filename: 'a.pdf', data: samplePdf() })).json() as { id: string }).id;
      await consentTo(other, orgs.employer ?? '');
      assert.equal(
        (await share(other, { organisationId: orgs.employer ?? '', documentId: id })).statusCode,
        404,
      );
      assert.equal((await get(other, `/api/v1/documents/${id}/content`)).statusCode, 404);
      const employer = await browser('employer-admin', 'doc-test-employer');
      assert.equal(
        (await share(employer, { organisationId: orgs.employer ?? '', documentId: id })).statusCode,
        403,
      );
    });

    it('shares and unshares through the pages', async () => {
      const a = await browser('applicant');
      await consentTo(a, orgs.employer ?? '');
      const id = (
        (await upload(a, { filename: 'Vertrag.pdf', data: samplePdf() }, 'employment-contract')).json() as {
          id: string;
        }
      ).id;
      const form = (url: string, fields: Record<string, string>) =>
        t.app.inject({
          method: 'POST',
          url,
          headers: { cookie: a.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ _csrf: a.csrfToken, ...fields }).toString(),
        });
      const shared = await form('/en/documents/share', {
        organisationId: orgs.employer ?? '',
        target: `document:${id}`,
      });
      assert.equal(shared.statusCode, 303, shared.body);
      const page = await t.app.inject({ method: 'GET', url: '/en/documents', headers: { cookie: a.cookie } });
      assert.match(page.body, /Vertrag\.pdf – shared with Dokumente Testbetrieb GmbH/);
      const shareId = /name="id" value="([0-9a-f-]{36})"/g;
      const ids = [...page.body.matchAll(shareId)].map((m) => m[1]);
      const revoke = await form('/en/documents/unshare', { id: ids[ids.length - 1] ?? '' });
      assert.equal(revoke.statusCode, 303);
      const noConsent = await form('/de/dokumente/teilen', {
        organisationId: orgs.office ?? '',
        target: `document:${id}`,
      });
      assert.equal(noConsent.statusCode, 422);
      assert.match(noConsent.body, /error-summary/);
    });
  });
  describe('erasure', () => {
    it("survives identity's erasure (consents deleted → shares go) and erases the person's documents", async () => {
      const a = await browser('applicant');
      const id = ((await upload(a, { filename: 'a.pdf', data: samplePdf() })).json() as { id: string }).id;
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/consents',
        headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
        payload: { organisationId: orgs.employer },
      });
      const shared = await t.app.inject({
        method: 'POST',
        url: '/api/v1/documents/shares',
        headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
        payload: { organisationId: orgs.employer, documentId: id },
      });
      assert.equal(shared.statusCode, 201);
      const admin = await makeAccount(t.database.db, 'applicant');
      const requestId = await requestErasure(t.database.db, a.personId, undefined, new Date());
      const before = (await storedFiles()).length;
      let removeFiles: (() => Promise<void>) | undefined;
      await t.database.db.transaction(async (tx) => {
        assert.ok(await handleErasure(tx, requestId, 'erased', undefined, admin.personId, new Date()));
        removeFiles = await eraseDocumentsOf(tx, storage(), a.personId);
      });
      await removeFiles?.();
      assert.equal((await rowsOf(a.personId)).length, 0);
      assert.equal((await storedFiles()).length, before - 1);
    });

    it('erases the documents when an administrator grants the erasure request through the API', async () => {
      const a = await browser('applicant');
      await upload(a, { filename: 'passport.pdf', data: samplePdf() });
      assert.equal((await rowsOf(a.personId)).length, 1);
      const before = (await storedFiles()).length;
      const requestId = await requestErasure(t.database.db, a.personId, undefined, new Date());
      await makeOrganisation(t.database.db, {
        slug: 'operator-erasure',
        name: 'Betrieb',
        kind: 'operator',
        jurisdictions: [{ scope: 'nationwide' }],
      });
      const admin = await makeAccount(t.database.db, 'administrator', 'operator-erasure');
      const s = await sessionFor(t.app, t.database.db, admin.personId, 'administrator');
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/admin/erasure-requests/${requestId}`,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
        payload: { outcome: 'erased' },
      });
      assert.equal(res.statusCode, 204, res.body);
      assert.equal((await rowsOf(a.personId)).length, 0);
      assert.equal((await storedFiles()).length, before - 1);
    });
  });
});
