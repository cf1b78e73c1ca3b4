import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../db/client.ts';
import { auditEntry } from './schema.ts';

/** What one audit entry says: who, in which role and organisation, did what to which object, why, with what result. */
export interface AuditEvent {
  actorPersonId?: string | null | undefined;
  actorRole?: string | null | undefined;
  actorOrganisationId?: string | null | undefined;
  action: string;
  objectType: string;
  objectId?: string | null | undefined;
  subjectPersonId?: string | null | undefined;
  purpose: string;
  result: 'success' | 'denied' | 'failure';
}

export const GENESIS_HASH = '0'.repeat(64);
/**
 * Parallel chains. Appends to one chain wait for each other's commit; entries about different
 * people usually land in different chains and commit side by side (ADR 0007).
 */
export const AUDIT_CHAINS = 16;

/** The chain of an entry: by the person concerned, else the actor, else the object. */
export function chainOf(event: AuditEvent): number {
  return chainOfKey(
    event.subjectPersonId ?? event.actorPersonId ?? `${event.objectType}:${event.objectId ?? ''}`,
  );
}

/** The chain of a key: a person's id, or `type:id` of an object. */
export function chainOfKey(key: string): number {
  return createHash('sha256').update(key).digest().readUInt16BE(0) % AUDIT_CHAINS;
}

/** The canonical form hashed into the chain: fixed key order, nulls explicit, time in ISO 8601 UTC. */
export function canonicalEntry(e: AuditEvent & { at: Date; prevHash: string }): string {
  const fields: [string, string | null][] = [
    ['action', e.action],
    ['actorOrganisationId', e.actorOrganisationId ?? null],
    ['actorPersonId', e.actorPersonId ?? null],
    ['actorRole', e.actorRole ?? null],
    ['at', e.at.toISOString()],
    ['objectId', e.objectId ?? null],
    ['objectType', e.objectType],
    ['prevHash', e.prevHash],
    ['purpose', e.purpose],
    ['result', e.result],
    ['subjectPersonId', e.subjectPersonId ?? null],
  ];
  return JSON.stringify(Object.fromEntries(fields));
}

export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/** The call of `audit_append` for one entry, for a FROM clause (`appendAudit`). */
function auditAppendCall(event: AuditEvent, now: Date): SQL {
  return sql`audit_append(${chainOf(event)}::smallint, ${now.toISOString()}::timestamptz,
      ${event.actorPersonId ?? null}::uuid, ${event.actorRole ?? null}::text, ${event.actorOrganisationId ?? null}::uuid,
      ${event.action}::text, ${event.objectType}::text, ${event.objectId ?? null}::text,
      ${event.subjectPersonId ?? null}::uuid, ${event.purpose}::text, ${event.result}::text)`;
}

/**
 * The arguments of `audit_append` for one entry as a record (column names of `audit_entry`), for a statement that
 * makes changes and appends their entries from `jsonb_to_recordset` (the journey's write: change and entries are
 * one statement).
 */
export function auditRecord(event: AuditEvent, now: Date) {
  return {
    chain: chainOf(event),
    at: now.toISOString(),
    actor_person_id: event.actorPersonId ?? null,
    actor_role: event.actorRole ?? null,
    actor_organisation_id: event.actorOrganisationId ?? null,
    action: event.action,
    object_type: event.objectType,
    object_id: event.objectId ?? null,
    subject_person_id: event.subjectPersonId ?? null,
    purpose: event.purpose,
    result: event.result,
  };
}

/**
 * `audit_append` for each record of a JSON array of `auditRecord`s (each with its position `ord`, and `extra`
 * columns such as the id of the row it is about), for a FROM clause (`x` the record, `a` the appended entry).
 * The entries are appended in ascending order of their chains: every statement that takes several chains' locks
 * takes them in the same order, so two of them never wait for each other in a circle (ADR 0010).
 */
export function auditAppendsFrom(records: string, extra: SQL = sql``, where: SQL = sql``): SQL {
  return sql`(select x.* from jsonb_to_recordset(${records}::jsonb) as x(ord int, chain smallint, at timestamptz,
      actor_person_id uuid, actor_role text, actor_organisation_id uuid, action text, object_type text,
      object_id text, subject_person_id uuid, purpose text, result text${extra})
    ${where} order by x.chain, x.ord) x,
    lateral audit_append(x.chain, x.at, x.actor_person_id, x.actor_role, x.actor_organisation_id, x.action,
      x.object_type, x.object_id, x.subject_person_id, x.purpose, x.result) a`;
}

/**
 * Appends several entries in one statement, in the order of their chains (`auditAppendsFrom`): the way for a
 * transaction that records more than one person's data (a list) to hold several chains' locks. With `chainKey`
 * every entry goes to the chain of that key (`chainOfKey`; a list screen passes its actor): the statement then
 * takes one chain's lock instead of one per person shown, so a long list does not make every other append wait.
 */
export async function appendAuditMany(
  db: DbOrTx,
  events: readonly AuditEvent[],
  now: Date,
  opts: { chainKey?: string } = {},
): Promise<Array<{ seq: number; hash: string }>> {
  if (events.length === 0) return [];
  const chain = opts.chainKey === undefined ? undefined : chainOfKey(opts.chainKey);
  const records = events.map((e, ord) => ({
    ord,
    ...auditRecord(e, now),
    ...(chain === undefined ? {} : { chain }),
  }));
  const rows = await queryRows<{ ord: number; out_seq: string | number; out_hash: string }>(
    db,
    sql`select x.ord, a.out_seq, a.out_hash from ${auditAppendsFrom(JSON.stringify(records))}`,
    'audit-append-many',
  );
  if (rows.length !== events.length) throw new Error('audit_append did not append every entry');
  const byOrd = new Map(rows.map((r) => [Number(r.ord), { seq: Number(r.out_seq), hash: r.out_hash }]));
  return events.map((_, i) => byOrd.get(i) as { seq: number; hash: string });
}

/**
 * Appends one entry to the chain. Pass the transaction that makes the change being recorded, so
 * that entry and change commit (or roll back) together; outside a transaction the entry is one
 * statement and commits on its own (a read records its entry before the data leaves).
 */
export async function appendAudit(
  db: DbOrTx,
  event: AuditEvent,
  now: Date,
): Promise<{ seq: number; hash: string }> {
  // One round trip: the SQL function `audit_append` (migration 0019) takes the chain's lock, links the entry to
  // the chain's newest one and computes the same hash as `chainHash(prevHash, canonicalEntry(...))` below, which
  // `verifyAudit` recomputes for every entry.
  const [row] = await queryRows<{ out_seq: string | number; out_hash: string }>(
    db,
    sql`select out_seq, out_hash from ${auditAppendCall(event, now)}`,
    'audit-append',
  );
  if (!row) throw new Error('audit_append returned no row');
  return { seq: Number(row.out_seq), hash: row.out_hash };
}

export type VerifyResult =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenSeq: number; reason: 'hash-mismatch' | 'chain-broken' };

/** Recomputes every chain in order; reports the first entry whose hash or link does not hold. */
export async function verifyAudit(db: DbOrTx, batch = 1000): Promise<VerifyResult> {
  const last = new Map<number, string>();
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEntry)
      .where(gt(auditEntry.seq, after))
      .orderBy(asc(auditEntry.seq))
      .limit(batch);
    for (const r of rows) {
      count++;
      if (r.prevHash !== (last.get(r.chain) ?? GENESIS_HASH)) {
        return { ok: false, entries: count, brokenSeq: r.seq, reason: 'chain-broken' };
      }
      const expected = chainHash(r.prevHash, canonicalEntry(r));
      if (expected !== r.hash)
        return { ok: false, entries: count, brokenSeq: r.seq, reason: 'hash-mismatch' };
      last.set(r.chain, r.hash);
      after = r.seq;
    }
    if (rows.length < batch) return { ok: true, entries: count };
  }
}

/** The entries about one person, newest first ("Wer hat meine Daten gesehen?"). */
export function entriesAbout(db: DbOrTx, personId: string, limit = 200) {
  return db
    .select()
    .from(auditEntry)
    .where(and(eq(auditEntry.subjectPersonId, personId)))
    .orderBy(desc(auditEntry.seq))
    .limit(limit);
}
