/**
 * What is new since the holder was last told (issue 18): the conditions of § 25a/§ 25b that are met now and were
 * not when last announced, what is still open, and the next step. A condition is named `<pathway>:<criterion>`.
 * Pure: the engine's result in, the news out; the feature stores the announced set and writes the notices.
 */
import type { CompanionPathway } from './holder.ts';

export type ConditionKey = `${string}:${string}`;
export type NextStep = 'apply' | 'work-on-open';

export interface ConditionNews {
  readonly met: readonly ConditionKey[];
  readonly open: readonly ConditionKey[];
  readonly next: NextStep;
}

const key = (pathway: string, criterion: string): ConditionKey => `${pathway}:${criterion}`;

/** The conditions met now, as keys. */
export function metKeys(pathways: readonly CompanionPathway[]): ConditionKey[] {
  return pathways.flatMap((p) =>
    p.conditions.filter((c) => c.state === 'met').map((c) => key(p.id, c.criterion.id)),
  );
}

/**
 * The news against what was `announced` (null: nothing announced yet — the first look only notes the state, the
 * page shows it anyway); null when nothing is newly met. A condition no longer met drops out of the announced set
 * (the caller stores `metKeys`), so it is announced again when it is met again.
 */
export function conditionNews(
  pathways: readonly CompanionPathway[],
  announced: readonly string[] | null,
): ConditionNews | null {
  if (announced === null) return null;
  const before = new Set(announced);
  const met = metKeys(pathways).filter((k) => !before.has(k));
  if (met.length === 0) return null;
  const open = pathways.flatMap((p) =>
    p.conditions.filter((c) => c.state !== 'met').map((c) => key(p.id, c.criterion.id)),
  );
  return { met, open, next: pathways.some((p) => p.outcome === 'eligible') ? 'apply' : 'work-on-open' };
}
