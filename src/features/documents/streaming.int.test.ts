import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { samplePdf } from '../../../test/support/documents.ts';
import { makeAccount, sessionFor } from '../../../test/support/identity.ts';
import { documentStorageOf } from './routes.tsx';

/**
 * Over a real socket, without Content-Length (chunked): the size limit stops an upload while it
 * streams. The client keeps sending far more than the limit; the server answers 413 once the limit
 * is crossed, long before the whole body has arrived, and keeps nothing.
 */
describe('documents over a real connection', () => {
  let t: TestApp;
  let base: URL;
  const MAX = 256 * 1024;
  before(async () => {
    t = await buildTestApp({
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'cr-doc-stream-')),
      DOCUMENT_MAX_BYTES: String(MAX),
    });
    base = new URL(await t.app.listen({ host: '127.0.0.1', port: 0 }));
  });
  after(() => t.close());

  it('answers 413 while a chunked upload is still streaming, and keeps no file', async () => {
    const account = await makeAccount(t.database.db, 'applicant');
    const s = await sessionFor(t.app, t.database.db, account.personId, 'applicant');
    const boundary = '----crstream';
    const total = MAX * 160; // 40 MiB offered, 256 KiB allowed
    let sent = 0;
    const status = await new Promise<{ code: number; sentWhenAnswered: number; body: string }>(
      (resolve, reject) => {
        const req = request(
          {
            host: base.hostname,
            port: base.port,
            method: 'POST',
            path: '/api/v1/documents',
            headers: {
              'content-type': `multipart/form-data; boundary=${boundary}`,
              'transfer-encoding': 'chunked',
              cookie: s.cookie,
              'x-csrf-token': s.csrfToken,
            },
          },
          (res) => {
            const sentWhenAnswered = sent;
            let body = '';
            res.on('data', (c: Buffer) => {
              body += c.toString();
            });
            res.on('end', () => resolve({ code: res.statusCode ?? 0, sentWhenAnswered, body }));
          },
        );
        req.on('error', (e) => (sent < total ? undefined : reject(e)));
        req.write(
          `--${boundary}\r\nContent-Disposition: form-data; name="category"\r\n\r\npassport\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        );
        req.write(samplePdf());
        const chunk = Buffer.alloc(16 * 1024, 0x20);
        const pump = () => {
          while (sent < total) {
            sent += chunk.length;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
          req.end(`\r\n--${boundary}--\r\n`);
        };
        pump();
      },
    );
    assert.equal(status.code, 413, status.body);
    assert.ok(
      status.sentWhenAnswered < total / 2,
      `answered after ${status.sentWhenAnswered} of ${total} bytes`,
    );
    const files = await documentStorageOf({ config: t.config } as Parameters<
      typeof documentStorageOf
    >[0]).files();
    assert.deepEqual(files, []);
  });
});
