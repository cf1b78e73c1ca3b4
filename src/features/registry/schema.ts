import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { provenance } from '../../platform/db/provenance.ts';
import { district, state } from '../regions/index.ts';

export const RECOGNITION_ROUTES = ['authority', 'ihk-fosa', 'hwk', 'zab', 'other', 'unknown'] as const;
export type RecognitionRoute = (typeof RECOGNITION_ROUTES)[number];

/** Occupations by KldB 2010 Berufsgattung (five digits), with ISCO-08 and recognition route. */
export const occupation = pgTable(
  'occupation',
  {
    kldb: text('kldb').primaryKey(),
    isco08: text('isco08').notNull(),
    titleDe: text('title_de').notNull(),
    titleEn: text('title_en').notNull(),
    /** The BA's English label of the Berufsgattung. */
    kldbLabelEn: text('kldb_label_en').notNull(),
    level: text('level').notNull(),
    regulated: boolean('regulated').notNull(),
    /** The research wording, e.g. "no for employees (HwO Anlage A)". */
    regulatedNote: text('regulated_note').notNull(),
    /** The law that regulates access, where the occupation is regulated (e.g. "PflBG"). */
    legalBasis: text('legal_basis'),
    /** Recognition profession (key of recognition_authority.profession) for regulated occupations. */
    profession: text('profession'),
    route: text('route', { enum: RECOGNITION_ROUTES }).notNull(),
    shortage: boolean('shortage').notNull(),
    shortageEvidence: text('shortage_evidence'),
    notes: text('notes'),
    ...provenance(),
  },
  (t) => [
    check('occupation_kldb_format', sql`${t.kldb} ~ '^[0-9]{5}$'`),
    check('occupation_isco_format', sql`${t.isco08} ~ '^[0-9]{4}$'`),
  ],
);

/** Titles and synonyms of an occupation in German and English, searched with trigrams and full text. */
export const occupationTerm = pgTable(
  'occupation_term',
  {
    kldb: text('kldb')
      .notNull()
      .references(() => occupation.kldb, { onDelete: 'cascade' }),
    lang: text('lang', { enum: ['de', 'en'] }).notNull(),
    term: text('term').notNull(),
    /** Where the term comes from: the title of the research table or the registry's synonym list. */
    kind: text('kind', { enum: ['title', 'synonym'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kldb, t.lang, t.term] }),
    // The search filters on exactly these expressions (search.ts), so both indexes serve it.
    index('occupation_term_trgm_idx').using('gin', sql`lower(${t.term}) gin_trgm_ops`),
    index('occupation_term_fts_idx').using('gin', sql`to_tsvector('simple', ${t.term})`),
  ],
);

/** The competent recognition authority per state and regulated profession. */
export const recognitionAuthority = pgTable(
  'recognition_authority',
  {
    /** `<state code>:<profession>`, e.g. `SN:nurse`. */
    id: text('id').primaryKey(),
    stateCode: text('state_code')
      .notNull()
      .references(() => state.code),
    profession: text('profession').notNull(),
    professionTitle: text('profession_title').notNull(),
    authority: text('authority').notNull(),
    address: text('address'),
    email: text('email'),
    legalBasis: text('legal_basis').notNull(),
    legalBasisType: text('legal_basis_type', { enum: ['federal', 'state'] }).notNull(),
    regulated: boolean('regulated').notNull(),
    regulatedNote: text('regulated_note').notNull(),
    fees: text('fees'),
    notes: text('notes'),
    ...provenance(),
  },
  (t) => [index('recognition_authority_profession_idx').on(t.profession, t.stateCode)],
);

/** Bodies competent for the whole country: IHK FOSA, ZAB, GfG, ZSBA, the crafts chambers as a group. */
export const nationwideBody = pgTable('nationwide_body', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  scope: text('scope').notNull(),
  address: text('address'),
  legalBasis: text('legal_basis').notNull(),
  regulatedNote: text('regulated_note').notNull(),
  fees: text('fees'),
  notes: text('notes'),
  ...provenance(),
});

/** Handwerkskammern of the six states. */
export const craftsChamber = pgTable('crafts_chamber', {
  id: text('id').primaryKey(),
  stateCode: text('state_code')
    .notNull()
    .references(() => state.code),
  name: text('name').notNull(),
  seat: text('seat').notNull(),
  notes: text('notes'),
  ...provenance(),
});

/** Which districts a chamber covers; `partial` where a district is split (Landkreis Rostock). */
export const craftsChamberDistrict = pgTable(
  'crafts_chamber_district',
  {
    chamberId: text('chamber_id')
      .notNull()
      .references(() => craftsChamber.id, { onDelete: 'cascade' }),
    ags: text('ags')
      .notNull()
      .references(() => district.ags),
    partial: boolean('partial').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chamberId, t.ags] }), index('crafts_chamber_district_ags_idx').on(t.ags)],
);

/** German missions abroad (embassies, consulates general) by country. */
export const mission = pgTable(
  'mission',
  {
    id: text('id').primaryKey(),
    country: text('country').notNull(),
    name: text('name').notNull(),
    city: text('city').notNull(),
    /** Whether the mission takes national (D) visa applications. */
    visaSection: boolean('visa_section').notNull(),
    /** Jurisdiction or region within the country, where known. */
    region: text('region'),
    notes: text('notes'),
    ...provenance(),
  },
  (t) => [index('mission_country_idx').on(t.country)],
);

/** Reported waiting times per mission or country; several measurements per mission. */
export const missionWaitingTime = pgTable(
  'mission_waiting_time',
  {
    id: text('id').primaryKey(),
    country: text('country').notNull(),
    missionId: text('mission_id').references(() => mission.id),
    weeks: doublePrecision('weeks'),
    category: text('category'),
    measuredAt: text('measured_at'),
    notes: text('notes'),
    ...provenance(),
  },
  (t) => [index('mission_waiting_time_country_idx').on(t.country)],
);

/** Figures for the dashboards: visas, Blue Cards, recognition, § 104c, population, Königstein key. */
export const statistic = pgTable(
  'statistic',
  {
    id: text('id').primaryKey(),
    topic: text('topic').notNull(),
    indicator: text('indicator').notNull(),
    geography: text('geography').notNull(),
    period: text('period').notNull(),
    /** The figure as published (may be "59 / 55 / 51"); `valueNumber` when it is one number. */
    value: text('value').notNull(),
    valueNumber: doublePrecision('value_number'),
    unit: text('unit').notNull(),
    notes: text('notes'),
    ...provenance(),
  },
  (t) => [index('statistic_topic_idx').on(t.topic, t.geography)],
);

/** Every correction of a registry row: who, when, why, before and after. */
export const registryChange = pgTable(
  'registry_change',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tableName: text('table_name').notNull(),
    rowKey: text('row_key').notNull(),
    actor: text('actor').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    reason: text('reason').notNull(),
    before: jsonb('before'),
    after: jsonb('after').notNull(),
  },
  (t) => [index('registry_change_row_idx').on(t.tableName, t.rowKey, t.at)],
);

/**
 * The mutual-recognition register as maintained by the ministries: an entry overrides the default
 * answer of src/domain/recognition/portability.ts for one profession and pair of states.
 */
export const mutualRecognitionEntry = pgTable(
  'mutual_recognition_entry',
  {
    id: text('id').primaryKey(),
    profession: text('profession').notNull(),
    fromState: text('from_state')
      .notNull()
      .references(() => state.code),
    toState: text('to_state')
      .notNull()
      .references(() => state.code),
    outcome: text('outcome', { enum: ['counts', 'notification', 'bridging'] }).notNull(),
    bridgingStep: text('bridging_step'),
    legalBasis: text('legal_basis'),
    ...provenance(),
  },
  (t) => [index('mutual_recognition_pair_idx').on(t.profession, t.fromState, t.toState)],
);

/** A signed recognition record; the payload is kept exactly as signed. */
export const recognitionRecord = pgTable(
  'recognition_record',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    payload: jsonb('payload').notNull(),
    /** The canonical JSON text the signature covers. */
    signedText: text('signed_text').notNull(),
    signature: text('signature').notNull(),
    keyId: text('key_id').notNull(),
    status: text('status', { enum: ['valid', 'withdrawn'] }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    issuedBy: text('issued_by').notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
  },
  (t) => [
    check(
      'recognition_record_code_format',
      sql`${t.code} ~ '^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$'`,
    ),
  ],
);

/** History of a record: issued, withdrawn — who and when. */
export const recognitionRecordEvent = pgTable(
  'recognition_record_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => recognitionRecord.id),
    action: text('action', { enum: ['issued', 'withdrawn'] }).notNull(),
    actor: text('actor').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    reason: text('reason'),
  },
  (t) => [index('recognition_record_event_record_idx').on(t.recordId, t.at)],
);
