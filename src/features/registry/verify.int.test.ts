import assert from 'node:assert/strict';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { createRecordsService } from './records.ts';
import { recognitionRecord } from './schema.ts';
import { signingKeyFrom, verifySignature } from './signing.ts';

const pem = String(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
const officer = { personId: randomUUID(), role: 'recognition-officer', organisationId: null };

const teacher = {
  person: { name: 'Olena Kovalenko', birthDate: '1985-06-15' },
  profession: { title: 'Lehrerin (Sekundarstufe)', key: 'teacher', kldb: '84124' },
  equivalence: 'full',
  adjustmentMeasures: [],
  authority: 'Landesamt für Schule und Bildung (LaSuB)',
  legalBasis: 'BefäAnG Lehrer',
  decisionDate: '2026-09-15',
  issuingState: 'SN',
  noticeReference: 'ZAST-2026-0815',
};

describe('recognition record verification (public)', () => {
  let t: TestApp;
  let records: ReturnType<typeof createRecordsService>;
  before(async () => {
    t = await buildTestApp({ RECORD_SIGNING_KEY: pem, PUBLIC_URL: 'https://chancenregion.example' });
    records = createRecordsService(t.database.db, () => signingKeyFrom(pem));
  });
  after(() => t.close());
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  it('publishes the public key at a stable URL, and the record verifies offline with it', async () => {
    const issued = await records.issue(officer, teacher);
    const key = (await get('/.well-known/chancenregion-signing-key')).json() as {
      keyId: string;
      publicKeyPem: string;
    };
    assert.equal(key.keyId, signingKeyFrom(pem).keyId);
    const res = await get(`/api/v1/recognition/records/${issued.code}`);
    assert.equal(res.statusCode, 200);
    const body = res.json() as {
      signedText: string;
      signature: string;
      status: string;
      signatureValid: boolean;
    };
    assert.equal(body.status, 'valid');
    assert.equal(body.signatureValid, true);
    assert.ok(verifySignature(body.signedText, body.signature, key.publicKeyPem));
  });

  it('shows the record, its status and where it counts, with the answer for the viewer’s state', async () => {
    const issued = await records.issue(officer, teacher);
    const page = await get(`/en/verify/${issued.code}?state=TH`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Valid: the recognition is in force/);
    assert.match(page.body, /Olena Kovalenko/);
    assert.match(page.body, /<caption class="kern-title">Where the recognition counts in the six states/);
    assert.match(page.body, /For Thuringia a further step is needed\./);
    assert.match(page.body, /Counts in Saxony as it is\./);
    assert.match(page.body, new RegExp(`src="/api/v1/recognition/records/${issued.code}/qr.svg"`));
    const nurse = await records.issue(officer, {
      ...teacher,
      profession: { title: 'Pflegefachfrau', key: 'nurse', kldb: '81302' },
    });
    const counts = await get(`/de/nachweis/${nurse.code.toLowerCase()}?state=BE`);
    assert.equal(counts.statusCode, 200);
    assert.match(counts.body, /Gilt in Berlin ohne weiteren Schritt\./);
  });

  it('shows a withdrawn record as withdrawn', async () => {
    const issued = await records.issue(officer, teacher);
    await records.withdraw(officer, issued.code, 'Bescheid aufgehoben');
    const page = await get(`/de/nachweis/${issued.code}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Zurückgenommen am/);
    assert.match(page.body, /Bescheid aufgehoben/);
    const api = (await get(`/api/v1/recognition/records/${issued.code}`)).json() as { status: string };
    assert.equal(api.status, 'withdrawn');
  });

  it('warns when the stored record was tampered with', async () => {
    const issued = await records.issue(officer, teacher);
    await t.database.db
      .update(recognitionRecord)
      .set({ payload: { ...issued.payload, person: { name: 'Someone Else', birthDate: '1985-06-15' } } })
      .where(eq(recognitionRecord.code, issued.code));
    const page = await get(`/en/verify/${issued.code}`);
    assert.match(page.body, /The signature does not match the content/);
    assert.doesNotMatch(page.body, /Valid: the recognition is in force/);
  });

  it('sends /verify/<code> (the QR code target) to the page in the reader’s language', async () => {
    const issued = await records.issue(officer, teacher);
    const de = await get(`/verify/${issued.code}`);
    assert.equal(de.statusCode, 302);
    assert.equal(de.headers.location, `/de/nachweis/${issued.code}`);
    const en = await get(`/verify/${issued.code}`, { 'accept-language': 'en' });
    assert.equal(en.headers.location, `/en/verify/${issued.code}`);
    const qr = await get(`/api/v1/recognition/records/${issued.code}/qr.svg`);
    assert.equal(qr.statusCode, 200);
    assert.match(String(qr.headers['content-type']), /image\/svg\+xml/);
    assert.match(qr.body, /^<svg/);
    assert.doesNotMatch(qr.body, /style=/, 'no inline styles (CSP)');
  });

  it('answers a malformed code with 400 and an unknown one with 404, naming the parameter', async () => {
    const bad = await get('/api/v1/recognition/records/nonsense');
    assert.equal(bad.statusCode, 400);
    assert.ok((bad.json() as { errors: { field: string }[] }).errors.some((e) => e.field === 'params.code'));
    assert.equal((await get('/verify/nonsense')).statusCode, 400);
    const unknown = await get('/api/v1/recognition/records/0000-0000-0000-0000');
    assert.equal(unknown.statusCode, 404);
    assert.ok(
      (unknown.json() as { errors: { field: string }[] }).errors.some((e) => e.field === 'params.code'),
    );
    assert.equal((await get('/en/verify/0000-0000-0000-0000')).statusCode, 404);
    assert.equal((await get('/en/verify/nonsense')).statusCode, 400);
  });
});
