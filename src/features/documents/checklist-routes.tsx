/**
 * The standard checklists' pages and API (issue 15, V2.3). Pages (ministry officers, `document-checklists ×
 * update`): the steps of a residence title, the edit form with the history. API: the checklist in force is public
 * reference data (GET); the history and a new version are for ministry officers (GET …/history, PUT). Bad input is
 * a 4xx naming the field (422 on the page, problem+json in the API).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { STEP_KINDS, type StepKind } from '../../domain/journey/types.ts';
import { PATHWAY_IDS, type PathwayId } from '../../domain/law/types.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { withExample, type ZodTypeProvider } from '../../platform/http/route-schema.ts';
import type { Services } from '../../services.ts';
import type { ViewContext } from '../../web/context.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { requireActor } from '../identity/index.ts';
import {
  checklistEditBody,
  checklistParams,
  isPathwayKey,
  isStepKind,
  pathwayOf,
  readChecklistForm,
} from './checklist-rules.ts';
import type { ChecklistVersion, CurrentChecklist } from './checklist-store.ts';
import { ChecklistEditPage, ChecklistsPage } from './checklist-views.tsx';
import { DOCUMENT_PATHS } from './paths.ts';
import { fieldsOf } from './share-pages.tsx';

const tags = ['documents'];
const policy = { action: 'update', resource: 'document-checklists' } as const;

const asJson = (c: CurrentChecklist) => ({
  kind: c.kind,
  pathway: c.pathway ?? 'all',
  version: c.version,
  editedAt: c.editedAt?.toISOString() ?? null,
  items: c.items,
});
const versionJson = (v: ChecklistVersion) => ({
  version: v.version,
  items: v.items,
  editedBy: v.editedBy,
  editedAt: v.editedAt?.toISOString() ?? null,
  reason: v.reason,
  changes: v.changes,
});

export function registerChecklists(app: FastifyInstance, deps: AppDeps, services: Services) {
  const { checklists } = services;
  registerChecklistApi(app, services);

  const target = (req: FastifyRequest): { pathway: PathwayId | 'all'; kind: StepKind } => {
    const { pathway, kind } = req.params as { pathway?: string; kind?: string };
    if (!isPathwayKey(pathway) || !isStepKind(kind)) throw new AppError('not-found');
    return { pathway, kind };
  };

  const editPage = async (
    ctx: ViewContext,
    at: { pathway: PathwayId | 'all'; kind: StepKind },
    extra: { fields?: Record<string, string>; errors?: FieldError[]; saved?: boolean } = {},
  ) => {
    const p = pathwayOf(at.pathway);
    const [current, history] = await Promise.all([
      checklists.current(at.kind, p),
      checklists.history(at.kind, p),
    ]);
    return (
      <ChecklistEditPage
        ctx={ctx}
        pathway={at.pathway}
        kind={at.kind}
        current={current}
        history={history}
        {...extra}
      />
    );
  };

  definePage(app, deps.web, {
    paths: DOCUMENT_PATHS.checklists,
    policy,
    nav: { labelKey: 'documents.checklists.nav', order: 9, roles: ['ministry-officer'] },
    handler: async (req, _reply, ctx) => {
      const q = (req.query ?? {}) as Record<string, unknown>;
      const pathway = (PATHWAY_IDS as readonly unknown[]).includes(q.pathway)
        ? (q.pathway as PathwayId)
        : PATHWAY_IDS[0];
      const current = await Promise.all(STEP_KINDS.map((k) => checklists.current(k, pathway)));
      return <ChecklistsPage ctx={ctx} pathway={pathway} current={current} />;
    },
  });

  definePage(app, deps.web, {
    paths: DOCUMENT_PATHS.checklist,
    policy,
    handler: async (req, _reply, ctx) =>
      editPage(ctx, target(req), { saved: (req.query as Record<string, unknown>).saved === '1' }),
  });

  definePage(app, deps.web, {
    paths: DOCUMENT_PATHS.checklist,
    method: 'POST',
    policy,
    handler: async (req, _reply, ctx) => {
      const at = target(req);
      const fields = fieldsOf(req.body);
      const form = readChecklistForm(fields);
      if (!form.ok) {
        const errors = form.problems.map((p) => ({
          field: p.field,
          rule: p.rule,
          message: ctx.t.t(
            p.field === 'reason'
              ? `documents.checklists.error.reason-${p.rule}`
              : 'documents.checklists.error.choose',
          ),
        }));
        return { status: 422, view: await editPage(ctx, at, { fields, errors }) };
      }
      await checklists.edit(
        requireActor(req).actor,
        at.kind,
        pathwayOf(at.pathway),
        form.edit,
        services.now(),
      );
      const url = localizedUrl(DOCUMENT_PATHS.checklist, ctx.locale, { pathway: at.pathway, kind: at.kind });
      return { redirect: `${url}?saved=1` };
    },
  });
}

function registerChecklistApi(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { checklists } = services;
  const url = '/api/v1/document-checklists/:pathway/:kind';

  api.get(
    url,
    {
      config: { policy: { public: 'standard document checklists: reference data, no personal data' } },
      schema: {
        summary: 'The standard checklist in force for a step of a residence title (pathway, or all)',
        tags,
        params: checklistParams,
      },
    },
    async (req) => asJson(await checklists.current(req.params.kind, pathwayOf(req.params.pathway))),
  );

  api.get(
    `${url}/history`,
    {
      config: { policy },
      schema: {
        summary: 'Every version of a standard checklist, newest first, with what changed (ministry officers)',
        tags,
        params: checklistParams,
      },
    },
    async (req) => ({
      versions: (await checklists.history(req.params.kind, pathwayOf(req.params.pathway))).map(versionJson),
    }),
  );

  api.put(
    url,
    {
      config: { policy },
      schema: {
        summary:
          'Set a new version of a standard checklist, with the reason (ministry officers; history stays)',
        tags,
        params: checklistParams,
        body: withExample(checklistEditBody, {
          items: [
            { category: 'passport', required: true, providedBy: 'applicant' },
            { category: 'degree-certificate', required: true, providedBy: 'applicant' },
          ],
          reason: 'Decree of the ministry of 2 November 2026: the transcript is no longer needed.',
        }),
      },
    },
    async (req) => {
      const actor = req.actor;
      if (!actor) throw new AppError('unauthenticated');
      const saved = await checklists.edit(
        actor,
        req.params.kind,
        pathwayOf(req.params.pathway),
        req.body,
        services.now(),
      );
      return asJson(saved);
    },
  );
}
