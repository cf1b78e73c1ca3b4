/**
 * The joint project pages (issue 17): the list, the form that starts a project, one project with its split, and the
 * answer and recalculation of a participating state. Pages work without JavaScript; bad input answers 422 naming
 * the field; each change is one transaction with its history and audit entry.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { type Actor, decideFor } from '../../domain/access/policy.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { ViewContext } from '../../web/context.ts';
import { parseForm } from '../../web/forms.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { costKeyFigures } from '../registry/index.ts';
import { officerState, projectRelations } from './access.ts';
import { answerProject, recalculateProject } from './answer.ts';
import { FormPage } from './form-views.tsx';
import { projectsCsvDownload } from './list-export.ts';
import { ListPage, stateName } from './list-views.tsx';
import { JOINT_PROJECT_PATHS } from './paths.ts';
import { projectForm, projectInput } from './project-form.ts';
import { ProjectPage } from './project-views.tsx';
import { ANSWERS, type Answer } from './schema.ts';
import { createProject, listProjects, type ProjectDetail, projectById } from './service.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', { detail: 'Sign in first.' });
  return req.actor;
}

/** The page's message for a failing field: `weight-SN` → the weight message with the state's name. */
function messageOf(ctx: ViewContext, e: Pick<FieldError, 'field' | 'rule'>): string {
  const weight = /^weight-([A-Z]{2})$/.exec(e.field);
  if (weight) return ctx.t.t('joint.error.weight', { state: stateName(ctx, weight[1] as string) });
  return ctx.t.t(`joint.error.${e.field.split('.')[0]}`);
}

const fieldError = (ctx: ViewContext, field: string, rule: string): FieldError => ({
  field,
  rule,
  message: messageOf(ctx, { field, rule }),
});

export function registerJointProjects(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db;
  const years = async () => (await costKeyFigures(db)).koenigsteinYears;

  /** The project of the address, if the actor may read it (else 404, the same as no such project). */
  async function readable(req: FastifyRequest): Promise<{ actor: Actor; p: ProjectDetail }> {
    const actor = actorOf(req);
    const id = (req.params as { id?: string }).id ?? '';
    const p = UUID.test(id) ? await projectById(db, id) : undefined;
    const states = p?.states.map((s) => s.stateCode) ?? [];
    if (!p || !decideFor(actor, 'read', 'joint-project', (m) => projectRelations(m, states)).allow)
      throw new AppError('not-found', { detail: 'No such project.' });
    return { actor, p };
  }

  /** The reader's state if it takes part in the project. */
  const participating = (actor: Actor, p: ProjectDetail) => {
    const own = officerState(actor);
    return p.states.some((s) => s.stateCode === own) ? own : null;
  };

  definePage(app, deps.web, {
    paths: JOINT_PROJECT_PATHS.list,
    policy: { action: 'read', resource: 'joint-project' },
    nav: { labelKey: 'joint.nav', order: 9, roles: ['ministry-officer'] },
    handler: async (req, _reply, ctx) => (
      <ListPage ctx={ctx} projects={await listProjects(db)} ownState={officerState(actorOf(req))} />
    ),
  });

  projectsCsvDownload(app, deps.web, () => listProjects(db));

  definePage(app, deps.web, {
    paths: JOINT_PROJECT_PATHS.create,
    policy: { action: 'create', resource: 'joint-project' },
    handler: async (req, _reply, ctx) => {
      const own = officerState(actorOf(req));
      const input = {
        ...projectInput({}),
        states: own ? [own] : [],
        leadState: own ?? '',
        keyKind: 'koenigstein',
      };
      return <FormPage ctx={ctx} input={input} errors={[]} years={await years()} />;
    },
  });

  definePage(app, deps.web, {
    paths: JOINT_PROJECT_PATHS.create,
    method: 'POST',
    policy: { action: 'create', resource: 'joint-project' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const known = await years();
      const input = projectInput(req.body);
      const page = (errors: FieldError[]) => ({
        status: 422,
        view: <FormPage ctx={ctx} input={input} errors={errors} years={known} />,
      });
      const form = parseForm(projectForm(known), req.body, (e) => messageOf(ctx, e));
      if (!form.ok) {
        // One message per field: `states.2` (a value that is no state) is the states field.
        const seen = new Set<string>();
        const errors = form.errors
          .map((e) => ({ ...e, field: e.field.split('.')[0] ?? e.field }))
          .filter((e) => !seen.has(e.field) && seen.add(e.field))
          .map((e) => ({ ...e, message: messageOf(ctx, e) }));
        return page(errors);
      }
      const own = officerState(actor);
      if (!own || !(form.values.states as readonly string[]).includes(own))
        return page([fieldError(ctx, 'states', 'own-state')]);
      const result = await createProject(db, actor, form.values, deps.now());
      if (result.kind === 'forbidden')
        throw new AppError('forbidden', { detail: 'Your state does not take part.' });
      if (result.kind === 'refused') return page([fieldError(ctx, result.field, result.rule)]);
      return { redirect: localizedUrl(JOINT_PROJECT_PATHS.project, ctx.locale, { id: result.id }) };
    },
  });

  definePage(app, deps.web, {
    paths: JOINT_PROJECT_PATHS.project,
    policy: { action: 'read', resource: 'joint-project' },
    handler: async (req, _reply, ctx) => {
      const { actor, p } = await readable(req);
      return <ProjectPage ctx={ctx} p={p} ownState={participating(actor, p)} />;
    },
  });

  definePage(app, deps.web, {
    paths: JOINT_PROJECT_PATHS.answer,
    method: 'POST',
    policy: { action: 'update', resource: 'joint-project-agreement' },
    handler: async (req, _reply, ctx) => {
      const { actor, p } = await readable(req);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const stateCode = typeof body.state === 'string' ? body.state : '';
      const answer = typeof body.answer === 'string' ? body.answer : '';
      if (!(ANSWERS as readonly string[]).includes(answer))
        return {
          status: 422,
          view: (
            <ProjectPage
              ctx={ctx}
              p={p}
              ownState={participating(actor, p)}
              errors={[fieldError(ctx, 'answer', 'enum')]}
            />
          ),
        };
      const result = await answerProject(
        db,
        actor,
        { projectId: p.id, stateCode, answer: answer as Answer },
        deps.now(),
      );
      if (result.kind === 'forbidden')
        throw new AppError('forbidden', { detail: "Only the state's own ministry answers for it." });
      if (result.kind === 'not-found' || result.kind === 'refused')
        throw new AppError('not-found', { detail: 'No such participating state.' });
      return { redirect: localizedUrl(JOINT_PROJECT_PATHS.project, ctx.locale, { id: p.id }) };
    },
  });

  definePage(app, deps.web, {
    paths: JOINT_PROJECT_PATHS.recalculate,
    method: 'POST',
    policy: { action: 'update', resource: 'joint-project' },
    handler: async (req, _reply, ctx) => {
      const { actor, p } = await readable(req);
      const result = await recalculateProject(db, actor, p.id, deps.now());
      if (result.kind === 'forbidden')
        throw new AppError('forbidden', { detail: 'Only a participating state recalculates.' });
      if (result.kind === 'not-found') throw new AppError('not-found', { detail: 'No such project.' });
      if (result.kind === 'refused')
        return {
          status: 422,
          view: (
            <ProjectPage
              ctx={ctx}
              p={p}
              ownState={participating(actor, p)}
              errors={[fieldError(ctx, result.field, result.rule)]}
            />
          ),
        };
      return { redirect: localizedUrl(JOINT_PROJECT_PATHS.project, ctx.locale, { id: p.id }) };
    },
  });
}
