/**
 * The no-show rule (memo § 5.3 "No-shows": recorded against the person). A recorded no-show closes that booking;
 * the person may ask again. After `limit` no-shows whose days fall within `windowDays` days up to the filing day,
 * the new request is ranked after the others of its class (ranking.ts, `deprioritised`) until `penaltyDays` days
 * after the last of those no-shows; classes in `exemptClasses` keep their order. Pure.
 */
import { addDays, type IsoDate } from '../calendar.ts';
import type { NoShowRule } from './appointment-policy.ts';
import type { PriorityClass } from './types.ts';

/**
 * The day until which (exclusive) a request filed on `filedOn` in `priorityClass` is ranked last in its class, or
 * null when the rule does not apply. `noShowDays`: the days of the person's recorded no-shows, any order.
 */
export function noShowPenaltyUntil(
  noShowDays: readonly IsoDate[],
  filedOn: IsoDate,
  priorityClass: PriorityClass,
  rule: NoShowRule,
): IsoDate | null {
  if (rule.exemptClasses.includes(priorityClass) || rule.limit < 1) return null;
  const from = addDays(filedOn, -rule.windowDays);
  const recent = noShowDays.filter((d) => d > from && d <= filedOn).sort();
  const last = recent.at(-1);
  if (recent.length < rule.limit || last === undefined) return null;
  const until = addDays(last, rule.penaltyDays);
  return until > filedOn ? until : null;
}

/** Whether a request with penalty `until` is ranked last in its class on `day`. */
export function isDeprioritised(until: IsoDate | null, day: IsoDate): boolean {
  return until !== null && day < until;
}
