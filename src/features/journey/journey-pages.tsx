/** "Mein Weg" (the applicant's journeys, and opening one), the journey page of every party, and its commands. */
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { momentOf, taskList } from '../../domain/journey/index.ts';
import { PATHWAY_IDS } from '../../domain/law/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { ViewContext } from '../../web/context.ts';
import { definePage, type WebDeps } from '../../web/page.tsx';
import { documentsVisibleTo, ownDocuments } from '../documents/index.ts';
import { organisation } from '../people/index.ts';
import { viewerOf } from './api.ts';
import type { FamilyService } from './family.ts';
import { familyEntries } from './family-read.ts';
import { FamilyLinkSection, FamilySection } from './family-views.tsx';
import { commandSchema, openSchema, toCommandInput } from './input.ts';
import { JourneyPage } from './journey-view.tsx';
import { MinePage, type OpenForm } from './mine-view.tsx';
import { actorOf, done, formOf, localise, parse, refusedNotice, refusedOf, saved } from './page-forms.ts';
import { href, JOURNEY_PATHS } from './paths.tsx';
import { journeyJson } from './present.ts';
import { journeysFor, noticesFor } from './queries.ts';
import { JourneyRefusal, type JourneyService } from './service.ts';
import type { Notice } from './view-parts.tsx';

export function registerMineAndJourneyPages(
  app: FastifyInstance,
  web: WebDeps,
  service: JourneyService,
  family: FamilyService,
) {
  const db = service.db;
  const today = () => momentOf(service.now().toISOString()).date;

  async function renderJourney(
    req: FastifyRequest,
    ctx: ViewContext,
    id: string,
    extra: { notice?: Notice | undefined; errors?: FieldError[] } = {},
  ) {
    const actor = actorOf(req);
    const read = await service.read(actor, id, 'view journey page', { history: true, family: true });
    const viewer = viewerOf(read);
    const json = journeyJson(
      read.row,
      read.organisations,
      viewer,
      today(),
      service.deadlines,
      service.params,
    );
    const organisationIds = actor.memberships
      .map((m) => m.organisationId)
      .filter((x): x is string => x !== null);
    const party =
      viewer === 'applicant' || viewer === 'employer'
        ? viewer
        : viewer === 'family'
          ? 'observer'
          : 'organisation';
    const tasks = taskList(read.row.state, { party, organisationIds });
    const consented =
      viewer === 'applicant'
        ? read.consentedIds.flatMap((id) => {
            const o = read.organisations.get(id);
            return o ? [{ id: o.id, name: o.name }] : [];
          })
        : [];
    const employers =
      tasks.next?.action === 'invite-employer'
        ? await db
            .select({ id: organisation.id, name: organisation.name })
            .from(organisation)
            .where(eq(organisation.kind, 'employer'))
            .orderBy(organisation.name)
            .limit(200)
        : [];
    const shared =
      viewer === 'applicant' || viewer === 'family'
        ? undefined
        : ((await documentsVisibleTo(db, service.now(), actor, read.row.applicantId)) ?? []);
    const own =
      viewer === 'applicant' && tasks.next?.action === 'submit-documents'
        ? await ownDocuments(db, read.row.applicantId)
        : undefined;
    const link = await family.linkOf(actor, read.row);
    const relatives = link ? [] : familyEntries(read, today());
    return (
      <JourneyPage
        ctx={ctx}
        journey={json}
        viewer={viewer}
        shared={shared}
        own={own}
        organisationIds={organisationIds}
        tasks={tasks}
        consented={consented}
        employers={employers}
        history={read.history}
        notice={extra.notice}
        errors={extra.errors ?? []}
        family={
          link ? (
            <FamilyLinkSection ctx={ctx} link={link} />
          ) : (
            <FamilySection
              ctx={ctx}
              journeyId={read.row.id}
              entries={relatives}
              mayAdd={viewer === 'applicant' && read.row.linkedTo === null}
            />
          )
        }
      />
    );
  }

  async function renderMine(req: FastifyRequest, ctx: ViewContext, form?: OpenForm, errors?: FieldError[]) {
    const actor = actorOf(req);
    const journeys = await journeysFor(db, actor, 'applicant', service.now());
    const notices = await noticesFor(db, { personId: actor.personId });
    return (
      <MinePage ctx={ctx} journeys={journeys} notices={notices} form={form ?? {}} errors={errors ?? []} />
    );
  }

  definePage(app, web, {
    paths: JOURNEY_PATHS.mine,
    policy: { action: 'read', resource: 'journey' },
    nav: { labelKey: 'journeys.nav.mine', order: 5, roles: ['applicant', 'family-member'] },
    handler: async (req, _reply, ctx) => {
      const pathway = (req.query as Record<string, unknown>).pathway;
      const chosen = typeof pathway === 'string' && (PATHWAY_IDS as readonly string[]).includes(pathway);
      return renderMine(req, ctx, chosen ? { pathway } : undefined);
    },
  });

  definePage(app, web, {
    paths: JOURNEY_PATHS.mine,
    method: 'POST',
    policy: { action: 'create', resource: 'journey' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const f = formOf(req);
      const form: OpenForm = {
        pathway: f.pathway ?? '',
        kind: f.kind ?? '',
        regulation: f.regulation ?? '',
        location: f.location ?? '',
        occupation: f.occupation ?? '',
        stateCode: f.stateCode ?? '',
        districtAgs: f.districtAgs ?? '',
        countryCode: (f.countryCode ?? '').trim().toUpperCase(),
      };
      const parsed = parse(openSchema, {
        facts: {
          pathway: form.pathway || undefined,
          qualification: { kind: form.kind || undefined, regulation: form.regulation || undefined },
          employerUses81a: false,
          location: form.location || undefined,
        },
        occupation: form.occupation?.trim() || null,
        place: {
          stateCode: form.stateCode || undefined,
          districtAgs: form.districtAgs?.trim() || null,
          countryCode: form.countryCode || null,
        },
      });
      if ('errors' in parsed)
        return { status: 422, view: await renderMine(req, ctx, form, localise(ctx, parsed.errors)) };
      try {
        const result = await service.open(actor, parsed.data);
        return { redirect: href(ctx, 'journey', { id: result.body.journeyId }) };
      } catch (error) {
        if (!(error instanceof JourneyRefusal)) throw error;
        const field = error.refusal.field ?? 'pathway';
        const errors = [
          {
            field: `body.facts.${field}`,
            rule: error.refusal.code,
            message: ctx.t.t(error.refusal.messageKey),
          },
        ];
        return { status: error.status, view: await renderMine(req, ctx, form, errors) };
      }
    },
  });

  definePage(app, web, {
    paths: JOURNEY_PATHS.journey,
    policy: { action: 'read', resource: 'journey' },
    handler: async (req, _reply, ctx) => {
      const { id } = req.params as { id: string };
      const refused = refusedOf(req);
      const notice = refused ? refusedNotice(ctx, refused) : saved(req) ? done(ctx) : undefined;
      return renderJourney(req, ctx, id, notice ? { notice } : {});
    },
  });

  definePage(app, web, {
    paths: JOURNEY_PATHS.command,
    method: 'POST',
    policy: { action: 'update', resource: 'journey' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const { id } = req.params as { id: string };
      const f = formOf(req);
      const body: Record<string, unknown> = { type: f.type };
      if (f.step !== undefined) body.step = f.step;
      if (f.type === 'invite-employer') body.employerId = f.employerId;
      if (f.type === 'start-accelerated-procedure') body.powerOfAttorney = f.powerOfAttorney === 'yes';
      if (f.type === 'submit-documents') {
        const raw = (req.body as Record<string, unknown> | undefined)?.documents;
        body.documents = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
          (x): x is string => typeof x === 'string',
        );
      }
      const parsed = parse(commandSchema, body);
      if ('errors' in parsed)
        return {
          status: 422,
          view: await renderJourney(req, ctx, id, { errors: localise(ctx, parsed.errors) }),
        };
      try {
        await service.command(actor, id, toCommandInput(parsed.data));
      } catch (error) {
        if (!(error instanceof JourneyRefusal)) throw error;
        // A refusal about what the form sent (no document chosen) comes back with the form, 4xx;
        // one about the journey's state goes to the journey page (post/redirect/get), so that a
        // reload reads the page again instead of sending the form once more.
        if (error.refusal.field !== undefined)
          return {
            status: error.status,
            view: await renderJourney(req, ctx, id, { notice: refusedNotice(ctx, error.refusal.code) }),
          };
        return { redirect: `${href(ctx, 'journey', { id })}?refused=${error.refusal.code}` };
      }
      return { redirect: `${href(ctx, 'journey', { id })}?done=1` };
    },
  });
}
