import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisation, person } from '../people/index.ts';
import { state } from '../regions/index.ts';

export const TOPICS = [
  'recognition',
  'qualification',
  'visa-residence',
  'job-search',
  'family',
  'chancen-aufenthaltsrecht',
  'other',
] as const;
export type Topic = (typeof TOPICS)[number];

export const REFERRALS = [
  'recognition-authority',
  'foreigners-office',
  'employment-agency',
  'chamber',
  'language-course',
  'other',
] as const;
export type Referral = (typeof REFERRALS)[number];

export const OUTCOMES = ['open', 'referred', 'recognition-applied', 'resolved', 'dropped'] as const;
export type Outcome = (typeof OUTCOMES)[number];

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * A counselling case of a counselling centre (issue 7, agreement V2.1). Anonymous unless the
 * applicant has granted the centre consent: then `applicant_person_id` links the person; an
 * anonymous case holds no personal data at all.
 */
export const counsellingCase = pgTable(
  'counselling_case',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    stateCode: text('state_code')
      .notNull()
      .references(() => state.code),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    topic: text('topic').notNull(),
    applicantPersonId: uuid('applicant_person_id').references(() => person.id, { onDelete: 'set null' }),
    referrals: text('referrals').array().notNull().default(sql`'{}'::text[]`),
    outcome: text('outcome').notNull().default('open'),
    closedOn: date('closed_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('counselling_case_topic', sql`${t.topic} in (${list(TOPICS)})`),
    check('counselling_case_outcome', sql`${t.outcome} in (${list(OUTCOMES)})`),
    check('counselling_case_referrals', sql`${t.referrals} <@ array[${list(REFERRALS)}]::text[]`),
    check(
      'counselling_case_closed_after_opened',
      sql`${t.closedOn} is null or ${t.closedOn} >= ${t.openedOn}`,
    ),
    index('counselling_case_org_opened_idx').on(t.organisationId, t.openedOn),
  ],
);
