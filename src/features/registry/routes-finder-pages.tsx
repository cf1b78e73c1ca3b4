import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { Translator } from '../../platform/i18n/index.ts';
import type { Services } from '../../services.ts';
import { definePage } from '../../web/page.tsx';
import { buildFinderAnswer, type FinderAnswer, resolveFinderQuery } from './finder.ts';
import { missionAnswer, missionCountries } from './missions.ts';
import type { OfficeMatch } from './offices.ts';
import { REGISTRY_PATHS } from './paths.ts';
import { officeMatches, PUBLIC } from './routes-finder-api.ts';
import type { OccupationHit } from './search.ts';
import { RecognitionPage } from './views-finder.tsx';
import { MissionsPage, OfficesPage } from './views-offices.tsx';

/** Reads one query parameter for a page: a string, '' when absent, null when repeated or not text. */
function queryText(raw: Record<string, unknown>, name: string): string | null {
  const v = raw[name];
  if (v === undefined) return '';
  return typeof v === 'string' ? v.trim() : null;
}

function pageError(t: Translator, field: string, key: string): FieldError {
  return { field, rule: 'invalid', message: t.t(`registry.error.${key}`) };
}

/** The registry's public pages: the recognition finder, foreigners' offices and missions. */
export function registerFinderPages(app: FastifyInstance, deps: AppDeps, services: Services) {
  const { registry } = services;
  const i18n = deps.web.i18n;

  definePage(app, deps.web, {
    paths: REGISTRY_PATHS.recognition,
    policy: PUBLIC,
    nav: { labelKey: 'nav.recognition', order: 20, descriptionKey: 'home.recognition.text' },
    handler: async (req, _reply, ctx) => {
      const s = await registry.snapshot();
      const raw = (req.query ?? {}) as Record<string, unknown>;
      const { t } = ctx;
      const q = queryText(raw, 'q');
      const state = queryText(raw, 'state');
      const district = queryText(raw, 'district');
      const kldb = queryText(raw, 'kldb');
      // From the pathway results: an ISCO-08 code lists the occupations filed under it.
      const isco = queryText(raw, 'isco');
      const byIsco = isco ? (s.occupationsByIsco.get(isco) ?? []) : [];
      const errors: FieldError[] = [];
      if (isco === null || (isco !== '' && byIsco.length === 0)) errors.push(pageError(t, 'q', 'isco'));
      if (q === null || q.length > 100 || ('q' in raw && q === '' && !kldb && !isco))
        errors.push(pageError(t, 'q', 'q'));
      if (state === null || (state !== '' && !s.states.has(state)))
        errors.push(pageError(t, 'state', 'state'));
      if (district === null || (district !== '' && !s.districts.has(district))) {
        errors.push(pageError(t, 'district', 'district'));
      }
      if (kldb === null || (kldb !== '' && !s.occupations.has(kldb))) errors.push(pageError(t, 'q', 'kldb'));
      if (kldb && !state && !district && errors.length === 0)
        errors.push(pageError(t, 'state', 'place-required'));
      const form = { q: q ?? '', state: state ?? '', district: district ?? '' };
      const view = (extra: { hits?: OccupationHit[]; answer?: FinderAnswer } = {}) => (
        <RecognitionPage
          ctx={ctx}
          states={[...s.states.values()]}
          districts={[...s.districts.values()]}
          form={form}
          errors={errors}
          {...extra}
        />
      );
      if (errors.length > 0) return { status: 400, view: view() };
      if (kldb) {
        const r = resolveFinderQuery(s, district ? { kldb, district } : { kldb, state: form.state });
        return view({ answer: buildFinderAnswer(s, i18n, r.occupation, r.place) });
      }
      if (form.q) return view({ hits: s.occupationIndex.search(form.q, 10) });
      if (byIsco.length > 0) {
        const hits = byIsco.map((o) => ({
          ...o,
          matched: ctx.locale === 'de' ? o.titleDe : o.titleEn,
          score: 1,
        }));
        return view({ hits });
      }
      return view();
    },
  });

  definePage(app, deps.web, {
    paths: REGISTRY_PATHS.offices,
    policy: PUBLIC,
    handler: async (req, _reply, ctx) => {
      const s = await registry.snapshot();
      const raw = (req.query ?? {}) as Record<string, unknown>;
      const { t } = ctx;
      const district = queryText(raw, 'district');
      const place = queryText(raw, 'place');
      const state = queryText(raw, 'state');
      const errors: FieldError[] = [];
      if (district === null || (district !== '' && !s.districts.has(district))) {
        errors.push(pageError(t, 'district', 'district'));
      }
      if (place === null || place.length > 100 || (place !== '' && place.length < 2)) {
        errors.push(pageError(t, 'place', 'place'));
      }
      if (state === null || (state !== '' && !s.states.has(state)))
        errors.push(pageError(t, 'district', 'state'));
      const submitted = 'district' in raw || 'place' in raw || 'state' in raw;
      if (submitted && errors.length === 0 && !district && !place && !state) {
        errors.push(pageError(t, 'district', 'office-place-required'));
      }
      const form = { district: district ?? '', place: place ?? '' };
      const view = (matches?: OfficeMatch[]) => (
        <OfficesPage
          ctx={ctx}
          states={[...s.states.values()]}
          districts={[...s.districts.values()]}
          form={form}
          errors={errors}
          matches={matches}
        />
      );
      if (errors.length > 0) return { status: 400, view: view() };
      if (!submitted) return view();
      const matches = await officeMatches(
        deps,
        s,
        district ? { district } : place ? { place } : { state: state ?? '' },
      );
      return view(matches);
    },
  });

  definePage(app, deps.web, {
    paths: REGISTRY_PATHS.missions,
    policy: PUBLIC,
    handler: async (req, _reply, ctx) => {
      const s = await registry.snapshot();
      const raw = (req.query ?? {}) as Record<string, unknown>;
      const country = queryText(raw, 'country');
      const countries = missionCountries(s);
      const answer = country ? missionAnswer(s, country) : null;
      const errors: FieldError[] =
        country === null || (country !== '' && !answer) ? [pageError(ctx.t, 'country', 'country')] : [];
      const view = (
        <MissionsPage
          ctx={ctx}
          countries={countries}
          country={answer?.country ?? ''}
          errors={errors}
          answer={answer ?? undefined}
        />
      );
      return errors.length > 0 ? { status: 400, view } : view;
    },
  });
}
