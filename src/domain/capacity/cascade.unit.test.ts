import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays } from '../calendar.ts';
import { instantMs, isCompatible, RULE_VERSION } from './allocate.ts';
import { cascade } from './cascade.ts';
import type { AllocationRequest, AllocationSlot } from './types.ts';

const day = (d: number) => addDays('2026-12-01', d);
const at = (d: number, hour = 9) => `${day(d)}T${String(hour).padStart(2, '0')}:00:00Z`;
const slot = (id: string, d: number, hour = 9): AllocationSlot => ({
  id,
  start: at(d, hour),
  day: day(d),
  reservedFor: null,
  releaseReservedAt: null,
});
const request = (
  id: string,
  readyDay: number,
  extra: Partial<AllocationRequest> = {},
): AllocationRequest => ({
  id,
  priorityClass: 'standard',
  deadline: null,
  readyOn: day(readyDay),
  acceptsEarlierSlots: true,
  shortNoticeOk: true,
  unavailable: [],
  currentSlotId: null,
  ...extra,
});
const run = (
  now: string,
  freedSlot: AllocationSlot,
  requests: AllocationRequest[],
  slots: AllocationSlot[],
) =>
  cascade({
    now,
    seed: 'w',
    ruleVersion: RULE_VERSION,
    freedSlot,
    requests,
    slotsById: new Map(slots.map((s) => [s.id, s])),
  });

describe('cancellation cascade (memo § 5.3)', () => {
  it('inside 48 h offers the freed slot only to requests that accept short notice', () => {
    const freed = slot('F', 2);
    const requests = [request('A', 0, { shortNoticeOk: false }), request('B', 1)];
    assert.deepEqual(run(at(1), freed, requests, [freed]).moves, [{ requestId: 'B', from: null, to: 'F' }]);
  });

  it('keeps a slot reserved for § 81a from a standard request until its release', () => {
    const freed = { ...slot('F', 10), reservedFor: 'statutory-deadline' as const, releaseReservedAt: at(7) };
    const requests = [request('A', 0)];
    assert.deepEqual(run(at(5), freed, requests, [freed]), { moves: [], leftOpen: 'F' });
    assert.deepEqual(run(at(7), freed, requests, [freed]).moves, [{ requestId: 'A', from: null, to: 'F' }]);
  });

  it('leaves open the last slot nobody can take earlier', () => {
    const slots = [slot('F', 10), slot('L', 20)];
    const requests = [request('A', 0, { currentSlotId: 'L' })];
    assert.deepEqual(run(at(5), slots[0] as AllocationSlot, requests, slots), {
      moves: [{ requestId: 'A', from: 'L', to: 'F' }],
      leftOpen: 'L',
    });
  });

  it('on random bookings: every move is compatible, brings its request strictly earlier and frees the next slot', () => {
    const arb = fc.record({
      days: fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 12 }),
      people: fc.array(
        fc.record({
          holds: fc.option(fc.nat(), { nil: null }),
          readyDay: fc.integer({ min: -5, max: 0 }),
          accepts: fc.boolean(),
          shortNoticeOk: fc.boolean(),
          unavailable: fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 3 }),
        }),
        { maxLength: 12 },
      ),
      freedIndex: fc.nat(),
    });
    fc.assert(
      fc.property(arb, ({ days, people, freedIndex }) => {
        const slots = days.map((d, i) => slot(`S${i}`, d));
        const freed = slots[freedIndex % slots.length] as AllocationSlot;
        const taken = new Set<string>([freed.id]);
        const requests = people.map((p, i) => {
          const wanted = p.holds === null ? undefined : slots[p.holds % slots.length];
          const holds = wanted !== undefined && !taken.has(wanted.id) ? wanted.id : null;
          if (holds !== null) taken.add(holds);
          return request(`R${i}`, p.readyDay, {
            acceptsEarlierSlots: p.accepts,
            shortNoticeOk: p.shortNoticeOk,
            unavailable: p.unavailable.map(day),
            currentSlotId: holds,
          });
        });
        const now = at(0, 8);
        const byId = new Map(slots.map((s) => [s.id, s]));
        const { moves, leftOpen } = run(now, freed, requests, slots);
        const holding = new Map(requests.map((r) => [r.id, r.currentSlotId]));
        let expectedTo: string | null = freed.id;
        for (const move of moves) {
          assert.equal(move.to, expectedTo);
          const r = requests.find((q) => q.id === move.requestId) as AllocationRequest;
          const to = byId.get(move.to) as AllocationSlot;
          assert.ok(isCompatible(r, to, instantMs(now)));
          assert.equal(move.from, holding.get(r.id));
          if (move.from !== null) {
            assert.ok(r.acceptsEarlierSlots);
            assert.ok(instantMs((byId.get(move.from) as AllocationSlot).start) > instantMs(to.start));
          }
          holding.set(r.id, move.to);
          expectedTo = move.from;
        }
        assert.equal(leftOpen, expectedTo);
        const held = [...holding.values()].filter((s) => s !== null);
        assert.equal(new Set(held).size, held.length);
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });
});
