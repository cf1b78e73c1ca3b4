import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { FAMILY_RELATIONSHIPS, FAMILY_TRAVEL, type Journey } from '../../domain/journey/index.ts';
import { organisation, person } from '../people/index.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * The projection of a journey: one row per journey, the folded state as JSON (`state`, what `replay` of the
 * events gives) plus the columns the queries filter on. Updated in the transaction that appends the events.
 */
export const journey = pgTable(
  'journey',
  {
    id: uuid('id').primaryKey(),
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => person.id),
    linkedTo: uuid('linked_to'),
    pathway: text('pathway').notNull(),
    /** Free text or KldB code of the occupation the journey aims at. */
    occupation: text('occupation'),
    targetStateCode: text('target_state_code'),
    targetDistrictAgs: text('target_district_ags'),
    /** Country the applicant applies from (ISO 3166-1 alpha-2), null when in Germany. */
    countryCode: text('country_code'),
    employerId: uuid('employer_id'),
    /** `open` while any required step is not final, `completed` afterwards. */
    status: text('status', { enum: ['open', 'completed'] }).notNull(),
    version: integer('version').notNull(),
    state: jsonb('state').$type<Journey>().notNull(),
    openedAt: ts('opened_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('journey_applicant_idx').on(t.applicantId),
    index('journey_employer_idx').on(t.employerId),
    index('journey_state_idx').on(t.targetStateCode),
  ],
);

/** The projection of the steps: what the work queue and the deadline job read. */
export const journeyStep = pgTable(
  'journey_step',
  {
    journeyId: uuid('journey_id')
      .notNull()
      .references(() => journey.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    position: integer('position').notNull(),
    required: text('required', { enum: ['yes', 'no'] }).notNull(),
    status: text('status').notNull(),
    outcome: text('outcome'),
    ownerId: uuid('owner_id'),
    /** Due date of the running deadline (pause-adjusted for finished pauses), null when no clock runs. */
    dueAt: date('due_at', { mode: 'string' }),
    pausedSince: date('paused_since', { mode: 'string' }),
    deadlineRule: text('deadline_rule'),
    /** Due date and closing day of the last deadline, for the on-time rate. */
    deadlineDueAt: date('deadline_due_at', { mode: 'string' }),
    deadlineClosedOn: date('deadline_closed_on', { mode: 'string' }),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.journeyId, t.kind] }),
    index('journey_step_queue_idx').on(t.ownerId, t.dueAt),
    index('journey_step_due_idx').on(t.dueAt).where(sql`${t.dueAt} is not null`),
    /** The work queue: open steps of one owner in the queue's order, read only as far as the page goes. */
    index('journey_step_open_queue_idx')
      .on(t.ownerId, t.dueAt, t.journeyId, t.kind)
      .where(sql`${t.status} in ('submitted', 'in-review', 'waiting-for-applicant')`),
  ],
);

/** The append-only history of a journey: one stream per journey, versions 1, 2, 3 … */
export const journeyEvent = pgTable(
  'journey_event',
  {
    journeyId: uuid('journey_id')
      .notNull()
      .references(() => journey.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    type: text('type').notNull(),
    actorId: text('actor_id').notNull(),
    actorRole: text('actor_role').notNull(),
    actorOrganisationId: text('actor_organisation_id'),
    at: ts('at').notNull(),
    payload: jsonb('payload').notNull(),
    idempotencyKey: text('idempotency_key'),
  },
  (t) => [primaryKey({ columns: [t.journeyId, t.version] })],
);

/**
 * Stored answers of commands sent with an `Idempotency-Key`: a repeat returns the stored answer while the key is
 * younger than `IDEMPOTENCY_KEY_TTL_HOURS`; older keys count as unknown and are purged (idempotency.ts).
 */
export const idempotencyKey = pgTable(
  'idempotency_key',
  {
    actorId: uuid('actor_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    response: jsonb('response').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.actorId, t.key] }),
    /** The purge job deletes by age (`IDEMPOTENCY_KEY_TTL_HOURS`). */
    index('idempotency_key_created_idx').on(t.createdAt),
  ],
);

/**
 * In-app notices: deadline alerts to the owner organisation, status changes to the applicant. `dedupe_key` makes
 * a retried job write (and mail) nothing twice.
 */
export const journeyNotice = pgTable(
  'journey_notice',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dedupeKey: text('dedupe_key').notNull(),
    journeyId: uuid('journey_id')
      .notNull()
      .references(() => journey.id, { onDelete: 'cascade' }),
    step: text('step'),
    kind: text('kind').notNull(),
    recipientPersonId: uuid('recipient_person_id').references(() => person.id),
    recipientOrganisationId: uuid('recipient_organisation_id').references(() => organisation.id),
    messageKey: text('message_key').notNull(),
    values: jsonb('values').notNull(),
    createdAt: ts('created_at').notNull(),
    mailedAt: ts('mailed_at'),
  },
  (t) => [
    uniqueIndex('journey_notice_dedupe_idx').on(t.dedupeKey),
    index('journey_notice_person_idx').on(t.recipientPersonId),
    index('journey_notice_org_idx').on(t.recipientOrganisationId),
  ],
);

/**
 * A family member's linked journey (`journey_id`, whose `linked_to` is the principal's journey): who the family
 * member is to the principal, as the principal entered it. One linked journey per person and principal journey.
 */
export const familyMember = pgTable(
  'family_member',
  {
    journeyId: uuid('journey_id')
      .primaryKey()
      .references(() => journey.id, { onDelete: 'cascade' }),
    principalJourneyId: uuid('principal_journey_id')
      .notNull()
      .references(() => journey.id, { onDelete: 'cascade' }),
    /** The person the linked journey belongs to (its `applicant_id`). */
    memberPersonId: uuid('member_person_id')
      .notNull()
      .references(() => person.id),
    relationship: text('relationship', { enum: FAMILY_RELATIONSHIPS }).notNull(),
    name: text('name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    travel: text('travel', { enum: FAMILY_TRAVEL }).notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('family_member_principal_person_idx').on(t.principalJourneyId, t.memberPersonId),
    check(
      'family_member_relationship',
      sql.raw(`relationship in (${FAMILY_RELATIONSHIPS.map((r) => `'${r}'`).join(', ')})`),
    ),
    check('family_member_travel', sql.raw(`travel in (${FAMILY_TRAVEL.map((r) => `'${r}'`).join(', ')})`)),
  ],
);

/**
 * A private calendar address (issue 20): a person's own deadlines (`own`) or their authority's work queue
 * (`queue`) as an iCalendar feed that a calendar app fetches without signing in. Only the SHA-256 of the token is
 * kept; at most one live address per person and kind (a new one replaces it); switched off by `revoked_at`.
 */
export const calendarFeed = pgTable(
  'calendar_feed',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['own', 'queue'] }).notNull(),
    locale: text('locale').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: ts('created_at').notNull(),
    lastFetchedAt: ts('last_fetched_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    uniqueIndex('calendar_feed_token_idx').on(t.tokenHash),
    uniqueIndex('calendar_feed_one_live_idx').on(t.personId, t.kind).where(sql`${t.revokedAt} is null`),
    check('calendar_feed_kind', sql`${t.kind} in ('own', 'queue')`),
  ],
);
