import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Mails kept for an administrator to read when no SMTP server is configured (embedded default). */
export const outboxMail = pgTable('outbox_mail', {
  id: uuid('id').primaryKey().defaultRandom(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
});
