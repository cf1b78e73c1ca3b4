/**
 * "Could this job work for me?" (issue 16): the public ad's job facts put into the visitor's own answers of
 * "Which way suits me?" (kept 24 hours under their cookie, never under a name), evaluated by the law engine on the
 * ad's start date. Nothing is stored or logged about the person; the page is not cached.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { jobPathwaysOf, withAdJob } from '../../domain/jobs/pathways.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import { definePage } from '../../web/page.tsx';
import { byOpenness, evaluateAndRender, profileFrom } from '../pathways/index.ts';
import { FitNeedsAnswers, FitPage } from './fit-views.tsx';
import { JOB_PATHS } from './paths.ts';
import { publicAdById } from './search.ts';
import { occupationFacts, todayIso } from './service.ts';

export function registerJobFit(app: FastifyInstance, deps: AppDeps, services: Services) {
  const db = deps.database.db;
  definePage(app, deps.web, {
    paths: JOB_PATHS.fit,
    policy: {
      public: "the visitor's own questionnaire answers under their cookie with a public ad; nothing stored",
    },
    handler: async (req, reply, ctx) => {
      const today = todayIso(deps.now());
      const ad = await publicAdById(db, (req.params as { id?: string }).id ?? '', today);
      const occ = ad ? await occupationFacts(db, ad.occupationKldb) : undefined;
      if (!ad || !occ) throw new AppError('not-found', { detail: 'No such job ad.' });
      reply.header('cache-control', 'no-store');
      const saved = await services.answers.load(req);
      const own = saved ? profileFrom(saved.answers, today) : null;
      if (!own) return <FitNeedsAnswers ctx={ctx} ad={ad} />;
      const facts = {
        ...ad,
        isco08: occ.isco08,
        regulated: occ.regulated,
        collectiveAgreement: ad.collectiveAgreementFlag,
      };
      const result = evaluateAndRender(ctx.t, withAdJob(own, facts, today));
      const pathways = byOpenness(jobPathwaysOf(result.pathways));
      return <FitPage ctx={ctx} ad={ad} result={{ ...result, pathways }} isco={occ.isco08} />;
    },
  });
}
