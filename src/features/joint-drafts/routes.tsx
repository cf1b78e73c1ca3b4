/**
 * The joint draft pages (issue 17): the list, the form that starts a draft, one draft, the diff of two versions,
 * the new version, comment and sign-off of a participating state, and the exports as text and PDF. Pages work
 * without JavaScript; bad input answers 422 naming the field; each change is one transaction with its audit entry.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { type Actor, decideFor } from '../../domain/access/policy.ts';
import { diffTexts } from '../../domain/workspace/drafts.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { writeTaggedPdf } from '../../platform/pdf/index.ts';
import type { ViewContext } from '../../web/context.ts';
import { parseForm } from '../../web/forms.ts';
import { definePage } from '../../web/page.tsx';
import { officerState, projectRelations } from '../joint-projects/index.ts';
import { type ActResult, addComment, addVersion, signOff } from './act.ts';
import { ComparePage } from './compare-views.tsx';
import { draftForm, draftInput } from './draft-form.ts';
import { DraftPage } from './draft-views.tsx';
import { draftPdfModel, draftText, exportName } from './export.ts';
import { draftsCsvDownload } from './list-export.ts';
import { FormPage, ListPage } from './list-views.tsx';
import { draftUrl } from './names.ts';
import { JOINT_DRAFT_PATHS } from './paths.ts';
import { createDraft, type DraftDetail, draftById, listDrafts } from './service.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', { detail: 'Sign in first.' });
  return req.actor;
}

const fieldError = (ctx: ViewContext, field: string, rule: string): FieldError => ({
  field,
  rule,
  message: ctx.t.t(`drafts.error.${field}`),
});

const bodyOf = (req: FastifyRequest): Record<string, string> =>
  Object.fromEntries(
    Object.entries((req.body ?? {}) as Record<string, unknown>).flatMap(([k, v]) =>
      typeof v === 'string' ? [[k, v]] : [],
    ),
  );

export function registerJointDrafts(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db;
  const today = () => deps.now().toISOString().slice(0, 10);

  /** The draft of the address, if the actor may read it (else 404, the same as no such draft). */
  async function readable(
    req: FastifyRequest,
  ): Promise<{ actor: Actor; d: DraftDetail; own: string | null }> {
    const actor = actorOf(req);
    const id = (req.params as { id?: string }).id ?? '';
    const d = UUID.test(id) ? await draftById(db, id) : undefined;
    if (!d || !decideFor(actor, 'read', 'joint-draft', (m) => projectRelations(m, d.states)).allow)
      throw new AppError('not-found', { detail: 'No such draft.' });
    const own = officerState(actor);
    return { actor, d, own: own && d.states.includes(own) ? own : null };
  }

  /** The answer to a change: back to the draft, 403, 404, or the page again with the refused field (422). */
  async function answer(req: FastifyRequest, ctx: ViewContext, result: ActResult) {
    const { d, own } = await readable(req);
    if (result.kind === 'forbidden')
      throw new AppError('forbidden', {
        detail: "Only a participating state's officer acts, for their own state.",
      });
    if (result.kind === 'not-found') throw new AppError('not-found', { detail: 'No such draft.' });
    if (result.kind === 'refused') {
      const errors = [fieldError(ctx, result.field, result.rule)];
      return {
        status: 422,
        view: <DraftPage ctx={ctx} d={d} ownState={own} errors={errors} typed={bodyOf(req)} />,
      };
    }
    return { redirect: draftUrl(ctx, 'draft', d.id) };
  }

  definePage(app, deps.web, {
    paths: JOINT_DRAFT_PATHS.list,
    policy: { action: 'read', resource: 'joint-draft' },
    nav: { labelKey: 'drafts.nav', order: 9, roles: ['ministry-officer'] },
    handler: async (req, _reply, ctx) => (
      <ListPage ctx={ctx} drafts={await listDrafts(db)} ownState={officerState(actorOf(req))} />
    ),
  });

  draftsCsvDownload(app, deps.web, () => listDrafts(db));

  definePage(app, deps.web, {
    paths: JOINT_DRAFT_PATHS.create,
    policy: { action: 'create', resource: 'joint-draft' },
    handler: async (req, _reply, ctx) => {
      const own = officerState(actorOf(req));
      return <FormPage ctx={ctx} input={{ ...draftInput({}), states: own ? [own] : [] }} errors={[]} />;
    },
  });

  definePage(app, deps.web, {
    paths: JOINT_DRAFT_PATHS.create,
    method: 'POST',
    policy: { action: 'create', resource: 'joint-draft' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const input = draftInput(req.body);
      const page = (errors: FieldError[]) => ({
        status: 422,
        view: <FormPage ctx={ctx} input={input} errors={errors} />,
      });
      const form = parseForm(draftForm(today()), req.body);
      if (!form.ok) {
        // One message per field: `states.2` (a value that is no state) is the states field.
        const seen = new Set<string>();
        return page(
          form.errors
            .map((e) => e.field.split('.')[0] ?? e.field)
            .filter((f) => !seen.has(f) && seen.add(f))
            .map((f) =>
              fieldError(ctx, f, form.errors.find((e) => e.field.startsWith(f))?.rule ?? 'invalid'),
            ),
        );
      }
      const own = officerState(actor);
      if (!own || !(form.values.states as readonly string[]).includes(own))
        return page([fieldError(ctx, 'states', 'own-state')]);
      const result = await createDraft(db, actor, form.values, deps.now());
      if (result.kind === 'forbidden')
        throw new AppError('forbidden', { detail: 'Your state does not take part.' });
      return { redirect: draftUrl(ctx, 'draft', result.id) };
    },
  });

  definePage(app, deps.web, {
    paths: JOINT_DRAFT_PATHS.draft,
    policy: { action: 'read', resource: 'joint-draft' },
    handler: async (req, _reply, ctx) => {
      const { d, own } = await readable(req);
      return <DraftPage ctx={ctx} d={d} ownState={own} />;
    },
  });

  definePage(app, deps.web, {
    paths: JOINT_DRAFT_PATHS.compare,
    policy: { action: 'read', resource: 'joint-draft' },
    handler: async (req, _reply, ctx) => {
      const { d } = await readable(req);
      const q = (req.query ?? {}) as Record<string, unknown>;
      const pick = (v: unknown, fallback: number) => {
        const n = Number(typeof v === 'string' ? v : Number.NaN);
        return d.versions.some((x) => x.number === n) ? n : fallback;
      };
      const to = pick(q.to, d.current.number);
      const from = pick(q.from, Math.max(1, to - 1));
      const text = (n: number) => d.versions.find((v) => v.number === n)?.body ?? '';
      return <ComparePage ctx={ctx} d={d} from={from} to={to} diff={diffTexts(text(from), text(to))} />;
    },
  });

  definePage(app, deps.web, {
    paths: JOINT_DRAFT_PATHS.version,
    method: 'POST',
    policy: { action: 'update', resource: 'joint-draft' },
    handler: async (req, _reply, ctx) => {
      const { actor, d } = await readable(req);
      return answer(req, ctx, await addVersion(db, actor, d.id, bodyOf(req).text ?? '', deps.now()));
    },
  });

  definePage(app, deps.web, {
    paths: JOINT_DRAFT_PATHS.comment,
    method: 'POST',
    policy: { action: 'update', resource: 'joint-draft' },
    handler: async (req, _reply, ctx) => {
      const { actor, d } = await readable(req);
      const b = bodyOf(req);
      const input = { version: Number(b.version), paragraph: Number(b.paragraph), text: b.comment ?? '' };
      return answer(req, ctx, await addComment(db, actor, d.id, input, deps.now()));
    },
  });

  definePage(app, deps.web, {
    paths: JOINT_DRAFT_PATHS.signOff,
    method: 'POST',
    policy: { action: 'update', resource: 'joint-draft-sign-off' },
    handler: async (req, _reply, ctx) => {
      const { actor, d } = await readable(req);
      const b = bodyOf(req);
      const input = { stateCode: b.state ?? '', decision: b.decision ?? '', remarks: b.remarks ?? '' };
      return answer(req, ctx, await signOff(db, actor, d.id, input, deps.now()));
    },
  });

  // The exports: files, not pages (no layout, no language switch); the same policy and the same reading check.
  const EXPORT = { action: 'export', resource: 'joint-draft' } as const;
  for (const locale of ['de', 'en'] as const) {
    const texts = { t: deps.web.i18n.translator(locale), locale };
    const url = (path: 'text' | 'pdf') => `/${locale}${JOINT_DRAFT_PATHS[path][locale]}`;
    app.get(url('text'), { config: { policy: EXPORT } }, async (req, reply) => {
      const { d } = await readable(req);
      return reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="${exportName(texts, d, 'txt')}"`)
        .send(draftText(texts, d));
    });
    app.get(url('pdf'), { config: { policy: EXPORT } }, async (req, reply) => {
      const { d } = await readable(req);
      const bytes = await writeTaggedPdf(draftPdfModel(texts, d));
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${exportName(texts, d, 'pdf')}"`)
        .send(Buffer.from(bytes));
    });
  }
}
