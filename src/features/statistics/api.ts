/**
 * The statistics as open data (issue 19): the same disclosure-controlled table as the pages, as JSON
 * (`/api/v1/statistics?state=&step=`) and as CSV, with a data dictionary. Public aggregates, no personal data;
 * a filter only selects cells of the one published table, so no combination of filters shows a hidden figure.
 * A bad filter is a 400 naming the field (Zod route schema, ADR 0014).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from '../../platform/http/route-schema.ts';
import type { Services } from '../../services.ts';
import { STATE_CODES } from '../regions/index.ts';
import { STATISTICS, STATISTICS_CSV } from './api-examples.ts';
import { DICTIONARY } from './dictionary.ts';
import { type Cell, type Statistics, selectCells } from './figures.ts';
import { POLICY as PAGE_POLICY, STATISTICS_API } from './paths.ts';
import { STAT_STEPS } from './rollup.ts';

const POLICY = { policy: PAGE_POLICY } as const;
const tags = ['statistics'];
const CACHE = 'public, max-age=300';

const query = z.strictObject({
  state: z.enum([...STATE_CODES, 'all']).optional(),
  step: z.enum(STAT_STEPS).optional(),
});
type Query = z.infer<typeof query>;

/** One cell as a flat record: the fields of the data dictionary, hidden counts as null. */
export function cellRecord(s: Statistics, c: Cell) {
  return {
    step: c.step,
    state: c.state,
    filed: c.filed.value,
    filed_suppressed: c.filed.suppressed,
    decided: c.decided.value,
    decided_suppressed: c.decided.suppressed,
    median_weeks: c.medianWeeks,
    p80_weeks: c.p80Weeks,
    p90_weeks: c.p90Weeks,
    within_deadline_share: c.withinDeadlineShare,
    has_deadline: c.hasDeadline,
    open: c.open.value,
    open_suppressed: c.open.suppressed,
    as_of: s.asOf,
    window_from: s.windowFrom,
  };
}

const csvValue = (v: unknown) => {
  if (v === null || v === undefined) return '';
  const text = String(v);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function toCsv(s: Statistics, cells: readonly Cell[]): string {
  const names = DICTIONARY.map((f) => f.name);
  const lines = [names.join(',')];
  for (const c of cells) {
    const r = cellRecord(s, c) as Record<string, unknown>;
    lines.push(names.map((n) => csvValue(r[n])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

const pick = (s: Statistics, q: Query) => selectCells(s, q.state, q.step);

export function registerStatisticsApi(app: FastifyInstance, services: Services) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { statistics } = services;

  api.get(
    STATISTICS_API.json,
    {
      config: POLICY,
      schema: {
        summary:
          'The published statistics per step and state (cells under 5 and those revealing them are null)',
        tags,
        querystring: query,
        success: { example: STATISTICS },
      },
    },
    async (req, reply) => {
      const s = await statistics.current();
      reply.header('cache-control', CACHE);
      return {
        asOf: s.asOf,
        computedAt: s.computedAt,
        windowFrom: s.windowFrom,
        threshold: s.threshold,
        thresholdSource: s.thresholdSource,
        dictionary: STATISTICS_API.dictionary,
        cells: pick(s, req.query).map((c) => cellRecord(s, c)),
      };
    },
  );

  api.get(
    STATISTICS_API.csv,
    {
      config: POLICY,
      schema: {
        summary: 'The same table as CSV',
        tags,
        querystring: query,
        success: { contentType: 'text/csv', example: STATISTICS_CSV },
      },
    },
    async (req, reply) => {
      const s = await statistics.current();
      reply
        .header('cache-control', CACHE)
        .header('content-disposition', `attachment; filename="statistics-${s.asOf}.csv"`)
        .type('text/csv; charset=utf-8');
      return toCsv(s, pick(s, req.query));
    },
  );

  api.get(
    STATISTICS_API.dictionary,
    { config: POLICY, schema: { summary: 'The data dictionary of the statistics downloads', tags } },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return { fields: DICTIONARY };
    },
  );
}
