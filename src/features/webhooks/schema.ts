import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisation } from '../people/index.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * A webhook subscription of an organisation (issue 20): where to send (`url`), which event types (space
 * separated), and the signing secret, encrypted with a key derived from `COOKIE_SECRET` (AES-256-GCM: it must be
 * read back to sign, so it cannot be hashed). Switched off by `disabled_at`; deleting it deletes its log.
 */
export const webhookSubscription = pgTable(
  'webhook_subscription',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    name: text('name').notNull(),
    url: text('url').notNull(),
    events: text('events').notNull(),
    secretSealed: text('secret_sealed').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    disabledAt: ts('disabled_at'),
  },
  (t) => [index('webhook_subscription_org_idx').on(t.organisationId)],
);

export const DELIVERY_STATES = ['pending', 'sending', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/**
 * One event for one subscription and its delivery: the payload as sent (the same bytes on every attempt, signed
 * anew each time), the attempts, the last answer and when the next attempt is due. `event_key` makes a repeated
 * scan of the same event enqueue nothing twice.
 */
export const webhookDelivery = pgTable(
  'webhook_delivery',
  {
    id: uuid('id').primaryKey(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscription.id, { onDelete: 'cascade' }),
    eventKey: text('event_key').notNull(),
    eventType: text('event_type').notNull(),
    journeyId: uuid('journey_id').notNull(),
    payload: jsonb('payload').notNull(),
    state: text('state').$type<DeliveryState>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    lastAttemptAt: ts('last_attempt_at'),
    nextAttemptAt: ts('next_attempt_at'),
    deliveredAt: ts('delivered_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('webhook_delivery_event_idx').on(t.subscriptionId, t.eventKey),
    index('webhook_delivery_due_idx').on(t.nextAttemptAt).where(sql`${t.state} = 'pending'`),
    check('webhook_delivery_state', sql.raw(`state in (${DELIVERY_STATES.map((s) => `'${s}'`).join(', ')})`)),
  ],
);
