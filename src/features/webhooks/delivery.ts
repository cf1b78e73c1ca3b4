/**
 * One attempt of one delivery: claimed (so that two workers never send the same attempt), POSTed with the
 * Standard Webhooks headers and a timeout, and written back — delivered on a 2xx, else pending with the next
 * attempt after the back-off, or failed after the last attempt. The HTTP request runs outside any transaction.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { isReceived, retryDelaySeconds } from '../../domain/access/webhooks.ts';
import type { Database } from '../../platform/db/client.ts';
import { webhookDelivery, webhookSubscription } from './schema.ts';
import { openSecret, type SealKey, signedHeaders } from './signing.ts';

export interface DeliverySettings {
  readonly sealKey: SealKey;
  /** Milliseconds an attempt may take until the answer's status line. */
  readonly timeoutMs: number;
  /** The first retry's delay; each next one four times longer (`retryDelaySeconds`). */
  readonly retryBaseSeconds: number;
}

export type AttemptResult =
  | { readonly outcome: 'delivered'; readonly status: number }
  | { readonly outcome: 'retry'; readonly delaySeconds: number }
  | { readonly outcome: 'failed' }
  | { readonly outcome: 'skipped' };

/** Why an attempt failed, in a few words for the log (no response body is kept). */
function reasonOf(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'timeout';
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return (cause?.code ?? (error instanceof Error ? error.message : 'error')).slice(0, 200);
}

/** Sends the delivery once if it is pending and its subscription enabled; writes the attempt into the log. */
export async function attemptDelivery(
  db: Database,
  settings: DeliverySettings,
  deliveryId: string,
  now: () => Date,
): Promise<AttemptResult> {
  const started = now();
  const [claimed] = await db
    .update(webhookDelivery)
    .set({ state: 'sending', lastAttemptAt: started })
    .where(and(eq(webhookDelivery.id, deliveryId), inArray(webhookDelivery.state, ['pending'])))
    .returning();
  if (!claimed) return { outcome: 'skipped' };
  const [sub] = await db
    .select()
    .from(webhookSubscription)
    .where(eq(webhookSubscription.id, claimed.subscriptionId));
  if (!sub || sub.disabledAt) {
    await db.update(webhookDelivery).set({ state: 'pending' }).where(eq(webhookDelivery.id, deliveryId));
    return { outcome: 'skipped' };
  }
  const body = JSON.stringify(claimed.payload);
  const headers = signedHeaders(
    openSecret(settings.sealKey, sub.secretSealed),
    `msg_${claimed.id}`,
    started,
    body,
  );
  let status: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(sub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Chancenregion-Webhooks/1', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    status = res.status;
    await res.body?.cancel();
    if (!isReceived(status)) error = `HTTP ${status}`;
  } catch (e) {
    error = reasonOf(e);
  }
  const attempts = claimed.attempts + 1;
  const finished = now();
  if (status !== null && isReceived(status)) {
    await db
      .update(webhookDelivery)
      .set({
        state: 'delivered',
        attempts,
        lastStatus: status,
        lastError: null,
        deliveredAt: finished,
        nextAttemptAt: null,
      })
      .where(eq(webhookDelivery.id, deliveryId));
    return { outcome: 'delivered', status };
  }
  const delay = retryDelaySeconds(attempts, settings.retryBaseSeconds);
  await db
    .update(webhookDelivery)
    .set({
      state: delay === undefined ? 'failed' : 'pending',
      attempts,
      lastStatus: status,
      lastError: error,
      nextAttemptAt: delay === undefined ? null : new Date(finished.getTime() + delay * 1000),
    })
    .where(eq(webhookDelivery.id, deliveryId));
  return delay === undefined ? { outcome: 'failed' } : { outcome: 'retry', delaySeconds: delay };
}
