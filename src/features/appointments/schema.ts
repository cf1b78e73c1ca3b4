/**
 * Appointments (issue 15, agreement V2.2): what a service point (a mission, a foreigners' office, a counselling
 * centre) offers, its weekly capacity with closed days, the slots made from it, the requests of applicants and the
 * allocation runs that give slots to requests by the published rule. The public never books a slot: a signed-in
 * applicant files a request tied to a step of their journey; slots are offered to ready requests in rank order
 * (src/domain/capacity/allocate.ts).
 *
 * The guarantees of the memo (research/capacity-appointments.md § 5.2) are constraints here: a slot holds at most
 * one request (one column), a request holds at most one live slot (partial unique index), and a person has at most
 * one live request per service type (partial unique indexes on the person and on the keyed passport hash).
 */
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { LIVE_REQUEST_STATES as LIVE } from '../../domain/capacity/identity-key.ts';
import { PRIORITY_CLASSES } from '../../domain/capacity/types.ts';
import { journey } from '../journey/index.ts';
import { organisation, person } from '../people/index.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** The kinds of appointment a service point can offer, with the journey step each serves. */
export const SERVICE_TYPES = ['visa-application', 'residence-permit', 'counselling'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/**
 * `earlier-offer`: offered to a request that holds a later booked slot (the pull-forward cascade, pull-forward.ts);
 * not a live slot of that request — its booking stays until it accepts, then the two swap in one transaction.
 */
export const SLOT_STATES = [
  'open',
  'offered',
  'booked',
  'attended',
  'no-show',
  'cancelled',
  'earlier-offer',
] as const;
export type SlotState = (typeof SLOT_STATES)[number];

export const REQUEST_STATES = [
  'submitted',
  'ready',
  'offered',
  'booked',
  'attended',
  'no-show',
  'withdrawn',
  'released',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** A request that still counts: one per person and service type (the database enforces it). */
export const LIVE_REQUEST_STATES: readonly RequestState[] = LIVE;

/** A service type a service point offers: how long one appointment takes and its published waiting target. */
export const appointmentService = pgTable(
  'appointment_service',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    serviceType: text('service_type').notNull(),
    slotMinutes: integer('slot_minutes').notNull(),
    /** The published standard: 80 % of ready requests get a slot within this many weeks. */
    targetWeeks: integer('target_weeks').notNull(),
    /** Slots per weekday, Monday first (five numbers). */
    weekdaySlots: integer('weekday_slots').array().notNull(),
    /** First appointment of the day, local time "HH:MM". */
    firstStart: text('first_start').notNull(),
    /** IANA time zone of the service point (missions abroad keep their local time). */
    timeZone: text('time_zone').notNull().default('Europe/Berlin'),
    active: integer('active').notNull().default(1),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.serviceType] }),
    check('appointment_service_type', sql`${t.serviceType} in (${list(SERVICE_TYPES)})`),
    check('appointment_service_minutes', sql`${t.slotMinutes} between 5 and 240`),
    check('appointment_service_target', sql`${t.targetWeeks} between 1 and 52`),
    check('appointment_service_weekdays', sql`cardinality(${t.weekdaySlots}) = 5`),
    check('appointment_service_start', sql`${t.firstStart} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
  ],
);

/** A day with less or no capacity: a holiday (0 slots) or staff absence (fewer slots). */
export const appointmentClosure = pgTable(
  'appointment_closure',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    serviceType: text('service_type').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    slots: integer('slots').notNull(),
    reason: text('reason').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.serviceType, t.day] }),
    check('appointment_closure_slots', sql`${t.slots} >= 0`),
  ],
);

/** One appointment time. At most one request holds it (the column); its state says how far that got. */
export const appointmentSlot = pgTable(
  'appointment_slot',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    serviceType: text('service_type').notNull(),
    startsAt: ts('starts_at').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    state: text('state').notNull().default('open'),
    requestId: uuid('request_id'),
    /** Held back for § 81a requests (their 3-week clock) until this moment; then open to everyone. */
    reservedFor: text('reserved_for'),
    releaseReservedAt: ts('release_reserved_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('appointment_slot_time').on(t.organisationId, t.serviceType, t.startsAt),
    uniqueIndex('appointment_slot_one_live_per_request')
      .on(t.requestId)
      .where(sql`${t.state} in ('offered', 'booked')`),
    // At most one earlier slot offered to a request at a time (pull-forward.ts).
    uniqueIndex('appointment_slot_one_earlier_offer_per_request')
      .on(t.requestId)
      .where(sql`${t.state} = 'earlier-offer'`),
    index('appointment_slot_open_idx').on(t.organisationId, t.serviceType, t.state, t.startsAt),
    check('appointment_slot_state', sql`${t.state} in (${list(SLOT_STATES)})`),
    check(
      'appointment_slot_held',
      sql`(${t.state} in ('open', 'cancelled') and ${t.requestId} is null) or (${t.state} not in ('open', 'cancelled') and ${t.requestId} is not null)`,
    ),
  ],
);

/** A person's request for an appointment, tied to a step of their journey. */
export const appointmentRequest = pgTable(
  'appointment_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    journeyId: uuid('journey_id')
      .notNull()
      .references(() => journey.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    serviceType: text('service_type').notNull(),
    /** HMAC of the normalised passport number, nationality and birth date: finds a second request, stores no number. */
    personKey: text('person_key').notNull(),
    priorityClass: text('priority_class').notNull(),
    /** § 81a: the day the 3-week clock runs out (§ 31a(1) AufenthV). */
    deadline: date('deadline', { mode: 'string' }),
    state: text('state').notNull().default('submitted'),
    /** The day the service point checked the documents: the request is ready and takes part in allocation. */
    readyOn: date('ready_on', { mode: 'string' }),
    /** The version of the step's standard checklist the documents were checked against (documents' checklists). */
    checklistVersion: integer('checklist_version'),
    acceptsEarlierSlots: integer('accepts_earlier_slots').notNull().default(1),
    shortNoticeOk: integer('short_notice_ok').notNull().default(0),
    /** Days the person cannot come (a declined offer adds its day). */
    unavailable: date('unavailable', { mode: 'string' }).array().notNull().default(sql`'{}'::date[]`),
    slotId: uuid('slot_id'),
    offerExpiresAt: ts('offer_expires_at'),
    /** While an earlier slot is offered to this booked request (pull-forward.ts): the answer-by time. */
    earlierOfferExpiresAt: ts('earlier_offer_expires_at'),
    /** Reminders of an agreed appointment sent: 0 none, 1 the week before, 2 two days before (memo § 5.3). */
    remindersSent: integer('reminders_sent').notNull().default(0),
    /** When the person confirmed the agreed appointment (reconfirmation.ts); unconfirmed by the due time it is released. */
    reconfirmedAt: ts('reconfirmed_at'),
    /** The no-show rule (no-show.ts): ranked after the others of its class before this day. */
    deprioritisedUntil: date('deprioritised_until', { mode: 'string' }),
    /** Why the request stands where it stands: the rank reason of the last allocation run. */
    reason: jsonb('reason'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('appointment_request_one_live_per_person')
      .on(t.personId, t.serviceType)
      .where(sql`${t.state} in ('submitted', 'ready', 'offered', 'booked')`),
    uniqueIndex('appointment_request_one_live_per_passport')
      .on(t.personKey, t.serviceType)
      .where(sql`${t.state} in ('submitted', 'ready', 'offered', 'booked')`),
    index('appointment_request_point_idx').on(t.organisationId, t.serviceType, t.state),
    check('appointment_request_state', sql`${t.state} in (${list(REQUEST_STATES)})`),
    check('appointment_request_class', sql`${t.priorityClass} in (${list(PRIORITY_CLASSES)})`),
    check('appointment_request_type', sql`${t.serviceType} in (${list(SERVICE_TYPES)})`),
  ],
);

/** One allocation run, replayable: rule version, seed, hashes of input and output, assignments with reasons. */
export const allocationRun = pgTable(
  'allocation_run',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    serviceType: text('service_type').notNull(),
    ranAt: ts('ran_at').notNull(),
    ruleVersion: text('rule_version').notNull(),
    seed: text('seed').notNull(),
    inputHash: text('input_hash').notNull(),
    outputHash: text('output_hash').notNull(),
    assignments: jsonb('assignments').notNull(),
    /** The pull-forward offers of the run (pull-forward.ts): who, from which slot to which, and why. */
    earlierOffers: jsonb('earlier_offers').notNull().default(sql`'[]'::jsonb`),
    alerts: jsonb('alerts').notNull(),
    waitlisted: integer('waitlisted').notNull(),
    trigger: text('trigger').notNull(),
  },
  (t) => [index('allocation_run_point_idx').on(t.organisationId, t.serviceType, t.ranAt)],
);

/**
 * The full-time-equivalent caseworkers of an office from a day on (issue 15, V2.3), entered by its own staff. A
 * history: every change is a new row, none is overwritten; the figure on a day is the row with the latest
 * `effective_from` up to that day (of several for one day, the last recorded).
 */
export const officeStaff = pgTable(
  'office_staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    fte: numeric('fte', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    recordedAt: ts('recorded_at').notNull(),
    recordedBy: uuid('recorded_by').references(() => person.id),
  },
  (t) => [
    index('office_staff_org_idx').on(t.organisationId, t.effectiveFrom, t.recordedAt),
    check('office_staff_fte', sql`${t.fte} >= 0 and ${t.fte} <= 1000`),
  ],
);

/**
 * The published waiting times (waiting-store.ts): the figures of every office as computed on one day, kept per day
 * (the latest computation of that day). Aggregates only, no personal data. Pages and the API read the latest row;
 * the scheduled job writes it, so no visitor waits for the history of a million journeys to be read.
 */
export const waitingTimesSnapshot = pgTable('waiting_times_snapshot', {
  asOf: date('as_of', { mode: 'string' }).primaryKey(),
  computedAt: ts('computed_at').notNull(),
  figures: jsonb('figures').notNull(),
});
