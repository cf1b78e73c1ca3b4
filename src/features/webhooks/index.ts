import type { FeaturePlugin } from '../../app-deps.ts';
import type { Config } from '../../platform/config.ts';
import type { DeliverySettings } from './delivery.ts';
import { type SealKey, sealKeyOf } from './signing.ts';

// The public surface of this feature: what other features and the composition root may use.
export { attemptDelivery, type DeliverySettings } from './delivery.ts';
export { collectEvents } from './events.ts';
export { queueDue, queueOn, WEBHOOK_DELIVER_JOB, WEBHOOK_EVENTS_JOB, webhookJobs } from './jobs.ts';
export { webhookDelivery, webhookSubscription } from './schema.ts';

/** What the webhook pages and jobs share: the key that seals the secrets and how deliveries are made. */
export interface WebhookSettings {
  readonly sealKey: SealKey;
  /** Plain `http:` to loopback addresses (tests and local development, never in production). */
  readonly allowLoopbackHttp: boolean;
  readonly delivery: DeliverySettings;
}

export function createWebhookSettings(config: Config): WebhookSettings {
  const sealKey = sealKeyOf(config.COOKIE_SECRET);
  return {
    sealKey,
    allowLoopbackHttp: config.NODE_ENV !== 'production',
    delivery: {
      sealKey,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      retryBaseSeconds: config.WEBHOOK_RETRY_BASE_SECONDS,
    },
  };
}

/** Signed webhooks of organisations (issue 20), as a feature plugin (ADR 0015). */
export const webhooksPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerWebhooks } = await import('./routes.tsx');
  registerWebhooks(app, deps, services);
};
