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
 * streams. The client sends sixteen times the limit and then holds the request open without ever
 * ending it: a server that waited for the end of the body would never answer. The answer must be
 * 413, and no file may be kept.
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

  // A server that waits for the end of the body never answers: the bounded wait fails the test.
  it('answers 413 while a chunked upload is still streaming, and keeps no file', {
    timeout: 30_000,
  }, async () => {
    const account = await makeAccount(t.database.db, 'applicant');
    const s = await sessionFor(t.app, t.database.db, account.personId, 'applicant');
    const boundary = '----crstream';
    const offered = MAX * 16; // 4 MiB offered, 256 KiB allowed; the body is never ended
    let sent = 0;
    let answered = false;
    const answer = await new Promise<{ code: number; body: string }>((resolve, reject) => {
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
          answered = true;
          let body = '';
          res.on('data', (c: Buffer) => {
            body += c.toString();
          });
          res.on('end', () => {
            req.destroy();
            resolve({ code: res.statusCode ?? 0, body });
          });
          res.on('error', reject);
        },
      );
      // Writing fails once the server has closed the connection; the answer must have come first.
      req.on('error', (e) => {
        if (!answered) reject(new Error(`no answer before the connection ended (${e.message})`));
      });
      req.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="category"\r\n\r\npassport\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      );
      req.write(samplePdf());
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      const pump = () => {
        while (sent < offered && !answered) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        // Deliberately no req.end(): the server has to answer from what it has.
      };
      pump();
    });
    assert.equal(answer.code, 413, answer.body);
    assert.match(answer.body, /max-bytes:262144/);
    const files = await documentStorageOf({ config: t.config } as Parameters<
      typeof documentStorageOf
    >[0]).files();
    assert.deepEqual(files, []);
  });
});
