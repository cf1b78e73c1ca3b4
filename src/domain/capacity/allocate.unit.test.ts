import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../calendar.ts';
import { allocate, RULE_VERSION } from './allocate.ts';
import { cascade } from './cascade.ts';
import type { AllocationRequest, AllocationSlot, PriorityClass } from './types.ts';

/** Memo § 5.9 day numbers: day d = 2026-12-01 + d. */
const day = (d: number) => addDays('2026-12-01', d);
const at = (d: number, time = '09:00') => `${day(d)}T${time}:00Z`;

const slot = (id: string, d: number, extra: Partial<AllocationSlot> = {}): AllocationSlot => ({
  id,
  start: at(d),
  day: day(d),
  reservedFor: null,
  releaseReservedAt: null,
  ...extra,
});

const request = (
  id: string,
  priorityClass: PriorityClass,
  readyDay: number,
  extra: Partial<AllocationRequest> = {},
): AllocationRequest => ({
  id,
  priorityClass,
  deadline: null,
  readyOn: day(readyDay),
  acceptsEarlierSlots: true,
  shortNoticeOk: true,
  unavailable: [],
  currentSlotId: null,
  ...extra,
});

const pairs = (run: ReturnType<typeof allocate>) => run.assignments.map((a) => [a.requestId, a.slotId]);

describe('memo test case 6: priority allocation and cancellation cascade', () => {
  const slots = [slot('S1', 8), slot('S2', 9), slot('S3', 15), slot('S4', 16), slot('S5', 22)];
  const requests = [
    request('R1', 'standard', 1),
    request('R2', 'standard', 2),
    request('R3', 'document-need', 3),
    request('R4', 'statutory-deadline', 4, { deadline: day(25) }),
    request('R5', 'standard', 5),
    request('R6', 'standard', 6),
  ];
  const run = allocate({ now: at(7, '08:00'), seed: '2026-W49', ruleVersion: RULE_VERSION, requests, slots });
  const slotsById = new Map(slots.map((s) => [s.id, s]));
  const held = (rs: readonly AllocationRequest[]) =>
    rs
      .filter((r) => r.id !== 'R1')
      .map((r) => ({
        ...r,
        currentSlotId: run.assignments.find((a) => a.requestId === r.id)?.slotId ?? null,
      }));

  const cancelS3OnDay10 = (live: readonly AllocationRequest[]) =>
    cascade({
      now: at(10),
      seed: '2026-W49',
      ruleVersion: RULE_VERSION,
      freedSlot: slotsById.get('S3') as AllocationSlot,
      requests: live,
      slotsById,
    });

  it('assigns R4→S1, R3→S2, R1→S3, R2→S4, R5→S5 and waitlists R6 at position 1', () => {
    assert.deepEqual(pairs(run), [
      ['R4', 'S1'],
      ['R3', 'S2'],
      ['R1', 'S3'],
      ['R2', 'S4'],
      ['R5', 'S5'],
    ]);
    assert.deepEqual(
      run.waitlist.map((w) => [w.requestId, w.position]),
      [['R6', 1]],
    );
    assert.deepEqual(run.alerts, []);
    assert.ok(run.assignments.every((a) => !a.late));
  });

  it('gives every assignment and waitlist entry its reason with the rule version', () => {
    const r4 = run.assignments[0];
    assert.equal(r4?.reason.ruleVersion, RULE_VERSION);
    assert.equal(r4?.reason.rank, 1);
    assert.equal(r4?.reason.priorityClass, 'statutory-deadline');
    assert.equal(r4?.reason.deadline, day(25));
    assert.equal(r4?.reason.readyOn, day(4));
    assert.match(r4?.reason.tieBreak ?? '', /^[0-9a-f]{64}$/);
    assert.equal(run.waitlist[0]?.reason.rank, 6);
  });

  it('when R1 cancels S3 on day 10 and everyone accepts earlier slots: R2→S3, R5→S4, R6→S5', () => {
    const { moves, leftOpen } = cancelS3OnDay10(held(requests));
    assert.equal(leftOpen, null);
    assert.deepEqual(moves, [
      { requestId: 'R2', from: 'S4', to: 'S3' },
      { requestId: 'R5', from: 'S5', to: 'S4' },
      { requestId: 'R6', from: null, to: 'S5' },
    ]);
  });

  it('when R2 does not accept earlier slots: R5→S3, R6→S5, and R2 keeps S4', () => {
    const variant = requests.map((r) => (r.id === 'R2' ? { ...r, acceptsEarlierSlots: false } : r));
    const { moves } = cancelS3OnDay10(held(variant));
    assert.deepEqual(moves, [
      { requestId: 'R5', from: 'S5', to: 'S3' },
      { requestId: 'R6', from: null, to: 'S5' },
    ]);
  });

  it('ignores the cancelling request if it is passed still holding the freed slot', () => {
    const withR1 = [...held(requests), { ...(requests[0] as AllocationRequest), currentSlotId: 'S3' }];
    const { moves } = cancelS3OnDay10(withR1);
    assert.deepEqual(
      moves.map((m) => m.requestId),
      ['R2', 'R5', 'R6'],
    );
  });
});

describe('memo test case 7: § 81a deadline alert', () => {
  const slots = [slot('D8', 8), slot('D15', 15), slot('D22', 22), slot('D29', 29)];
  const requests = [
    request('P1a', 'statutory-deadline', 1, { deadline: day(21) }),
    request('P1b', 'statutory-deadline', 1, { deadline: day(22) }),
    request('P1c', 'statutory-deadline', 1, { deadline: day(23) }),
    request('P1d', 'statutory-deadline', 1, { deadline: day(24) }),
    request('STD', 'standard', 0),
  ];
  const run = allocate({ now: at(3), seed: '2026-W49', ruleVersion: RULE_VERSION, requests, slots });

  it('assigns by EDF: P1a→8, P1b→15, P1c→22, P1d→29 (late) and waitlists the standard request', () => {
    assert.deepEqual(
      run.assignments.map((a) => [a.requestId, a.slotId, a.late]),
      [
        ['P1a', 'D8', false],
        ['P1b', 'D15', false],
        ['P1c', 'D22', false],
        ['P1d', 'D29', true],
      ],
    );
    assert.deepEqual(
      run.waitlist.map((w) => [w.requestId, w.position]),
      [['STD', 1]],
    );
  });

  it('raises exactly one alert: P1d, deadline 24, earliest 29, 5 days late, 1 extra slot needed', () => {
    assert.deepEqual(run.alerts, [
      {
        requestId: 'P1d',
        deadline: day(24),
        earliestPossible: day(29),
        latenessDays: 5,
        extraSlotsNeededBeforeDeadline: 1,
      },
    ]);
  });

  it('alerts a § 81a request that gets no slot at all, with no earliest day', () => {
    const more = [...requests, request('P1e', 'statutory-deadline', 1, { deadline: day(24) })];
    const again = allocate({ now: at(3), seed: 's', ruleVersion: RULE_VERSION, requests: more, slots });
    assert.deepEqual(again.alerts.at(-1), {
      requestId: 'P1e',
      deadline: day(24),
      earliestPossible: null,
      latenessDays: null,
      extraSlotsNeededBeforeDeadline: 2,
    });
    assert.deepEqual(
      again.waitlist.map((w) => w.requestId),
      ['P1e', 'STD'],
    );
  });
});

describe('allocation rules', () => {
  const now = at(0);

  it('keeps a slot reserved for § 81a from standard requests until its release, then gives it to them', () => {
    const slots = [
      slot('RES', 5, { reservedFor: 'statutory-deadline', releaseReservedAt: at(2) }),
      slot('X', 6),
    ];
    const requests = [request('A', 'standard', 0), request('E', 'emergency', 1)];
    const before = allocate({ now, seed: 's', ruleVersion: RULE_VERSION, requests, slots });
    assert.deepEqual(pairs(before), [
      ['E', 'RES'],
      ['A', 'X'],
    ]);
    const onlyStandard = allocate({
      now,
      seed: 's',
      ruleVersion: RULE_VERSION,
      requests: requests.slice(0, 1),
      slots,
    });
    assert.deepEqual(pairs(onlyStandard), [['A', 'X']]);
    const released = allocate({
      now: at(2),
      seed: 's',
      ruleVersion: RULE_VERSION,
      requests: requests.slice(0, 1),
      slots,
    });
    assert.deepEqual(pairs(released), [['A', 'RES']]);
  });

  it('never assigns a slot on a declared unavailable day', () => {
    const slots = [slot('S5', 5), slot('S6', 6)];
    const requests = [request('A', 'standard', 0, { unavailable: [day(5)] }), request('B', 'standard', 1)];
    assert.deepEqual(pairs(allocate({ now, seed: 's', ruleVersion: RULE_VERSION, requests, slots })), [
      ['A', 'S6'],
      ['B', 'S5'],
    ]);
  });

  it('gives slots less than 72 h away only to requests that accept short notice', () => {
    const slots = [slot('SOON', 2), slot('LATER', 4)];
    const requests = [request('A', 'standard', 0, { shortNoticeOk: false }), request('B', 'standard', 1)];
    assert.deepEqual(pairs(allocate({ now, seed: 's', ruleVersion: RULE_VERSION, requests, slots })), [
      ['A', 'LATER'],
      ['B', 'SOON'],
    ]);
    const alone = allocate({
      now,
      seed: 's',
      ruleVersion: RULE_VERSION,
      requests: requests.slice(0, 1),
      slots: slots.slice(0, 1),
    });
    assert.deepEqual(
      alone.waitlist.map((w) => w.requestId),
      ['A'],
    );
  });

  it('never assigns a slot that has already begun', () => {
    const run = allocate({
      now: at(3),
      seed: 's',
      ruleVersion: RULE_VERSION,
      requests: [request('A', 'standard', 0)],
      slots: [slot('PAST', 2)],
    });
    assert.deepEqual(run.assignments, []);
  });

  it('leaves out a slot whose start cannot be read', () => {
    const slots = [slot('BROKEN', 5, { start: 'soon' }), slot('OK', 6)];
    const run = allocate({
      now,
      seed: 's',
      ruleVersion: RULE_VERSION,
      requests: [request('A', 'standard', 0)],
      slots,
    });
    assert.deepEqual(pairs(run), [['A', 'OK']]);
  });

  it('replays: identical input gives identical input and output hashes; another seed changes the input hash', () => {
    const slots = [slot('S1', 5), slot('S2', 6)];
    const requests = [request('A', 'standard', 0), request('B', 'standard', 0), request('C', 'standard', 0)];
    const a = allocate({ now, seed: '2026-W49', ruleVersion: RULE_VERSION, requests, slots });
    const b = allocate({
      now,
      seed: '2026-W49',
      ruleVersion: RULE_VERSION,
      requests: [...requests],
      slots: [...slots],
    });
    assert.equal(a.outputHash, b.outputHash);
    assert.equal(a.inputHash, b.inputHash);
    assert.match(a.inputHash, /^[0-9a-f]{64}$/);
    const c = allocate({ now, seed: '2026-W50', ruleVersion: RULE_VERSION, requests, slots });
    assert.notEqual(c.inputHash, a.inputHash);
    assert.equal(a.seed, '2026-W49');
    assert.equal(a.ruleVersion, RULE_VERSION);
  });
});
