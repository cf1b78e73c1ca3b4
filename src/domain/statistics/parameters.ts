/**
 * The disclosure-control rule of the published statistics (issue 19), effective-dated like the law parameters
 * (`src/domain/law/parameters`) and the appointment policy (`src/domain/capacity/appointment-policy.ts`): a change
 * is a new period with its start day, so the rule a figure was published under can always be told. Pure.
 *
 * A count from 1 to `threshold − 1` is not published (primary suppression); zero is published (it discloses no
 * person). Secondary suppression (suppression.ts) then hides enough further cells that no hidden count can be
 * worked out from the published ones and their totals.
 */
import type { IsoDate } from '../calendar.ts';

export type DisclosureRule = {
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  /** Counts from 1 to threshold − 1 are suppressed. */
  readonly threshold: number;
  /** Where the rule comes from. */
  readonly source: string;
};

export const DISCLOSURE_RULES: readonly DisclosureRule[] = Object.freeze([
  {
    validFrom: '2026-12-01',
    validTo: null,
    threshold: 5,
    source:
      'Minimum-frequency rule with secondary cell suppression, as practised by the statistical offices of the Federation and the Länder (Statistische Ämter des Bundes und der Länder, Leitfaden zur Geheimhaltung)',
  },
]);

/** The rule in force on `day`; before the first period the first period's rule. */
export function disclosureRuleOn(
  day: IsoDate,
  table: readonly DisclosureRule[] = DISCLOSURE_RULES,
): DisclosureRule {
  const found = table.find((p) => p.validFrom <= day && (p.validTo === null || day <= p.validTo));
  const first = table[0];
  if (found) return found;
  if (first && day < first.validFrom) return first;
  throw new RangeError(`No disclosure rule in force on ${day}`);
}
