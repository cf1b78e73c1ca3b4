import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TokenRateLimit } from './bearer.ts';

describe('requests per token and minute', () => {
  it('lets the allowed number through, then says how long to wait, and starts afresh after a minute', () => {
    const limit = new TokenRateLimit(3);
    const t0 = 1_000_000;
    assert.deepEqual(
      [1, 2, 3].map(() => limit.hit('a', t0)),
      [0, 0, 0],
    );
    assert.equal(limit.hit('a', t0 + 10_000), 50);
    assert.equal(limit.hit('b', t0 + 10_000), 0, 'each token counts on its own');
    assert.equal(limit.hit('a', t0 + 60_000), 0);
  });
});
