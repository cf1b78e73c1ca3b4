/**
 * Statistics (issue 19): the rollup of the journey events the public dashboard, the downloads and the API read,
 * kept by a background job (rollup.ts), never computed from the events on a request. Aggregates only, no personal
 * data: one row per calendar week (its Monday, Europe/Berlin), state and step kind with the cases filed, decided
 * and withdrawn in that week, how many of the decided ones had a statutory deadline and how many were decided
 * within it, and the durations (filed → decided, whole days) as a histogram `{ "days": cases }`, so that any
 * combination of cells has an exact median and P80. The counts are raw; disclosure control (src/domain/statistics)
 * is applied when they are published.
 */
import { date, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const statisticsRollup = pgTable(
  'statistics_rollup',
  {
    week: date('week', { mode: 'string' }).notNull(),
    stateCode: text('state_code').notNull(),
    step: text('step').notNull(),
    filed: integer('filed').notNull(),
    decided: integer('decided').notNull(),
    withdrawn: integer('withdrawn').notNull(),
    withDeadline: integer('with_deadline').notNull(),
    withinDeadline: integer('within_deadline').notNull(),
    durations: jsonb('durations').notNull(),
  },
  (t) => [primaryKey({ columns: [t.week, t.stateCode, t.step] })],
);

/** The last full refresh of the rollup: its day (the as-of date of every figure) and moment. One row. */
export const statisticsRollupRun = pgTable('statistics_rollup_run', {
  id: integer('id').primaryKey(),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true, precision: 3 }).notNull(),
  cases: integer('cases').notNull(),
});
