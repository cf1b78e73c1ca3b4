/**
 * The cancellation cascade ("pull-forward", memo § 5.3): a freed slot goes to the highest-ranked request that
 * has no slot, or that holds a later slot and accepts earlier ones; if that request moves, its old slot is freed
 * and the cascade repeats. Every move brings someone strictly earlier, so it ends.
 *
 * Compatibility is the allocation run's (allocate.ts `isCompatible`): reservations, unavailable days, and
 * `shortNoticeOk` for slots less than 72 h away. That covers the memo's "inside 48 h, offer only to requests with
 * shortNoticeOk".
 *
 * `requests` are the live requests with their current slot; the request that gave the slot up must not be among
 * them (one still holding `freedSlot` is ignored). A current slot missing from `slotsById` is treated as
 * unknown and its holder is not moved.
 */
import { instantMs, isCompatible } from './allocate.ts';
import { rankRequests } from './ranking.ts';
import type { AllocationRequest, AllocationSlot } from './types.ts';

export type CascadeMove = { readonly requestId: string; readonly from: string | null; readonly to: string };

export type CascadeResult = {
  readonly moves: readonly CascadeMove[];
  /** The slot still open when the cascade ends (the last one freed that nobody could take), or null. */
  readonly leftOpen: string | null;
};

export function cascade(input: {
  now: string;
  seed: string;
  ruleVersion: string;
  freedSlot: AllocationSlot;
  requests: readonly AllocationRequest[];
  slotsById: ReadonlyMap<string, AllocationSlot>;
}): CascadeResult {
  const nowMs = instantMs(input.now);
  const live = input.requests.filter((r) => r.currentSlotId !== input.freedSlot.id);
  const ranked = rankRequests(live, input.seed, input.ruleVersion);
  const holding = new Map<string, string | null>(live.map((r) => [r.id, r.currentSlotId]));
  const moves: CascadeMove[] = [];
  let freed: AllocationSlot | undefined = input.freedSlot;

  while (freed !== undefined) {
    const slot: AllocationSlot = freed;
    const slotMs = instantMs(slot.start);
    const taker = ranked.find(({ request }) => {
      const currentId = holding.get(request.id) ?? null;
      if (!isCompatible(request, slot, nowMs)) return false;
      if (currentId === null) return true;
      const current = input.slotsById.get(currentId);
      return current !== undefined && request.acceptsEarlierSlots && instantMs(current.start) > slotMs;
    });
    if (taker === undefined) return { moves, leftOpen: slot.id };
    const from = holding.get(taker.request.id) ?? null;
    moves.push({ requestId: taker.request.id, from, to: slot.id });
    holding.set(taker.request.id, slot.id);
    freed = from === null ? undefined : input.slotsById.get(from);
  }
  return { moves, leftOpen: null };
}
