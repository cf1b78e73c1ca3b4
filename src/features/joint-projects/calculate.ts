/**
 * A project's split, calculated from its key: the figures of the key (Königstein key of the year, the latest
 * population, equal shares or the negotiated table) for the participating states, shared to the cent by the pure
 * core. Each row keeps the figure, its period and its source, so that the recorded split says what it rests on.
 */
import { type KeyKind, keyEntries, shareCosts } from '../../domain/workspace/cost-sharing.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { costKeyFigures } from '../registry/index.ts';

export interface SplitInput {
  readonly keyKind: KeyKind;
  readonly keyYear: string | null;
  readonly states: readonly string[];
  readonly weights: Readonly<Record<string, number>> | null;
  readonly budgetCents: number;
}

export interface SplitRow {
  readonly stateCode: string;
  readonly keyValue: number;
  readonly keyPeriod: string | null;
  readonly keySource: string | null;
  readonly shareCents: number;
  /** False when the figure comes from research marked unverified. */
  readonly verified: boolean;
}

export type SplitResult =
  | { readonly ok: true; readonly rows: readonly SplitRow[] }
  | { readonly ok: false; readonly field: string; readonly rule: string };

export async function calculateSplit(db: DbOrTx, input: SplitInput): Promise<SplitResult> {
  const figures = await costKeyFigures(db);
  const byState =
    input.keyKind === 'koenigstein'
      ? (figures.koenigstein.get(input.keyYear ?? '') ?? new Map())
      : figures.population;
  const entries = keyEntries(input.keyKind, input.states, byState, input.weights ?? {});
  if (!entries.ok) return { ok: false, ...entries.refusal };
  const shared = shareCosts(input.budgetCents, entries.entries);
  if (!shared.ok) return { ok: false, field: shared.refusal.field, rule: shared.refusal.rule };
  return {
    ok: true,
    rows: shared.shares.map((s) => {
      const figure = entries.entries.find((e) => e.state === s.state)?.figure ?? null;
      return {
        stateCode: s.state,
        keyValue: s.weight,
        keyPeriod: figure?.period ?? null,
        keySource: figure?.source ?? null,
        shareCents: s.cents,
        verified: figure?.verified ?? true,
      };
    }),
  };
}
