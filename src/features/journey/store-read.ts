/**
 * The journey store's reads: the journeys with what the policy and the pages need (one prepared statement per
 * variant, any number of ids), the answers stored under Idempotency-Keys, the event stream and its replay.
 */
import { and, asc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { type Journey, type JourneyEvent, replay, stepsOf } from '../../domain/journey/index.ts';
import { builtOnce, type DbOrTx, queryRows } from '../../platform/db/client.ts';
import { consent, organisation, person } from '../people/index.ts';
import type { JourneyObject } from './access.ts';
import type { CommandResult } from './command-types.ts';
import { familyMember, idempotencyKey, journey, journeyEvent, journeyStep } from './schema.ts';
import type { JourneyRow } from './store-rows.ts';

export interface OrganisationRef {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
}
/** An event as the history tells it (`src/domain/journey/history.ts`): the fields its sentence needs. */
interface HistoryJson {
  readonly version: number;
  readonly type: string;
  readonly at: string;
  readonly role: string;
  readonly step: string | null;
  readonly outcome: string | null;
  readonly deemed: boolean | null;
  readonly required: boolean | null;
  readonly dueAt: string | null;
}
/** What to read along with the journey: for its pages (`details`), its history, and its family's journeys. */
export interface ReadWith {
  readonly details?: boolean;
  readonly history?: boolean;
  readonly family?: boolean;
}

/** A family member's journey linked to the one read, with what the policy and the family list need. */
export interface FamilyMemberJson {
  readonly id: string;
  readonly applicantId: string;
  readonly employerId: string | null;
  readonly pathway: string;
  readonly status: string;
  readonly state: JourneyRow['state'];
  readonly relationship: string;
  readonly name: string;
  readonly travel: string;
  readonly consentedIds: string[];
  readonly principalApplicantId: string | null;
}

/** An answer stored under an Idempotency-Key. */
export interface StoredAnswer {
  readonly requestHash: string;
  readonly status: number;
  readonly response: CommandResult['body'];
  readonly createdAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The organisations a person has consented to (not withdrawn), as a SQL expression over the person's id. */
function consentedIdsOf(personId: SQL): SQL<string[]> {
  return sql<string[]>`coalesce((select array_agg(c.organisation_id::text) from ${consent} c
    where c.person_id = ${personId} and c.withdrawn_at is null), '{}'::text[])`;
}

/** The applicant of the principal's journey a family member's journey is linked to (null when not linked). */
function principalApplicantOf(linkedTo: SQL): SQL<string | null> {
  return sql<string | null>`(select pj.applicant_id::text from ${journey} pj where pj.id = ${linkedTo})`;
}

/** What the policy needs to know about a journey row: its people and organisations. */
export function objectOf(
  row: Pick<JourneyRow, 'applicantId' | 'employerId' | 'state'>,
  consentedIds: readonly string[],
  principalApplicantId: string | null,
): JourneyObject {
  const owners = stepsOf(row.state)
    .map((s) => s.owner)
    .filter((o): o is string => o !== null);
  return {
    applicantId: row.applicantId,
    principalApplicantId,
    employerId: row.employerId,
    ownerIds: [...new Set(owners)],
    consentedIds,
  };
}

/** What the policy needs to know about a journey row read elsewhere (consents, the principal of a family journey). */
export async function journeyObject(tx: DbOrTx, row: JourneyRow): Promise<JourneyObject> {
  const [found] = await queryRows<{ consented: string[]; principal: string | null }>(
    tx,
    sql`select ${consentedIdsOf(sql`${row.applicantId}::uuid`)} as consented,
      ${principalApplicantOf(sql`${row.linkedTo}::uuid`)} as principal`,
  );
  return objectOf(row, found?.consented ?? [], found?.principal ?? null);
}

/**
 * The journeys in `ids` with what the policy and the pages need, in one round trip (one prepared statement per
 * variant): the row, the organisations the applicant consented to, the applicant's name and the principal of a
 * family member's journey; for reading also whether a family is linked, the organisations the journey names and
 * its history. Ids that are not UUIDs are left out (they name no journey). (Drizzle writes a column of the only
 * table in the FROM without the table's name, so the subqueries name the outer journey's columns in full.)
 */
export async function accessRows(tx: DbOrTx, ids: readonly string[], with_: ReadWith) {
  const uuids = ids.filter((id) => UUID.test(id));
  if (uuids.length === 0) return [];
  const name = `journey-access-${with_.details ? 'details' : 'row'}-${with_.history ? 'history' : 'now'}${with_.family ? '-family' : ''}`;
  return builtOnce(tx, name, () =>
    tx
      .select({
        row: getTableColumns(journey),
        consentedIds: consentedIdsOf(sql`"journey"."applicant_id"`),
        applicantName: sql<string>`(select p.display_name from ${person} p where p.id = "journey"."applicant_id")`,
        family: with_.family
          ? sql<FamilyMemberJson[]>`coalesce((select json_agg(json_build_object('id', fj.id,
            'applicantId', fj.applicant_id, 'employerId', fj.employer_id, 'pathway', fj.pathway, 'status', fj.status,
            'state', fj.state, 'relationship', f.relationship, 'name', f.name, 'travel', f.travel,
            'consentedIds', ${consentedIdsOf(sql`fj.applicant_id`)},
            'principalApplicantId', "journey"."applicant_id") order by f.created_at)
          from ${familyMember} f join ${journey} fj on fj.id = f.journey_id
          where f.principal_journey_id = "journey"."id"), '[]'::json)`
          : sql<FamilyMemberJson[]>`'[]'::json`,
        principalApplicantId: principalApplicantOf(sql`"journey"."linked_to"`),
        organisations: with_.details
          ? sql<OrganisationRef[]>`coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name,
            'kind', o.kind)) from ${organisation} o
          where o.id in (select s.owner_id from ${journeyStep} s where s.journey_id = "journey"."id")
            or o.id = "journey"."employer_id"
            or o.id in (select c.organisation_id from ${consent} c where c.person_id = "journey"."applicant_id"
              and c.withdrawn_at is null)), '[]'::json)`
          : sql<OrganisationRef[]>`'[]'::json`,
        history: with_.history
          ? sql<
              HistoryJson[]
            >`coalesce((select json_agg(json_build_object('version', e.version, 'type', e.type,
            'at', e.at, 'role', e.actor_role, 'step', e.payload->>'step', 'outcome', e.payload->>'outcome',
            'deemed', e.payload->'deemed', 'required', e.payload->'required',
            'dueAt', e.payload->'deadline'->>'dueAt') order by e.version)
          from ${journeyEvent} e where e.journey_id = "journey"."id"), '[]'::json)`
          : sql<HistoryJson[]>`'[]'::json`,
      })
      .from(journey)
      // One parameter for any number of ids (the text stays the same for the prepared statement); the ids were
      // checked to be UUIDs, so the array literal needs no quoting.
      .where(sql`${journey.id} = any(${sql.placeholder('ids')}::uuid[])`)
      .prepare(name),
  ).execute({ ids: `{${uuids.join(',')}}` });
}
export type AccessRow = Awaited<ReturnType<typeof accessRows>>[number];

/** The answers stored under the keys of `requests` (one read), by `${actorId} ${key}`. */
export async function storedAnswers(
  db: DbOrTx,
  requests: ReadonlyArray<{ actorId: string; key: string }>,
): Promise<Map<string, StoredAnswer>> {
  if (requests.length === 0) return new Map();
  const rows = await queryRows<{
    actor_id: string;
    key: string;
    request_hash: string;
    status: number;
    response: CommandResult['body'];
    created_at: string;
  }>(
    db,
    sql`select k.actor_id, k.key, k.request_hash, k.status, k.response, k.created_at
      from jsonb_to_recordset(${JSON.stringify(requests.map((r) => ({ actor_id: r.actorId, key: r.key })))}::jsonb)
        as x(actor_id uuid, key text)
      join ${idempotencyKey} k on k.actor_id = x.actor_id and k.key = x.key`,
    'journey-stored-answers',
  );
  return new Map(
    rows.map((r) => [
      `${r.actor_id} ${r.key}`,
      {
        requestHash: r.request_hash,
        status: r.status,
        response: r.response,
        createdAt: new Date(r.created_at),
      },
    ]),
  );
}

/** The answer stored under one actor's key, if any. */
export async function storedAnswer(
  db: DbOrTx,
  actorId: string,
  key: string,
): Promise<StoredAnswer | undefined> {
  const [stored] = await db
    .select()
    .from(idempotencyKey)
    .where(and(eq(idempotencyKey.actorId, actorId), eq(idempotencyKey.key, key)));
  return stored && { ...stored, response: stored.response as CommandResult['body'] };
}

/** The event rows of a journey, oldest first. */
export function eventRowsOf(db: DbOrTx, journeyId: string) {
  return db
    .select()
    .from(journeyEvent)
    .where(eq(journeyEvent.journeyId, journeyId))
    .orderBy(asc(journeyEvent.version));
}

/** The stream of a journey, folded: what the projection must equal. */
export async function replayStream(db: DbOrTx, journeyId: string): Promise<Journey | null> {
  const rows = await db
    .select({ payload: journeyEvent.payload })
    .from(journeyEvent)
    .where(eq(journeyEvent.journeyId, journeyId))
    .orderBy(asc(journeyEvent.version));
  const state = replay(rows.map((r) => r.payload as JourneyEvent));
  if (state.status !== 'open') return null;
  const { status: _s, ...j } = state;
  return j;
}
