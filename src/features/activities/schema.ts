// The states' activity register (issue 17, agreement V4): what each state does to win international workers, with
// target countries, occupations, period, money and a contact, searchable by all six states and public where a state
// says so. Changes are audited (the audit trail is the history; no version table).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES } from '../../domain/workspace/activity.ts';
import { organisation, person } from '../people/index.ts';
import { state } from '../regions/index.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** One activity of one state. Countries (ISO codes) and occupations (registry ids) are arrays, sorted. */
export const stateActivity = pgTable(
  'state_activity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stateCode: text('state_code')
      .notNull()
      .references(() => state.code),
    /** The ministry whose officer recorded it. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    kind: text('kind', { enum: ACTIVITY_KINDS }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    countries: text('countries').array().notNull(),
    occupations: text('occupations').array().notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    budgetCents: bigint('budget_cents', { mode: 'number' }),
    fundingSource: text('funding_source').notNull().default(''),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone').notNull().default(''),
    status: text('status', { enum: ACTIVITY_STATUSES }).notNull(),
    outcomes: text('outcomes').notNull().default(''),
    isPublic: boolean('is_public').notNull().default(false),
    createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
    updatedBy: uuid('updated_by').references(() => person.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('state_activity_state_idx').on(t.stateCode, t.periodStart),
    index('state_activity_public_idx').on(t.isPublic),
    check('state_activity_kind', sql.raw(`kind in (${list(ACTIVITY_KINDS)})`)),
    check('state_activity_status', sql.raw(`status in (${list(ACTIVITY_STATUSES)})`)),
    check('state_activity_period', sql`${t.periodEnd} >= ${t.periodStart}`),
    check('state_activity_budget', sql`${t.budgetCents} is null or ${t.budgetCents} >= 0`),
    check('state_activity_countries', sql`cardinality(${t.countries}) >= 1`),
  ],
);

/** The overlaps already mailed to a state's ministry officers in a weekly digest (by the pair's key). */
export const activityOverlapDigest = pgTable(
  'activity_overlap_digest',
  {
    stateCode: text('state_code')
      .notNull()
      .references(() => state.code),
    overlapKey: text('overlap_key').notNull(),
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.stateCode, t.overlapKey] })],
);
