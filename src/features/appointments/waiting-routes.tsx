/**
 * The public waiting-time pages (issue 15): the overview of every office (filter by state as a GET form), one
 * office by its organisation slug, and the overload map of districts and missions (waiting-map.ts). Public,
 * read-only; the figures come from the one stored service (`services.waiting`, waiting-store.ts), and a visitor
 * without a session gets the page rendered once per address and computation (`sharedVersion`). A state the filter does not know is a 400 naming the field; an unknown slug or
 * an organisation that owns no steps a person waits on is a 404.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Services } from '../../services.ts';
import { countryName } from '../../web/countries.ts';
import { definePage } from '../../web/page.tsx';
import { GROUPS, type OfficeGroup, WAITING_PATHS } from './waiting.ts';
import { overloadMap, readMapPlaces } from './waiting-map.ts';
import { MapPage } from './waiting-map-views.tsx';
import { OfficePage, OverviewPage } from './waiting-views.tsx';

const POLICY = { public: 'published waiting times' } as const;

export function registerWaitingPages(app: FastifyInstance, deps: AppDeps, services: Services) {
  const { waiting } = services;
  // Every visitor without a session sees the same page while the published figures are the same.
  const sharedVersion = async () => (await waiting.all()).computedAt.toISOString();

  definePage(app, deps.web, {
    paths: WAITING_PATHS.overview,
    policy: POLICY,
    nav: { labelKey: 'waiting.nav', order: 30 },
    sharedVersion,
    handler: async (req, _reply, ctx) => {
      const raw = (req.query as Record<string, unknown>).state;
      const state = raw === undefined ? '' : raw;
      if (typeof state !== 'string' || (state !== '' && !(GROUPS as readonly string[]).includes(state)))
        throw new AppError('validation-failed', {
          errors: [{ field: 'query.state', rule: 'enum', message: ctx.t.t('waiting.filter.invalid') }],
        });
      const { asOf, offices } = await waiting.all();
      return <OverviewPage ctx={ctx} asOf={asOf} offices={offices} state={state as OfficeGroup | ''} />;
    },
  });

  definePage(app, deps.web, {
    paths: WAITING_PATHS.map,
    policy: POLICY,
    sharedVersion,
    handler: async (_req, _reply, ctx) => {
      const [{ asOf, offices }, places] = await Promise.all([waiting.all(), readMapPlaces(deps.database.db)]);
      const names = new Intl.Collator(ctx.locale);
      const byName = (a: string, b: string) =>
        names.compare(countryName(a, ctx.locale), countryName(b, ctx.locale));
      return <MapPage ctx={ctx} asOf={asOf} map={overloadMap(places, offices, byName)} />;
    },
  });

  definePage(app, deps.web, {
    paths: WAITING_PATHS.office,
    policy: POLICY,
    sharedVersion,
    handler: async (req, _reply, ctx) => {
      const slug = (req.params as Record<string, string>).slug ?? '';
      const found = await waiting.bySlug(slug);
      if (!found) throw new AppError('not-found');
      return <OfficePage ctx={ctx} asOf={found.asOf} f={found.figures} />;
    },
  });
}
