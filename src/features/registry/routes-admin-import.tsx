/**
 * Administrators take the registry's missions abroad from a CSV file (issue 20): the upload page with the columns
 * and a template, the dry run listing every row, "apply" with a reason (the history's "why"), and the JSON variant
 * (`POST /api/v1/registry/missions/import?dryRun=true`). The same policy pair as a correction
 * (`update` on `registry-entry`), the same history and audit.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { type ImportReport, reportOk } from '../../domain/interop/csv-table.ts';
import { MISSION_COLUMNS, MISSION_LIMITS, type MissionChange } from '../../domain/recognition/mission-csv.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { withExample, type ZodTypeProvider } from '../../platform/http/route-schema.ts';
import type { Locale, Translator } from '../../platform/i18n/index.ts';
import type { Services } from '../../services.ts';
import { TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
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
import { applyMissionReport, checkMissionFile, exampleMission } from './mission-import.ts';
import { REGISTRY_PATHS } from './paths.ts';
import { ADMIN_POLICIES, changeActor } from './routes-admin.ts';

const P = ADMIN_POLICIES.correct;
const columnLabel = (t: Translator) => (key: string) => t.t(`registry.import.column.${key}`);
const reasonSchema = z.string().trim().min(1, { error: 'is required' }).max(500);

function pageSpec(t: Translator, locale: Locale): ImportPageSpec {
  return importPageSpec(t, locale, {
    prefix: 'registry.import',
    paths: {
      check: REGISTRY_PATHS.adminMissionImport,
      apply: REGISTRY_PATHS.adminMissionImportApply,
      template: REGISTRY_PATHS.adminMissionTemplate,
    },
    maxBytes: MISSION_LIMITS.maxBytes,
    columns: MISSION_COLUMNS,
  });
}

function describe(t: Translator, r: MissionChange): string {
  const { name, city, country } = r.values;
  if (r.isNew) return t.t('registry.import.new', { name, city, country });
  const fields = Object.keys(r.before).map((k) => t.t(`registry.import.column.${k}`));
  return fields.length === 0
    ? t.t('registry.import.unchanged', { name })
    : t.t('registry.import.changed', { name, fields: fields.join(', ') });
}

function ReportView(props: {
  ctx: ViewContext;
  report: ImportReport<MissionChange>;
  content: string;
  reason?: string;
  reasonError?: FieldError | undefined;
}) {
  const { ctx, report } = props;
  return (
    <ImportReportPage
      ctx={ctx}
      spec={pageSpec(ctx.t, ctx.locale)}
      report={report}
      content={props.content}
      describe={(c) => describe(ctx.t, c)}
      applyErrors={props.reasonError ? [props.reasonError] : []}
      applyFields={
        <TextInput
          name="reason"
          label={ctx.t.t('registry.admin.field.reason')}
          hint={ctx.t.t('registry.import.reason-hint')}
          value={props.reason ?? ''}
          error={props.reasonError}
        />
      }
    />
  );
}

export function registerMissionImport(app: FastifyInstance, deps: AppDeps, services: Services) {
  const db = deps.database.db;
  const { registry, now } = services;
  const actorOf = (req: FastifyRequest) => changeActor(req, P.action, P.resource);

  withCsvUploads(app, (scope) => {
    definePage(scope, deps.web, {
      paths: REGISTRY_PATHS.adminMissionImport,
      policy: P,
      handler: async (req, _reply, ctx) => {
        actorOf(req);
        return <ImportUploadPage ctx={ctx} spec={pageSpec(ctx.t, ctx.locale)} />;
      },
    });

    definePage(scope, deps.web, {
      paths: REGISTRY_PATHS.adminMissionImport,
      method: 'POST',
      policy: P,
      handler: async (req, _reply, ctx) => {
        actorOf(req);
        const file = uploadedFile(req.body);
        const bytes = file?.tooLarge
          ? new Uint8Array(MISSION_LIMITS.maxBytes + 1)
          : (file?.bytes ?? new Uint8Array());
        const report = await checkMissionFile(db, bytes);
        const view = <ReportView ctx={ctx} report={report} content={carriedField(bytes)} />;
        return reportOk(report) ? view : { status: 422, view };
      },
    });

    definePage(scope, deps.web, {
      paths: REGISTRY_PATHS.adminMissionImportApply,
      method: 'POST',
      policy: P,
      handler: async (req, _reply, ctx) => {
        const actor = actorOf(req);
        const bytes = carriedBytes(req.body) ?? new Uint8Array();
        const body = (req.body ?? {}) as Record<string, unknown>;
        const reasonText = typeof body.reason === 'string' ? body.reason : '';
        const reason = reasonSchema.safeParse(reasonText);
        const report = await checkMissionFile(db, bytes);
        if (!reportOk(report) || !reason.success) {
          const reasonError = reason.success
            ? undefined
            : { field: 'reason', rule: 'required', message: ctx.t.t('registry.admin.entry.error.reason') };
          const content = reportOk(report) ? carriedField(bytes) : '';
          return {
            status: 422,
            view: (
              <ReportView
                ctx={ctx}
                report={report}
                content={content}
                reason={reasonText}
                reasonError={reasonError}
              />
            ),
          };
        }
        await applyMissionReport(db, actor, report, reason.data, now(), () => registry.invalidate());
        return {
          redirect: `${localizedUrl(REGISTRY_PATHS.adminRegistry, ctx.locale)}?imported=1#table-mission`,
        };
      },
    });
  });

  for (const locale of ['de', 'en'] as const) {
    app.get(
      localizedUrl(REGISTRY_PATHS.adminMissionTemplate, locale),
      { config: { policy: P } },
      async (req, reply) => {
        actorOf(req);
        const t = deps.web.i18n.translator(locale);
        const m = await exampleMission(db);
        const yes = (v: boolean) => t.t(v ? 'registry.import.yes' : 'registry.import.no');
        const example = m
          ? [
              m.id,
              m.country,
              m.name,
              m.city,
              yes(m.visaSection),
              m.region ?? '',
              m.notes ?? '',
              m.source,
              m.asOf,
              t.t(`reference.confidence.${m.confidence}`),
              yes(m.verified),
            ]
          : t.t('registry.import.example').split('|');
        return sendCsvTemplate(reply, t.t('registry.import.file-name'), [
          MISSION_COLUMNS.map((c) => t.t(`registry.import.column.${c.key}`)),
          example,
        ]);
      },
    );
  }

  const api = app.withTypeProvider<ZodTypeProvider>();
  const en = deps.web.i18n.translator('en');
  api.post(
    '/api/v1/registry/missions/import',
    {
      config: { policy: P },
      preHandler: async (req) => {
        actorOf(req);
      },
      schema: {
        summary:
          'Add and correct the registry’s missions abroad from CSV; ?dryRun=true only reports; each change keeps its history',
        tags: ['registry'],
        querystring: csvImportQuery,
        body: withExample(
          csvImportBody.extend({
            reason: reasonSchema
              .optional()
              .meta({ description: 'Why the missions change (required unless dryRun); kept in the history' }),
          }),
          {
            csv: 'key;country;name;city;visa section;region;notes;source;as of;confidence;verified\r\nembassy-sampletown;Sampleland;Embassy of the Federal Republic of Germany Sampletown;Sampletown;yes;;;https://sampletown.diplo.de;01.11.2026;medium;no\r\n',
            reason: 'Missions list of the Federal Foreign Office, as of November 2026',
          },
        ),
        success: {
          description: 'The report: ok, applied, counts and every row with its outcome and problems',
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const report = await checkMissionFile(db, new TextEncoder().encode(req.body.csv));
      if (req.query.dryRun === 'true') return reportJson(report, en, columnLabel(en), false);
      if (!req.body.reason)
        throw new AppError('validation-failed', {
          errors: [{ field: 'body.reason', rule: 'required', message: 'is required unless dryRun=true' }],
        });
      if (!reportOk(report)) throw reportRefusal(report, en, columnLabel(en));
      await applyMissionReport(db, actor, report, req.body.reason, now(), () => registry.invalidate());
      return reportJson(report, en, columnLabel(en), true);
    },
  );
}
