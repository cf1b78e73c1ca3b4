/** Posting a CSV file as a no-JavaScript form would (multipart/form-data), for the import pages' tests. */
import type { FastifyInstance } from 'fastify';

export interface Session {
  readonly cookie: string;
  readonly csrfToken: string;
}

/** A multipart body with the CSRF token first, then the file part (if any). */
export function multipartBody(csrfToken: string, file: Buffer | string | null, fileName = 'kalender.csv') {
  const boundary = `----csvtest${Date.now()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrfToken}\r\n`;
  const filePart =
    file === null
      ? Buffer.alloc(0)
      : Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
          ),
          Buffer.isBuffer(file) ? file : Buffer.from(file, 'utf8'),
          Buffer.from('\r\n'),
        ]);
  return {
    payload: Buffer.concat([Buffer.from(head), filePart, Buffer.from(`--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

export function uploadCsv(app: FastifyInstance, s: Session, url: string, file: Buffer | string | null) {
  const body = multipartBody(s.csrfToken, file);
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: s.cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
}

/** The "apply" form of a dry-run page, posted as the browser would. */
export function applyFrom(app: FastifyInstance, s: Session, reportPage: string, url: string) {
  const content = /name="content" value="([^"]*)"/.exec(reportPage)?.[1];
  if (content === undefined) throw new Error('the report page has no apply form');
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: s.csrfToken, content }).toString(),
  });
}
