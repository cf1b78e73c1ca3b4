/**
 * Accelerated skilled-worker procedure (§ 81a AufenthG): initiated by the employer for a worker abroad, for
 * §§ 16a, 16d, 18a, 18b, 18g, 19c(2). Fee and deadlines come from the parameter table.
 */
import type { EvaluationContext } from '../context.ts';
import { message } from '../criteria.ts';
import type { ParameterSnapshot } from '../parameters/parameters.ts';
import type { PathwayId, PathwayOutcome, ProcedureOutcome } from '../types.ts';

export const ACCELERATED_PROCEDURE_PATHWAYS: readonly PathwayId[] = [
  'aufenthg-16a',
  'aufenthg-16d-1',
  'aufenthg-16d-3',
  'aufenthg-18a',
  'aufenthg-18b',
  'aufenthg-18g',
  'aufenthg-18g-it',
  'aufenthg-19c-2',
];

type Deadlines = ProcedureOutcome['deadlines'];
const deadlineCache = new WeakMap<ParameterSnapshot, Deadlines>();

function deadlines(params: ParameterSnapshot): Deadlines {
  const cached = deadlineCache.get(params);
  if (cached !== undefined) return cached;
  const result: Record<string, { value: number; unit: string }> = {};
  const add = (name: string, p: { value: number; unit: string } | undefined) => {
    if (p !== undefined) result[name] = Object.freeze({ value: p.value, unit: p.unit });
  };
  add('recognitionDecision', params['deadline.recognition.decision-81a']);
  add('baApprovalDeemed', params['deadline.ba-approval.deemed-81a']);
  add('visaAppointment', params['deadline.visa-appointment-81a']);
  add('visaDecision', params['deadline.visa-decision-81a']);
  const frozen = Object.freeze(result);
  deadlineCache.set(params, frozen);
  return frozen;
}

export function procedure81a(ctx: EvaluationContext, outcomes: readonly PathwayOutcome[]): ProcedureOutcome {
  const fee = ctx.params['fee.81a']?.value ?? null;
  const base = { fee, deadlines: deadlines(ctx.params) };
  const location = ctx.person.location;
  if (location === 'germany') {
    return { ...base, available: false, message: message('law.procedure.81a.in-germany') };
  }
  let open = false;
  for (const o of outcomes) {
    if (o.outcome !== 'not-eligible' && ACCELERATED_PROCEDURE_PATHWAYS.includes(o.id)) open = true;
  }
  if (!open) return { ...base, available: false, message: message('law.procedure.81a.no-pathway') };
  if (location === undefined || ctx.job === undefined) {
    return { ...base, available: null, message: message('law.procedure.81a.unknown', { fee: fee ?? 0 }) };
  }
  const d = base.deadlines;
  return {
    ...base,
    available: true,
    message: message('law.procedure.81a.available', {
      fee: fee ?? 0,
      recognitionMonths: d.recognitionDecision?.value ?? 0,
      baWeeks: d.baApprovalDeemed?.value ?? 0,
      appointmentWeeks: d.visaAppointment?.value ?? 0,
      decisionWeeks: d.visaDecision?.value ?? 0,
    }),
  };
}
