import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { erlangC, serviceLevel, smallestServers } from './erlang.ts';

const seed = 20261206;
const close = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual - expected) < tolerance, `${actual} is not ${expected} ± ${tolerance}`);

// Test case 3: λ = 10/h, mean service 20 min (μ = 3/h), τ = 10 min; waits in minutes.
const counter = (servers: number) => ({ arrivalRate: 10, serviceRate: 3, servers });
const TEN_MINUTES = 1 / 6;

describe('Erlang C for counters (memo §3.3, test case 3)', () => {
  const expected = [
    { servers: 4, pWait: 0.6577, waitMinutes: 19.73, withinTen: 0.5287 },
    { servers: 5, pWait: 0.3267, waitMinutes: 3.92, withinTen: 0.858 },
    { servers: 6, pWait: 0.1482, waitMinutes: 1.11, withinTen: 0.9609 },
  ];
  for (const { servers, pWait, waitMinutes, withinTen } of expected) {
    it(`c = ${servers}: P_wait ≈ ${pWait}, W_q ≈ ${waitMinutes} min, P(W ≤ 10 min) ≈ ${withinTen}`, () => {
      const result = erlangC(counter(servers));
      assert.ok(result.ok);
      close(result.pWait, pWait, 5e-5);
      close(result.meanWait * 60, waitMinutes, 5e-3);
      const level = serviceLevel(counter(servers), TEN_MINUTES);
      assert.ok(level.ok);
      close(level.serviceLevel, withinTen, 5e-5);
    });
  }

  it('c = 4: P_wait is exactly the fraction 2500/3801', () => {
    const result = erlangC(counter(4));
    assert.ok(result.ok);
    close(result.pWait, 2500 / 3801, 1e-12);
  });

  it('the smallest c with at least 80 % waiting at most 10 min is 5', () => {
    const result = smallestServers({ arrivalRate: 10, serviceRate: 3, withinTime: TEN_MINUTES, level: 0.8 });
    assert.ok(result.ok);
    assert.equal(result.servers, 5);
  });

  it('c = 3 (ρ = 1.11) is the value unstable, not an exception', () => {
    assert.deepEqual(erlangC(counter(3)), { ok: false, code: 'unstable' });
    assert.deepEqual(serviceLevel(counter(3), TEN_MINUTES), { ok: false, code: 'unstable' });
  });

  it('nonsense inputs are the value invalid', () => {
    assert.deepEqual(erlangC({ arrivalRate: 1, serviceRate: 0, servers: 2 }), { ok: false, code: 'invalid' });
    assert.deepEqual(erlangC({ arrivalRate: 1, serviceRate: 1, servers: 1.5 }), {
      ok: false,
      code: 'invalid',
    });
    assert.deepEqual(smallestServers({ arrivalRate: 1, serviceRate: 1, withinTime: 1, level: 1 }), {
      ok: false,
      code: 'invalid',
    });
  });

  it('property: P(wait) lies in [0, 1] and decreases as servers are added', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 200, noNaN: true }),
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.integer({ min: 0, max: 30 }),
        (arrivalRate, serviceRate, extra) => {
          const servers = Math.floor(arrivalRate / serviceRate) + 1 + extra;
          const now = erlangC({ arrivalRate, serviceRate, servers });
          const more = erlangC({ arrivalRate, serviceRate, servers: servers + 1 });
          assert.ok(now.ok && more.ok);
          assert.ok(now.pWait >= 0 && now.pWait <= 1);
          assert.ok(more.pWait <= now.pWait + 1e-12);
        },
      ),
      { seed, numRuns: 300 },
    );
  });
});
