// Job ads (issue 16): what an employer organisation states, and what is computed from it on every save (the flags
// and the residence pathways the ad opens), stored so that the search filters on them.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { JOB_AD_STATUSES, LANGUAGE_LEVELS } from '../../domain/jobs/ad.ts';
import type { AdPathway } from '../../domain/jobs/pathways.ts';
import { organisation, person } from '../people/index.ts';
import { district } from '../regions/index.ts';
import { occupation } from '../registry/index.ts';

/** PostgreSQL's full-text document type (drizzle has no built-in column for it). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const jobAd = pgTable(
  'job_ad',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The employer organisation that publishes the ad. */
    employerId: uuid('employer_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    status: text('status', { enum: JOB_AD_STATUSES }).notNull().default('draft'),
    titleDe: text('title_de'),
    titleEn: text('title_en'),
    occupationKldb: text('occupation_kldb')
      .notNull()
      .references(() => occupation.kldb),
    districtAgs: text('district_ags')
      .notNull()
      .references(() => district.ags),
    salaryMinEur: integer('salary_min_eur').notNull(),
    salaryMaxEur: integer('salary_max_eur'),
    weeklyHours: integer('weekly_hours').notNull(),
    /** Null: open-ended. */
    contractMonths: integer('contract_months'),
    germanLevel: text('german_level', { enum: LANGUAGE_LEVELS }).notNull(),
    englishLevel: text('english_level', { enum: LANGUAGE_LEVELS }).notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    collectiveAgreement: text('collective_agreement').notNull().default(''),
    willingAccelerated: boolean('willing_accelerated').notNull().default(false),
    descriptionDe: text('description_de').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    // Computed on every save (src/domain/jobs): never typed.
    englishEnough: boolean('english_enough').notNull(),
    acceleratedReady: boolean('accelerated_ready').notNull(),
    recognitionNeeded: boolean('recognition_needed').notNull(),
    collectiveAgreementFlag: boolean('collective_agreement_flag').notNull(),
    /** The pathways the ad opens per applicant profile, and their ids (the search filter). */
    pathways: jsonb('pathways').$type<AdPathway[]>().notNull(),
    pathwayIds: text('pathway_ids').array().notNull(),
    /** The words the search looks in: the ad's titles and the occupation's German and English names. */
    searchText: text('search_text').notNull().default(''),
    /** Full-text terms of `search_text`, stemmed as German and as English (kept by the database). */
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`to_tsvector('german', search_text) || to_tsvector('english', search_text)`,
    ),
    createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    publishedAt: ts('published_at'),
  },
  (t) => [
    index('job_ad_employer_idx').on(t.employerId, t.updatedAt),
    index('job_ad_search_idx').on(t.status, t.expiresOn),
    index('job_ad_published_idx').on(t.publishedAt.desc(), t.id),
    index('job_ad_updated_idx').on(t.updatedAt),
    index('job_ad_occupation_idx').on(t.occupationKldb),
    index('job_ad_words_idx').using('gin', t.searchVector),
    check('job_ad_status', sql.raw(`status in (${list(JOB_AD_STATUSES)})`)),
    check('job_ad_title', sql`${t.titleDe} is not null or ${t.titleEn} is not null`),
    check(
      'job_ad_salary',
      sql`${t.salaryMinEur} > 0 and (${t.salaryMaxEur} is null or ${t.salaryMaxEur} >= ${t.salaryMinEur})`,
    ),
    check('job_ad_hours', sql`${t.weeklyHours} between 1 and 48`),
    check('job_ad_contract', sql`${t.contractMonths} is null or ${t.contractMonths} between 1 and 120`),
    check('job_ad_german', sql.raw(`german_level in (${list(LANGUAGE_LEVELS)})`)),
    check('job_ad_english', sql.raw(`english_level in (${list(LANGUAGE_LEVELS)})`)),
  ],
);

export type JobAdRow = typeof jobAd.$inferSelect;
