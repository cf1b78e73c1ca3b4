/**
 * The journey store's one write: the changes of one or more journeys in ONE prepared statement (data-modifying
 * CTEs): the journey rows (new rows, or changed rows each guarded by the version it was decided on), the events,
 * the changed step rows, the applicants' notices and, when given, each change's audit entry and the answer stored
 * under its request's `Idempotency-Key`. Events, steps, notices, entry and answer are written only with their
 * journey's row: a change whose guard failed writes nothing and comes back as `conflict`.
 */
import { sql } from 'drizzle-orm';
import { auditAppendsFrom } from '../../platform/audit/audit.ts';
import { type DbOrTx, queryRows } from '../../platform/db/client.ts';
import { type Change, emptyRecords, planChange, type Written } from './store-rows.ts';

export async function writeChanges(tx: DbOrTx, changes: readonly Change[], at: Date): Promise<Written[]> {
  const opening = changes.some((c) => c.before === null);
  if (opening && !changes.every((c) => c.before === null))
    throw new Error('journeys are opened or changed, not both in one statement');
  const when = at.toISOString();
  const records = emptyRecords();
  const planned = changes.map((change, i) => planChange(change, i, at, records));
  const { heads, events: eventRecords, steps: stepRecords, notices: noticeRecords } = records;
  const { audit: auditRecords, answers: answerRecords } = records;
  // The journey rows: inserted for new journeys, else updated only where nobody changed them since they were read.
  const head = opening
    ? sql`insert into journey (id, applicant_id, linked_to, pathway, occupation, target_state_code,
          target_district_ags, country_code, employer_id, status, version, state, opened_at, updated_at)
        select x.id, x.applicant_id, x.linked_to, x.pathway, x.occupation, x.target_state_code,
          x.target_district_ags, x.country_code, x.employer_id, x.status, x.version, x.state, x.opened_at,
          ${when}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(heads)}::jsonb) as x(id uuid, applicant_id uuid, linked_to uuid,
          pathway text, occupation text, target_state_code text, target_district_ags text, country_code text,
          employer_id uuid, status text, version int, state jsonb, opened_at timestamptz)
        returning id`
    : sql`update journey j set employer_id = x.employer_id, linked_to = x.linked_to, pathway = x.pathway,
          status = x.status, version = x.version, state = x.state, updated_at = ${when}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(heads)}::jsonb) as x(id uuid, expected int, employer_id uuid,
          linked_to uuid, pathway text, status text, version int, state jsonb)
        where j.id = x.id and j.version = x.expected
        returning j.id`;
  const rows = await queryRows<{ id: string; audited: number }>(
    tx,
    sql`
    with head as (${head}),
    events as (
      insert into journey_event (journey_id, version, type, actor_id, actor_role, actor_organisation_id, at,
        payload, idempotency_key)
      select x.journey_id, x.version, x.type, x.actor_id, x.actor_role, x.actor_organisation_id, x.at,
        x.payload, x.idempotency_key
      from jsonb_to_recordset(${JSON.stringify(eventRecords)}::jsonb) as x(journey_id uuid, version int,
        type text, actor_id text, actor_role text, actor_organisation_id text, at timestamptz, payload jsonb,
        idempotency_key text)
      where x.journey_id in (select id from head)),
    steps as (
      insert into journey_step (journey_id, kind, position, required, status, outcome, owner_id, due_at,
        paused_since, deadline_rule, deadline_due_at, deadline_closed_on, updated_at)
      select x.journey_id, x.kind, x.position, x.required, x.status, x.outcome, x.owner_id, x.due_at,
        x.paused_since, x.deadline_rule, x.deadline_due_at, x.deadline_closed_on, ${when}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(stepRecords)}::jsonb) as x(journey_id uuid, kind text,
        position int, required text, status text, outcome text, owner_id uuid, due_at date, paused_since date,
        deadline_rule text, deadline_due_at date, deadline_closed_on date)
      where x.journey_id in (select id from head)
      on conflict (journey_id, kind) do update set required = excluded.required, status = excluded.status,
        outcome = excluded.outcome, owner_id = excluded.owner_id, due_at = excluded.due_at,
        paused_since = excluded.paused_since, deadline_rule = excluded.deadline_rule,
        deadline_due_at = excluded.deadline_due_at, deadline_closed_on = excluded.deadline_closed_on,
        updated_at = excluded.updated_at),
    notices as (
      insert into journey_notice (dedupe_key, journey_id, step, kind, recipient_person_id, message_key, "values",
        created_at)
      select x.dedupe_key, x.journey_id, x.step, 'status-changed', x.recipient,
        'journeys.notice.status-changed', x."values", ${when}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(noticeRecords)}::jsonb) as x(journey_id uuid, dedupe_key text,
        step text, recipient uuid, "values" jsonb)
      where x.journey_id in (select id from head)
      on conflict do nothing),
    audited as (
      select x.journey_id, a.out_seq
      from ${auditAppendsFrom(
        JSON.stringify(auditRecords),
        sql`, journey_id uuid`,
        sql`where x.journey_id in (select id from head)`,
      )}),
    answered as (
      insert into idempotency_key (actor_id, key, request_hash, status, response, created_at)
      select x.actor_id, x.key, x.request_hash, x.status, x.response, ${when}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(answerRecords)}::jsonb) as x(journey_id uuid, actor_id uuid,
        key text, request_hash text, status int, response jsonb)
      where x.journey_id in (select id from head))
    select h.id, (select count(*)::int from audited a where a.journey_id = h.id) as audited from head h`,
    opening ? 'journey-write-open' : 'journey-write-changes',
  );
  const written = new Map(rows.map((r) => [String(r.id), Number(r.audited)]));
  return planned.map((p) => {
    const audited = written.get(p.after.id);
    if (audited === undefined) return { conflict: true } as const;
    if (p.audited && audited !== 1) throw new Error('the audit entry was not written');
    return { conflict: false, after: p.after, result: p.result } as const;
  });
}
