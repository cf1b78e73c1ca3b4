/**
 * What the appointment pages share: who the signed-in person is for the request service, the service point a staff
 * member acts for (with the declared policy's object-level decision), field errors in the page's language and the
 * notice after a change (post/redirect/get).
 */
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import {
  decideFor,
  type Membership,
  organisationRelations,
  type Relation,
} from '../../domain/access/policy.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { ViewContext } from '../../web/context.ts';
import { organisation } from '../people/index.ts';
import { type Staff, serviceTypesFor } from './calendar.ts';

const STAFF_ROLES = ['mission-officer', 'foreigners-office-caseworker', 'counsellor'];

/** Field errors in the page's language, naming the field (GOV.UK error summary pattern). */
export function localised(
  ctx: ViewContext,
  errors: readonly FieldError[],
  body: Readonly<Record<string, unknown>> = {},
): FieldError[] {
  return errors.map((e) => {
    const value = body[e.field];
    const missing =
      e.rule === 'required' || value === undefined || (typeof value === 'string' && value.trim() === '');
    return {
      ...e,
      message: ctx.t.t('appointments.error.field', {
        field: ctx.t.t(`appointments.label.${e.field}`),
        rule: ctx.t.t(`appointments.rule.${missing ? 'required' : 'format'}`),
      }),
    };
  });
}

/** The signed-in person as an actor of the request service. */
export function personOf(req: FastifyRequest) {
  const actor = req.actor;
  if (!actor) throw new AppError('not-found');
  return { personId: actor.personId, role: 'applicant', organisationId: null };
}

/** May the actor do `action` on a request of `personId` at `organisationId`? (the declared policy) */
export function mayOnRequest(
  req: FastifyRequest,
  action: 'read' | 'update',
  personId: string,
  organisationId: string,
): boolean {
  const actor = req.actor;
  if (!actor) return false;
  return decideFor(actor, action, 'appointment-request', (m) => {
    const out = new Set<Relation>(organisationRelations(m, { organisationId }));
    if (m.organisationId === null && personId === actor.personId) out.add('own');
    return out;
  }).allow;
}

/** The staff membership of a service point, with the organisation's name and kinds of appointment; 404 otherwise. */
export async function staffOf(
  db: Database,
  req: FastifyRequest,
  action: 'read' | 'update',
  resource: 'appointment-calendar' | 'appointment-request',
) {
  const actor = req.actor;
  const m = actor?.memberships.find(
    (x): x is Membership & { organisationId: string } =>
      STAFF_ROLES.includes(x.role) && x.organisationId !== null,
  );
  if (!actor || !m) throw new AppError('not-found');
  const d = decideFor(actor, action, resource, (x) =>
    organisationRelations(x, { organisationId: m.organisationId }),
  );
  if (!d.allow) throw new AppError('not-found');
  const [org] = await db
    .select({ name: organisation.name, kind: organisation.kind })
    .from(organisation)
    .where(eq(organisation.id, m.organisationId));
  if (!org) throw new AppError('not-found');
  const staff: Staff = { personId: actor.personId, role: m.role, organisationId: m.organisationId };
  return { staff, name: org.name, types: serviceTypesFor(org.kind) };
}

/** The notice after a change (`?done=<what>`), if the page knows that word. */
export function doneNotice(req: FastifyRequest, ctx: ViewContext): string | undefined {
  const d = (req.query as Record<string, unknown>).done;
  return typeof d === 'string' && /^[a-z-]{2,30}$/.test(d) && ctx.t.has(`appointments.done.${d}`)
    ? ctx.t.t(`appointments.done.${d}`)
    : undefined;
}
