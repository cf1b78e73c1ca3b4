/**
 * The journey API's answers: a handler's outcome (`Outcome`) mapped to the reply in one place.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { I18n } from '../../platform/i18n/index.ts';
import type { CommandResult, Outcome } from './command-types.ts';
import { JourneyRefusal, refusalProblem } from './refusals.ts';

/**
 * A handler's outcome as the reply, mapped in one place: the answer goes to `answer`, a refusal of the core is
 * problem+json with its own code (`refusals.ts`), and an error goes to the app's one error handler.
 */
export async function reply(
  res: FastifyReply,
  req: FastifyRequest,
  i18n: I18n,
  outcome: Outcome,
  answer: (result: CommandResult) => FastifyReply | Promise<FastifyReply>,
) {
  if (outcome.ok) return answer(outcome.result);
  if ('error' in outcome) throw outcome.error;
  const { code, messageKey } = outcome.refusal;
  const t = i18n.translator('en');
  const instance = req.url.split('?')[0] ?? '/';
  const problem = refusalProblem(
    outcome.refusal,
    { instance, requestId: req.id },
    t.has(messageKey) ? t.t(messageKey) : code,
  );
  return res.status(problem.status).type('application/problem+json').send(problem);
}

/** An outcome of a caller that throws refusals (the family's opening). */
export function outcomeOf(result: Promise<CommandResult>): Promise<Outcome> {
  return result.then(
    (r) => ({ ok: true, result: r }),
    (error: unknown) => {
      if (error instanceof JourneyRefusal) return { ok: false, refusal: error.refusal };
      throw error;
    },
  );
}

/** A new journey's answer: 201 (or the stored status) with its location. */
export function created(res: FastifyReply) {
  return (result: CommandResult) =>
    res
      .status(result.status)
      .header('location', `/api/v1/journeys/${result.body.journeyId}`)
      .send(result.body);
}
