/**
 * Settlement outlook (§ 18c AufenthG) for holders of §§ 18a, 18b or a Blue Card, under the rule in force on the
 * evaluation date: from 1.3.2024 3 years/36 months (before: 4 years/48 months); Blue Card 27 months with A1
 * (before: 33) or 21 months with B1. Further requirements (livelihood, housing, basic knowledge of the legal and
 * social order, no criminal record) are named in the message, not checked.
 */
import { addMonths } from '../../calendar.ts';
import type { EvaluationContext } from '../context.ts';
import { all, criterion, message } from '../criteria.ts';
import type { Criterion, SettlementOutcome, Status } from '../types.ts';

const BLUE_CARD: readonly Status[] = ['aufenthg-18g', 'aufenthg-18g-it'];
const FACHKRAFT: readonly Status[] = ['aufenthg-18a', 'aufenthg-18b'];

const NOT_APPLICABLE: SettlementOutcome = Object.freeze({
  applicable: false,
  route: null,
  status: null,
  earliestDate: null,
  criteria: [],
  message: Object.freeze({ key: 'law.settlement.not-applicable', values: Object.freeze({}) }),
});

export function settlementOutlook(ctx: EvaluationContext): SettlementOutcome {
  const status = ctx.person.status;
  if (status === undefined || (!BLUE_CARD.includes(status) && !FACHKRAFT.includes(status)))
    return NOT_APPLICABLE;
  const blueCard = BLUE_CARD.includes(status);
  const route = blueCard ? 'aufenthg-18c-2' : 'aufenthg-18c-1';
  const citation = blueCard ? '§ 18c Abs. 2 AufenthG' : '§ 18c Abs. 1 AufenthG';
  const german = ctx.german;
  let months: number | undefined;
  let monthsVerified = true;
  const criteria: Criterion[] = [];
  if (blueCard) {
    const a1 = ctx.params['settlement.blue-card-a1.months'];
    const b1 = ctx.params['settlement.blue-card-b1.months'];
    if (german !== undefined && german >= 3) months = b1?.value;
    else if (german !== undefined && german >= 1) months = a1?.value;
    monthsVerified = (a1?.verified ?? false) && (b1?.verified ?? false);
    const languageStatus = german === undefined ? 'unknown' : german >= 1 ? 'met' : 'unmet';
    criteria.push(
      criterion('settlement-german', languageStatus, citation, {
        threshold: 'A1',
        values: { months: months ?? 0 },
      }),
    );
  } else {
    const p = ctx.params['settlement.fachkraft.months'];
    months = p?.value;
    monthsVerified = p?.verified ?? false;
    const languageStatus = german === undefined ? 'unknown' : german >= 3 ? 'met' : 'unmet';
    criteria.push(
      criterion('settlement-german', languageStatus, citation, {
        threshold: 'B1',
        values: { months: months ?? 0 },
      }),
    );
  }
  const since = ctx.person.statusSince ?? undefined;
  const earliestDate = since !== undefined && months !== undefined ? addMonths(since, months) : null;
  criteria.push(
    months === undefined
      ? criterion('settlement-title-duration', 'unknown', citation, {
          reason: 'no-parameter',
          values: { date: ctx.date },
        })
      : criterion(
          'settlement-title-duration',
          earliestDate === null ? 'unknown' : ctx.date >= earliestDate ? 'met' : 'unmet',
          citation,
          { threshold: months, verified: monthsVerified, values: { earliestDate: earliestDate ?? '' } },
        ),
  );
  const contributions = ctx.person.pensionContributionMonths;
  criteria.push(
    months === undefined || contributions === undefined
      ? criterion(
          'settlement-contributions',
          'unknown',
          citation,
          months === undefined ? {} : { threshold: months },
        )
      : criterion('settlement-contributions', contributions >= months ? 'met' : 'unmet', citation, {
          value: contributions,
          threshold: months,
        }),
  );
  const overall = all(...criteria.map((c) => c.status));
  return {
    applicable: true,
    route,
    status: overall,
    earliestDate,
    criteria,
    message: message(`law.settlement.${overall}`, {
      route,
      earliestDate: earliestDate ?? '',
      months: months ?? 0,
    }),
  };
}
