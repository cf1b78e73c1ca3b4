/**
 * Routes of an employer's invitation of a candidate (issue 16). The employer side needs a membership of the
 * employer that the policy lets invite (`employer-invitation` create); only a confirmed employer sends (409 naming
 * `email` otherwise, the same rule as publishing). The candidate side needs a signed-in applicant holding the
 * link; an unknown, answered or expired link is a 404. Agreeing gives the journey's `invite-employer` command as
 * the candidate; the invitation is then marked answered. Bad input answers 422 naming the field.
 */

import { and, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import type { ViewContext } from '../../web/context.ts';
import { parseForm } from '../../web/forms.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { JOURNEY_PATHS, JourneyRefusal, journey, pathwayTitle } from '../journey/index.ts';
import { CandidatePage, InvitationsPage, type OwnJourney } from './invitation-views.tsx';
import { createInvitations, inviterOf } from './invitations.ts';
import { EMPLOYER_PATHS } from './paths.ts';
import { employersBy } from './service.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const inviteForm = z.object({
  name: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().min(2).max(200)),
  email: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''), z.email().max(254)),
});

function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', { detail: 'Sign in first.' });
  return req.actor;
}

export function registerInvitations(app: FastifyInstance, deps: AppDeps, services: Services) {
  const db = deps.database.db;
  const invitations = createInvitations(db, services.mailer, services.identity.baseUrl);

  /** The employer of the address and the membership that may invite for it; 404 for everyone else. */
  async function employerOf(req: FastifyRequest) {
    const actor = actorOf(req);
    const id = (req.params as { id?: string }).id ?? '';
    const [e] = UUID.test(id) ? await employersBy(db, [id]) : [];
    const m = e ? inviterOf(actor, e) : undefined;
    if (!e || !m) throw new AppError('not-found', { detail: 'No such employer.' });
    return { actor, e, m };
  }

  async function listPage(
    req: FastifyRequest,
    ctx: ViewContext,
    extra: { input?: { name: string; email: string }; errors?: FieldError[]; sent?: boolean } = {},
  ) {
    const { actor, e, m } = await employerOf(req);
    const now = services.now();
    const rows = await invitations.list(actor, m, e.organisationId, now);
    return (
      <InvitationsPage
        ctx={ctx}
        e={e}
        rows={rows}
        now={now}
        input={extra.input ?? { name: '', email: '' }}
        errors={extra.errors ?? []}
        sent={extra.sent ?? false}
      />
    );
  }

  definePage(app, deps.web, {
    paths: EMPLOYER_PATHS.invitations,
    policy: { action: 'read', resource: 'employer-invitation' },
    handler: async (req, _reply, ctx) =>
      listPage(req, ctx, { sent: (req.query as Record<string, unknown>).sent === '1' }),
  });

  definePage(app, deps.web, {
    paths: EMPLOYER_PATHS.invitations,
    method: 'POST',
    policy: { action: 'create', resource: 'employer-invitation' },
    handler: async (req, _reply, ctx) => {
      const { actor, e, m } = await employerOf(req);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const input = { name: String(body.name ?? ''), email: String(body.email ?? '') };
      const form = parseForm(inviteForm, req.body, (f) => ctx.t.t(`employers.invite.error.${f.field}`));
      if (!form.ok) return { status: 422, view: await listPage(req, ctx, { input, errors: form.errors }) };
      if (e.trust !== 'confirmed') {
        const error = {
          field: 'email',
          rule: 'employer-not-confirmed',
          message: ctx.t.t('employers.invite.not-confirmed'),
        };
        return { status: 409, view: await listPage(req, ctx, { input, errors: [error] }) };
      }
      await invitations.invite(actor, m, e, form.values, services.now());
      return {
        redirect: `${localizedUrl(EMPLOYER_PATHS.invitations, ctx.locale, { id: e.organisationId })}?sent=1`,
      };
    },
  });

  /** The open invitation of the address and the candidate's own open journeys. */
  async function candidateView(req: FastifyRequest, ctx: ViewContext) {
    const actor = actorOf(req);
    const token = (req.params as { token?: string }).token ?? '';
    const row = await invitations.open(token, services.now());
    const [e] = row ? await employersBy(db, [row.organisationId]) : [];
    if (!row || !e) throw new AppError('not-found', { detail: 'This invitation is not open.' });
    const own = await db
      .select({ id: journey.id, pathway: journey.pathway })
      .from(journey)
      .where(
        and(eq(journey.applicantId, actor.personId), eq(journey.status, 'open'), isNull(journey.linkedTo)),
      )
      .orderBy(desc(journey.openedAt));
    const journeys: OwnJourney[] = own.map((j) => ({ ...j, label: pathwayTitle(ctx, j.pathway) }));
    return { actor, token, row, e, journeys };
  }

  const candidatePage = (
    ctx: ViewContext,
    v: Awaited<ReturnType<typeof candidateView>>,
    errors: FieldError[],
  ) => (
    <CandidatePage
      ctx={ctx}
      employer={v.e}
      token={v.token}
      journeys={v.journeys}
      startUrl={localizedUrl(JOURNEY_PATHS.mine, ctx.locale)}
      errors={errors}
    />
  );

  definePage(app, deps.web, {
    paths: EMPLOYER_PATHS.invitation,
    policy: { action: 'update', resource: 'employer-invitation' },
    handler: async (req, _reply, ctx) => candidatePage(ctx, await candidateView(req, ctx), []),
  });

  definePage(app, deps.web, {
    paths: EMPLOYER_PATHS.invitation,
    method: 'POST',
    policy: { action: 'update', resource: 'employer-invitation' },
    handler: async (req, _reply, ctx) => {
      const v = await candidateView(req, ctx);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const page = (status: number, errors: FieldError[]) => ({
        status,
        view: candidatePage(ctx, v, errors),
      });
      const now = services.now();
      if (body.answer === 'decline') {
        await invitations.answer(v.actor, v.row, 'declined', null, now);
        return { redirect: localizedUrl(JOURNEY_PATHS.mine, ctx.locale) };
      }
      if (body.answer !== 'accept')
        return page(422, [
          { field: 'answer', rule: 'enum', message: ctx.t.t('employers.candidate.error.answer') },
        ]);
      const chosen = v.journeys.find((j) => j.id === body.journey);
      if (!chosen)
        return page(422, [
          { field: 'journey', rule: 'required', message: ctx.t.t('employers.candidate.error.journey') },
        ]);
      try {
        await services.journeys.command(v.actor, chosen.id, {
          type: 'invite-employer',
          employerId: v.e.organisationId,
        });
      } catch (error) {
        if (!(error instanceof JourneyRefusal)) throw error;
        return page(error.status, [
          { field: 'journey', rule: error.refusal.code, message: ctx.t.t(error.refusal.messageKey) },
        ]);
      }
      await invitations.answer(v.actor, v.row, 'accepted', chosen.id, now);
      return { redirect: localizedUrl(JOURNEY_PATHS.journey, ctx.locale, { id: chosen.id }) };
    },
  });
}
