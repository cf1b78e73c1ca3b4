import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { multipart, samplePdf } from '../../../test/support/documents.ts';
import { makeAccount, sessionFor } from '../../../test/support/identity.ts';
import { assertFieldProblem } from '../../../test/support/problem.ts';

describe('document upload: malformed multipart bodies are a 400, never a 500', () => {
  let t: TestApp;
  let session: Awaited<ReturnType<typeof sessionFor>>;

  before(async () => {
    t = await buildTestApp({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'cr-multipart-')) });
    const a = await makeAccount(t.database.db, 'applicant');
    session = await sessionFor(t.app, t.database.db, a.personId, 'applicant');
  });
  after(() => t.close());

  const upload = (payload: Buffer | string, contentType: string, url = '/api/v1/documents') =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': contentType, cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      payload,
    });

  for (const contentType of [
    'multipart/form-data',
    'multipart/form-data; boundary=',
    'multipart/form-data; boundary=""',
    'multipart/form-data; charset=utf-8',
    `multipart/form-data; boundary=${'x'.repeat(300)}`,
  ]) {
    it(`answers 400 for "${contentType.slice(0, 50)}" (no usable boundary)`, async () => {
      const res = await upload(
        '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n',
        contentType,
      );
      assertFieldProblem(res, 'header.content-type', 'multipart-boundary');
    });
  }

  it('answers 400 (not 413) for a second file part', async () => {
    const { payload, headers } = multipart([
      { name: 'category', value: 'passport' },
      { name: 'file', filename: 'a.pdf', contentType: 'application/pdf', data: samplePdf() },
      { name: 'file2', filename: 'b.pdf', contentType: 'application/pdf', data: samplePdf() },
    ]);
    const res = await upload(payload, headers['content-type'] as string);
    assertFieldProblem(res, 'body', 'max-files:1');
  });

  it('answers 400 for a body that ends before its closing boundary', async () => {
    const { payload, headers } = multipart([
      { name: 'category', value: 'passport' },
      { name: 'file', filename: 'a.pdf', contentType: 'application/pdf', data: samplePdf() },
    ]);
    const res = await upload(payload.subarray(0, payload.length - 40), headers['content-type'] as string);
    assert.equal(res.statusCode, 400, res.body.slice(0, 300));
  });

  it('shows the upload page with a 400 for a body without a boundary', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/de/dokumente',
      headers: {
        'content-type': 'multipart/form-data',
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
      },
      payload: 'x',
    });
    assert.equal(res.statusCode, 400, res.body.slice(0, 300));
    assert.match(String(res.headers['content-type']), /^text\/html/);
  });
});
