// The § 104c companion (issue 18): the directory of support offers (reference data with provenance, loaded from
// src/data/support-offers.csv) and the companion facts a § 104c holder keeps about themself.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { LANGUAGE_LEVELS } from '../../domain/law/types.ts';
import { provenance } from '../../platform/db/provenance.ts';
import { organisation, person } from '../people/index.ts';
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
    /** The district the offer is at, when it is local (null: the whole state or nationwide). */
    districtAgs: text('district_ags').references(() => district.ags),
    /** The current version (`support_offer_version`); the seed's row is version 1. */
    version: integer('version').notNull().default(1),
    /** Set when an administrator or state officer retires the offer: it leaves the directory and the matching. */
    retiredAt: ts('retired_at'),
    ...provenance(),
  },
  (t) => [index('support_offer_state_idx').on(t.stateCode)],
);

/**
 * Every version of a support offer (issue 18): the maintained values as they were, what changed from the version
 * before, who changed it (an administrator or a state's ministry officer), when and why. Version 1 is the seed's
 * (no editor). Reference data: the editor is staff acting in office; erased people are unlinked (set null).
 */
export const supportOfferVersion = pgTable(
  'support_offer_version',
  {
    offerId: text('offer_id')
      .notNull()
      .references(() => supportOffer.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    kind: text('kind', { enum: ['seeded', 'created', 'changed', 'retired'] }).notNull(),
    values: jsonb('values').$type<Record<string, unknown>>().notNull(),
    changed: text('changed').array().notNull(),
    reason: text('reason'),
    editedBy: uuid('edited_by').references(() => person.id, { onDelete: 'set null' }),
    editorOrganisationId: uuid('editor_organisation_id').references(() => organisation.id, {
      onDelete: 'set null',
    }),
    editedAt: ts('edited_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.offerId, t.version] })],
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
    /**
     * The conditions last told to the holder as met (`<pathway>:<criterion>`); null until the first look, which
     * only notes them (the page shows them anyway). A condition newly met afterwards gets a notice and a mail.
     */
    announcedMet: text('announced_met').array(),
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

/**
 * An in-app notice that conditions are now met (issue 18): to the holder (recipient person) or to a counselling
 * centre the holder consents to (recipient organisation). What is met and what is still open are
 * `<pathway>:<criterion>` keys; the page says them in words. Erased with the person.
 */
export const companionNotice = pgTable(
  'companion_notice',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectPersonId: uuid('subject_person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    recipientPersonId: uuid('recipient_person_id').references(() => person.id, { onDelete: 'cascade' }),
    recipientOrganisationId: uuid('recipient_organisation_id').references(() => organisation.id, {
      onDelete: 'cascade',
    }),
    met: text('met').array().notNull(),
    open: text('open').array().notNull(),
    /** The next step: apply at the foreigners' office, or work on the open conditions. */
    next: text('next', { enum: ['apply', 'work-on-open'] }).notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('companion_notice_subject_idx').on(t.subjectPersonId, t.createdAt),
    check(
      'companion_notice_one_recipient',
      sql`(${t.recipientPersonId} is null) <> (${t.recipientOrganisationId} is null)`,
    ),
  ],
);
