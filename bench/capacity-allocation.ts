// Capacity allocation benchmark (memo § 5.8 G2): one allocate() run for 10 000 ready requests × 5 000 open slots
// over 8 weeks, target < 1 s on one core, and replay (two runs on the same input give the same output hash).
// A second scenario overloads § 81a (every statutory request late), which exercises the deadline alerts.

import { addDays } from '../src/domain/calendar.ts';
import { allocate, RULE_VERSION } from '../src/domain/capacity/allocate.ts';
import {
  type AllocationInput,
  type AllocationRequest,
  type AllocationSlot,
  PRIORITY_CLASSES,
  type PriorityClass,
} from '../src/domain/capacity/types.ts';
import { createRandom } from '../src/domain/law/generate.ts';

const RUNS = 5;
const TODAY = '2026-12-07';

function report(name: string, figures: object) {
  process.stdout.write(`BENCH ${JSON.stringify({ name, ...figures })}\n`);
}

/** Synthetic office: slots on weekdays 08:00–15:40 over `weeks`, 10 % reserved for § 81a until 72 h before. */
function syntheticInput(
  requestCount: number,
  slotCount: number,
  statutoryShare: number,
  weeks: number,
): AllocationInput {
  const r = createRandom(20261206);
  const slots: AllocationSlot[] = [];
  for (let i = 0; i < slotCount; i++) {
    const day = addDays(TODAY, 1 + r.int(0, weeks * 7 - 1));
    const minutes = 8 * 60 + 20 * r.int(0, 23);
    const start = `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00Z`;
    const reserved = r.chance(0.1);
    slots.push({
      id: `slot-${i}`,
      start,
      day,
      reservedFor: reserved ? 'statutory-deadline' : null,
      releaseReservedAt: reserved ? `${addDays(day, -3)}T${start.slice(11)}` : null,
    });
  }
  const requests: AllocationRequest[] = [];
  for (let i = 0; i < requestCount; i++) {
    const roll = r.next();
    const priorityClass: PriorityClass =
      roll < 0.02
        ? 'emergency'
        : roll < 0.02 + statutoryShare
          ? 'statutory-deadline'
          : r.pick(PRIORITY_CLASSES.slice(2));
    const readyOn = addDays(TODAY, -r.int(0, 120));
    requests.push({
      id: `req-${i}`,
      priorityClass,
      deadline: priorityClass === 'statutory-deadline' ? addDays(TODAY, r.int(2, 21)) : null,
      readyOn,
      acceptsEarlierSlots: r.chance(0.8),
      shortNoticeOk: r.chance(0.5),
      unavailable: r.chance(0.2) ? [addDays(TODAY, r.int(1, 20)), addDays(TODAY, r.int(1, 20))] : [],
      currentSlotId: null,
    });
  }
  return { now: `${TODAY}T06:00:00Z`, seed: '2026-W50', ruleVersion: RULE_VERSION, requests, slots };
}

function measure(name: string, input: AllocationInput) {
  const times: number[] = [];
  const hashes = new Set<string>();
  let last = allocate(input); // warm-up
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    last = allocate(input);
    times.push(performance.now() - t0);
    hashes.add(last.outputHash);
  }
  times.sort((a, b) => a - b);
  report(name, {
    requests: input.requests.length,
    slots: input.slots.length,
    runs: RUNS,
    medianMs: Math.round((times[Math.floor(RUNS / 2)] as number) * 10) / 10,
    maxMs: Math.round((times[RUNS - 1] as number) * 10) / 10,
    targetMs: 1000,
    sameOutputHash: hashes.size === 1,
    assigned: last.assignments.length,
    waitlisted: last.waitlist.length,
    alerts: last.alerts.length,
  });
}

export async function capacityAllocationBenchmark() {
  measure('capacity.allocate-10k-requests-5k-slots', syntheticInput(10_000, 5_000, 0.1, 8));
  measure('capacity.allocate-10k-requests-5k-slots-81a-overload', syntheticInput(10_000, 5_000, 0.6, 8));
}
