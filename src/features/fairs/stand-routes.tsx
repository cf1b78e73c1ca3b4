/**
 * The exhibitor's pages: the stand (apply, slots, bookings), publishing a slot, recording a meeting and handing an
 * offer off into a journey. Only the people of the employer (policy `fair-exhibitor`, `fair-booking`); others 404.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import type { ViewContext } from '../../web/context.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { todayIso } from '../jobs/index.ts';
import { organisation } from '../people/index.ts';
import { standMembership } from './access.ts';
import { checkSlot } from './fair-form.ts';
import { actorOf, noFair, param } from './http.ts';
import { FAIR_PATHS } from './paths.ts';
import { type FairDetail, isPublic, UUID } from './read.ts';
import { ATTENDANCE, type Attendance, OUTCOMES, type Outcome } from './schema.ts';
import { type SlotInput, StandPage } from './stand-views.tsx';

const EMPTY_SLOT: SlotInput = { day: '', start: '', minutes: '30' };

export function registerStandPages(app: FastifyInstance, deps: AppDeps, services: Services) {
  const fairs = services.fairs;
  const db = fairs.db;
  const fieldError = (ctx: ViewContext, field: string, rule: string): FieldError => ({
    field,
    rule,
    message: ctx.t.t(`fairs.error.${field}-${rule}`),
  });

  /** The fair and the employer of the address, if the actor is one of the employer's people (else 404). */
  async function standOf(fairId: string, org: string, actor: Actor) {
    const f = await fairs.fairById(fairId);
    if (!f || !isPublic(f) || !UUID.test(org) || !standMembership(actor, 'read', org)) throw noFair();
    const [employer] = await db
      .select({ id: organisation.id, name: organisation.name })
      .from(organisation)
      .where(eq(organisation.id, org));
    if (!employer) throw noFair();
    return { f, employer };
  }

  async function standPage(
    ctx: ViewContext,
    actor: Actor,
    s: { f: FairDetail; employer: { id: string; name: string } },
    extra: { errors?: FieldError[]; slot?: SlotInput } = {},
  ) {
    const now = deps.now();
    const status = s.f.exhibitors.find((e) => e.organisationId === s.employer.id)?.status ?? null;
    return (
      <StandPage
        ctx={ctx}
        f={s.f}
        employer={s.employer}
        status={status}
        slots={status === 'approved' ? await fairs.slotsOf(s.f.id, s.employer.id) : []}
        bookings={status === 'approved' ? await fairs.standBookings(actor, s.f.id, s.employer.id, now) : []}
        ads={await fairs.exhibitorAds([s.employer.id], todayIso(now))}
        slot={extra.slot ?? EMPTY_SLOT}
        errors={extra.errors ?? []}
      />
    );
  }

  /** The stand again with the errors of a refused form, naming each field. */
  async function refused(
    ctx: ViewContext,
    actor: Actor,
    s: Parameters<typeof standPage>[2],
    status: number,
    errors: FieldError[],
    slot?: SlotInput,
  ) {
    return { status, view: await standPage(ctx, actor, s, { errors, ...(slot ? { slot } : {}) }) };
  }

  const standUrl = (locale: 'de' | 'en', fairId: string, org: string) =>
    localizedUrl(FAIR_PATHS.stand, locale, { id: fairId, org });

  definePage(app, deps.web, {
    paths: FAIR_PATHS.stand,
    policy: { action: 'read', resource: 'fair-exhibitor' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      return standPage(ctx, actor, await standOf(param(req, 'id'), param(req, 'org'), actor));
    },
  });

  definePage(app, deps.web, {
    paths: FAIR_PATHS.apply,
    method: 'POST',
    policy: { action: 'create', resource: 'fair-exhibitor' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const s = await standOf(param(req, 'id'), param(req, 'org'), actor);
      const r = await fairs.apply(actor, s.f, s.employer.id, deps.now());
      if (r.kind === 'forbidden') throw noFair();
      if (r.kind === 'refused') return refused(ctx, actor, s, 409, [fieldError(ctx, r.field, r.rule)]);
      return { redirect: standUrl(ctx.locale, s.f.id, s.employer.id) };
    },
  });

  definePage(app, deps.web, {
    paths: FAIR_PATHS.slots,
    method: 'POST',
    policy: { action: 'update', resource: 'fair-exhibitor' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const s = await standOf(param(req, 'id'), param(req, 'org'), actor);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim() : '');
      const slot = { day: text('day'), start: text('start'), minutes: text('minutes') };
      const checked = checkSlot(slot, s.f);
      if (!checked.value) {
        const errors = checked.errors.map((e) => fieldError(ctx, e.field, e.rule));
        return refused(ctx, actor, s, 422, errors, slot);
      }
      const r = await fairs.publishSlot(actor, s.f, s.employer.id, checked.value, deps.now());
      if (r.kind === 'forbidden') throw noFair();
      if (r.kind === 'refused') return refused(ctx, actor, s, 409, [fieldError(ctx, r.field, r.rule)], slot);
      return { redirect: standUrl(ctx.locale, s.f.id, s.employer.id) };
    },
  });

  /** The booking of the address and its stand, for the exhibitor's people (else 404). */
  async function meetingOf(actor: Actor, bookingId: string) {
    const b = await fairs.bookingById(bookingId);
    if (!b) throw new AppError('not-found', { detail: 'No such meeting.' });
    return { b, s: await standOf(b.booking.fairId, b.organisationId, actor) };
  }

  definePage(app, deps.web, {
    paths: FAIR_PATHS.record,
    method: 'POST',
    policy: { action: 'update', resource: 'fair-booking' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const { b, s } = await meetingOf(actor, param(req, 'booking'));
      const body = (req.body ?? {}) as Record<string, unknown>;
      const attendance = typeof body.attendance === 'string' ? body.attendance : '';
      const outcome = typeof body.outcome === 'string' ? body.outcome : '';
      const errors: FieldError[] = [];
      if (!(ATTENDANCE as readonly string[]).includes(attendance))
        errors.push(fieldError(ctx, 'attendance', 'choice'));
      if (attendance === 'attended' && !(OUTCOMES as readonly string[]).includes(outcome))
        errors.push(fieldError(ctx, 'outcome', 'choice'));
      if (errors.length > 0) return refused(ctx, actor, s, 422, errors);
      const r = await fairs.recordOutcome(
        actor,
        b.booking.id,
        attendance as Attendance,
        attendance === 'attended' ? (outcome as Outcome) : null,
        deps.now(),
      );
      if (r.kind === 'not-found' || r.kind === 'forbidden') throw new AppError('not-found');
      if (r.kind === 'refused') return refused(ctx, actor, s, 409, [fieldError(ctx, r.field, r.rule)]);
      return { redirect: standUrl(ctx.locale, s.f.id, s.employer.id) };
    },
  });

  definePage(app, deps.web, {
    paths: FAIR_PATHS.handOff,
    method: 'POST',
    policy: { action: 'update', resource: 'fair-booking' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const { b, s } = await meetingOf(actor, param(req, 'booking'));
      const adId = (req.body as Record<string, unknown> | undefined)?.adId;
      const r = await fairs.handOff(
        actor,
        { bookingId: b.booking.id, adId: typeof adId === 'string' ? adId : '' },
        deps.now(),
      );
      if (r.kind === 'not-found') throw new AppError('not-found');
      if (r.kind === 'refused') {
        const status = r.field === 'ad' ? 422 : 409;
        const rule = r.field === 'journey' ? 'refused' : r.rule;
        return refused(ctx, actor, s, status, [fieldError(ctx, r.field, rule)]);
      }
      return { redirect: standUrl(ctx.locale, s.f.id, s.employer.id) };
    },
  });
}
