/**
 * The webhooks' background jobs (pg-boss): every minute the events of the last hours are matched with the
 * subscriptions (`events.ts`) and each new delivery is queued; a delivery job makes one attempt and, when it
 * failed and attempts are left, queues the next one after the back-off (`startAfter`). A delivery whose job was
 * lost, or whose attempt was cut off by a stopped process, is queued again by the minute job once it is overdue
 * (not while its webhook is switched off).
 */
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../platform/db/client.ts';
import type { JobDefinition, Jobs } from '../../platform/jobs/index.ts';
import { attemptDelivery, type DeliverySettings } from './delivery.ts';
import { collectEvents } from './events.ts';
import { webhookDelivery, webhookSubscription } from './schema.ts';

export const WEBHOOK_EVENTS_JOB = 'webhook-events';
export const WEBHOOK_DELIVER_JOB = 'webhook-deliver';

/** How far back the minute job looks for events (a day of downtime later, nothing is lost). */
export const LOOKBACK_MS = 24 * 3_600_000;
/** An attempt still `sending` after this long was cut off (the timeout is at most a minute). */
const STUCK_MS = 5 * 60_000;

export interface WebhookQueue {
  send(deliveryId: string, delaySeconds: number): Promise<void>;
}

/** Queues delivery jobs on the app's job queue, when it runs (without it, the minute job sends them later). */
export function queueOn(jobs: () => Jobs | undefined): WebhookQueue {
  return {
    async send(deliveryId, delaySeconds) {
      const j = jobs();
      if (!j) return;
      await j.boss.send(
        WEBHOOK_DELIVER_JOB,
        { deliveryId },
        delaySeconds > 0 ? { startAfter: delaySeconds } : {},
      );
    },
  };
}

/** Matches new events and queues their deliveries and the overdue ones; returns how many were queued. */
export async function queueDue(db: Database, queue: WebhookQueue, now: Date): Promise<number> {
  const fresh = await collectEvents(db, new Date(now.getTime() - LOOKBACK_MS), now);
  // An attempt cut off by a stopped process is due again; so is a delivery whose job was lost.
  const cut = await db
    .update(webhookDelivery)
    .set({ state: 'pending', nextAttemptAt: now })
    .where(
      and(
        eq(webhookDelivery.state, 'sending'),
        lt(webhookDelivery.lastAttemptAt, new Date(now.getTime() - STUCK_MS)),
      ),
    )
    .returning({ id: webhookDelivery.id });
  const overdue = await db
    .select({ id: webhookDelivery.id })
    .from(webhookDelivery)
    .innerJoin(webhookSubscription, eq(webhookSubscription.id, webhookDelivery.subscriptionId))
    .where(
      and(
        eq(webhookDelivery.state, 'pending'),
        isNull(webhookSubscription.disabledAt),
        lt(webhookDelivery.nextAttemptAt, new Date(now.getTime() - 120_000)),
      ),
    )
    .limit(500);
  const ids = [...new Set([...fresh, ...cut.map((r) => r.id), ...overdue.map((r) => r.id)])];
  for (const id of ids) await queue.send(id, 0);
  return ids.length;
}

export function webhookJobs(
  db: Database,
  settings: DeliverySettings,
  queue: WebhookQueue,
  now: () => Date,
  log: Pick<FastifyBaseLogger, 'info'>,
): JobDefinition[] {
  return [
    {
      name: WEBHOOK_EVENTS_JOB,
      cron: '* * * * *',
      handler: async () => {
        const queued = await queueDue(db, queue, now());
        if (queued > 0) log.info({ job: WEBHOOK_EVENTS_JOB, queued }, 'webhook deliveries queued');
      },
    },
    {
      name: WEBHOOK_DELIVER_JOB,
      handler: async (data: object) => {
        const id = (data as { deliveryId?: unknown }).deliveryId;
        if (typeof id !== 'string') return;
        const result = await attemptDelivery(db, settings, id, now);
        if (result.outcome === 'retry') await queue.send(id, result.delaySeconds);
      },
    },
  ];
}
