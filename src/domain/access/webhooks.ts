/**
 * Signed webhooks of organisations (issue 20): the event types an organisation may subscribe to, the target
 * address rule, the secret's format, the payload and the back-off of retries. Pure; the webhooks feature stores
 * subscriptions, finds events and delivers them. A webhook never widens the policy: an event goes to an
 * organisation only when a token of that organisation could read the journey (`api-tokens.ts`).
 */

import { tokenRoleFor } from './api-tokens.ts';
import type { OrganisationKind } from './roles.ts';

/** The event types, in the order the form lists them. */
export const WEBHOOK_EVENTS = [
  'step.status-changed',
  'deadline.near',
  'deadline.breached',
  'document.shared',
  'appointment.offered',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export function isWebhookEvent(value: unknown): value is WebhookEvent {
  return typeof value === 'string' && (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

/** Whether an organisation of this kind may subscribe: only kinds whose token reads journeys (a service role). */
export function mayHaveWebhooks(kind: OrganisationKind): boolean {
  const role = tokenRoleFor(kind);
  return role !== null && role !== 'ministry-officer';
}

export type TargetProblem = 'required' | 'invalid' | 'https' | 'credentials' | 'too-long';

/** The longest target address accepted. */
export const TARGET_MAX_LENGTH = 2_000;

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Checks a target address: an absolute `https:` URL without user name or password; plain `http:` only to the
 * loopback addresses and only where `allowLoopbackHttp` (tests, local development). Returns the normalised URL.
 */
export function checkTarget(
  value: string,
  opts: { allowLoopbackHttp: boolean },
): { url: string } | { problem: TargetProblem } {
  const text = value.trim();
  if (!text) return { problem: 'required' };
  if (text.length > TARGET_MAX_LENGTH) return { problem: 'too-long' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: 'invalid' };
  if (!url.hostname) return { problem: 'invalid' };
  if (url.username || url.password) return { problem: 'credentials' };
  if (url.protocol === 'http:' && !(opts.allowLoopbackHttp && LOOPBACK.test(url.hostname)))
    return { problem: 'https' };
  url.hash = '';
  return { url: url.toString() };
}

/** Standard Webhooks secrets: `whsec_` and the base64 of 24 to 64 random bytes. */
export const SECRET_PREFIX = 'whsec_';
const SECRET_SHAPE = /^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/;

export function looksLikeSecret(value: string): boolean {
  return SECRET_SHAPE.test(value);
}

/** Attempts of one delivery before it counts as failed (the first and the retries). */
export const MAX_ATTEMPTS = 6;

/**
 * Seconds to wait before attempt `attempt + 1` after `attempt` failed: `base × 4^(attempt-1)`, at most a day
 * (base 30 s: 30 s, 2 min, 8 min, 32 min, about 2 h). Undefined when no attempt is left.
 */
export function retryDelaySeconds(attempt: number, baseSeconds = 30): number | undefined {
  if (attempt >= MAX_ATTEMPTS || attempt < 1) return undefined;
  return Math.min(baseSeconds * 4 ** (attempt - 1), 86_400);
}

/** Whether an HTTP status counts as received (any 2xx); everything else is retried. */
export function isReceived(status: number): boolean {
  return status >= 200 && status < 300;
}

/** What a delivery carries: the least a partner system needs to fetch the rest with its token. */
export interface WebhookPayload {
  readonly type: WebhookEvent;
  /** When the event happened (ISO 8601, UTC). */
  readonly timestamp: string;
  readonly data: {
    readonly journeyId: string;
    readonly step: string | null;
    /** The step's new status (`step.status-changed`). */
    readonly status?: string;
    /** The due day of the deadline (`deadline.*`). */
    readonly dueOn?: string;
  };
}

export function payloadOf(
  type: WebhookEvent,
  at: Date,
  journeyId: string,
  step: string | null,
  extra: { status?: string | undefined; dueOn?: string | undefined } = {},
): WebhookPayload {
  return {
    type,
    timestamp: at.toISOString(),
    data: {
      journeyId,
      step,
      ...(extra.status ? { status: extra.status } : {}),
      ...(extra.dueOn ? { dueOn: extra.dueOn } : {}),
    },
  };
}
