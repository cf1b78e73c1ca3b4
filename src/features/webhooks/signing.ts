/**
 * The secrets and signatures of webhooks (Standard Webhooks, through its official library): a fresh secret
 * (`whsec_` and 32 random bytes in base64), sealed for storage with AES-256-GCM under a key derived from the
 * app's `COOKIE_SECRET`, and the three headers of a signed request.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { SECRET_PREFIX } from '../../domain/access/webhooks.ts';

export function newSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

export type SealKey = Buffer;

/** The key that seals the secrets, derived from the app's secret (a different key for every purpose). */
export function sealKeyOf(appSecret: string): SealKey {
  return Buffer.from(hkdfSync('sha256', appSecret, 'chancenregion', 'webhook secret seal v1', 32));
}

/** `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function sealSecret(key: SealKey, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function openSecret(key: SealKey, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown sealed secret format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

export interface SignedHeaders {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
}

/** The headers of one attempt: the message id (the same on every attempt), the time now, the signature. */
export function signedHeaders(secret: string, messageId: string, at: Date, body: string): SignedHeaders {
  const signature = new Webhook(secret).sign(messageId, at, body);
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signature,
  };
}
