/**
 * Reconfirmation of an agreed appointment (memo § 5.3 "No-shows": reconfirmation or the slot is released, as in
 * Ostholstein). The applicant confirms from `askDaysBefore` days before the appointment until `dueDaysBefore`
 * days before it; an appointment agreed when the window is already open needs no second confirmation (agreeing
 * was the confirmation). Pure: instants come in as ISO date-times or Dates.
 */
import type { ReconfirmationRule } from './appointment-policy.ts';

const DAY_MS = 86_400_000;

export type ReconfirmationWindow = { readonly askFrom: Date; readonly dueAt: Date };

/** From when the confirmation is asked, and by when it is due, for an appointment starting at `start`. */
export function reconfirmationWindow(start: Date, rule: ReconfirmationRule): ReconfirmationWindow {
  return {
    askFrom: new Date(start.getTime() - rule.askDaysBefore * DAY_MS),
    dueAt: new Date(start.getTime() - rule.dueDaysBefore * DAY_MS),
  };
}

export type ReconfirmationStatus = 'not-yet' | 'open' | 'confirmed' | 'overdue';

/**
 * Where the confirmation of an appointment stands at `now`: confirmed (at any time), not yet asked, open (may
 * confirm now: from the ask time, strictly before the due time), or overdue (released by the next run).
 */
export function reconfirmationStatus(
  start: Date,
  confirmedAt: Date | null,
  now: Date,
  rule: ReconfirmationRule,
): ReconfirmationStatus {
  if (confirmedAt) return 'confirmed';
  const { askFrom, dueAt } = reconfirmationWindow(start, rule);
  if (now.getTime() >= dueAt.getTime()) return 'overdue';
  return now.getTime() >= askFrom.getTime() ? 'open' : 'not-yet';
}

/** Agreeing to an appointment at `agreedAt` counts as its confirmation when the window is already open. */
export function agreedCountsAsConfirmed(start: Date, agreedAt: Date, rule: ReconfirmationRule): boolean {
  return agreedAt.getTime() >= reconfirmationWindow(start, rule).askFrom.getTime();
}
