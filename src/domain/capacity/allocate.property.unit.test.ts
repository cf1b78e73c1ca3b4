import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays } from '../calendar.ts';
import { allocate, instantMs, isCompatible, RULE_VERSION } from './allocate.ts';
import {
  type AllocationInput,
  type AllocationRequest,
  type AllocationRun,
  type AllocationSlot,
  PRIORITY_CLASSES,
} from './types.ts';

const day = (d: number) => addDays('2026-12-01', d);
const NOW = `${day(0)}T08:00:00Z`;
const RUNS = { seed: 20261206, numRuns: 400 };

const slotArb = fc.record({
  d: fc.integer({ min: 0, max: 30 }),
  hour: fc.integer({ min: 7, max: 16 }),
  reservedFor: fc.option(fc.constantFrom(...PRIORITY_CLASSES), { nil: null, freq: 3 }),
  releaseDay: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
});

const requestArb = (withUnavailable: boolean) =>
  fc.record({
    priorityClass: fc.constantFrom(...PRIORITY_CLASSES),
    deadline: fc.integer({ min: 3, max: 35 }),
    readyDay: fc.integer({ min: -10, max: 0 }),
    acceptsEarlierSlots: fc.boolean(),
    shortNoticeOk: fc.boolean(),
    unavailable: withUnavailable
      ? fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 4 })
      : fc.constant<number[]>([]),
  });

const inputArb = (withUnavailable: boolean) =>
  fc
    .record({
      slots: fc.array(slotArb, { maxLength: 16 }),
      requests: fc.array(requestArb(withUnavailable), { maxLength: 16 }),
      seed: fc.string({ maxLength: 6 }),
    })
    .map(
      ({ slots, requests, seed }): AllocationInput => ({
        now: NOW,
        seed,
        ruleVersion: RULE_VERSION,
        slots: slots.map(
          (s, i): AllocationSlot => ({
            id: `S${i}`,
            start: `${day(s.d)}T${String(s.hour).padStart(2, '0')}:00:00Z`,
            day: day(s.d),
            reservedFor: s.reservedFor,
            releaseReservedAt: s.releaseDay === null ? null : `${day(s.releaseDay)}T00:00:00Z`,
          }),
        ),
        requests: requests.map(
          (r, i): AllocationRequest => ({
            id: `R${i}`,
            priorityClass: r.priorityClass,
            deadline: r.priorityClass === 'statutory-deadline' ? day(r.deadline) : null,
            readyOn: day(r.readyDay),
            acceptsEarlierSlots: r.acceptsEarlierSlots,
            shortNoticeOk: r.shortNoticeOk,
            unavailable: r.unavailable.map(day),
            currentSlotId: null,
          }),
        ),
      }),
    );

function lookups(input: AllocationInput, run: AllocationRun) {
  const slotById = new Map(input.slots.map((s) => [s.id, s]));
  const requestById = new Map(input.requests.map((r) => [r.id, r]));
  const slotOf = new Map(run.assignments.map((a) => [a.requestId, slotById.get(a.slotId) as AllocationSlot]));
  return { slotById, requestById, slotOf };
}

/** Is there an assignment giving every request its own compatible slot on or before its deadline? (Kuhn.) */
function feasible(
  requests: readonly AllocationRequest[],
  slots: readonly AllocationSlot[],
  nowMs: number,
): boolean {
  const holder = new Map<string, string>();
  const byId = new Map(requests.map((r) => [r.id, r]));
  const fits = (r: AllocationRequest, s: AllocationSlot) =>
    r.deadline !== null && s.day <= r.deadline && isCompatible(r, s, nowMs);
  const augment = (r: AllocationRequest, seen: Set<string>): boolean => {
    for (const s of slots) {
      if (seen.has(s.id) || !fits(r, s)) continue;
      seen.add(s.id);
      const other = holder.get(s.id);
      if (other === undefined || augment(byId.get(other) as AllocationRequest, seen)) {
        holder.set(s.id, r.id);
        return true;
      }
    }
    return false;
  };
  return requests.every((r) => augment(r, new Set()));
}

describe('allocation invariants (memo G6) on random calendars', () => {
  it('assigns each slot and each request at most once, only compatibly, and gives every entry its reason', () => {
    fc.assert(
      fc.property(inputArb(true), (input) => {
        const run = allocate(input);
        const { requestById, slotOf } = lookups(input, run);
        const nowMs = instantMs(input.now);
        assert.equal(new Set(run.assignments.map((a) => a.slotId)).size, run.assignments.length);
        const placed = [...run.assignments.map((a) => a.requestId), ...run.waitlist.map((w) => w.requestId)];
        assert.deepEqual([...placed].sort(), input.requests.map((r) => r.id).sort());
        for (const a of run.assignments) {
          assert.ok(
            isCompatible(
              requestById.get(a.requestId) as AllocationRequest,
              slotOf.get(a.requestId) as AllocationSlot,
              nowMs,
            ),
          );
        }
        for (const { reason } of [...run.assignments, ...run.waitlist])
          assert.equal(reason.ruleVersion, RULE_VERSION);
        assert.deepEqual(
          run.waitlist.map((w) => w.position),
          run.waitlist.map((_, i) => i + 1),
        );
      }),
      RUNS,
    );
  });

  it('inside a class, a better-ranked request never gets a later slot than one it could have used', () => {
    fc.assert(
      fc.property(inputArb(true), (input) => {
        const run = allocate(input);
        const { requestById, slotOf } = lookups(input, run);
        const nowMs = instantMs(input.now);
        const entries = [...run.assignments, ...run.waitlist].sort((x, y) => x.reason.rank - y.reason.rank);
        for (const better of entries) {
          for (const worse of entries) {
            if (worse.reason.rank <= better.reason.rank) continue;
            if (worse.reason.priorityClass !== better.reason.priorityClass) continue;
            const theirs = slotOf.get(worse.requestId);
            if (theirs === undefined) continue;
            const mine = slotOf.get(better.requestId);
            const earlier = mine === undefined || instantMs(theirs.start) < instantMs(mine.start);
            const request = requestById.get(better.requestId) as AllocationRequest;
            if (earlier && request.acceptsEarlierSlots)
              assert.equal(isCompatible(request, theirs, nowMs), false);
          }
        }
      }),
      RUNS,
    );
  });

  it('replays: the same input gives the same output hash', () => {
    fc.assert(
      fc.property(inputArb(true), (input) => {
        assert.equal(allocate(input).outputHash, allocate(structuredClone(input)).outputHash);
      }),
      { ...RUNS, numRuns: 100 },
    );
  });
});

describe('§ 81a deadlines (memo G3) on random calendars', () => {
  it('alerts every request that misses its deadline or gets no slot, and only those: no silent breach', () => {
    fc.assert(
      fc.property(inputArb(true), (input) => {
        const run = allocate(input);
        const { requestById, slotOf } = lookups(input, run);
        const missed = input.requests
          .filter((r) => r.deadline !== null)
          .filter((r) => {
            const s = slotOf.get(r.id);
            return s === undefined || s.day > (r.deadline as string);
          })
          .map((r) => r.id);
        assert.deepEqual(run.alerts.map((a) => a.requestId).sort(), missed.sort());
        for (const a of run.assignments) {
          const r = requestById.get(a.requestId) as AllocationRequest;
          assert.equal(
            a.late,
            r.deadline !== null && (slotOf.get(a.requestId) as AllocationSlot).day > r.deadline,
          );
        }
        for (const alert of run.alerts) assert.ok(alert.extraSlotsNeededBeforeDeadline >= 1);
      }),
      RUNS,
    );
  });

  it('puts every § 81a request on time whenever the slots left by emergencies allow it', () => {
    fc.assert(
      fc.property(inputArb(false), (input) => {
        const run = allocate(input);
        const { slotOf } = lookups(input, run);
        const takenByEmergencies = new Set(
          input.requests.filter((r) => r.priorityClass === 'emergency').map((r) => slotOf.get(r.id)?.id),
        );
        const left = input.slots.filter((s) => !takenByEmergencies.has(s.id));
        const statutory = input.requests.filter((r) => r.priorityClass === 'statutory-deadline');
        if (feasible(statutory, left, instantMs(input.now))) assert.deepEqual(run.alerts, []);
        else assert.ok(run.alerts.length > 0);
      }),
      RUNS,
    );
  });
});
