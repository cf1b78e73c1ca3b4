/** The step page: what the parties see of a step, and the form its owning authority decides it with. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { momentOf, STEP_KINDS, STEP_ROLES, type StepKind } from '../../domain/journey/index.ts';
import type { PathwayId } from '../../domain/law/index.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { ViewContext } from '../../web/context.ts';
import { definePage, type WebDeps } from '../../web/page.tsx';
import { type ChecklistService, documentsVisibleTo } from '../documents/index.ts';
import type { RecordsService } from '../registry/index.ts';
import { viewerOf } from './api.ts';
import { commandSchema, type RecordInput, recordInput, toCommandInput } from './input.ts';
import { actorOf, done, formOf, localise, parse, refusedNotice, saved } from './page-forms.ts';
import { href, JOURNEY_PATHS } from './paths.tsx';
import { journeyJson } from './present.ts';
import { issueRecord } from './records.ts';
import { JourneyRefusal, type JourneyService, type StepCommandInput } from './service.ts';
import { type StepForm, StepPage } from './step-view.tsx';
import type { Notice } from './view-parts.tsx';

export function registerStepPages(
  app: FastifyInstance,
  web: WebDeps,
  service: JourneyService,
  checklists: ChecklistService,
  records?: RecordsService,
) {
  const db = service.db;
  const today = () => momentOf(service.now().toISOString()).date;

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
    const checklist = await checklists.current(step, read.row.pathway as PathwayId);
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
        checklist={checklist}
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
        feeReference: f.reference ?? '',
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
        case 'record-fee-payment': {
          const parsed = parse(commandSchema, { type: 'record-fee-payment', reference: form.feeReference });
          if ('errors' in parsed)
            errors.push(...localise(ctx, parsed.errors, { reference: 'journeys.fee.reference' }));
          else command = toCommandInput(parsed.data);
          break;
        }
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
          view: await renderStep(
            req,
            ctx,
            { form, notice: refusedNotice(ctx, error.refusal.code) },
            'update',
          ),
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
}
