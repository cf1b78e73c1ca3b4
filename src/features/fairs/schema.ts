// Joint virtual job fairs (issue 16, V4): a fair organised by one or more of the six states (each co-organising
// state answers for itself), the employers that exhibit (applied, approved or refused by an organising state),
// the talks, the 1:1 meeting slots each exhibitor publishes, the applicants' registrations and bookings (one per
// slot, guaranteed by a unique key) with the exhibitor's record of attendance and outcome, and the hand-off of an
// offer into a journey.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { journey } from '../journey/index.ts';
import { organisation, person } from '../people/index.ts';
import { state } from '../regions/index.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const FAIR_ANSWERS = ['agreed', 'declined'] as const;
export type FairAnswer = (typeof FAIR_ANSWERS)[number];
export const EXHIBITOR_STATUSES = ['applied', 'approved', 'refused'] as const;
export type ExhibitorStatus = (typeof EXHIBITOR_STATUSES)[number];
export const ATTENDANCE = ['attended', 'no-show'] as const;
export type Attendance = (typeof ATTENDANCE)[number];
export const OUTCOMES = ['interested', 'offer', 'no-fit'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const fair = pgTable(
  'fair',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** The fair's own time zone (IANA name): slots and sessions are entered in it. */
    timeZone: text('time_zone').notNull(),
    /** Target countries (ISO 3166 codes, shown by name) and occupations (KldB, shown by name). */
    countries: text('countries').array().notNull(),
    occupations: text('occupations').array().notNull(),
    createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
    createdByOrganisationId: uuid('created_by_organisation_id').references(() => organisation.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('fair_starts_idx').on(t.startsOn),
    check('fair_dates', sql`${t.endsOn} >= ${t.startsOn}`),
    check('fair_title', sql`length(${t.title}) between 3 and 200`),
  ],
);

/** An organising state and its answer; the creating state has agreed at creation. */
export const fairState = pgTable(
  'fair_state',
  {
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fair.id, { onDelete: 'cascade' }),
    stateCode: text('state_code')
      .notNull()
      .references(() => state.code),
    answer: text('answer', { enum: FAIR_ANSWERS }),
    answeredBy: uuid('answered_by').references(() => person.id, { onDelete: 'set null' }),
    answeredAt: ts('answered_at'),
  },
  (t) => [
    primaryKey({ columns: [t.fairId, t.stateCode] }),
    check('fair_state_answer', sql.raw(`answer is null or answer in (${list(FAIR_ANSWERS)})`)),
    check('fair_state_answered', sql`(${t.answer} is null) = (${t.answeredAt} is null)`),
  ],
);

export const fairExhibitor = pgTable(
  'fair_exhibitor',
  {
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fair.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    status: text('status', { enum: EXHIBITOR_STATUSES }).notNull().default('applied'),
    appliedBy: uuid('applied_by').references(() => person.id, { onDelete: 'set null' }),
    appliedAt: ts('applied_at').notNull(),
    decidedBy: uuid('decided_by').references(() => person.id, { onDelete: 'set null' }),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    primaryKey({ columns: [t.fairId, t.organisationId] }),
    index('fair_exhibitor_org_idx').on(t.organisationId),
    check('fair_exhibitor_status', sql.raw(`status in (${list(EXHIBITOR_STATUSES)})`)),
  ],
);

/** A talk of the fair, with its link and how many may join. */
export const fairSession = pgTable(
  'fair_session',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fair.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    link: text('link').notNull(),
    capacity: integer('capacity').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('fair_session_fair_idx').on(t.fairId, t.startsAt),
    check('fair_session_capacity', sql`${t.capacity} between 1 and 100000`),
    check('fair_session_times', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** A 1:1 meeting slot an approved exhibitor publishes. */
export const fairSlot = pgTable(
  'fair_slot',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fair.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    startsAt: ts('starts_at').notNull(),
    minutes: integer('minutes').notNull(),
    createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('fair_slot_fair_idx').on(t.fairId, t.organisationId, t.startsAt),
    check('fair_slot_minutes', sql`${t.minutes} between 5 and 120`),
  ],
);

/** An applicant's registration: the time zone their times are shown in, and where they live (the figures). */
export const fairRegistration = pgTable(
  'fair_registration',
  {
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fair.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    timeZone: text('time_zone').notNull(),
    countryCode: text('country_code').notNull(),
    registeredAt: ts('registered_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fairId, t.personId] })],
);

/**
 * A booked slot (at most one booking per slot: the unique key), what the exhibitor recorded, and the journey an
 * offer was handed off into.
 */
export const fairBooking = pgTable(
  'fair_booking',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slotId: uuid('slot_id')
      .notNull()
      .unique('fair_booking_slot_key')
      .references(() => fairSlot.id, { onDelete: 'cascade' }),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => fair.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    bookedAt: ts('booked_at').notNull(),
    attendance: text('attendance', { enum: ATTENDANCE }),
    outcome: text('outcome', { enum: OUTCOMES }),
    recordedBy: uuid('recorded_by').references(() => person.id, { onDelete: 'set null' }),
    recordedAt: ts('recorded_at'),
    journeyId: uuid('journey_id').references(() => journey.id, { onDelete: 'set null' }),
    handedOffAt: ts('handed_off_at'),
    handedOffBy: uuid('handed_off_by').references(() => person.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('fair_booking_person_idx').on(t.personId, t.fairId),
    index('fair_booking_fair_idx').on(t.fairId),
    check('fair_booking_attendance', sql.raw(`attendance is null or attendance in (${list(ATTENDANCE)})`)),
    check('fair_booking_outcome', sql.raw(`outcome is null or outcome in (${list(OUTCOMES)})`)),
    check('fair_booking_outcome_attended', sql`${t.outcome} is null or ${t.attendance} = 'attended'`),
  ],
);

export type FairRow = typeof fair.$inferSelect;
export type FairSlotRow = typeof fairSlot.$inferSelect;
export type FairBookingRow = typeof fairBooking.$inferSelect;
