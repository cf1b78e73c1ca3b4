import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { looksLikeSecret } from '../../domain/access/webhooks.ts';
import { newSecret, openSecret, sealKeyOf, sealSecret, signedHeaders } from './signing.ts';

describe('webhook signing (Standard Webhooks)', () => {
  const secret = newSecret();
  const body = JSON.stringify({ type: 'step.status-changed', data: { journeyId: 'x', step: 'recognition' } });

  it('makes secrets of the standard shape and seals them so that only the app key opens them', () => {
    assert.ok(looksLikeSecret(secret), secret);
    const key = sealKeyOf('an app secret of at least thirty-two characters');
    const sealed = sealSecret(key, secret);
    assert.ok(!sealed.includes(secret.slice(6)), 'not stored in the clear');
    assert.equal(openSecret(key, sealed), secret);
    assert.throws(() => openSecret(sealKeyOf('another app secret of thirty-two characters'), sealed));
  });

  it('signs so that the official library verifies: v1,base64(HMAC-SHA256(id.timestamp.body))', () => {
    const headers = signedHeaders(secret, 'msg_1', new Date(), body);
    assert.deepEqual(new Webhook(secret).verify(body, { ...headers }), JSON.parse(body));
    const raw = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const mac = createHmac('sha256', raw)
      .update(`msg_1.${headers['webhook-timestamp']}.${body}`)
      .digest('base64');
    assert.equal(headers['webhook-signature'], `v1,${mac}`);
  });

  it('is refused with a wrong signature, another secret, a changed body or an old timestamp', () => {
    const headers = signedHeaders(secret, 'msg_2', new Date(), body);
    const wh = new Webhook(secret);
    assert.throws(
      () =>
        wh.verify(body, {
          ...headers,
          'webhook-signature': 'v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
        }),
      WebhookVerificationError,
    );
    assert.throws(() => new Webhook(newSecret()).verify(body, { ...headers }), WebhookVerificationError);
    assert.throws(() => wh.verify(`${body} `, { ...headers }), WebhookVerificationError);
    const old = signedHeaders(secret, 'msg_3', new Date(Date.now() - 10 * 60_000), body);
    assert.throws(() => wh.verify(body, { ...old }), /too old/i);
  });
});
