import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type Action, isKnownPair, mayAttempt, type Resource } from '../../domain/access/policy.ts';
import type { Role } from '../../domain/access/roles.ts';
import { AppError } from '../../platform/http/errors.ts';
import { withExample, type ZodTypeProvider } from '../../platform/http/route-schema.ts';
import type { ChangeActor } from './actor.ts';
import { correctionBody, type createCorrectionsService } from './corrections.ts';
import { type RecordsService, recordBody } from './records.ts';
import { type RegisterService, registerEntryBody } from './register.ts';

/**
 * The write side of the registry as JSON API routes, guarded by the one authorisation policy.
 *
 * Wired from `registerRegistry`; the rows for these resources are in src/domain/access/policy.ts.
 */
export const ADMIN_POLICIES = {
  correct: { action: 'update', resource: 'registry-entry' },
  issueRecord: { action: 'create', resource: 'recognition-record' },
  withdrawRecord: { action: 'withdraw', resource: 'recognition-record' },
  setRegisterEntry: { action: 'update', resource: 'mutual-recognition-register' },
} as const;

const entryParams = z.strictObject({ table: z.string(), key: z.string() });
const codeParams = z.strictObject({ code: z.string() });
/** The reason is checked by the records service, which the withdrawal form shares. */
const withdrawalBody = z.object({ reason: z.unknown().optional() }).optional();

/** Whether one role may attempt an action on a resource; the default asks the one policy. */
export type MayAttempt = (role: string, action: string, resource: string) => boolean;

const policyMay: MayAttempt = (role, action, resource) =>
  isKnownPair(action, resource) && mayAttempt([role as Role], action as Action, resource as Resource);

/** The actor's membership that may perform the action, as the audit trail should name it. */
export function changeActor(
  req: FastifyRequest,
  action: string,
  resource: string,
  may = policyMay,
): ChangeActor {
  const actor = req.actor;
  if (!actor) throw new AppError('unauthenticated', { detail: 'Sign in first.' });
  const membership = actor.memberships.find((m) => may(m.role, action, resource));
  if (!membership) throw new AppError('forbidden', { detail: 'Your roles do not allow this.' });
  return { personId: actor.personId, role: membership.role, organisationId: membership.organisationId };
}

export function registerRegistryAdmin(
  app: FastifyInstance,
  services: {
    corrections: ReturnType<typeof createCorrectionsService>;
    records: RecordsService;
    register: RegisterService;
  },
  options: { may?: MayAttempt } = {},
) {
  const policy = (p: { action: string; resource: string }) =>
    ({ policy: p }) as unknown as { policy: { action: Action; resource: Resource } };
  const p = ADMIN_POLICIES;
  const who = (req: FastifyRequest, pair: { action: string; resource: string }) =>
    changeActor(req, pair.action, pair.resource, options.may);

  /** Answers 401/403 before a route's input is read (its validation error is raised after this). */
  const guard = (pair: { action: string; resource: string }) => async (req: FastifyRequest) => {
    who(req, pair);
  };
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['registry'];

  api.patch(
    '/api/v1/registry/:table/:key',
    {
      config: policy(p.correct),
      preHandler: guard(p.correct),
      schema: {
        summary: 'Correct a registry entry; the change keeps its history',
        tags,
        params: entryParams,
        body: withExample(correctionBody, {
          changes: { email: 'anerkennung@beispielland.example' },
          reason: 'The authority changed its address (letter of 2 November 2026).',
        }),
      },
    },
    async (req) => {
      const { table, key } = req.params;
      return services.corrections.correct(who(req, p.correct), table, key, req.body);
    },
  );
  api.get(
    '/api/v1/registry/:table/:key/history',
    {
      config: policy(p.correct),
      preHandler: guard(p.correct),
      schema: { summary: 'The corrections of a registry entry, newest first', tags, params: entryParams },
    },
    async (req) => {
      const { table, key } = req.params;
      who(req, p.correct);
      return { changes: await services.corrections.history(table, key) };
    },
  );
  api.post(
    '/api/v1/recognition/records',
    {
      config: policy(p.issueRecord),
      preHandler: guard(p.issueRecord),
      schema: {
        summary: 'Record a recognition decision and issue its signed record',
        tags,
        body: withExample(recordBody, {
          person: { name: 'Olena Beispiel', birthDate: '1985-06-15' },
          profession: { title: 'Pflegefachfrau', key: 'nurse', kldb: '81302' },
          equivalence: 'partial',
          adjustmentMeasures: ['Anpassungslehrgang, 6 Monate'],
          authority: 'Anerkennungsstelle Beispielland',
          legalBasis: '§ 2 Abs. 3 PflBG',
          decisionDate: '2026-10-01',
          issuingState: 'SN',
          noticeReference: 'AZ 2026-0815',
        }),
        success: { status: 201 },
      },
    },
    async (req, reply) => {
      const issued = await services.records.issue(who(req, p.issueRecord), req.body);
      return reply
        .status(201)
        .send({ code: issued.code, record: issued.payload, signature: issued.signature });
    },
  );
  api.post(
    '/api/v1/recognition/records/:code/withdrawal',
    {
      config: policy(p.withdrawRecord),
      preHandler: guard(p.withdrawRecord),
      schema: {
        summary: 'Withdraw a recognition record; it stays verifiable as withdrawn',
        tags,
        params: codeParams,
        body: withExample(withdrawalBody, {
          reason: 'Entered in error: the decision belongs to another person.',
        }),
        success: { status: 204 },
      },
    },
    async (req, reply) => {
      const { code } = req.params;
      const reason = req.body?.reason;
      await services.records.withdraw(
        who(req, p.withdrawRecord),
        code,
        typeof reason === 'string' ? reason : '',
      );
      return reply.status(204).send();
    },
  );
  api.put(
    '/api/v1/recognition/register',
    {
      config: policy(p.setRegisterEntry),
      preHandler: guard(p.setRegisterEntry),
      schema: {
        summary: 'Set the mutual-recognition answer for a profession and a pair of states',
        tags,
        body: withExample(registerEntryBody, {
          profession: 'teacher',
          fromState: 'SN',
          toState: 'TH',
          outcome: 'notification',
          bridgingStep: null,
          legalBasis: '§ 13 ThürLbG',
          source: 'https://example.org/amtsblatt/2026/17',
          reason: 'New state law in force since 1 August 2026.',
        }),
      },
    },
    async (req) => services.register.setEntry(who(req, p.setRegisterEntry), req.body),
  );
}
