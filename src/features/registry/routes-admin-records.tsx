import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { normaliseCode } from '../../domain/recognition/record.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type CsvColumn, defineCsv, toCsv } from '../../web/csv.tsx';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { formBody } from './admin-forms.ts';
import { type AdminPageServices, query } from './admin-page-fields.ts';
import { REGISTRY_PATHS } from './paths.ts';
import { officerRecords } from './record-officer.ts';
import { ADMIN_POLICIES, changeActor } from './routes-admin.ts';
import { IssuedRecordPage, type RecordListItem, RecordsPage } from './views-admin-records.tsx';

const P = ADMIN_POLICIES;

/** Recognition officers list their authority's records, open one and withdraw it. */
export function registerRecordPages(app: FastifyInstance, deps: AppDeps, services: AdminPageServices) {
  const { records } = services;
  const db = deps.database.db;
  const { ownOrganisation, officer, recordsOf } = officerRecords(db);

  definePage(app, deps.web, {
    paths: REGISTRY_PATHS.adminRecords,
    nav: { labelKey: 'registry.nav.admin-records', order: 110, roles: ['recognition-officer'] },
    policy: P.issueRecord,
    handler: async (req, _reply, ctx) => {
      const { actor, jurisdictionState } = officer(req);
      const own = await ownOrganisation(actor.organisationId, jurisdictionState);
      const withdrawn = normaliseCode(query(req).withdrawn ?? '') ?? '';
      return (
        <RecordsPage
          ctx={ctx}
          organisationName={own.name}
          records={await recordsOf(actor.organisationId, { actor, purpose: 'recognition records' })}
          errors={[]}
          reasons={{}}
          withdrawn={withdrawn}
        />
      );
    },
  });

  defineCsv(app, deps.web, {
    paths: REGISTRY_PATHS.adminRecords,
    policy: P.issueRecord,
    handler: async (req, ctx) => {
      const { actor } = officer(req);
      const { t } = ctx;
      const rows = await recordsOf(actor.organisationId, {
        actor,
        purpose: 'recognition records (list export)',
      });
      const columns: CsvColumn<RecordListItem>[] = [
        { header: t.t('registry.verify.code'), value: (r) => r.code },
        { header: t.t('registry.verify.person'), value: (r) => r.person },
        { header: t.t('registry.verify.profession'), value: (r) => r.profession },
        { header: t.t('registry.verify.decision-date'), value: (r) => t.date(r.decisionDate) },
        {
          header: t.t('registry.admin.records.col.status'),
          value: (r) => t.t(`registry.admin.records.status.${r.status}`),
        },
      ];
      return { filename: 'recognition-records', text: toCsv(columns, rows) };
    },
  });

  definePage(app, deps.web, {
    paths: REGISTRY_PATHS.adminRecord,
    policy: P.issueRecord,
    handler: async (req, _reply, ctx) => {
      officer(req);
      const code = normaliseCode((req.params as { code?: string }).code ?? '');
      const found = code ? await records.find(code) : null;
      if (!code || !found) throw new AppError('not-found', { detail: 'No record with this code.' });
      return (
        <IssuedRecordPage
          ctx={ctx}
          payload={found.payload}
          status={found.status}
          issued={query(req).issued === '1'}
          qrUrl={`/api/v1/recognition/records/${code}/qr.svg`}
          verifyUrl={localizedUrl(REGISTRY_PATHS.verify, ctx.locale, { code })}
        />
      );
    },
  });

  definePage(app, deps.web, {
    paths: REGISTRY_PATHS.adminRecordWithdraw,
    method: 'POST',
    policy: P.withdrawRecord,
    handler: async (req, _reply, ctx) => {
      const actor = changeActor(req, P.withdrawRecord.action, P.withdrawRecord.resource);
      const code = normaliseCode((req.params as { code?: string }).code ?? '');
      const list = await recordsOf(actor.organisationId);
      const record = list.find((r) => r.code === code);
      // Only records of the officer's own authority are offered here (others answer 404).
      if (!code || !record)
        throw new AppError('not-found', { detail: 'No record of your authority with this code.' });
      const field = `reason-${code}`;
      const reason = (formBody(req.body)[field] ?? '').trim();
      if (reason.length === 0 || reason.length > 500) {
        const membership = req.actor?.memberships.find((m) => m.organisationId === actor.organisationId);
        const j = membership?.jurisdictions.find((x) => x.scope === 'state');
        const own = await ownOrganisation(
          actor.organisationId,
          j?.scope === 'state' ? j.stateCode : undefined,
        );
        const error = { field, rule: 'required', message: ctx.t.t('registry.admin.records.error.reason') };
        return {
          status: 422,
          view: (
            <RecordsPage
              ctx={ctx}
              organisationName={own.name}
              records={list}
              errors={[error]}
              reasons={{ [code]: reason }}
              withdrawn=""
            />
          ),
        };
      }
      await records.withdraw(actor, code, reason);
      const params = new URLSearchParams({ withdrawn: code });
      return { redirect: `${localizedUrl(REGISTRY_PATHS.adminRecords, ctx.locale)}?${params.toString()}` };
    },
  });
}
