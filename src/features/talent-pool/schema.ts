// The six-state talent pool (issue 16, V4): an applicant's profile in the pools of the states they chose, with the
// facts they release; and the contact requests of confirmed employers and ministry officers, which the applicant
// answers by revealing their identity or declining.
import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SpokenLanguage } from '../../domain/talent-pool/profile.ts';
import { organisation, person } from '../people/index.ts';
import { occupation } from '../registry/index.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** One row per applicant in the pool; withdrawing deletes it (and the requests not yet answered). */
export const poolProfile = pgTable(
  'pool_profile',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    /** The pseudonymous label readers see ("Profil K7QM2D"): random, never derived from the person. */
    label: text('label').notNull(),
    occupationKldb: text('occupation_kldb')
      .notNull()
      .references(() => occupation.kldb),
    qualification: text('qualification').notNull(),
    recognition: text('recognition').notNull(),
    languages: jsonb('languages').$type<SpokenLanguage[]>().notNull(),
    availableFrom: date('available_from', { mode: 'string' }).notNull(),
    preferredStates: text('preferred_states').array().notNull(),
    poolStates: text('pool_states').array().notNull(),
    released: text('released').array().notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('pool_profile_person_unique').on(t.personId),
    uniqueIndex('pool_profile_label_unique').on(t.label),
    index('pool_profile_states_idx').using('gin', t.poolStates),
    check('pool_profile_pool_states', sql`cardinality(${t.poolStates}) > 0`),
    check('pool_profile_released', sql`cardinality(${t.released}) > 0`),
  ],
);

export const CONTACT_ANSWERS = ['revealed', 'declined'] as const;
export type ContactAnswer = (typeof CONTACT_ANSWERS)[number];

/** A request to get in touch with a pool profile: until the applicant reveals, the requester learns nothing more. */
export const poolContactRequest = pgTable(
  'pool_contact_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The applicant the profile belongs to (kept when the profile is withdrawn after an answer). */
    applicantPersonId: uuid('applicant_person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    /** The profile's label when asked (the requester's only handle until the applicant reveals). */
    label: text('label').notNull(),
    requesterPersonId: uuid('requester_person_id').references(() => person.id, { onDelete: 'set null' }),
    requesterOrganisationId: uuid('requester_organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    message: text('message').notNull(),
    /** One of the employer's job ads, optional. */
    jobAdId: uuid('job_ad_id'),
    createdAt: ts('created_at').notNull(),
    answer: text('answer', { enum: CONTACT_ANSWERS }),
    answeredAt: ts('answered_at'),
  },
  (t) => [
    index('pool_contact_request_applicant_idx').on(t.applicantPersonId, t.createdAt),
    index('pool_contact_request_org_idx').on(t.requesterOrganisationId, t.createdAt),
    check('pool_contact_request_answer', sql`${t.answer} is null or ${t.answer} in ('revealed', 'declined')`),
    check('pool_contact_request_answered', sql`(${t.answer} is null) = (${t.answeredAt} is null)`),
    check('pool_contact_request_message', sql`length(trim(${t.message})) between 1 and 1000`),
  ],
);
