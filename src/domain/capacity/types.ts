/**
 * Types of the appointment allocation core (issue 15): requests, slots, the published rank reason,
 * assignments, § 81a deadline alerts and the recorded allocation run.
 *
 * Memo: research/capacity-appointments.md § 5.2 (data model) and § 5.3 (allocation algorithm). The public books a
 * request, never a slot; the system assigns slots in batches by a published ranking rule (§ 5.1 principle 1).
 */
import type { IsoDate } from '../calendar.ts';

export type { IsoDate };

/** Priority classes in rank order, P0..P3 (memo § 5.3: P0 < P1 < P2 < P3). */
export const PRIORITY_CLASSES = ['emergency', 'statutory-deadline', 'document-need', 'standard'] as const; // P0..P3
export type PriorityClass = (typeof PRIORITY_CLASSES)[number];

/** 0 for P0 (emergency) … 3 for P3 (standard): the first component of the rank key. */
export function classRank(priorityClass: PriorityClass): number {
  return PRIORITY_CLASSES.indexOf(priorityClass);
}

export type AllocationRequest = {
  readonly id: string;
  readonly priorityClass: PriorityClass;
  /** § 81a: the 3-week clock's due day (EDF inside the class). */
  readonly deadline: IsoDate | null;
  /** The day its documents were complete (FIFO key; a DATE, not a time — memo G7). */
  readonly readyOn: IsoDate;
  readonly acceptsEarlierSlots: boolean;
  readonly shortNoticeOk: boolean;
  readonly unavailable: readonly IsoDate[];
  /** A slot already offered/booked (for the cascade). */
  readonly currentSlotId: string | null;
  /** The no-show rule applies (no-show.ts): ranked after the others of its class. */
  readonly deprioritised?: boolean;
};

export type AllocationSlot = {
  readonly id: string;
  /** ISO date-time, UTC. */
  readonly start: string;
  readonly day: IsoDate;
  /** Reserved for this class and higher ones until `releaseReservedAt` (null: not reserved). */
  readonly reservedFor: PriorityClass | null;
  /** ISO date-time from which a reserved slot returns to the general pool (null: reserved for good). */
  readonly releaseReservedAt: string | null;
};

/** Why a request stands where it stands: the rank key, machine-readable (memo § 5.1 principle 5, G6). */
export type RankReason = {
  readonly ruleVersion: string;
  /** 1-based position in the published ranking of this run. */
  readonly rank: number;
  readonly priorityClass: PriorityClass;
  /** Present (true) only when the no-show rule ranks the request after the others of its class. */
  readonly deprioritised?: true;
  readonly deadline: IsoDate | null;
  readonly readyOn: IsoDate;
  /** H(seed ‖ id), hex: the last component of the rank key. */
  readonly tieBreak: string;
};

export type Assignment = {
  readonly requestId: string;
  readonly slotId: string;
  readonly reason: RankReason;
  /** The slot's day is after the request's deadline. */
  readonly late: boolean;
};

export type DeadlineAlert = {
  readonly requestId: string;
  readonly deadline: IsoDate;
  /** The day of the earliest slot the request could get (null: none at all). */
  readonly earliestPossible: IsoDate | null;
  /** Days from the deadline to `earliestPossible` (null when there is no slot). */
  readonly latenessDays: number | null;
  /** How many more usable slots on or before the deadline would put this request on time. */
  readonly extraSlotsNeededBeforeDeadline: number;
};

export type AllocationInput = {
  /** ISO date-time. */
  readonly now: string;
  readonly seed: string;
  readonly ruleVersion: string;
  readonly requests: readonly AllocationRequest[];
  /** Open slots only. */
  readonly slots: readonly AllocationSlot[];
};

export type WaitlistEntry = { requestId: string; position: number; reason: RankReason };

export type AllocationRun = {
  readonly ruleVersion: string;
  readonly seed: string;
  readonly inputHash: string;
  readonly assignments: readonly Assignment[];
  readonly waitlist: readonly WaitlistEntry[];
  readonly alerts: readonly DeadlineAlert[];
  readonly outputHash: string;
};
