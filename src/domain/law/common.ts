/**
 * Criteria shared by several pathways. Each returns one Criterion; a missing fact gives `unknown`.
 */
import { addMonths } from '../calendar.ts';
import type { EvaluationContext } from './context.ts';
import { atLeast, criterion } from './criteria.ts';
import { PARAMETER_DEFINITIONS, type ParameterId } from './parameters/data.ts';
import type { Criterion, LanguageLevel, PathwayId, Status } from './types.ts';

function fixedDate(id: ParameterId): string {
  const first = PARAMETER_DEFINITIONS[id].periods[0];
  if (first === undefined || typeof first.value !== 'string')
    throw new Error(`Parameter ${id} is not a date`);
  return first.value;
}

/** Rule switch dates (from the parameter table; they do not change). */
export const SWITCH = {
  fegStage1: fixedDate('switch.feg-stage-1'),
  spurwechsel: fixedDate('switch.spurwechsel'),
  spurwechselEntryBefore: fixedDate('switch.spurwechsel-entry-before'),
  fegStage2: fixedDate('switch.feg-stage-2'),
  fegStage3: fixedDate('switch.feg-stage-3'),
  chancenAufenthaltsrechtStart: fixedDate('switch.chancen-aufenthaltsrecht-start'),
  chancenAufenthaltsrechtEnd: fixedDate('switch.chancen-aufenthaltsrecht-end'),
  /** UNVERIFIED (secondary sources only): §§ 25a(5),(6), 25b(7),(8) for § 104c holders end on this day. */
  chancenHolderRulesEnd: fixedDate('switch.chancen-aufenthaltsrecht-holder-rules-end'),
} as const;

/** Titles of Abschnitt 3 (education) and 4 (employment) of the AufenthG. */
export const EDUCATION_OR_EMPLOYMENT_TITLES: ReadonlySet<Status> = new Set<Status>([
  'aufenthg-16a',
  'aufenthg-16b',
  'aufenthg-16d-1',
  'aufenthg-16d-3',
  'aufenthg-17',
  'aufenthg-18a',
  'aufenthg-18b',
  'aufenthg-18g',
  'aufenthg-18g-it',
  'aufenthg-19c-2',
  'aufenthg-20',
  'aufenthg-20a',
  'beschv-26-2',
]);

export type ResidenceRule = 'visa-or-title' | 'spurwechsel' | 'chancenkarte' | 'mission';

const RESIDENCE_CITATION: Readonly<Record<ResidenceRule, string>> = {
  'visa-or-title': '§§ 5 Abs. 2, 39 AufenthV; § 10 AufenthG',
  spurwechsel: '§ 10 Abs. 3 S. 5, § 5 Abs. 3 S. 5 AufenthG',
  chancenkarte: '§ 20a Abs. 5 AufenthG',
  mission: '§ 26 Abs. 2 BeschV',
};

/**
 * Can the title be applied for from where the person is? Abroad: visa procedure. In Germany: only from
 * an education or employment title, except the asylum-seeker track change (Spurwechsel) for §§ 18a, 18b, 19c(2).
 */
export function residenceStatus(ctx: EvaluationContext, rule: ResidenceRule): Criterion {
  const id = 'residence-status';
  const citation = RESIDENCE_CITATION[rule];
  const { location, status } = ctx.person;
  if (location === undefined) return criterion(id, 'unknown', citation);
  if (location === 'abroad') return criterion(id, 'met', citation, { reason: 'abroad' });
  if (rule === 'mission') return criterion(id, 'unmet', citation, { reason: 'mission-only' });
  if (status === undefined) return criterion(id, 'unknown', citation);
  if (EDUCATION_OR_EMPLOYMENT_TITLES.has(status))
    return criterion(id, 'met', citation, { reason: 'has-title' });
  if (rule === 'chancenkarte') return criterion(id, 'unmet', citation, { reason: 'chancenkarte-in-germany' });
  switch (status) {
    case 'gestattung':
      return spurwechsel(ctx, rule === 'spurwechsel');
    case 'aufenthg-104c':
      return criterion(id, 'unmet', '§ 104c Abs. 3 AufenthG', { reason: 'holder-104c' });
    case 'duldung':
      return criterion(id, 'unknown', '§ 10 Abs. 3 AufenthG', { reason: 'duldung' });
    case 'none':
      return criterion(id, 'unknown', '§ 39 AufenthV', { reason: 'no-title' });
    default:
      return criterion(id, 'unknown', citation, { reason: 'humanitarian' });
  }
}

function spurwechsel(ctx: EvaluationContext, allowed: boolean): Criterion {
  const id = 'residence-status';
  const citation = RESIDENCE_CITATION.spurwechsel;
  const values = { from: SWITCH.spurwechsel, entryBefore: SWITCH.spurwechselEntryBefore };
  if (!allowed || ctx.date < SWITCH.spurwechsel) {
    return criterion(id, 'unmet', '§ 10 Abs. 1 AufenthG', { reason: 'gestattung', values });
  }
  const entry = ctx.person.inGermanySince ?? ctx.person.statusSince ?? undefined;
  if (entry === undefined)
    return criterion(id, 'unknown', citation, { reason: 'spurwechsel-unknown', values });
  if (entry < SWITCH.spurwechselEntryBefore) {
    return criterion(id, 'met', citation, { reason: 'spurwechsel', value: entry, values });
  }
  return criterion(id, 'unmet', citation, { reason: 'spurwechsel-late-entry', value: entry, values });
}

export function jobOffer(ctx: EvaluationContext, citation = '§ 18 Abs. 2 Nr. 1 AufenthG'): Criterion {
  return criterion('job-offer', ctx.job === undefined ? 'unknown' : 'met', citation);
}

export function qualifiedEmployment(ctx: EvaluationContext, citation: string): Criterion {
  const qualified = ctx.job?.qualified;
  return criterion(
    'qualified-employment',
    qualified === undefined ? 'unknown' : qualified ? 'met' : 'unmet',
    citation,
  );
}

export function matchesQualification(ctx: EvaluationContext, citation: string): Criterion {
  const matches = ctx.job?.matchesQualification;
  return criterion(
    'matches-qualification',
    matches === undefined ? 'unknown' : matches ? 'met' : 'unmet',
    citation,
  );
}

export function regulatedPermit(ctx: EvaluationContext, citation = '§ 18 Abs. 2 Nr. 3 AufenthG'): Criterion {
  const id = 'regulated-permit';
  switch (ctx.job?.regulatedPermit) {
    case 'not-required':
      return criterion(id, 'met', citation, { reason: 'not-required' });
    case 'granted':
      return criterion(id, 'met', citation);
    case 'pending':
      return criterion(id, 'unknown', citation, { reason: 'pending' });
    case 'missing':
      return criterion(id, 'unmet', citation);
    default:
      return criterion(id, 'unknown', citation);
  }
}

export function contractMonths(ctx: EvaluationContext, minimum: number, citation: string): Criterion {
  const months = ctx.job?.contractMonths;
  if (months === undefined)
    return criterion('contract-duration', 'unknown', citation, { threshold: minimum });
  return criterion('contract-duration', months >= minimum ? 'met' : 'unmet', citation, {
    value: months,
    threshold: minimum,
  });
}

type SalaryParameter =
  | 'blue-card.salary.general'
  | 'blue-card.salary.reduced'
  | 'experience.salary'
  | 'age-45.salary';

/** Salary ≥ the threshold in force on the date (to the cent); unknown if no threshold is published. */
export function salaryThreshold(
  ctx: EvaluationContext,
  parameterId: SalaryParameter,
  citation: string,
  id = 'salary-threshold',
): Criterion {
  const p = ctx.params[parameterId];
  if (p === undefined) {
    return criterion(id, 'unknown', citation, { reason: 'no-parameter', values: { date: ctx.date } });
  }
  const salary = ctx.job?.annualSalaryEur;
  if (salary === undefined)
    return criterion(id, 'unknown', citation, { threshold: p.value, verified: p.verified });
  return criterion(id, atLeast(salary, p.value) ? 'met' : 'unmet', citation, {
    value: salary,
    threshold: p.value,
    verified: p.verified,
  });
}

/**
 * First title of the kind after the 45th birthday: salary ≥ 55 % BBG or adequate old-age provision
 * (§ 18 Abs. 2 Nr. 5 AufenthG; for BeschV titles § 1 Abs. 2 BeschV).
 */
export function age45Salary(ctx: EvaluationContext, pathwayId: PathwayId, citation: string): Criterion {
  const id = 'age-45-salary';
  const age = ctx.age;
  if (age < 45) return criterion(id, 'met', citation, { reason: 'not-applicable', values: { age } });
  if (ctx.person.status === pathwayId)
    return criterion(id, 'met', citation, { reason: 'renewal', values: { age } });
  if (ctx.person.adequatePensionProvision === true) {
    return criterion(id, 'met', citation, { reason: 'pension', values: { age } });
  }
  const p = ctx.params['age-45.salary'];
  if (p === undefined) {
    return criterion(id, 'unknown', citation, { reason: 'no-parameter', values: { age, date: ctx.date } });
  }
  const salary = ctx.job?.annualSalaryEur;
  const base = { threshold: p.value, verified: p.verified };
  if (salary !== undefined && atLeast(salary, p.value)) {
    return criterion(id, 'met', citation, { ...base, value: salary, values: { age } });
  }
  if (salary === undefined) return criterion(id, 'unknown', citation, { ...base, values: { age } });
  if (ctx.person.adequatePensionProvision === false) {
    return criterion(id, 'unmet', citation, { ...base, value: salary, values: { age } });
  }
  return criterion(id, 'unknown', citation, {
    ...base,
    value: salary,
    reason: 'pension-unknown',
    values: { age },
  });
}

const LEVEL_NAMES: readonly LanguageLevel[] = ['none', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

export function levelName(rank: number): LanguageLevel {
  return LEVEL_NAMES[rank] ?? 'none';
}

/** German at least at `minimum` (rank: A1 = 1 … C2 = 6). */
export function germanAtLeast(
  ctx: EvaluationContext,
  minimum: number,
  citation: string,
  verified = true,
): Criterion {
  const id = 'german-language';
  const threshold = levelName(minimum);
  if (ctx.german === undefined) return criterion(id, 'unknown', citation, { threshold, verified });
  return criterion(id, ctx.german >= minimum ? 'met' : 'unmet', citation, {
    value: levelName(ctx.german),
    threshold,
    verified,
  });
}

/** Monthly funds ≥ the amount in force; unknown if no amount is published for the date. */
export function funds(
  ctx: EvaluationContext,
  parameterId: 'chancenkarte.funds.monthly' | 'student.funds.monthly',
  citation: string,
): Criterion {
  const id = 'funds';
  const p = ctx.params[parameterId];
  if (p === undefined)
    return criterion(id, 'unknown', citation, { reason: 'no-parameter', values: { date: ctx.date } });
  const available = ctx.person.monthlyFundsEur;
  if (available === undefined)
    return criterion(id, 'unknown', citation, { threshold: p.value, verified: p.verified });
  return criterion(id, atLeast(available, p.value) ? 'met' : 'unmet', citation, {
    value: available,
    threshold: p.value,
    verified: p.verified,
  });
}

/** The date `months` after `from`. */
export function monthsAfter(from: string, months: number): string {
  return addMonths(from, months);
}
