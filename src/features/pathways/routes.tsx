import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { chancenkartePoints } from '../../domain/law/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import type { ViewContext } from '../../web/context.ts';
import { parseForm } from '../../web/forms.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { createAnswerStore } from './answers.ts';
import { registerPathwaysApi } from './api.ts';
import { OfferPage, PointsPage } from './calculator-views.tsx';
import { OFFER_FORM, offerProfile, POINTS_FORM, pointsProfile } from './calculators.ts';
import { fieldLabel } from './field-views.tsx';
import { choiceKey, occupationNames, readOccupations } from './occupations.ts';
import { PATHWAY_PATHS } from './paths.ts';
import { profileFrom, todayIso } from './profile.ts';
import { type Answers, STEPS, type StepDef } from './questionnaire.ts';
import { StartPage, StepPage, SummaryPage } from './questionnaire-views.tsx';
import { byOpenness, evaluateAndRender, pointsJson } from './render.ts';
import { ResultPage } from './result-views.tsx';
import { stepForm, stepFormMessage } from './step-form.ts';

const PUBLIC = { public: 'anonymous self-check; answers kept only under a random cookie token, 24 hours' };
const PUBLIC_TOOL = { public: 'anonymous calculator; keeps nothing' };

/**
 * A step's form checked with its one schema, after its typed occupations are looked up; failing
 * fields with messages in the page's language, and the matches to choose from.
 */
async function checkStep(
  ctx: ViewContext,
  search: Services['occupationSearch'],
  step: StepDef,
  body: Record<string, unknown>,
  today: string,
) {
  const occupations = await readOccupations(search, step.fields, body);
  const form = parseForm(stepForm(step, today), occupations.body, stepFormMessage(ctx.t, step));
  const refusals: FieldError[] = occupations.errors.map((e) => {
    const f = step.fields.find((field) => e.field === field.name || e.field === choiceKey(field.name));
    return {
      ...e,
      message: ctx.t.t(`pathways.error.${e.message}`, { field: f ? fieldLabel(ctx.t, f) : '' }),
    };
  });
  const errors = [...(form.ok ? [] : form.errors), ...refusals];
  return errors.length === 0 && form.ok
    ? { ok: true as const, values: { ...form.values, ...occupations.occupations } }
    : { ok: false as const, errors, candidates: occupations.candidates };
}

/** The raw values of a form, as strings, to show again after a failed check. */
function rawValues(step: StepDef, body: Record<string, unknown>): Answers {
  return Object.fromEntries(
    step.fields.map((f) => [f.name, typeof body[f.name] === 'string' ? (body[f.name] as string) : '']),
  );
}

/** The pathway engine over HTTP: the JSON API, the questionnaire, the points calculator, the offer check. */
export function registerPathways(
  app: FastifyInstance,
  deps: AppDeps,
  services: Pick<Services, 'now' | 'occupationSearch'>,
): void {
  const { now, occupationSearch: search } = services;
  registerPathwaysApi(app, deps);
  const store = createAnswerStore(deps.database.db, now);

  definePage(app, deps.web, {
    paths: PATHWAY_PATHS.start,
    policy: PUBLIC,
    nav: { labelKey: 'nav.pathways', order: 10, descriptionKey: 'home.pathways.text' },
    handler: async (req, _reply, ctx) => (
      <StartPage
        ctx={ctx}
        hasAnswers={(await store.load(req)) !== null}
        deleted={(req.query as Record<string, unknown>).deleted === '1'}
      />
    ),
  });

  STEPS.forEach((step, index) => {
    const next = STEPS[index + 1];
    definePage(app, deps.web, {
      paths: step.paths,
      policy: PUBLIC,
      handler: async (req, _reply, ctx) => {
        const answers = (await store.load(req))?.answers ?? {};
        const returnToSummary = (req.query as Record<string, unknown>).return === 'summary';
        const values = { ...answers, ...(await occupationNames(search, step.fields, answers, ctx.locale)) };
        return <StepPage ctx={ctx} step={step} values={values} returnToSummary={returnToSummary} />;
      },
    });
    definePage(app, deps.web, {
      paths: step.paths,
      method: 'POST',
      policy: PUBLIC,
      rateLimit: {},
      handler: async (req, reply, ctx) => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        const returnToSummary = body.return === 'summary';
        const form = await checkStep(ctx, search, step, body, todayIso(now()));
        if (!form.ok) {
          return {
            status: 422,
            view: (
              <StepPage
                ctx={ctx}
                step={step}
                values={rawValues(step, body)}
                errors={form.errors}
                candidates={form.candidates}
                returnToSummary={returnToSummary}
              />
            ),
          };
        }
        const saved = (await store.load(req)) ?? { answers: {}, steps: [] };
        const steps = new Set([...saved.steps, step.id]);
        await store.save(req, reply, {
          answers: { ...saved.answers, ...form.values },
          steps: STEPS.map((s) => s.id).filter((id) => steps.has(id)),
        });
        const target = returnToSummary || !next ? PATHWAY_PATHS.summary : next.paths;
        return { redirect: localizedUrl(target, ctx.locale) };
      },
    });
  });

  definePage(app, deps.web, {
    paths: PATHWAY_PATHS.summary,
    policy: PUBLIC,
    handler: async (req, reply, ctx) => {
      const saved = await store.load(req);
      if (!saved) return { redirect: localizedUrl(PATHWAY_PATHS.start, ctx.locale) };
      reply.header('cache-control', 'no-store');
      const fields = STEPS.flatMap((step) => step.fields);
      return (
        <SummaryPage
          ctx={ctx}
          answers={saved.answers}
          occupations={await occupationNames(search, fields, saved.answers, ctx.locale)}
          missingBirthDate={!saved.answers.birthDate}
        />
      );
    },
  });

  definePage(app, deps.web, {
    paths: PATHWAY_PATHS.result,
    policy: PUBLIC,
    handler: async (req, reply, ctx) => {
      const saved = await store.load(req);
      const profile = saved ? profileFrom(saved.answers, todayIso(now())) : null;
      if (!saved) return { redirect: localizedUrl(PATHWAY_PATHS.start, ctx.locale) };
      if (!profile) return { redirect: localizedUrl(PATHWAY_PATHS.summary, ctx.locale) };
      reply.header('cache-control', 'no-store');
      const result = evaluateAndRender(ctx.t, profile);
      return (
        <ResultPage
          ctx={ctx}
          result={{ ...result, pathways: byOpenness(result.pathways) }}
          isco={saved.answers.qualificationIsco || saved.answers.jobIsco || undefined}
        />
      );
    },
  });

  definePage(app, deps.web, {
    paths: PATHWAY_PATHS.deleteAnswers,
    method: 'POST',
    policy: PUBLIC,
    handler: async (req, reply, ctx) => {
      await store.remove(req, reply);
      return { redirect: `${localizedUrl(PATHWAY_PATHS.start, ctx.locale)}?deleted=1` };
    },
  });

  definePage(app, deps.web, {
    paths: PATHWAY_PATHS.points,
    policy: PUBLIC_TOOL,
    nav: { labelKey: 'pathways.points.title', order: 11, descriptionKey: 'home.points.text', cardOnly: true },
    handler: async (req, _reply, ctx) => {
      const query = (req.query ?? {}) as Record<string, unknown>;
      const date = todayIso(now());
      const view = (extra: Partial<Parameters<typeof PointsPage>[0]> = {}) => (
        <PointsPage ctx={ctx} fields={POINTS_FORM.fields} values={{}} errors={[]} date={date} {...extra} />
      );
      if (Object.keys(query).length === 0) return view();
      const form = await checkStep(ctx, search, POINTS_FORM, query, date);
      if (!form.ok) {
        return { status: 400, view: view({ values: rawValues(POINTS_FORM, query), errors: form.errors }) };
      }
      const points = pointsJson(ctx.t, chancenkartePoints(pointsProfile(form.values, date), date));
      return view({ values: form.values, points });
    },
  });

  definePage(app, deps.web, {
    paths: PATHWAY_PATHS.offer,
    policy: PUBLIC_TOOL,
    nav: { labelKey: 'pathways.offer.title', order: 12, descriptionKey: 'home.offer.text', cardOnly: true },
    handler: async (req, _reply, ctx) => {
      const query = (req.query ?? {}) as Record<string, unknown>;
      const date = todayIso(now());
      const view = (extra: Partial<Parameters<typeof OfferPage>[0]> = {}) => (
        <OfferPage
          ctx={ctx}
          fields={OFFER_FORM.fields}
          values={{ candidate: 'academic' }}
          errors={[]}
          {...extra}
        />
      );
      if (Object.keys(query).length === 0) return view();
      const form = await checkStep(ctx, search, OFFER_FORM, query, date);
      if (!form.ok) {
        const choices = { candidates: form.candidates, errors: form.errors };
        return {
          status: 400,
          view: view({ values: rawValues(OFFER_FORM, query), errors: form.errors, choices }),
        };
      }
      const names = await occupationNames(search, OFFER_FORM.fields, form.values, ctx.locale);
      return view({
        values: { ...form.values, ...names },
        result: evaluateAndRender(ctx.t, offerProfile(form.values, date)),
      });
    },
  });
}
