import { integer, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

export interface StaleRow {
  table: string;
  key: string;
  asOf: string;
}

/** One row per run of the reference-data age check (the nightly job). */
export const referenceCheck = pgTable('reference_check', {
  id: uuid('id').primaryKey().defaultRandom(),
  ranAt: timestamp('ran_at', { withTimezone: true }).notNull().defaultNow(),
  maxAgeDays: integer('max_age_days').notNull(),
  checkedRows: integer('checked_rows').notNull(),
  staleCount: integer('stale_count').notNull(),
  stale: jsonb('stale').$type<StaleRow[]>().notNull(),
});
