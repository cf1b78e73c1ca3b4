/**
 * An organisation's webhook subscriptions (issue 20), for those the declared policy lets manage them (resource
 * `webhook`): create (the secret shown once), list, one subscription with its delivery log, switch on or off,
 * delete, and deliver one event again. Each is one transaction with its audit entry; outside reach: undefined.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, ne } from 'drizzle-orm';
import type { Action, Actor } from '../../domain/access/policy.ts';
import type { WebhookEvent } from '../../domain/access/webhooks.ts';
import type { Database, Tx } from '../../platform/db/client.ts';
import { authorizeOrganisation } from '../identity/index.ts';
import { findOrganisation, type OrganisationRow } from '../people/index.ts';
import { webhookDelivery, webhookSubscription } from './schema.ts';
import { newSecret, type SealKey, sealSecret } from './signing.ts';

export type SubscriptionRow = typeof webhookSubscription.$inferSelect;
export type DeliveryRow = typeof webhookDelivery.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The deliveries a subscription page shows, newest first. */
export const LOG_LENGTH = 50;

export interface NewWebhook {
  readonly name: string;
  readonly url: string;
  readonly events: readonly WebhookEvent[];
}

/** Runs `work` in a transaction once the actor may do `action` on the organisation's webhooks (audited). */
async function authorised<T>(
  db: Database,
  actor: Actor,
  action: Action,
  organisationId: string,
  purpose: string,
  now: Date,
  work: (tx: Tx, org: OrganisationRow) => Promise<T | undefined>,
): Promise<T | undefined> {
  return db.transaction(async (tx) => {
    const d = await authorizeOrganisation(tx, now, actor, action, 'webhook', organisationId, purpose);
    if (!d.allow) return undefined;
    const org = await findOrganisation(tx, organisationId);
    return org ? work(tx, org) : undefined;
  });
}

export function createWebhook(
  db: Database,
  key: SealKey,
  actor: Actor,
  organisationId: string,
  input: NewWebhook,
  now: Date,
): Promise<{ secret: string; row: SubscriptionRow } | undefined> {
  const id = randomUUID();
  return authorised(db, actor, 'create', organisationId, `create webhook ${id}`, now, async (tx) => {
    const secret = newSecret();
    const [row] = await tx
      .insert(webhookSubscription)
      .values({
        id,
        organisationId,
        name: input.name,
        url: input.url,
        events: input.events.join(' '),
        secretSealed: sealSecret(key, secret),
        createdBy: actor.personId,
        createdAt: now,
      })
      .returning();
    return row ? { secret, row } : undefined;
  });
}

export function listWebhooks(db: Database, actor: Actor, organisationId: string, now: Date) {
  return authorised(
    db,
    actor,
    'read',
    organisationId,
    'webhook administration',
    now,
    async (tx, organisation) => {
      const subscriptions = await tx
        .select()
        .from(webhookSubscription)
        .where(eq(webhookSubscription.organisationId, organisationId))
        .orderBy(desc(webhookSubscription.createdAt));
      return { organisation, subscriptions };
    },
  );
}

async function subscriptionOf(tx: Tx, organisationId: string, hookId: string) {
  if (!UUID.test(hookId)) return undefined;
  const [row] = await tx
    .select()
    .from(webhookSubscription)
    .where(and(eq(webhookSubscription.id, hookId), eq(webhookSubscription.organisationId, organisationId)));
  return row;
}

/** One subscription with its latest deliveries (the delivery log). */
export function readWebhook(db: Database, actor: Actor, organisationId: string, hookId: string, now: Date) {
  return authorised(
    db,
    actor,
    'read',
    organisationId,
    `webhook ${hookId.slice(0, 36)}`,
    now,
    async (tx, organisation) => {
      const subscription = await subscriptionOf(tx, organisationId, hookId);
      if (!subscription) return undefined;
      const deliveries = await tx
        .select()
        .from(webhookDelivery)
        .where(eq(webhookDelivery.subscriptionId, subscription.id))
        .orderBy(desc(webhookDelivery.createdAt), desc(webhookDelivery.id))
        .limit(LOG_LENGTH);
      return { organisation, subscription, deliveries };
    },
  );
}

/** Switches a subscription on or off; false outside reach or when there is no such subscription. */
export async function setWebhookEnabled(
  db: Database,
  actor: Actor,
  organisationId: string,
  hookId: string,
  enabled: boolean,
  now: Date,
): Promise<boolean> {
  const purpose = `${enabled ? 'enable' : 'disable'} webhook ${hookId.slice(0, 36)}`;
  const done = await authorised(db, actor, 'update', organisationId, purpose, now, async (tx) => {
    const sub = await subscriptionOf(tx, organisationId, hookId);
    if (!sub) return undefined;
    await tx
      .update(webhookSubscription)
      .set({ disabledAt: enabled ? null : (sub.disabledAt ?? now) })
      .where(eq(webhookSubscription.id, sub.id));
    return true;
  });
  return done === true;
}

/** Deletes a subscription and its delivery log; false outside reach or when there is no such subscription. */
export async function deleteWebhook(
  db: Database,
  actor: Actor,
  organisationId: string,
  hookId: string,
  now: Date,
): Promise<boolean> {
  const purpose = `delete webhook ${hookId.slice(0, 36)}`;
  const done = await authorised(db, actor, 'delete', organisationId, purpose, now, async (tx) => {
    const sub = await subscriptionOf(tx, organisationId, hookId);
    if (!sub) return undefined;
    await tx.delete(webhookSubscription).where(eq(webhookSubscription.id, sub.id));
    return true;
  });
  return done === true;
}

/**
 * Makes a delivery of an enabled subscription due again now (a manual redelivery): the same message id and
 * payload, one more attempt. False outside reach, for no such delivery or while an attempt is running.
 */
export async function redeliver(
  db: Database,
  actor: Actor,
  organisationId: string,
  hookId: string,
  deliveryId: string,
  now: Date,
): Promise<boolean> {
  if (!UUID.test(deliveryId)) return false;
  const purpose = `redeliver webhook ${hookId.slice(0, 36)} delivery ${deliveryId}`;
  const done = await authorised(db, actor, 'update', organisationId, purpose, now, async (tx) => {
    const sub = await subscriptionOf(tx, organisationId, hookId);
    if (!sub || sub.disabledAt) return undefined;
    const changed = await tx
      .update(webhookDelivery)
      .set({ state: 'pending', nextAttemptAt: now })
      .where(
        and(
          eq(webhookDelivery.id, deliveryId),
          eq(webhookDelivery.subscriptionId, sub.id),
          ne(webhookDelivery.state, 'sending'),
        ),
      )
      .returning({ id: webhookDelivery.id });
    return changed.length > 0 ? true : undefined;
  });
  return done === true;
}
