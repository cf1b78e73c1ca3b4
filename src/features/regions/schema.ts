import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text } from 'drizzle-orm/pg-core';
import { provenance } from '../../platform/db/provenance.ts';

/** The six East German states (Länder), keyed by their two-letter code. */
export const state = pgTable(
  'state',
  {
    code: text('code').primaryKey(),
    agsPrefix: text('ags_prefix').notNull().unique(),
    nameDe: text('name_de').notNull(),
    nameEn: text('name_en').notNull(),
    /** Zentrale Ausländerbehörde for skilled immigration and § 81a AufenthG, where the state has one. */
    centralOffice: text('central_office'),
    centralOfficeExists: boolean('central_office_exists').notNull(),
    centralOfficeNotes: text('central_office_notes'),
    ...provenance(),
  },
  (t) => [check('state_code_format', sql`${t.code} ~ '^[A-Z]{2}$'`)],
);

/** Landkreise and kreisfreie Städte with their (untere) Ausländerbehörde. */
export const district = pgTable(
  'district',
  {
    ags: text('ags').primaryKey(),
    stateCode: text('state_code')
      .notNull()
      .references(() => state.code),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['landkreis', 'kreisfreie-stadt', 'stadtstaat'] }).notNull(),
    foreignersOffice: text('foreigners_office').notNull(),
    notes: text('notes'),
    ...provenance(),
  },
  (t) => [
    index('district_state_idx').on(t.stateCode, t.name),
    check('district_ags_format', sql`${t.ags} ~ '^[0-9]{5}$'`),
  ],
);
