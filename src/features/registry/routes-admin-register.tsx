import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import {
  isSixState,
  portability,
  SIX_STATES,
  STATE_LAW_PROFESSIONS,
} from '../../domain/recognition/portability.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { ViewContext } from '../../web/context.ts';
import { parseForm } from '../../web/forms.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { formBody } from './admin-forms.ts';
import {
  type AdminPageServices,
  localise,
  query,
  stateOptions,
  validationErrors,
} from './admin-page-fields.ts';
import { REGISTRY_PATHS } from './paths.ts';
import { registerEntryBody } from './register.ts';
import { ADMIN_POLICIES, changeActor } from './routes-admin.ts';
import { type RegisterForm, RegisterPage } from './views-admin-register.tsx';

const P = ADMIN_POLICIES;

/** Ministry officers maintain the mutual-recognition register. */
export function registerMutualRecognitionPages(
  app: FastifyInstance,
  deps: AppDeps,
  services: AdminPageServices,
) {
  const { register, snapshot } = services;

  async function registerView(ctx: ViewContext, form: RegisterForm, errors: FieldError[], saved: boolean) {
    const s = await snapshot.snapshot();
    const entries = await register.entries();
    const professions = STATE_LAW_PROFESSIONS.map((key) => ({
      key,
      answers: SIX_STATES.flatMap((from) => SIX_STATES.map((to) => portability(key, from, to, entries))),
    }));
    return (
      <RegisterPage
        ctx={ctx}
        states={stateOptions(s, ctx)}
        professions={professions}
        form={form}
        errors={errors}
        saved={saved}
      />
    );
  }

  const emptyRegisterForm: RegisterForm = {
    profession: '',
    fromState: '',
    toState: '',
    outcome: '',
    bridgingStep: '',
    legalBasis: '',
    source: '',
    reason: '',
  };

  definePage(app, deps.web, {
    paths: REGISTRY_PATHS.adminRegister,
    nav: { labelKey: 'registry.nav.admin-register', order: 110, roles: ['ministry-officer'] },
    policy: P.setRegisterEntry,
    handler: async (req, _reply, ctx) => {
      changeActor(req, P.setRegisterEntry.action, P.setRegisterEntry.resource);
      const q = query(req);
      const form = { ...emptyRegisterForm };
      const profession = q.profession ?? '';
      if ((STATE_LAW_PROFESSIONS as readonly string[]).includes(profession)) form.profession = profession;
      const from = q.from;
      const to = q.to;
      if (isSixState(from)) form.fromState = from;
      if (isSixState(to)) form.toState = to;
      if (form.profession && isSixState(from) && isSixState(to)) {
        const a = portability(form.profession, from, to, await register.entries());
        form.outcome = a.outcome;
        form.bridgingStep =
          a.bridgingStep && ctx.t.has(`registry.portability.step.${a.bridgingStep}`)
            ? ctx.t.t(`registry.portability.step.${a.bridgingStep}`)
            : (a.bridgingStep ?? '');
        form.legalBasis = a.legalBasis ?? '';
      }
      return registerView(ctx, form, [], q.saved === '1');
    },
  });

  definePage(app, deps.web, {
    paths: REGISTRY_PATHS.adminRegister,
    method: 'POST',
    policy: P.setRegisterEntry,
    handler: async (req, _reply, ctx) => {
      const actor = changeActor(req, P.setRegisterEntry.action, P.setRegisterEntry.resource);
      const f = formBody(req.body);
      const form = Object.fromEntries(
        Object.keys(emptyRegisterForm).map((k) => [k, f[k] ?? '']),
      ) as unknown as RegisterForm;
      const refused = async (list: readonly FieldError[]) => {
        const errors = localise(ctx, list, 'registry.admin.register.error', (e) =>
          e.field.replace(/^body\./, ''),
        );
        return { status: 422, view: await registerView(ctx, form, errors, false) };
      };
      const parsed = parseForm(registerEntryBody, {
        ...form,
        bridgingStep: form.bridgingStep.trim() === '' ? null : form.bridgingStep,
      });
      if (!parsed.ok) return refused(parsed.errors);
      try {
        await register.setEntry(actor, parsed.values);
        const params = new URLSearchParams({ saved: '1' });
        return { redirect: `${localizedUrl(REGISTRY_PATHS.adminRegister, ctx.locale)}?${params.toString()}` };
      } catch (err) {
        const list = validationErrors(err);
        if (!list) throw err;
        return refused(list);
      }
    },
  });
}
