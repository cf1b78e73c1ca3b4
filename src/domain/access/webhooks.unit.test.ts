import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkTarget,
  isReceived,
  looksLikeSecret,
  MAX_ATTEMPTS,
  mayHaveWebhooks,
  payloadOf,
  retryDelaySeconds,
} from './webhooks.ts';

describe('webhook rules', () => {
  it('accepts https addresses and loopback http only where allowed', () => {
    const strict = { allowLoopbackHttp: false };
    const loose = { allowLoopbackHttp: true };
    assert.deepEqual(checkTarget(' https://partner.example/hooks#x ', strict), {
      url: 'https://partner.example/hooks',
    });
    assert.deepEqual(checkTarget('http://127.0.0.1:8080/in', strict), { problem: 'https' });
    assert.deepEqual(checkTarget('http://127.0.0.1:8080/in', loose), { url: 'http://127.0.0.1:8080/in' });
    assert.deepEqual(checkTarget('http://[::1]:9/x', loose), { url: 'http://[::1]:9/x' });
    assert.deepEqual(checkTarget('http://partner.example/in', loose), { problem: 'https' });
    assert.deepEqual(checkTarget('', loose), { problem: 'required' });
    assert.deepEqual(checkTarget('partner.example/in', loose), { problem: 'invalid' });
    assert.deepEqual(checkTarget('ftp://partner.example/in', loose), { problem: 'invalid' });
    assert.deepEqual(checkTarget('https://user:pw@partner.example/', loose), { problem: 'credentials' });
    assert.deepEqual(checkTarget(`https://p.example/${'a'.repeat(2_000)}`, loose), { problem: 'too-long' });
  });

  it('backs off exponentially and gives up after the last attempt', () => {
    const delays = Array.from({ length: MAX_ATTEMPTS }, (_, i) => retryDelaySeconds(i + 1, 30));
    assert.deepEqual(delays, [30, 120, 480, 1_920, 7_680, undefined]);
    assert.equal(retryDelaySeconds(5, 10_000), 86_400, 'at most a day');
    assert.equal(retryDelaySeconds(0), undefined);
  });

  it('counts only 2xx as received', () => {
    assert.ok(isReceived(200) && isReceived(204));
    assert.ok(!isReceived(301) && !isReceived(410) && !isReceived(500));
  });

  it('knows the Standard Webhooks secret shape and which organisations may subscribe', () => {
    assert.ok(looksLikeSecret(`whsec_${Buffer.alloc(32, 7).toString('base64')}`));
    assert.ok(!looksLikeSecret('whsec_short'));
    assert.ok(mayHaveWebhooks('foreigners-office') && mayHaveWebhooks('recognition-authority'));
    assert.ok(!mayHaveWebhooks('employer') && !mayHaveWebhooks('state-ministry'));
  });

  it('puts only the event, the journey, the step and the time in the payload', () => {
    const p = payloadOf('deadline.near', new Date('2026-12-01T10:00:00Z'), 'j-1', 'residence-permit', {
      dueOn: '2026-12-05',
    });
    assert.deepEqual(p, {
      type: 'deadline.near',
      timestamp: '2026-12-01T10:00:00.000Z',
      data: { journeyId: 'j-1', step: 'residence-permit', dueOn: '2026-12-05' },
    });
  });
});
