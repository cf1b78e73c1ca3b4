/**
 * The batch allocation run of the allocated queue (memo § 5.3, steps 2–4 and 6; goals G2, G3, G6).
 *
 * Requests are taken in published rank order (ranking.ts); each gets the EARLIEST compatible open slot:
 * - reserved slots only for eligible classes (a slot reserved for class X serves X and higher classes until
 *   `releaseReservedAt`, then everyone);
 * - never on a day the applicant declared unavailable;
 * - slots less than 72 h after `now` only for requests with `shortNoticeOk`.
 * A request with a deadline (§ 81a) that finds no slot on or before it still gets the earliest slot (`late`) and a
 * `DeadlineAlert` is raised; no slot at all puts it on the waitlist and raises the alert too. Never silent.
 * The run records its rule version, seed and input hash; identical input gives an identical output hash (replay).
 *
 * Efficiency: one sort of the slots, and per reservation pool a "next free slot" union-find over the sorted
 * slots, so a request finds its earliest free slot in near-constant time instead of scanning all slots.
 * Request ids and slot ids are expected unique; a repeated id is ignored after its first occurrence. Requests
 * are taken as needing a slot: `currentSlotId` is the cascade's business (cascade.ts), not the batch run's.
 */
import { createHash } from 'node:crypto';
import { daysBetween } from '../calendar.ts';
import { canonicalJson } from '../recognition/record.ts';
import { rankRequests } from './ranking.ts';
import {
  type AllocationInput,
  type AllocationRequest,
  type AllocationRun,
  type AllocationSlot,
  type Assignment,
  classRank,
  type DeadlineAlert,
  PRIORITY_CLASSES,
  type WaitlistEntry,
} from './types.ts';

/** The published version of the ranking and allocation rule; stored with every run and every reason. */
export const RULE_VERSION = 'rank-2026-12b';

/** Policy: a slot less than this many hours after the run needs the applicant's `shortNoticeOk` (memo § 5.3). */
export const SHORT_NOTICE_HOURS = 72;

const HOUR_MS = 3_600_000;

/** Reservation level of a slot anyone may use (one past the lowest class rank). */
export const OPEN_TO_ALL = PRIORITY_CLASSES.length;

/** Milliseconds of an ISO date-time; a date-time without offset is read as UTC (never the machine's zone). */
export function instantMs(iso: string): number {
  const hasZone = iso.length <= 10 || /(?:Z|[+-]\d\d:?\d\d)$/i.test(iso);
  return Date.parse(hasZone ? iso : `${iso}Z`);
}

/**
 * The lowest-priority class rank that may use the slot at `nowMs`: the rank of the class it is reserved for, or
 * {@link OPEN_TO_ALL} when it is not reserved or its reservation has been released.
 */
export function reservationLevel(slot: AllocationSlot, nowMs: number): number {
  if (slot.reservedFor === null) return OPEN_TO_ALL;
  if (slot.releaseReservedAt !== null && nowMs >= instantMs(slot.releaseReservedAt)) return OPEN_TO_ALL;
  return classRank(slot.reservedFor);
}

/** Whether the slot's reservation lets this request's class use it at `nowMs`. */
export function reservationAllows(slot: AllocationSlot, request: AllocationRequest, nowMs: number): boolean {
  return classRank(request.priorityClass) <= reservationLevel(slot, nowMs);
}

/** Whether the request may be given this slot at `nowMs` (memo § 5.3 step 3). */
export function isCompatible(request: AllocationRequest, slot: AllocationSlot, nowMs: number): boolean {
  const startMs = instantMs(slot.start);
  if (!(startMs > nowMs)) return false;
  if (!request.shortNoticeOk && startMs - nowMs < SHORT_NOTICE_HOURS * HOUR_MS) return false;
  if (request.unavailable.includes(slot.day)) return false;
  return reservationAllows(slot, request, nowMs);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function firstById<T extends { readonly id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && seen.add(item.id) !== undefined);
}

/**
 * Slots of one reservation pool in start order, with a union-find "next free index" (path halving).
 * Pool 0..3: reserved for that class rank (usable by classes of equal or higher priority); pool 4: open to all.
 */
type Pool = { order: number[]; startMs: number[]; next: Int32Array; fromShort: number; fromNotice: number };

function buildPool(order: number[], startMs: readonly number[], nowMs: number): Pool {
  const starts = order.map((i) => startMs[i] as number);
  const lowerBound = (predicate: (ms: number) => boolean) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (predicate(starts[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const next = new Int32Array(order.length + 1);
  for (let i = 0; i <= order.length; i++) next[i] = i;
  return {
    order,
    startMs: starts,
    next,
    fromShort: lowerBound((ms) => ms > nowMs),
    fromNotice: lowerBound((ms) => ms - nowMs >= SHORT_NOTICE_HOURS * HOUR_MS),
  };
}

function findFree(pool: Pool, from: number): number {
  let i = from;
  while (pool.next[i] !== i) {
    const parent = pool.next[i] as number;
    pool.next[i] = pool.next[parent] as number;
    i = parent;
  }
  return i;
}

/** The earliest free slot (global order index) of the pool usable by the request, or -1. */
function earliestInPool(pool: Pool, request: AllocationRequest, days: readonly string[]): number {
  const end = pool.order.length;
  let i = findFree(pool, request.shortNoticeOk ? pool.fromShort : pool.fromNotice);
  while (i < end && request.unavailable.includes(days[pool.order[i] as number] as string))
    i = findFree(pool, i + 1);
  return i < end ? (pool.order[i] as number) : -1;
}

export function allocate(input: AllocationInput): AllocationRun {
  const inputHash = sha256(canonicalJson(input));
  const nowMs = instantMs(input.now);
  // A slot whose start cannot be read cannot be ordered or offered: it is left out.
  const slots = firstById(input.slots).filter((s) => Number.isFinite(instantMs(s.start)));
  const startMs = slots.map((s) => instantMs(s.start));
  const sorted = slots.map((_, i) => i);
  sorted.sort((a, b) => (startMs[a] as number) - (startMs[b] as number) || compareIds(slots, a, b));
  // From here on, a slot is named by its position in start order.
  const bySlot = sorted.map((i) => slots[i] as AllocationSlot);
  const startSorted = sorted.map((i) => startMs[i] as number);
  const days = bySlot.map((s) => s.day);
  const poolMembers: number[][] = Array.from({ length: OPEN_TO_ALL + 1 }, () => []);
  const poolOf = bySlot.map((slot, k) => {
    const pool = reservationLevel(slot, nowMs);
    (poolMembers[pool] as number[]).push(k);
    return pool;
  });
  const pools = poolMembers.map((order) => buildPool(order, startSorted, nowMs));
  const positionInPool = new Int32Array(bySlot.length);
  for (const pool of pools) {
    for (let p = 0; p < pool.order.length; p++) positionInPool[pool.order[p] as number] = p;
  }

  const ranked = rankRequests(firstById(input.requests), input.seed, input.ruleVersion);
  const takenByClass = new Int8Array(bySlot.length).fill(-1);
  const assignments: Assignment[] = [];
  const waitlist: WaitlistEntry[] = [];
  const alerts: DeadlineAlert[] = [];
  const seenInClass = [0, 0, 0, 0];
  const supplyView: Supply = { days, startMs: startSorted, poolOf, takenByClass, nowMs, cache: new Map() };

  for (const { request, reason } of ranked) {
    const cls = classRank(request.priorityClass);
    const demand = (seenInClass[cls] as number) + 1;
    seenInClass[cls] = demand;
    let best = -1;
    for (let p = cls; p <= OPEN_TO_ALL; p++) {
      const k = earliestInPool(pools[p] as Pool, request, days);
      if (k >= 0 && (best < 0 || k < best)) best = k;
    }
    const slot = best >= 0 ? bySlot[best] : undefined;
    if (slot !== undefined) {
      const pool = pools[poolOf[best] as number] as Pool;
      pool.next[positionInPool[best] as number] = (positionInPool[best] as number) + 1;
      takenByClass[best] = cls;
    }
    const late = slot !== undefined && request.deadline !== null && slot.day > request.deadline;
    if (slot !== undefined) assignments.push({ requestId: request.id, slotId: slot.id, reason, late });
    else waitlist.push({ requestId: request.id, position: waitlist.length + 1, reason });
    if (request.deadline !== null && (slot === undefined || late)) {
      const supply = usableBefore(supplyView, request, request.deadline, cls);
      alerts.push({
        requestId: request.id,
        deadline: request.deadline,
        earliestPossible: slot?.day ?? null,
        latenessDays: slot === undefined ? null : daysBetween(request.deadline, slot.day),
        extraSlotsNeededBeforeDeadline: Math.max(1, demand - supply),
      });
    }
  }

  const output = {
    ruleVersion: input.ruleVersion,
    seed: input.seed,
    inputHash,
    assignments,
    waitlist,
    alerts,
  };
  return { ...output, outputHash: sha256(canonicalJson(output)) };
}

function compareIds(slots: readonly AllocationSlot[], a: number, b: number): number {
  const x = (slots[a] as AllocationSlot).id;
  const y = (slots[b] as AllocationSlot).id;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The sorted slots as seen by the deadline check, and a cache of supplies shared inside a class. */
type Supply = {
  readonly days: readonly string[];
  readonly startMs: readonly number[];
  readonly poolOf: readonly number[];
  readonly takenByClass: Int8Array;
  readonly nowMs: number;
  readonly cache: Map<string, number>;
};

/**
 * Slots on or before the request's deadline that it could use and that no higher class took: the supply its
 * class competes for. Demand (this request and the ones ranked before it in its class, all with deadlines on or
 * before its own, by EDF) minus this supply is the number of extra slots it needs to be on time. Higher classes
 * are all placed before a class starts, so requests of one class without unavailable days share the answer.
 */
function usableBefore(supply: Supply, request: AllocationRequest, deadline: string, cls: number): number {
  const shared = request.unavailable.length === 0;
  const key = `${cls}|${deadline}|${request.shortNoticeOk}`;
  const cached = shared ? supply.cache.get(key) : undefined;
  if (cached !== undefined) return cached;
  const from = supply.nowMs + (request.shortNoticeOk ? 0 : SHORT_NOTICE_HOURS * HOUR_MS);
  let count = 0;
  for (let k = 0; k < supply.days.length; k++) {
    const day = supply.days[k] as string;
    const taker = supply.takenByClass[k] as number;
    const start = supply.startMs[k] as number;
    if (day > deadline || (taker >= 0 && taker < cls) || start <= supply.nowMs || start < from) continue;
    if ((supply.poolOf[k] as number) < cls || (!shared && request.unavailable.includes(day))) continue;
    count++;
  }
  if (shared) supply.cache.set(key, count);
  return count;
}
