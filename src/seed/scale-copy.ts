/**
 * The writers of `seed --scale`: time-ordered journey ids, multi-row inserts (`jsonb_to_recordset`, PGlite) and
 * COPY in the text format (PostgreSQL), one transaction per batch.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../platform/db/client.ts';
import { A, J, type Template } from './scale-templates.ts';

/**
 * Journey ids in loading order, time-ordered like UUID version 7 (RFC 9562: 48 bits of Unix milliseconds, then
 * a counter), so that the primary-key indexes of a bulk load grow at their right edge instead of at random pages.
 */
export function journeyIds(): (i: number) => string {
  const start = Date.now();
  const random = randomUUID().replaceAll('-', '').slice(16);
  return (i) => {
    const ms = (start + Math.floor(i / 4096)).toString(16).padStart(12, '0');
    const seq = (i % 4096).toString(16).padStart(3, '0');
    const tail = (Number.parseInt(random.slice(0, 4), 16) & 0x3fff) | 0x8000;
    return `${ms.slice(0, 8)}-${ms.slice(8)}-7${seq}-${tail.toString(16)}-${random.slice(4, 16)}`;
  };
}

export async function insertBatch(db: Database, journeys: string[], steps: string[], evs: string[]) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into journey (id, applicant_id, linked_to, pathway, occupation, target_state_code,
        target_district_ags, country_code, employer_id, status, version, state, opened_at, updated_at)
      select id, applicant_id, null, pathway, occupation, target_state_code, target_district_ags, country_code,
        employer_id, status, version, state, opened_at, updated_at
      from jsonb_to_recordset(${`[${journeys.join(',')}]`}::jsonb) as x(id uuid, applicant_id uuid, pathway text,
        occupation text, target_state_code text, target_district_ags text, country_code text, employer_id uuid,
        status text, version int, state jsonb, opened_at timestamptz, updated_at timestamptz)`);
    await tx.execute(sql`insert into journey_step (journey_id, kind, position, required, status, outcome, owner_id,
        due_at, paused_since, deadline_rule, deadline_due_at, deadline_closed_on, updated_at)
      select * from jsonb_to_recordset(${`[${steps.join(',')}]`}::jsonb) as x(journey_id uuid, kind text,
        position int, required text, status text, outcome text, owner_id uuid, due_at date, paused_since date,
        deadline_rule text, deadline_due_at date, deadline_closed_on date, updated_at timestamptz)`);
    await tx.execute(sql`insert into journey_event (journey_id, version, type, actor_id, actor_role,
        actor_organisation_id, at, payload)
      select * from jsonb_to_recordset(${`[${evs.join(',')}]`}::jsonb) as x(journey_id uuid, version int,
        type text, actor_id text, actor_role text, actor_organisation_id text, at timestamptz, payload jsonb)`);
  });
}

const COPY_COLUMNS = {
  journey: [
    'id',
    'applicant_id',
    'pathway',
    'occupation',
    'target_state_code',
    'target_district_ags',
    'country_code',
    'employer_id',
    'status',
    'version',
    'state',
    'opened_at',
    'updated_at',
  ],
  journey_step: [
    'journey_id',
    'kind',
    'position',
    'required',
    'status',
    'outcome',
    'owner_id',
    'due_at',
    'paused_since',
    'deadline_rule',
    'deadline_due_at',
    'deadline_closed_on',
    'updated_at',
  ],
  journey_event: [
    'journey_id',
    'version',
    'type',
    'actor_id',
    'actor_role',
    'actor_organisation_id',
    'at',
    'payload',
  ],
} as const;
export type CopyTable = keyof typeof COPY_COLUMNS;

/** A value in PostgreSQL's COPY text format: `\N` for null, JSON for objects, with \, tab, LF and CR escaped. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** Per template and table: its COPY lines cut at the placeholder ids, so that a copy is a join. */
export type Segments = string[][];
export function copyTemplates(templates: readonly Template[]): Array<Record<CopyTable, Segments>> {
  const cut = (text: string): Segments => text.split(J).map((part) => part.split(A));
  const lines = (table: CopyTable, rows: Array<Record<string, unknown>>) =>
    rows.map((r) => `${COPY_COLUMNS[table].map((c) => copyValue(r[c])).join('\t')}\n`).join('');
  return templates.map((t) => ({
    journey: cut(lines('journey', [JSON.parse(t.journey)])),
    journey_step: cut(lines('journey_step', JSON.parse(t.steps))),
    journey_event: cut(lines('journey_event', JSON.parse(t.events))),
  }));
}

/** One batch on PostgreSQL: COPY into the three tables in one transaction. */
export async function copyBatch(
  pool: pg.Pool,
  copy: Array<Record<CopyTable, Segments>>,
  picks: ReadonlyArray<{ t: number; id: string; applicant: string }>,
) {
  const client = await pool.connect();
  try {
    await client.query('begin');
    for (const table of Object.keys(COPY_COLUMNS) as CopyTable[]) {
      const chunks = function* () {
        let buffer = '';
        for (const { t, id, applicant } of picks) {
          const segments = (copy[t] as Record<CopyTable, Segments>)[table];
          buffer += segments.map((part) => part.join(applicant)).join(id);
          if (buffer.length > 1 << 16) {
            yield buffer;
            buffer = '';
          }
        }
        if (buffer) yield buffer;
      };
      await pipeline(
        Readable.from(chunks()),
        client.query(copyFrom(`copy ${table} (${COPY_COLUMNS[table].join(', ')}) from stdin`)),
      );
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
