/**
 * § 104c AufenthG: Chancen-Aufenthaltsrecht (31.12.2022 – 30.12.2025). From 31.12.2025 no new grants; existing
 * permits can only be extended as § 25a or § 25b (Art. 5 ChAufenthG).
 */
import { addDays, addYears } from '../../calendar.ts';
import { SWITCH } from '../common.ts';
import type { EvaluationContext } from '../context.ts';
import { criterion } from '../criteria.ts';
import { type Pathway, titleKey } from '../pathway.ts';
import { stayStart, toleratedStatus } from '../tolerated.ts';
import type { Criterion } from '../types.ts';

const CITATION = '§ 104c Abs. 1 AufenthG';

function stayOnReferenceDate(ctx: EvaluationContext): Criterion {
  const reference = ctx.params['chancen-aufenthaltsrecht.reference-date'];
  const years = ctx.params['chancen-aufenthaltsrecht.years'];
  if (reference === undefined || years === undefined)
    return criterion('stay-on-reference-date', 'unknown', CITATION);
  const latestStart = addYears(reference.value, -years.value);
  const start = stayStart(ctx);
  const values = { referenceDate: reference.value, years: years.value };
  if (start === undefined)
    return criterion('stay-on-reference-date', 'unknown', CITATION, { threshold: latestStart, values });
  return criterion('stay-on-reference-date', start <= latestStart ? 'met' : 'unmet', CITATION, {
    value: start,
    threshold: latestStart,
    values,
  });
}

function criminalRecord(ctx: EvaluationContext): Criterion {
  const citation = '§ 104c Abs. 1 S. 1 Nr. 2 AufenthG';
  const general = ctx.params['chancen-aufenthaltsrecht.fine-limit'];
  const residenceLaw = ctx.params['chancen-aufenthaltsrecht.fine-limit-residence-law'];
  const fines = ctx.person.fines;
  if (general === undefined || residenceLaw === undefined || fines === undefined) {
    return criterion('criminal-record', 'unknown', citation);
  }
  const values = {
    general: fines.generalDailyRates,
    residenceLaw: fines.residenceLawDailyRates,
    generalLimit: general.value,
    residenceLawLimit: residenceLaw.value,
  };
  const ok = fines.generalDailyRates <= general.value && fines.residenceLawDailyRates <= residenceLaw.value;
  return criterion('criminal-record', ok ? 'met' : 'unmet', citation, { values });
}

export const aufenthg104c: Pathway = {
  id: 'aufenthg-104c',
  titleKey: titleKey('aufenthg-104c'),
  citation: '§ 104c AufenthG',
  inForce: { from: SWITCH.chancenAufenthaltsrechtStart, to: addDays(SWITCH.chancenAufenthaltsrechtEnd, -1) },
  evaluate(ctx) {
    return {
      baApproval: null,
      criteria: [toleratedStatus(ctx, ['duldung'], CITATION), stayOnReferenceDate(ctx), criminalRecord(ctx)],
    };
  },
};
