// The § 104c companion (issue 18): the directory of support offers (reference data with provenance, loaded from
// src/data/support-offers.csv) and the companion facts a § 104c holder keeps about themself.
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { LANGUAGE_LEVELS } from '../../domain/law/types.ts';
import { provenance } from '../../platform/db/provenance.ts';
import { person } from '../people/index.ts';
import { district, state } from '../regions/index.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** One support offer: federal, state, municipal or civil-society; nationwide (state null) or in one state. */
export const supportOffer = pgTable(
  'support_offer',
  {
    id: text('id').primaryKey(),
    nameDe: text('name_de').notNull(),
    nameEn: text('name_en').notNull(),
    /** The name as the research recorded it. */
    researchName: text('research_name').notNull(),
    provider: text('provider').notNull(),
    levels: text('levels').array().notNull(),
    /** Null: nationwide. */
    stateCode: text('state_code').references(() => state.code),
    targetGroups: text('target_groups').array().notNull(),
    /** What the offer helps with (controlled tags of the research table). */
    conditions: text('conditions').array().notNull(),
    /** Languages as the research recorded them (English free text); null when not stated. */
    languages: text('languages'),
    contactUrl: text('contact_url'),
    sourceUrls: text('source_urls').array().notNull(),
    /** The date of the source as given (a day, a month or a year); null when the source is undated. */
    sourceDate: text('source_date'),
    /** The cost as a source states it, in German and English (written by the project); null: not stated. */
    costDe: text('cost_de'),
    costEn: text('cost_en'),
    notes: text('notes'),
    ...provenance(),
  },
  (t) => [index('support_offer_state_idx').on(t.stateCode)],
);

/** The facts a § 104c holder keeps for the companion; one row per person, owned by the person. */
export const companionHolder = pgTable(
  'companion_holder',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => person.id, { onDelete: 'cascade' }),
    stateCode: text('state_code')
      .notNull()
      .references(() => state.code),
    permitGrantedOn: date('permit_granted_on', { mode: 'string' }).notNull(),
    permitExpiresOn: date('permit_expires_on', { mode: 'string' }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    inGermanySince: date('in_germany_since', { mode: 'string' }),
    german: text('german', { enum: LANGUAGE_LEVELS }),
    livelihoodMainlyFromWork: boolean('livelihood_mainly_from_work'),
    livesWithMinorChild: boolean('lives_with_minor_child'),
    germanSchoolOrQualification: boolean('german_school_or_qualification'),
    /** The district (AGS) the holder lives in, for the foreigners' office and the district statistics. */
    districtAgs: text('district_ags').references(() => district.ags),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [check('companion_holder_period', sql`${t.permitExpiresOn} > ${t.permitGrantedOn}`)],
);

/** The expiry reminders mailed, per person, kind and expiry date (a new expiry date gets its own reminders). */
export const companionReminder = pgTable(
  'companion_reminder',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['six-weeks', 'two-weeks'] }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.kind, t.expiresOn] })],
);
