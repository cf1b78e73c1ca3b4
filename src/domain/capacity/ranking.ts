/**
 * The published rank key of the allocated queue (memo § 5.3):
 *
 *   rank(r) = ( classRank(r.priorityClass),  -- P0 < P1 < P2 < P3
 *               r.deprioritised,             -- the no-show rule: after the others of the class (no-show.ts)
 *               r.deadline ?? +∞,            -- EDF inside deadline classes
 *               r.readyOn,                   -- FIFO by the DATE the file became complete
 *               H(seed ‖ r.id) )             -- tie-break; seed published per run, e.g. ISO week
 *
 * The key holds no time of day, so submitting early in the day buys nothing (memo G7). Pure: the seed comes in.
 */
import { createHash } from 'node:crypto';
import { type AllocationRequest, classRank, type RankReason } from './types.ts';

export type RankedRequest = { request: AllocationRequest; reason: RankReason };

/** H(seed ‖ id): SHA-256 hex of the JSON pair [seed, id] (the pair keeps "a|" + "b" apart from "a" + "|b"). */
export function tieBreak(seed: string, id: string): string {
  return createHash('sha256')
    .update(JSON.stringify([seed, id]))
    .digest('hex');
}

type Keyed = { request: AllocationRequest; cls: number; tie: string };

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareKeyed(a: Keyed, b: Keyed): number {
  if (a.cls !== b.cls) return a.cls - b.cls;
  const pa = a.request.deprioritised === true;
  if (pa !== (b.request.deprioritised === true)) return pa ? 1 : -1;
  const da = a.request.deadline;
  const db = b.request.deadline;
  if (da !== db) {
    if (da === null) return 1; // no deadline = +∞
    if (db === null) return -1;
    return compareStrings(da, db);
  }
  if (a.request.readyOn !== b.request.readyOn) return compareStrings(a.request.readyOn, b.request.readyOn);
  if (a.tie !== b.tie) return compareStrings(a.tie, b.tie);
  return compareStrings(a.request.id, b.request.id); // only if two ids share a hash: never in practice
}

/** Requests in rank order, each with its reason (1-based rank, the key's components, the rule version). */
export function rankRequests(
  requests: readonly AllocationRequest[],
  seed: string,
  ruleVersion: string,
): RankedRequest[] {
  const keyed: Keyed[] = requests.map((request) => ({
    request,
    cls: classRank(request.priorityClass),
    tie: tieBreak(seed, request.id),
  }));
  keyed.sort(compareKeyed);
  return keyed.map(({ request, tie }, index) => ({
    request,
    reason: {
      ruleVersion,
      rank: index + 1,
      priorityClass: request.priorityClass,
      ...(request.deprioritised ? { deprioritised: true as const } : {}),
      deadline: request.deadline,
      readyOn: request.readyOn,
      tieBreak: tie,
    },
  }));
}
