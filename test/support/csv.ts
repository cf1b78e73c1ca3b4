/** Reading a downloaded list in the tests: the file as a spreadsheet reads it, and the audit entries it wrote. */
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { auditEntry } from '../../src/platform/audit/schema.ts';
import type { Database } from '../../src/platform/db/client.ts';

/** The rows of a CSV answer (heading first), after checking that it is one: type, byte order mark, CRLF. */
export function csvRows(res: {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}): string[][] {
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
  assert.match(String(res.headers['content-disposition']), /^attachment; filename="[\w.-]+\.csv"$/);
  assert.ok(res.body.startsWith('\uFEFF'), 'byte order mark for Excel');
  assert.ok(res.body.endsWith('\r\n'), 'CRLF line ends');
  return parse(res.body, { bom: true, relax_column_count: false }) as string[][];
}

/** The audit entries the actor wrote with this purpose. */
export async function auditedWith(db: Database, actorPersonId: string, purpose: string) {
  return db
    .select()
    .from(auditEntry)
    .where(and(eq(auditEntry.actorPersonId, actorPersonId), eq(auditEntry.purpose, purpose)));
}
