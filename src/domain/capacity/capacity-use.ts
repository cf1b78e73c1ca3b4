/**
 * How much of the offered capacity is used with no-shows, reconfirmation and the cascade (memo § 5.8, goal G8:
 * ≥ 95 % at a 15 % no-show rate). Each appointment's holder would come with probability 1 − `noShowRate`. With
 * reconfirmation, a holder who would come confirms unless they forget (`forgetRate`), one who would not come
 * confirms anyway with `confirmAnyway`; an unconfirmed appointment is released at its due time (4 days before)
 * and offered up to `refillAttempts` times (12-hour offer windows until the 72 hours of short notice) to people
 * waiting, each taking it with `acceptRate`; who takes it has agreed inside the window (confirmed) and comes with
 * 1 − `noShowRate`. The two behavioural shares are assumptions — the memo found no measured figure (§ 2.8, § 5.10)
 * — so the result is stated for the inputs given. Pure; the Monte Carlo is seeded (same seed, same result).
 */
import { createRandom } from '../law/generate.ts';

export type CapacityUseInput = {
  readonly noShowRate: number;
  readonly reconfirmation: boolean;
  readonly confirmAnyway: number;
  readonly forgetRate: number;
  readonly refillAttempts: number;
  readonly acceptRate: number;
};

/** The expected share of appointments at which someone comes. */
export function expectedCapacityUse(i: CapacityUseInput): number {
  const come = 1 - i.noShowRate;
  if (!i.reconfirmation) return come;
  const refilled = 1 - (1 - i.acceptRate) ** i.refillAttempts;
  const released = come * i.forgetRate + i.noShowRate * (1 - i.confirmAnyway);
  return come * (1 - i.forgetRate) + released * refilled * come;
}

export type CapacityUse = {
  readonly appointments: number;
  readonly attended: number;
  readonly released: number;
  readonly refilled: number;
  /** attended ÷ appointments. */
  readonly used: number;
};

/** Draws `appointments` appointments one by one (seeded). */
export function simulateCapacityUse(i: CapacityUseInput, appointments: number, seed: number): CapacityUse {
  const r = createRandom(seed);
  let attended = 0;
  let released = 0;
  let refilled = 0;
  for (let n = 0; n < appointments; n++) {
    const comes = !r.chance(i.noShowRate);
    const confirms = !i.reconfirmation || (comes ? !r.chance(i.forgetRate) : r.chance(i.confirmAnyway));
    if (confirms) {
      if (comes) attended++;
      continue;
    }
    released++;
    for (let k = 0; k < i.refillAttempts; k++) {
      if (!r.chance(i.acceptRate)) continue;
      refilled++;
      if (!r.chance(i.noShowRate)) attended++;
      break;
    }
  }
  return { appointments, attended, released, refilled, used: appointments ? attended / appointments : 0 };
}

/**
 * The smallest share of would-be no-shows that must leave their appointment unconfirmed for the expected use to
 * reach `goal` (null when even all of them cannot), the other inputs fixed: where G8 turns on behaviour.
 */
export function silentShareNeeded(i: CapacityUseInput, goal: number): number | null {
  const at = (silent: number) =>
    expectedCapacityUse({ ...i, reconfirmation: true, confirmAnyway: 1 - silent });
  if (at(1) < goal) return null;
  let lo = 0;
  let hi = 1;
  for (let step = 0; step < 40; step++) {
    const mid = (lo + hi) / 2;
    if (at(mid) >= goal) hi = mid;
    else lo = mid;
  }
  return hi;
}
