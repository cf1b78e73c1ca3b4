/** Reading a downloaded list in the tests: the file as a spreadsheet reads it, and the audit entries it wrote. */
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import type { Role } from '../../src/domain/access/roles.ts';
import { auditEntry } from '../../src/platform/audit/schema.ts';
import type { Database } from '../../src/platform/db/client.ts';
import type { TestApp } from './app.ts';
import { makeAccount, makeOrganisation, sessionFor } from './identity.ts';
import type { Browser } from './journey.ts';

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

/**
 * One ministry per state code (slug `<prefix>-<code>`) with an officer, and an applicant: their browsers by the
 * state's code in lower case (`sn`, `th` …) and `applicant`.
 */
export async function stateOfficers(
  t: TestApp,
  prefix: string,
  codes: readonly string[],
): Promise<Record<string, Browser>> {
  const db = t.database.db;
  const browsers: Record<string, Browser> = {};
  const people: [string, Role, string | undefined][] = [['applicant', 'applicant', undefined]];
  for (const code of codes) {
    const slug = `${prefix}-${code.toLowerCase()}`;
    await makeOrganisation(db, {
      slug,
      name: `Ministerium ${code}`,
      kind: 'state-ministry',
      jurisdictions: [{ scope: 'state', stateCode: code }],
    });
    people.push([code.toLowerCase(), 'ministry-officer', slug]);
  }
  for (const [name, role, org] of people) {
    const a = await makeAccount(db, role, org);
    const s = await sessionFor(t.app, db, a.personId, role);
    browsers[name] = { personId: a.personId, ...s, organisationId: null };
  }
  return browsers;
}

/** How many audit entries the actor has written so far (a download of a list without people writes none). */
export async function auditCount(db: Database, actorPersonId: string): Promise<number> {
  return (await db.select().from(auditEntry).where(eq(auditEntry.actorPersonId, actorPersonId))).length;
}
