/**
 * The journey's pages (German and English, no JavaScript needed): forms post and redirect with 303; bad input
 * re-renders with 422 and an error summary; refusals of the core re-render with their message.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../../domain/access/policy.ts';
import { momentOf, STEP_KINDS, STEP_ROLES, type StepKind } from '../../domain/journey/index.ts';
import { PATHWAY_IDS } from '../../domain/law/index.ts';
import { AppError, type FieldError, fieldErrors } from '../../platform/http/errors.ts';
import type { ViewContext } from '../../web/context.ts';
import { definePage, type WebDeps } from '../../web/page.tsx';
import { documentsVisibleTo, ownDocuments } from '../documents/index.ts';
import { organisation } from '../people/index.ts';
import type { RecordsService } from '../registry/index.ts';
import { viewerOf } from './api.ts';
import type { FamilyService } from './family.ts';
import { FamilyLinkSection, FamilySection } from './family-views.tsx';
import { commandSchema, openSchema, type RecordInput, recordInput, toCommandInput } from './input.ts';
import { journeyJson } from './present.ts';
import { journeysFor, noticesFor, onTimeRate, workQueue } from './queries.ts';
import { issueRecord } from './records.ts';
import { JourneyRefusal, type JourneyService, type StepCommandInput } from './service.ts';
import {
  href,
  JOURNEY_PATHS,
  JourneyListPage,
  JourneyPage,
  MinePage,
  type Notice,
  type OpenForm,
  QueuePage,
  type StepForm,
  StepPage,
} from './views.tsx';

type Form = Record<string, string | undefined>;

export function formOf(req: FastifyRequest): Form {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const out: Form = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', { detail: 'Sign in first.' });
  return req.actor;
}

/** Field errors in the visitor's language. */
export function localise(ctx: ViewContext, errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) => ({
    ...e,
    message: ctx.t.t(
      e.rule === 'required' || e.rule.startsWith('min')
        ? 'journeys.error.required'
        : e.rule === 'enum' || e.rule.startsWith('type')
          ? 'journeys.error.choose'
          : 'journeys.error.format',
    ),
  }));
}

function parse<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { data: z.output<S> } | { errors: FieldError[] } {
  const r = schema.safeParse(input);
  return r.success ? { data: r.data } : { errors: fieldErrors('body', r.error.issues) };
}

function refusalNotice(ctx: ViewContext, error: JourneyRefusal): Notice {
  const key = error.refusal.messageKey;
  return {
    kind: 'danger',
    title: ctx.t.t('journeys.journey.refused'),
    text: ctx.t.has(key) ? ctx.t.t(key) : error.refusal.code,
  };
}

const done = (ctx: ViewContext): Notice => ({ kind: 'success', title: ctx.t.t('journeys.journey.done') });
const saved = (req: FastifyRequest) => String(req.url).includes('done=1');

export function registerJourneyPages(
  app: FastifyInstance,
  web: WebDeps,
  service: JourneyService,
  family: FamilyService,
  records?: RecordsService,
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
    const read = await service.read(actor, id, 'view journey page', { history: true });
    const viewer = viewerOf(read);
    const json = journeyJson(
      read.row,
      read.organisations,
      viewer,
      today(),
      service.deadlines,
      service.params,
    );
    const consented =
      viewer === 'applicant'
        ? read.consentedIds.flatMap((id) => {
            const o = read.organisations.get(id);
            return o ? [{ id: o.id, name: o.name }] : [];
          })
        : [];
    const employers =
      viewer === 'applicant' && read.row.employerId === null
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
      viewer === 'applicant' && json.steps.some((x) => x.status === 'waiting-for-applicant')
        ? await ownDocuments(db, read.row.applicantId)
        : undefined;
    const link = await family.linkOf(actor, read.row);
    const relatives = link ? [] : await family.list(actor, read.row, today(), read.hasFamily);
    return (
      <JourneyPage
        ctx={ctx}
        journey={json}
        viewer={viewer}
        shared={shared}
        own={own}
        organisationIds={actor.memberships
          .map((m) => m.organisationId)
          .filter((x): x is string => x !== null)}
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
      return renderJourney(req, ctx, id, saved(req) ? { notice: done(ctx) } : {});
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
        return {
          status: error.status,
          view: await renderJourney(req, ctx, id, { notice: refusalNotice(ctx, error) }),
        };
      }
      return { redirect: `${href(ctx, 'journey', { id })}?done=1` };
    },
  });

  const stepOf = (req: FastifyRequest): { id: string; step: StepKind } => {
    const { id, step } = req.params as { id: string; step: string };
    if (!(STEP_KINDS as readonly string[]).includes(step)) throw new AppError('not-found');
    return { id, step: step as StepKind };
  };

  /**
   * A step's page, as `journey-step` allows it (404 otherwise, like a missing journey): the organisation owning the
   * step gets its form and learns of attached documents not shared with it; the applicant sees their own; a
   * counsellor with consent sees only the attached documents shared with the centre, not how many others there
   * are. After a POST (`update`) only the step's owner gets the page again.
   */
  async function renderStep(
    req: FastifyRequest,
    ctx: ViewContext,
    extra: { form?: StepForm; errors?: FieldError[]; notice?: Notice | undefined } = {},
    action: 'read' | 'update' = 'read',
  ) {
    const actor = actorOf(req);
    const { id, step } = stepOf(req);
    const read = await service.read(actor, id, `view step page ${step}`, { step: { kind: step, action } });
    const json = journeyJson(
      read.row,
      read.organisations,
      viewerOf(read),
      today(),
      service.deadlines,
      service.params,
    );
    const documents = (await documentsVisibleTo(db, service.now(), actor, read.row.applicantId)) ?? [];
    return (
      <StepPage
        ctx={ctx}
        journey={json}
        applicantName={read.applicantName}
        step={step}
        attached={read.row.state.steps[step]?.documents ?? []}
        works={read.relation === 'own-organisation'}
        own={read.relation === 'own'}
        shared={documents}
        documentViews={documents}
        form={extra.form ?? {}}
        errors={extra.errors ?? []}
        notice={extra.notice}
      />
    );
  }

  definePage(app, web, {
    paths: JOURNEY_PATHS.step,
    policy: { action: 'read', resource: 'journey-step' },
    handler: async (req, _reply, ctx) => {
      const code = (req.query as Record<string, unknown>).record;
      const notice = saved(req)
        ? {
            ...done(ctx),
            ...(typeof code === 'string' && /^[A-Z0-9-]{4,40}$/.test(code)
              ? { text: ctx.t.t('journeys.record.issued', { code }) }
              : {}),
          }
        : undefined;
      return renderStep(req, ctx, notice ? { notice } : {});
    },
  });

  definePage(app, web, {
    paths: JOURNEY_PATHS.step,
    method: 'POST',
    policy: { action: 'update', resource: 'journey-step' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const { id, step } = stepOf(req);
      const f = formOf(req);
      const form: StepForm = {
        action: f.action ?? '',
        outcome: f.outcome ?? '',
        reason: f.reason ?? '',
        missing: f.missing ?? '',
        birthDate: f['record.birthDate'] ?? '',
        professionKey: f['record.professionKey'] ?? '',
        professionTitle: f['record.professionTitle'] ?? '',
        legalBasis: f['record.legalBasis'] ?? '',
        adjustmentMeasures: f['record.adjustmentMeasures'] ?? '',
      };
      let record: RecordInput | null = null;
      const errors: FieldError[] = [];
      const required = (field: string) =>
        errors.push({
          field: `body.${field}`,
          rule: 'required',
          message: ctx.t.t('journeys.error.required'),
        });
      const choose = (field: string) =>
        errors.push({ field: `body.${field}`, rule: 'enum', message: ctx.t.t('journeys.error.choose') });
      let command: StepCommandInput | null = null;
      const missing = (form.missing ?? '')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean);
      switch (form.action) {
        case 'start-review':
        case 'documents-complete':
          command = { type: form.action, step };
          break;
        case 'request-documents':
          if (missing.length === 0) required('missing');
          else command = { type: 'request-documents', step, missing };
          break;
        case 'decide': {
          const outcomes = STEP_ROLES[step].outcomes as readonly string[];
          if (!outcomes.includes(form.outcome ?? '')) choose('outcome');
          if (!form.reason?.trim()) required('reason');
          if (step === 'recognition' && (form.outcome === 'positive' || form.outcome === 'partial')) {
            const parsedRecord = parse(recordInput, {
              birthDate: form.birthDate?.trim() ?? '',
              professionKey: form.professionKey || undefined,
              professionTitle: form.professionTitle ?? '',
              legalBasis: form.legalBasis ?? '',
              adjustmentMeasures: (form.adjustmentMeasures ?? '')
                .split(/\r?\n/)
                .map((l) => l.trim())
                .filter(Boolean),
            });
            if ('errors' in parsedRecord)
              errors.push(
                ...localise(
                  ctx,
                  parsedRecord.errors.map((e) => ({
                    ...e,
                    field: e.field.replace(/^body\./, 'body.record.'),
                  })),
                ),
              );
            else record = parsedRecord.data;
          }
          if (errors.length === 0) {
            const parsed = parse(commandSchema, {
              type: 'decide',
              step,
              outcome: form.outcome,
              reason: form.reason?.trim(),
            });
            if ('errors' in parsed) errors.push(...localise(ctx, parsed.errors));
            else command = toCommandInput(parsed.data);
          }
          break;
        }
        default:
          choose('action');
      }
      if (command === null || errors.length > 0)
        return { status: 422, view: await renderStep(req, ctx, { form, errors }, 'update') };
      try {
        await service.command(actor, id, command);
      } catch (error) {
        if (!(error instanceof JourneyRefusal)) throw error;
        return {
          status: error.status,
          view: await renderStep(req, ctx, { form, notice: refusalNotice(ctx, error) }, 'update'),
        };
      }
      if (record && records && command.type === 'decide') {
        const outcome = command.outcome === 'partial' ? 'partial' : 'positive';
        const code = await issueRecord(service, records, actor, id, { outcome, record });
        return { redirect: `${href(ctx, 'step', { id, step })}?done=1&record=${encodeURIComponent(code)}` };
      }
      return { redirect: `${href(ctx, 'step', { id, step })}?done=1` };
    },
  });

  definePage(app, web, {
    paths: JOURNEY_PATHS.employer,
    policy: { action: 'read', resource: 'journey' },
    nav: { labelKey: 'journeys.employer.title', order: 5, roles: ['employer-admin', 'employer-member'] },
    handler: async (req, _reply, ctx) => (
      <JourneyListPage
        ctx={ctx}
        title={ctx.t.t('journeys.employer.title')}
        none={ctx.t.t('journeys.employer.none')}
        journeys={await journeysFor(db, actorOf(req), 'employer', service.now())}
      />
    ),
  });

  definePage(app, web, {
    paths: JOURNEY_PATHS.counsellor,
    policy: { action: 'read', resource: 'journey' },
    nav: { labelKey: 'journeys.counsellor.title', order: 5, roles: ['counsellor'] },
    handler: async (req, _reply, ctx) => (
      <JourneyListPage
        ctx={ctx}
        title={ctx.t.t('journeys.counsellor.title')}
        none={ctx.t.t('journeys.counsellor.none')}
        journeys={await journeysFor(db, actorOf(req), 'counsellor', service.now())}
      />
    ),
  });

  definePage(app, web, {
    paths: JOURNEY_PATHS.queue,
    policy: { action: 'read', resource: 'work-queue' },
    nav: {
      labelKey: 'journeys.queue.title',
      order: 5,
      roles: [
        'recognition-officer',
        'foreigners-office-caseworker',
        'mission-officer',
        'employment-agency-officer',
      ],
    },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const offsetRaw = Number((req.query as Record<string, string>).offset ?? 0);
      const offset = Number.isInteger(offsetRaw) && offsetRaw >= 0 && offsetRaw <= 1_000_000 ? offsetRaw : 0;
      const limit = 50;
      const day = today();
      const queue = await workQueue(db, actor, day, service.deadlines.nearBreachDays, service.now(), {
        limit,
        offset,
      });
      const rates = await onTimeRate(db, queue.organisationIds, day);
      const alerts = await noticesFor(db, { organisationIds: queue.organisationIds });
      return (
        <QueuePage
          ctx={ctx}
          items={queue.items}
          total={queue.total}
          totalIsLowerBound={queue.totalIsLowerBound}
          offset={offset}
          limit={limit}
          rates={rates}
          alerts={alerts}
        />
      );
    },
  });
}
