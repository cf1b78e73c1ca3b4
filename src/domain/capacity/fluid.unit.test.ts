import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  backlogPath,
  drainWeek,
  newcomerWait,
  serviceOffset,
  steadyState,
  trendOf,
  valueAt,
} from './fluid.ts';

const seed = 20261206;

describe('fluid backlog model (memo §3.2)', () => {
  it('test case 1: B0 100, A 50, C 40 grows the backlog by 10 a week to B[10] = 200', () => {
    const { backlog } = backlogPath({ initialBacklog: 100, arrivals: 50, capacity: 40 }, 10);
    assert.deepEqual(backlog, [100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200]);
  });

  it('test case 1: the first arrival of week 10 has position 201 and is served at offset 5', () => {
    assert.deepEqual(newcomerWait({ initialBacklog: 100, arrivals: 50, capacity: 40 }, 10), {
      backlogAhead: 200,
      position: 201,
      offsetWeeks: 5,
    });
  });

  it('test case 1: with C = 45 from week 10 the same newcomer is served at offset 4', () => {
    const capacity = [...Array(10).fill(40), 45];
    assert.deepEqual(newcomerWait({ initialBacklog: 100, arrivals: 50, capacity }, 10), {
      backlogAhead: 200,
      position: 201,
      offsetWeeks: 4,
    });
  });

  it('test case 2: B0 300, λ 30, C 40 leaves B[29] = 10 and first empties in week 30', () => {
    const input = { initialBacklog: 300, arrivals: 30, capacity: 40 };
    const { backlog } = backlogPath(input, 30);
    assert.equal(backlog[29], 10);
    assert.equal(backlog[30], 0);
    assert.equal(drainWeek(input, 100), 30);
    assert.equal(steadyState(300, 30, 40).drainWeeks, 30);
    assert.equal(steadyState(300, 30, 40).trend, 'shrinking');
  });

  it('test case 2: λ = C = 40 keeps B at 300, the wait at 7.5 weeks and the trend flat', () => {
    const { backlog } = backlogPath({ initialBacklog: 300, arrivals: 40, capacity: 40 }, 52);
    assert.ok(backlog.every((b) => b === 300));
    assert.deepEqual(steadyState(300, 40, 40), {
      trend: 'flat',
      currentWaitWeeks: 7.5,
      steadyStateWaitWeeks: 7.5,
      drainWeeks: null,
    });
  });

  it('test case 2: λ 45 grows B[t] = 300 + 5t, trend growing, and no finite steady-state wait', () => {
    const input = { initialBacklog: 300, arrivals: 45, capacity: 40 };
    const { backlog } = backlogPath(input, 52);
    assert.deepEqual(
      backlog,
      backlog.map((_, t) => 300 + 5 * t),
    );
    const state = steadyState(300, 45, 40);
    assert.equal(state.trend, 'growing');
    assert.equal(state.steadyStateWaitWeeks, null);
    assert.equal(state.drainWeeks, null);
    assert.equal(drainWeek(input, 520), null);
  });

  it('a constant capacity gives k = ceil(p / C) − 1, and zero capacity never serves', () => {
    assert.equal(serviceOffset(40, 40), 0);
    assert.equal(serviceOffset(41, 40), 1);
    assert.equal(serviceOffset(0, 40), 0);
    assert.equal(serviceOffset(10, [5, 0]), null);
    assert.equal(serviceOffset(10, [5, 0, 5]), 2);
  });

  it('a series shorter than the horizon repeats its last value', () => {
    assert.equal(valueAt([1, 2, 3], 10), 3);
    assert.equal(valueAt(7, 10), 7);
    assert.equal(valueAt([], 3), 0);
  });

  it('the trend tolerance widens "flat" relative to capacity', () => {
    assert.equal(trendOf(41, 40), 'growing');
    assert.equal(trendOf(41, 40, 0.05), 'flat');
    assert.equal(trendOf(37, 40, 0.05), 'shrinking');
  });

  it('property: the backlog is never negative and work is conserved (B0 + ΣA − Σserved = B_T)', () => {
    const weekly = fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), weekly, weekly, (b0, arrivals, capacity) => {
        const weeks = arrivals.length;
        const { backlog, served } = backlogPath({ initialBacklog: b0, arrivals, capacity }, weeks);
        assert.ok(backlog.every((b) => b >= 0));
        const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
        assert.equal(b0 + sum(arrivals) - sum(served), backlog[weeks]);
      }),
      { seed, numRuns: 300 },
    );
  });

  it('property: the constant-capacity offset is the smallest k with (k + 1)·C ≥ p', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10000 }), fc.integer({ min: 1, max: 300 }), (p, c) => {
        const k = serviceOffset(p, c);
        assert.equal(k, serviceOffset(p, Array(400).fill(c)));
        assert.ok(k !== null && (k + 1) * c >= p && k * c < p);
      }),
      { seed, numRuns: 300 },
    );
  });
});
