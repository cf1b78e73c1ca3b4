/**
 * Lottery mode (memo § 5.3 "Lottery mode", test case 9): for quota regimes where demand far exceeds capacity.
 * Registrations are de-duplicated by `personKey`, then `slots` winners are drawn with a published seed.
 *
 * The draw is by person, not by registration: persons are ordered by H(seed ‖ personKey) (the same hash as the
 * rank tie-break) and the first `slots` win, so registering twice gives no advantage and the result does not
 * depend on the order of the entries. A person's winning entry is their registration with the smallest id.
 * The published odds are slots ÷ unique registrants (at most 1).
 */
import { tieBreak } from './ranking.ts';

export type LotteryResult = {
  /** Winning entry ids, in draw order. */
  readonly winners: readonly string[];
  readonly uniquePersons: number;
  /** slots ÷ unique registrants, capped at 1 (1 when nobody registered and there are slots, else 0). */
  readonly odds: number;
};

export function drawLottery(
  entries: readonly { id: string; personKey: string }[],
  slots: number,
  seed: string,
): LotteryResult {
  const entryOf = new Map<string, string>();
  for (const { id, personKey } of entries) {
    const current = entryOf.get(personKey);
    if (current === undefined || id < current) entryOf.set(personKey, id);
  }
  const k = Number.isFinite(slots) ? Math.max(0, Math.floor(slots)) : 0;
  const drawn = [...entryOf.keys()]
    .map((personKey) => ({ personKey, hash: tieBreak(seed, personKey) }))
    .sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : a.personKey < b.personKey ? -1 : 1));
  const winners = drawn.slice(0, k).map(({ personKey }) => entryOf.get(personKey) as string);
  return { winners, uniquePersons: entryOf.size, odds: Math.min(1, k / Math.max(1, entryOf.size)) };
}
