/**
 * Overbooking check (memo § 5.3 "Overbooking", extra test case 11). Off by default; this computes how far one
 * could go: the largest number of bookings for `capacity` seats such that the chance that more people show
 * up than there are seats stays within `riskLimit`, with independent shows (binomial, probability
 * `showProbability`). It is never a reason to relax the "0 double bookings" guarantee.
 */

/** Policy: never give out more than this multiple of the capacity, whatever the show rate. */
export const MAX_OVERBOOKING_RATIO = 1.5;

/** P(more than `capacity` of `bookings` show up), shows independent with `showProbability`. */
export function overbookingRisk(bookings: number, capacity: number, showProbability: number): number {
  if (bookings <= capacity || showProbability <= 0) return 0;
  if (showProbability >= 1) return 1;
  // Binomial terms in log space, so that large counts do not underflow (1 − p)^n.
  const up = Math.log(showProbability) - Math.log1p(-showProbability);
  let logTerm = bookings * Math.log1p(-showProbability); // k = 0
  let tail = 0;
  for (let k = 0; k < bookings; k++) {
    logTerm += Math.log(bookings - k) - Math.log(k + 1) + up; // now the term for k + 1
    if (k + 1 > capacity) tail += Math.exp(logTerm);
  }
  return Math.min(1, tail);
}

/**
 * The most bookings for `capacity` seats whose risk of too many shows is at most `riskLimit`. Inputs outside
 * their range (capacity not a non-negative number, probabilities outside [0, 1]) give `capacity` itself: no
 * overbooking.
 */
export function maxBookings(capacity: number, showProbability: number, riskLimit: number): number {
  const seats = Number.isFinite(capacity) ? Math.max(0, Math.floor(capacity)) : 0;
  const valid = showProbability > 0 && showProbability <= 1 && riskLimit >= 0 && riskLimit <= 1;
  if (!valid) return seats;
  // The risk grows with the number of bookings: find the last number within the limit by bisection.
  let lo = seats; // risk 0
  let hi = Math.floor(seats * MAX_OVERBOOKING_RATIO);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (overbookingRisk(mid, seats, showProbability) <= riskLimit) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
