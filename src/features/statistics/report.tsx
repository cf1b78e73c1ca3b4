/**
 * The statistics report for a chosen period (issue 19): `GET /de/statistik/bericht.pdf?state=&from=&to=` and
 * `/en/statistics/report.pdf`, public like the dashboard. The period (src/domain/statistics/period.ts) is
 * published from the stored weekly rollup rows with the dashboard's disclosure control (figures.ts,
 * `statistics.forWindow`), and written as a tagged PDF (src/platform/pdf): title, state or all six, period,
 * as-of date, per step the table of the six states and their total, and the method. A bad parameter is a 400
 * naming `query.state`, `query.from` or `query.to`; a browser sending the dashboard's form gets the dashboard
 * again (400) with the message beside the field. The last few reports are kept per computation of the figures.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type Period, type PeriodProblem, parsePeriod } from '../../domain/statistics/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { ZodTypeProvider } from '../../platform/http/route-schema.ts';
import type { Locale } from '../../platform/i18n/index.ts';
import { type PdfBlock, type PdfDocumentModel, writeTaggedPdf } from '../../platform/pdf/index.ts';
import type { Services } from '../../services.ts';
import { isoFromInput } from '../../web/forms.ts';
import { sendPage, viewContext, type WebDeps } from '../../web/page.tsx';
import { STATE_CODES, type StateCode } from '../regions/index.ts';
import { type Statistics, selectCells } from './figures.ts';
import { POLICY, STATISTICS_PATHS } from './paths.ts';
import { STAT_STEPS } from './rollup.ts';
import { cellText, stateName, type Texts } from './texts.ts';
import { StatisticsPage } from './views.tsx';

/** The columns of the report's tables (the dashboard's, without the open backlog: that is not of a period). */
const REPORT_COLS = ['decided', 'median', 'p80', 'share'] as const;

const query = z.strictObject({
  state: z
    .preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum([...STATE_CODES, 'ALL', '']))
    .optional(),
  // Missing is the same as empty: the period's own check names the field in words (a browser gets the dashboard
  // with the message at the field, an API client a problem naming query.from / query.to).
  from: z.string().max(20).default(''),
  to: z.string().max(20).default(''),
});

const RULE_TEXT: Record<PeriodProblem['rule'], string> = {
  format: 'a day (YYYY-MM-DD) or an ISO week (YYYY-Www)',
  'too-early': 'not before 2000-01-01',
  order: 'not before from',
  'max-length': 'a period of at most three years',
  'after-as-of': 'not after the as-of day of the figures',
};

/** How many rendered reports are kept (the dashboard form's default period is asked for most). */
const RECENT_REPORTS = 16;

/** The last `max` results by key, computed once even when asked for at the same time. */
function recentResults<T>(max: number) {
  const held = new Map<string, Promise<T>>();
  return {
    get(key: string, make: () => Promise<T>): Promise<T> {
      const found = held.get(key);
      if (found) return found;
      const made = make();
      held.set(key, made);
      made.catch(() => held.delete(key));
      if (held.size > max) held.delete(held.keys().next().value as string);
      return made;
    },
  };
}

/** The document of the report, in the visitor's language. */
export function reportModel(
  ctx: Texts,
  s: Statistics,
  area: StateCode | 'all',
  period: Period,
): PdfDocumentModel {
  const { t } = ctx;
  const title = t.t('statistics.report.title', { area: stateName(ctx, area) });
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: title },
    {
      kind: 'paragraph',
      text: t.t('statistics.report.period', {
        from: t.date(period.from),
        to: t.date(period.to),
        weeksFrom: t.date(period.weeksFrom),
        weeksTo: t.date(period.weeksTo),
        asOf: t.date(s.asOf),
      }),
    },
    { kind: 'paragraph', text: t.t('statistics.report.intro') },
  ];
  for (const step of STAT_STEPS) {
    const cells = selectCells(s, undefined, step);
    const name = t.t(`statistics.step.${step}`);
    blocks.push({ kind: 'heading', level: 2, text: name });
    const own = area === 'all' ? undefined : cells.find((c) => c.state === area);
    if (own) {
      const values = {
        state: stateName(ctx, area),
        decided: cellText(ctx, own, 'decided'),
        median: cellText(ctx, own, 'median'),
        p80: cellText(ctx, own, 'p80'),
        share: cellText(ctx, own, 'share'),
      };
      // Without a duration to give (none decided, or too few to show), the sentence says only the count.
      const key = own.medianWeeks === null ? 'statistics.report.summary-count' : 'statistics.report.summary';
      blocks.push({ kind: 'paragraph', text: t.t(key, values) });
    }
    const rows = [...STATE_CODES, 'all' as const].flatMap((code) => {
      const c = cells.find((x) => x.state === code);
      return c ? [[stateName(ctx, code), ...REPORT_COLS.map((col) => cellText(ctx, c, col))]] : [];
    });
    blocks.push({
      kind: 'table',
      caption: t.t('statistics.table.caption', { step: name }),
      header: [t.t('statistics.col.state'), ...REPORT_COLS.map((col) => t.t(`statistics.col.${col}`))],
      rows,
    });
  }
  blocks.push({ kind: 'heading', level: 2, text: t.t('statistics.method.title') });
  for (const k of ['count', 'duration', 'deadline'] as const)
    blocks.push({ kind: 'paragraph', text: t.t(`statistics.method.${k}`) });
  blocks.push({ kind: 'paragraph', text: t.t('statistics.method.suppression', { threshold: s.threshold }) });
  return {
    lang: ctx.locale,
    title,
    blocks,
    footer: t.t('statistics.report.footer', { date: t.date(s.asOf) }),
  };
}

/** A browser sent the form (it asks for HTML): a bad period shows the dashboard with the message at the field. */
const wantsPage = (accept: string | undefined) => (accept ?? '').includes('text/html');

export function registerStatisticsReport(app: FastifyInstance, services: Services, web: WebDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { statistics } = services;
  const rendered = recentResults<Uint8Array>(RECENT_REPORTS);
  for (const locale of ['de', 'en'] as const satisfies readonly Locale[]) {
    api.get(
      `/${locale}${STATISTICS_PATHS.report[locale]}`,
      {
        config: { policy: POLICY },
        schema: {
          summary: 'The published statistics of a chosen period as a tagged PDF report',
          tags: ['statistics'],
          querystring: query,
        },
      },
      async (req, reply) => {
        const current = await statistics.current();
        const parsed = parsePeriod(
          { from: isoFromInput(req.query.from), to: isoFromInput(req.query.to) },
          current.asOf,
        );
        const state = req.query.state;
        const area: StateCode | 'all' = !state || state === 'ALL' ? 'all' : state;
        if (!parsed.ok && wantsPage(req.headers.accept)) {
          const ctx = viewContext(req, reply, web, locale);
          const errors = parsed.problems.map((p) => ({
            field: p.field,
            rule: p.rule,
            message: ctx.t.t(`statistics.report.error.${p.rule}`, {
              field: ctx.t.t(`statistics.report.form.${p.field}`),
            }),
          }));
          const input = { from: req.query.from, to: req.query.to };
          const view = <StatisticsPage ctx={ctx} s={current} area={area} report={{ input, errors }} />;
          return sendPage(reply, { status: 400, view });
        }
        if (!parsed.ok)
          throw new AppError('validation-failed', {
            errors: parsed.problems.map((p) => ({
              field: `query.${p.field}`,
              rule: p.rule,
              message: RULE_TEXT[p.rule],
            })),
          });
        const { period } = parsed;
        const key = `${locale}|${area}|${period.from}|${period.to}|${current.computedAt}`;
        const bytes = await rendered.get(key, async () => {
          const s = await statistics.forWindow({ from: period.from, to: period.to });
          const ctx: Texts = { t: web.i18n.translator(locale), locale };
          return writeTaggedPdf(reportModel(ctx, s, area, period));
        });
        const name = `${locale === 'de' ? 'statistik-bericht' : 'statistics-report'}-${area.toLowerCase()}-${period.from}-${period.to}.pdf`;
        return reply
          .type('application/pdf')
          .header('cache-control', 'public, max-age=300')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(Buffer.from(bytes));
      },
    );
  }
}
