import { sql } from 'drizzle-orm';
import { check, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Accessibility feedback (BITV 2.0 § 7 feedback mechanism). Holds no contact data by design. */
export const accessibilityFeedback = pgTable(
  'accessibility_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    locale: text('locale').notNull(),
    page: text('page'),
    message: text('message').notNull(),
  },
  (t) => [
    check('feedback_message_length', sql`char_length(${t.message}) between 1 and 2000`),
    check('feedback_page_length', sql`${t.page} is null or char_length(${t.page}) <= 300`),
  ],
);
