import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rankRequests, tieBreak } from './ranking.ts';
import type { AllocationRequest, PriorityClass } from './types.ts';

const request = (
  id: string,
  priorityClass: PriorityClass,
  readyOn: string,
  deadline: string | null = null,
): AllocationRequest => ({
  id,
  priorityClass,
  deadline,
  readyOn,
  acceptsEarlierSlots: true,
  shortNoticeOk: true,
  unavailable: [],
  currentSlotId: null,
});

const order = (requests: readonly AllocationRequest[], seed = '2026-W49') =>
  rankRequests(requests, seed, 'rank-test').map((r) => r.request.id);

describe('the published rank key (memo § 5.3)', () => {
  it('puts classes first: emergency, statutory deadline, document need, standard', () => {
    const requests = [
      request('std', 'standard', '2026-01-01'),
      request('doc', 'document-need', '2026-06-01'),
      request('p1', 'statutory-deadline', '2026-09-01', '2026-12-31'),
      request('p0', 'emergency', '2026-11-01'),
    ];
    assert.deepEqual(order(requests), ['p0', 'p1', 'doc', 'std']);
  });

  it('orders by earliest deadline inside a class, requests without a deadline last', () => {
    const requests = [
      request('none', 'statutory-deadline', '2026-01-01'),
      request('late', 'statutory-deadline', '2026-01-01', '2026-12-24'),
      request('soon', 'statutory-deadline', '2026-11-30', '2026-12-21'),
    ];
    assert.deepEqual(order(requests), ['soon', 'late', 'none']);
  });

  it('then by the day the file became complete (FIFO), then by the seeded hash', () => {
    const requests = [request('b', 'standard', '2026-11-02'), request('a', 'standard', '2026-11-01')];
    assert.deepEqual(order(requests), ['a', 'b']);
    const tied = ['x', 'y', 'z', 'w'].map((id) => request(id, 'standard', '2026-11-01'));
    const byHash = [...tied].sort((p, q) =>
      tieBreak('2026-W49', p.id) < tieBreak('2026-W49', q.id) ? -1 : 1,
    );
    assert.deepEqual(
      order(tied),
      byHash.map((r) => r.id),
    );
  });

  it('does not depend on the input order, and a new seed reshuffles ties only', () => {
    const tied = Array.from({ length: 12 }, (_, i) => request(`r${i}`, 'standard', '2026-11-01'));
    assert.deepEqual(order(tied), order([...tied].reverse()));
    assert.notDeepEqual(order(tied, '2026-W49'), order(tied, '2026-W50'));
  });

  it('states its reason: 1-based rank, class, deadline, ready day, tie-break hash and rule version', () => {
    const [first] = rankRequests(
      [request('a', 'statutory-deadline', '2026-11-01', '2026-12-21')],
      's',
      'rank-test',
    );
    assert.deepEqual(first?.reason, {
      ruleVersion: 'rank-test',
      rank: 1,
      priorityClass: 'statutory-deadline',
      deadline: '2026-12-21',
      readyOn: '2026-11-01',
      tieBreak: tieBreak('s', 'a'),
    });
  });

  it('ranks a request under the no-show rule after the others of its class, never before a higher class', () => {
    const requests = [
      { ...request('penalised', 'document-need', '2026-10-01'), deprioritised: true },
      request('later', 'document-need', '2026-11-20'),
      request('std', 'standard', '2026-01-01'),
    ];
    assert.deepEqual(order(requests), ['later', 'penalised', 'std']);
    const reasons = rankRequests(requests, 's', 'rank-test').map((r) => r.reason.deprioritised);
    assert.deepEqual(reasons, [undefined, true, undefined]);
  });

  it('keeps seed and id apart in the tie-break hash', () => {
    assert.notEqual(tieBreak('a|', 'b'), tieBreak('a', '|b'));
    assert.match(tieBreak('2026-W49', 'r1'), /^[0-9a-f]{64}$/);
  });
});
