import { boolean, date, text } from 'drizzle-orm/pg-core';

/**
 * Columns every reference row carries: where the fact comes from, as of when, how sure we are.
 * `verified` is false for rows the research marked UNVERIFIED; users see a note on those.
 */
export const provenance = () => ({
  source: text('source').notNull(),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  confidence: text('confidence', { enum: ['high', 'medium', 'low'] }).notNull(),
  verified: boolean('verified').notNull(),
});
