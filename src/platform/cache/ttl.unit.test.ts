import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cached } from './ttl.ts';

describe('per-process TTL cache', () => {
  it('loads once while fresh, again after the time to live or an invalidation', async () => {
    let now = 0;
    let loads = 0;
    const c = cached(
      1000,
      async () => ++loads,
      () => now,
    );
    assert.equal(await c.get(), 1);
    assert.equal(await c.get(), 1);
    now = 1001;
    assert.equal(await c.get(), 2);
    c.invalidate();
    assert.equal(await c.get(), 3);
  });

  it('shares one load between concurrent callers and does not keep failures', async () => {
    let loads = 0;
    let fail = true;
    const c = cached(1000, async () => {
      loads += 1;
      if (fail) throw new Error('down');
      return loads;
    });
    const results = await Promise.allSettled([c.get(), c.get()]);
    assert.equal(loads, 1);
    assert.ok(results.every((r) => r.status === 'rejected'));
    fail = false;
    assert.equal(await c.get(), 2);
  });
});
