import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Answers of the "Which way suits me?" questionnaire while someone fills it in. Keyed by the
 * SHA-256 of a random token that only the visitor's cookie holds; no name or contact data; rows
 * expire 24 hours after the last answer and are deleted on the next write or on request.
 */
export const pathwayAnswers = pgTable(
  'pathway_answers',
  {
    tokenHash: text('token_hash').primaryKey(),
    /** Field name → normalised answer (ISO dates, plain numbers, value-set codes). */
    answers: jsonb('answers').$type<Record<string, string>>().notNull(),
    /** Steps the visitor has saved, in the order of the questionnaire. */
    steps: jsonb('steps').$type<string[]>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('pathway_answers_expires_idx').on(t.expiresAt),
    check('pathway_answers_token_hash_format', sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
  ],
);
