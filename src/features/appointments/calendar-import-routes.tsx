/**
 * A service point's capacity calendar from a CSV file (issue 20): the upload page with the columns and a template,
 * the dry run listing every row, "apply" carrying the same file, and the JSON variant
 * (`POST /api/v1/appointments/calendar/import?dryRun=true`). The staff who may change the calendar on the planning
 * page, under the same policy (`update` on `appointment-calendar`) and with the same audit.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { addDays, type IsoDate } from '../../domain/calendar.ts';
import {
  CALENDAR_COLUMNS,
  CALENDAR_LIMITS,
  type CalendarChange,
} from '../../domain/capacity/calendar-csv.ts';
import { type ImportReport, reportOk } from '../../domain/interop/csv-table.ts';
import { momentOf } from '../../domain/journey/index.ts';
import { withExample, type ZodTypeProvider } from '../../platform/http/route-schema.ts';
import type { Locale, Translator } from '../../platform/i18n/index.ts';
import type { Services } from '../../services.ts';
import { csvImportBody, csvImportQuery, reportJson, reportRefusal } from '../../web/csv-api.ts';
import {
  type ImportPageSpec,
  ImportReportPage,
  ImportUploadPage,
  importPageSpec,
} from '../../web/csv-report.tsx';
import {
  carriedBytes,
  carriedField,
  sendCsvTemplate,
  uploadedFile,
  withCsvUploads,
} from '../../web/csv-upload.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { applyCalendarReport, checkCalendarFile, serviceNames } from './calendar-import.ts';
import { APPOINTMENT_PATHS } from './paths.ts';
import { staffOf } from './route-support.ts';

const POLICY = { action: 'update', resource: 'appointment-calendar' } as const;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

const columnLabel = (t: Translator) => (key: string) => t.t(`appointments.import.column.${key}`);

function pageSpec(t: Translator, locale: Locale): ImportPageSpec {
  return importPageSpec(t, locale, {
    prefix: 'appointments.import',
    paths: {
      check: APPOINTMENT_PATHS.calendarImport,
      apply: APPOINTMENT_PATHS.calendarImportApply,
      template: APPOINTMENT_PATHS.calendarTemplate,
    },
    maxBytes: CALENDAR_LIMITS.maxBytes,
    columns: CALENDAR_COLUMNS,
  });
}

/** What a fine row does, in words. */
function describe(t: Translator, c: CalendarChange): string {
  const service = t.t(`appointments.import.service.${c.service}`);
  if (c.kind === 'weekday')
    return t.t('appointments.import.weekday', {
      service,
      weekday: t.t(`appointments.weekday.${WEEKDAYS[c.weekday]}`),
      slots: c.slots,
    });
  if (c.slots === null) return t.t('appointments.import.day-back', { service, date: t.date(c.day) });
  return t.t('appointments.import.day', {
    service,
    date: t.date(c.day),
    slots: c.slots,
    reason: c.reason || '–',
  });
}

export function registerCalendarImport(app: FastifyInstance, deps: AppDeps, services: Services) {
  const { appointments, now } = services;
  const db = deps.database.db;
  const today = (): IsoDate => momentOf(now().toISOString()).date;
  const translators = [deps.web.i18n.translator('de'), deps.web.i18n.translator('en')];

  async function check(req: FastifyRequest, bytes: Uint8Array) {
    const { staff, types } = await staffOf(db, req, 'update', 'appointment-calendar');
    const report = await checkCalendarFile(
      db,
      staff.organisationId,
      types,
      serviceNames(translators, types),
      bytes,
      today(),
    );
    return { staff, report };
  }

  async function apply(req: FastifyRequest, report: ImportReport<CalendarChange>) {
    const { staff } = await staffOf(db, req, 'update', 'appointment-calendar');
    const types = await applyCalendarReport(db, staff, report, now(), today());
    for (const type of types)
      await appointments.requests.run(staff.organisationId, type, now(), today(), 'calendar');
  }

  withCsvUploads(app, (scope) => {
    definePage(scope, deps.web, {
      paths: APPOINTMENT_PATHS.calendarImport,
      policy: POLICY,
      handler: async (req, _reply, ctx) => {
        await staffOf(db, req, 'update', 'appointment-calendar');
        return <ImportUploadPage ctx={ctx} spec={pageSpec(ctx.t, ctx.locale)} />;
      },
    });

    definePage(scope, deps.web, {
      paths: APPOINTMENT_PATHS.calendarImport,
      method: 'POST',
      policy: POLICY,
      handler: async (req, _reply, ctx) => {
        const file = uploadedFile(req.body);
        const bytes = file?.tooLarge
          ? new Uint8Array(CALENDAR_LIMITS.maxBytes + 1)
          : (file?.bytes ?? new Uint8Array());
        const { report } = await check(req, bytes);
        const view = (
          <ImportReportPage
            ctx={ctx}
            spec={pageSpec(ctx.t, ctx.locale)}
            report={report}
            content={carriedField(bytes)}
            describe={(c) => describe(ctx.t, c)}
          />
        );
        return reportOk(report) ? view : { status: 422, view };
      },
    });

    definePage(scope, deps.web, {
      paths: APPOINTMENT_PATHS.calendarImportApply,
      method: 'POST',
      policy: POLICY,
      handler: async (req, _reply, ctx) => {
        const bytes = carriedBytes(req.body) ?? new Uint8Array();
        const { report } = await check(req, bytes);
        if (!reportOk(report))
          return {
            status: 422,
            view: (
              <ImportReportPage
                ctx={ctx}
                spec={pageSpec(ctx.t, ctx.locale)}
                report={report}
                content=""
                describe={(c) => describe(ctx.t, c)}
              />
            ),
          };
        await apply(req, report);
        return { redirect: `${localizedUrl(APPOINTMENT_PATHS.planning, ctx.locale)}?done=imported` };
      },
    });
  });

  for (const locale of ['de', 'en'] as const) {
    app.get(
      localizedUrl(APPOINTMENT_PATHS.calendarTemplate, locale),
      { config: { policy: POLICY } },
      async (req, reply) => {
        const { types } = await staffOf(db, req, 'update', 'appointment-calendar');
        const t = deps.web.i18n.translator(locale);
        const example = addDays(today(), 28).split('-').reverse().join('.');
        return sendCsvTemplate(reply, t.t('appointments.import.file-name'), [
          CALENDAR_COLUMNS.map((c) => t.t(`appointments.import.column.${c.key}`)),
          [
            types[0] ? t.t(`appointments.import.service.${types[0]}`) : '',
            example,
            '0',
            t.t('appointments.import.example-reason'),
          ],
        ]);
      },
    );
  }

  const api = app.withTypeProvider<ZodTypeProvider>();
  const en = deps.web.i18n.translator('en');
  api.post(
    '/api/v1/appointments/calendar/import',
    {
      config: { policy: POLICY },
      schema: {
        summary:
          'Import the capacity calendar of one’s own service point from CSV (weekday rows: weekly plan; date rows: days of less capacity); ?dryRun=true only reports',
        tags: ['appointments'],
        querystring: csvImportQuery,
        body: withExample(csvImportBody, {
          csv: 'service;day;appointments;reason\r\nresidence permit;Monday;12;\r\nresidence permit;04.01.2027;0;Staff outing\r\n',
        }),
        success: {
          description: 'The report: ok, applied, counts and every row with its outcome and problems',
        },
      },
    },
    async (req) => {
      const { report } = await check(req, new TextEncoder().encode(req.body.csv));
      if (req.query.dryRun === 'true') return reportJson(report, en, columnLabel(en), false);
      if (!reportOk(report)) throw reportRefusal(report, en, columnLabel(en));
      await apply(req, report);
      return reportJson(report, en, columnLabel(en), true);
    },
  );
}
