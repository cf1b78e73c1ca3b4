/** The figures of a fair as a page and as CSV: ministry officers of every state (policy `fair-figures`). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { Services } from '../../services.ts';
import { definePage } from '../../web/page.tsx';
import { figuresCsv, publishFigures, readFigures } from './figures.ts';
import { FiguresPage } from './figures-views.tsx';
import { noFair, param } from './http.ts';
import { FAIR_PATHS } from './paths.ts';

export function registerFigurePages(app: FastifyInstance, deps: AppDeps, services: Services) {
  const fairs = services.fairs;

  async function figuresOf(id: string) {
    const f = await fairs.fairById(id);
    if (!f) throw noFair();
    return { f, figures: publishFigures(await readFigures(fairs.db, f.id)) };
  }

  definePage(app, deps.web, {
    paths: FAIR_PATHS.figures,
    policy: { action: 'read', resource: 'fair-figures' },
    handler: async (req, _reply, ctx) => {
      const { f, figures } = await figuresOf(param(req, 'id'));
      return <FiguresPage ctx={ctx} f={figures} title={f.title} id={f.id} />;
    },
  });

  for (const locale of ['de', 'en'] as const)
    app.get(
      `/${locale}${FAIR_PATHS.figuresCsv[locale]}`,
      { config: { policy: { action: 'export', resource: 'fair-figures' } } },
      async (req, reply) => {
        const { figures } = await figuresOf(param(req, 'id'));
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="job-fair-figures.csv"')
          .send(figuresCsv(figures));
      },
    );
}
