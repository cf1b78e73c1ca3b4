/**
 * The public fair page and the applicant's pages: registration (time zone, country), booking a slot (one per
 * slot: a second booking of the same slot answers 409 naming `slot`) and the meeting's calendar file.
 */
import { inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { decideFor } from '../../domain/access/policy.ts';
import { isTimeZone } from '../../domain/capacity/slots.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { calendarFile } from '../../platform/ical/index.ts';
import type { Services } from '../../services.ts';
import type { ViewContext } from '../../web/context.ts';
import { isCountryCode } from '../../web/countries.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { todayIso } from '../jobs/index.ts';
import { organisation } from '../people/index.ts';
import { bookingRelations } from './access.ts';
import { FairPage, RegistrationPage } from './fair-views.tsx';
import { actorOf, noFair, param } from './http.ts';
import { FAIR_PATHS } from './paths.ts';
import { type FairDetail, isPublic } from './read.ts';
import { occupationTitles } from './words.tsx';

const DEFAULT_ZONE = 'Europe/Berlin';

export function registerApplicantPages(app: FastifyInstance, deps: AppDeps, services: Services) {
  const fairs = services.fairs;
  const db = fairs.db;

  async function publicFair(id: string) {
    const f = await fairs.fairById(id);
    if (!f || !isPublic(f)) throw noFair();
    return f;
  }

  async function registrationPage(
    ctx: ViewContext,
    actor: Actor,
    f: FairDetail,
    extra: { errors?: FieldError[]; input?: { timeZone: string; countryCode: string } } = {},
  ) {
    const registration = (await fairs.registrationOf(f.id, actor.personId)) ?? null;
    const input = extra.input ?? {
      timeZone: registration?.timeZone ?? DEFAULT_ZONE,
      countryCode: registration?.countryCode ?? '',
    };
    const approved = new Set(
      f.exhibitors.filter((e) => e.status === 'approved').map((e) => e.organisationId),
    );
    const now = deps.now();
    const slots = (await fairs.slotsOf(f.id)).filter(
      (s) => approved.has(s.organisationId) && s.startsAt > now,
    );
    return (
      <RegistrationPage
        ctx={ctx}
        f={f}
        registration={registration}
        input={input}
        slots={slots}
        bookings={await fairs.myBookings(f.id, actor.personId)}
        errors={extra.errors ?? []}
      />
    );
  }

  definePage(app, deps.web, {
    paths: FAIR_PATHS.fair,
    policy: { public: 'a public job fair: organisers, talks, exhibitors and their published ads' },
    handler: async (req, _reply, ctx) => {
      const f = await publicFair(param(req, 'id'));
      const approved = f.exhibitors.filter((e) => e.status === 'approved').map((e) => e.organisationId);
      const ownIds = (req.actor?.memberships ?? [])
        .filter((m) => (m.role === 'employer-admin' || m.role === 'employer-member') && m.organisationId)
        .map((m) => m.organisationId as string);
      const employers =
        ownIds.length === 0
          ? []
          : await db
              .select({ id: organisation.id, name: organisation.name })
              .from(organisation)
              .where(inArray(organisation.id, ownIds));
      const registration = req.actor ? await fairs.registrationOf(f.id, req.actor.personId) : undefined;
      return (
        <FairPage
          ctx={ctx}
          f={f}
          names={await occupationTitles(db, f.occupations)}
          ads={await fairs.exhibitorAds(approved, todayIso(deps.now()))}
          employers={employers}
          applicant={(req.actor?.memberships ?? []).some((m) => m.role === 'applicant')}
          officer={(req.actor?.memberships ?? []).some((m) => m.role === 'ministry-officer')}
          timeZone={registration?.timeZone ?? f.timeZone}
        />
      );
    },
  });

  definePage(app, deps.web, {
    paths: FAIR_PATHS.register,
    policy: { action: 'create', resource: 'fair-booking' },
    handler: async (req, _reply, ctx) =>
      registrationPage(ctx, actorOf(req), await publicFair(param(req, 'id'))),
  });

  definePage(app, deps.web, {
    paths: FAIR_PATHS.register,
    method: 'POST',
    policy: { action: 'create', resource: 'fair-booking' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const f = await publicFair(param(req, 'id'));
      const body = (req.body ?? {}) as Record<string, unknown>;
      const input = {
        timeZone: typeof body.timeZone === 'string' ? body.timeZone.trim() : '',
        countryCode: typeof body.countryCode === 'string' ? body.countryCode.trim().toUpperCase() : '',
      };
      const errors: FieldError[] = [];
      if (!isTimeZone(input.timeZone) || input.timeZone === '')
        errors.push({ field: 'timeZone', rule: 'zone', message: ctx.t.t('fairs.error.timeZone-zone') });
      if (!isCountryCode(input.countryCode))
        errors.push({
          field: 'countryCode',
          rule: 'country',
          message: ctx.t.t('fairs.error.countryCode-country'),
        });
      if (errors.length > 0)
        return { status: 422, view: await registrationPage(ctx, actor, f, { errors, input }) };
      const r = await fairs.register(actor, f, input, deps.now());
      if (r.kind === 'forbidden') throw new AppError('forbidden', { detail: 'Only an applicant registers.' });
      return { redirect: localizedUrl(FAIR_PATHS.register, ctx.locale, { id: f.id }) };
    },
  });

  definePage(app, deps.web, {
    paths: FAIR_PATHS.book,
    method: 'POST',
    policy: { action: 'create', resource: 'fair-booking' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const f = await publicFair(param(req, 'id'));
      const r = await fairs.book(actor, f, param(req, 'slot'), deps.now());
      if (r.kind === 'forbidden') throw new AppError('forbidden', { detail: 'Only an applicant books.' });
      if (r.kind === 'refused') {
        const status = r.rule === 'taken' ? 409 : r.rule === 'exists' ? 404 : 422;
        const errors = [
          { field: r.field, rule: r.rule, message: ctx.t.t(`fairs.error.${r.field}-${r.rule}`) },
        ];
        return { status, view: await registrationPage(ctx, actor, f, { errors }) };
      }
      return { redirect: localizedUrl(FAIR_PATHS.register, ctx.locale, { id: f.id }) };
    },
  });

  for (const locale of ['de', 'en'] as const)
    app.get(
      `/${locale}${FAIR_PATHS.calendar[locale]}`,
      { config: { policy: { action: 'read', resource: 'fair-booking' } } },
      async (req, reply) => {
        const actor = actorOf(req);
        const b = await fairs.bookingById(param(req, 'booking'));
        const target = b ? { personId: b.booking.personId, organisationId: b.organisationId } : null;
        const own =
          target && decideFor(actor, 'read', 'fair-booking', (m) => bookingRelations(actor, m, target));
        if (!b || !own?.allow || b.booking.personId !== actor.personId) throw new AppError('not-found');
        const f = await fairs.fairById(b.booking.fairId);
        const exhibitor = f?.exhibitors.find((e) => e.organisationId === b.organisationId)?.name ?? '';
        const t = deps.web.i18n.translator(locale);
        const body = calendarFile({
          product: 'Job fairs',
          events: [
            {
              uid: `${b.booking.id}@chancenregion`,
              start: b.startsAt,
              minutes: b.minutes,
              summary: t.t('fairs.ics.summary', { exhibitor, fair: f?.title ?? '' }),
              description: t.t('fairs.ics.description'),
            },
          ],
          stamp: deps.now(),
        });
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', 'attachment; filename="job-fair-meeting.ics"')
          .send(body);
      },
    );
}
