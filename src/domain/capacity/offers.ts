/**
 * Offer acceptance windows (memo § 5.3 step 5): an assigned slot is offered, and the offer lapses after 48 h
 * if the slot is more than 7 days away, otherwise after 12 h. Pure: both instants come in as arguments.
 */
import { instantMs } from './allocate.ts';

/** Policy: acceptance window for slots more than {@link FAR_SLOT_DAYS} days away. */
export const OFFER_WINDOW_FAR_HOURS = 48;
/** Policy: acceptance window for slots at most {@link FAR_SLOT_DAYS} days away. */
export const OFFER_WINDOW_NEAR_HOURS = 12;
/** Policy: a slot more than this many days after the offer counts as far away. */
export const FAR_SLOT_DAYS = 7;

const HOUR_MS = 3_600_000;

/** When an offer made at `offeredAt` for a slot starting at `slotStart` lapses (ISO date-time, UTC). */
export function offerExpiresAt(slotStart: string, offeredAt: string): string {
  const offeredMs = instantMs(offeredAt);
  const far = instantMs(slotStart) - offeredMs > FAR_SLOT_DAYS * 24 * HOUR_MS;
  const windowHours = far ? OFFER_WINDOW_FAR_HOURS : OFFER_WINDOW_NEAR_HOURS;
  return new Date(offeredMs + windowHours * HOUR_MS).toISOString();
}
