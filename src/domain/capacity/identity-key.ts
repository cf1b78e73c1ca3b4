/**
 * The keyed identity hash `personKey` and the "one live request per person and service type" check
 * (memo § 5.2 data model, § 5.4 anti-abuse controls, test case 9).
 *
 * personKey = HMAC-SHA256(secret, normalised passport number + nationality + birth date), hex. It lets the
 * platform find duplicates without storing passport numbers in the allocation tables. Normalisation makes
 * "x1234567" and "X 1234567" the same person: Unicode NFKC, upper case, and only letters and digits kept.
 * The database enforces the same rule with a partial unique index; this is the pure check in front of it.
 */
import { createHmac } from 'node:crypto';
import type { IsoDate } from './types.ts';

/** NFKC, upper case, letters and digits only: spaces, hyphens, dots and slashes are typing noise. */
export function normaliseDocumentNumber(value: string): string {
  return value
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** HMAC-SHA256 hex of the normalised passport number, nationality (ICAO/ISO code) and birth date. */
export function personKey(
  secret: string,
  passportNumber: string,
  nationality: string,
  birthDate: IsoDate,
): string {
  const fields = [
    normaliseDocumentNumber(passportNumber),
    normaliseDocumentNumber(nationality),
    birthDate.trim(),
  ];
  return createHmac('sha256', secret).update(JSON.stringify(fields)).digest('hex');
}

/** Request states that count as live for the one-request rule (memo § 5.2, `one_live_request_per_person`). */
export const LIVE_REQUEST_STATES = ['submitted', 'ready', 'offered', 'booked'] as const;

export type KnownRequest = {
  readonly requestId: string;
  readonly personKey: string;
  readonly serviceTypeId: string;
  readonly state: string;
};

export type DuplicateCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: 'DUPLICATE_ACTIVE_REQUEST'; readonly existingRequestId: string };

/** Refuses a new request when the same person already has a live request for the same service type. */
export function checkNoDuplicate(
  candidate: { readonly personKey: string; readonly serviceTypeId: string },
  known: readonly KnownRequest[],
): DuplicateCheck {
  const live: readonly string[] = LIVE_REQUEST_STATES;
  const existing = known.find(
    (r) =>
      r.personKey === candidate.personKey &&
      r.serviceTypeId === candidate.serviceTypeId &&
      live.includes(r.state),
  );
  return existing === undefined
    ? { ok: true }
    : { ok: false, code: 'DUPLICATE_ACTIVE_REQUEST', existingRequestId: existing.requestId };
}
