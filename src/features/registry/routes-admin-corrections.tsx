import { inArray } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { ViewContext } from '../../web/context.ts';
import { parseForm } from '../../web/forms.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { person } from '../people/index.ts';
import {
  changesFrom,
  ENTRY_FIELDS,
  entryRow,
  entrySummaries,
  formBody,
  formFieldOf,
  formValues,
} from './admin-forms.ts';
import { type AdminPageServices, isTable, localise, query, validationErrors } from './admin-page-fields.ts';
import { CORRECTABLE_TABLES, correctionBody } from './corrections.ts';
import { REGISTRY_PATHS } from './paths.ts';
import { ADMIN_POLICIES, changeActor } from './routes-admin.ts';
import { EntryPage, type HistoryItem, RegistryAdminPage } from './views-admin-corrections.tsx';

const P = ADMIN_POLICIES;

/** Administrators correct registry entries; each change keeps its history. */
export function registerCorrectionPages(app: FastifyInstance, deps: AppDeps, services: AdminPageServices) {
  const { corrections, snapshot } = services;
  const db = deps.database.db;

  definePage(app, deps.web, {
    paths: REGISTRY_PATHS.adminRegistry,
    nav: { labelKey: 'registry.nav.admin-registry', order: 110, roles: ['administrator'] },
    policy: P.correct,
    handler: async (req, _reply, ctx) => {
      changeActor(req, P.correct.action, P.correct.resource);
      const s = await snapshot.snapshot();
      const tables = CORRECTABLE_TABLES.map((table) => ({
        table,
        entries: entrySummaries(s, table, ctx.locale === 'de' ? 'de' : 'en'),
      }));
      return <RegistryAdminPage ctx={ctx} tables={tables} imported={query(req).imported === '1'} />;
    },
  });

  async function entryView(
    req: FastifyRequest,
    ctx: ViewContext,
    submitted?: { values: Record<string, string>; errors: FieldError[] },
  ) {
    const { table, key } = req.params as { table: string; key: string };
    if (!isTable(table)) throw new AppError('not-found', { detail: 'No such registry table.' });
    const s = await snapshot.snapshot();
    const row = entryRow(s, table, key);
    if (!row) throw new AppError('not-found', { detail: 'No such registry entry.' });
    const fields = ENTRY_FIELDS[table];
    const changes = await corrections.history(table, key);
    const ids = [...new Set(changes.map((c) => c.actor))].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    const names = new Map(
      ids.length > 0
        ? (
            await db
              .select({ id: person.id, name: person.displayName })
              .from(person)
              .where(inArray(person.id, ids))
          ).map((p) => [p.id, p.name])
        : [],
    );
    const history: HistoryItem[] = changes.map((c) => ({
      at: c.at,
      who: names.get(c.actor) ?? c.actor,
      reason: c.reason,
      before: (c.before ?? null) as Record<string, unknown> | null,
      after: (c.after ?? {}) as Record<string, unknown>,
    }));
    const label = entrySummaries(s, table, ctx.locale === 'de' ? 'de' : 'en').find(
      (e) => e.key === key,
    )?.label;
    return (
      <EntryPage
        ctx={ctx}
        table={table}
        entryKey={key}
        label={label ?? key}
        verified={row.verified}
        fields={fields}
        values={submitted?.values ?? formValues(fields, row)}
        errors={submitted?.errors ?? []}
        saved={query(req).saved === '1'}
        history={history}
      />
    );
  }

  definePage(app, deps.web, {
    paths: REGISTRY_PATHS.adminEntry,
    policy: P.correct,
    handler: async (req, _reply, ctx) => {
      changeActor(req, P.correct.action, P.correct.resource);
      return entryView(req, ctx);
    },
  });

  definePage(app, deps.web, {
    paths: REGISTRY_PATHS.adminEntry,
    method: 'POST',
    policy: P.correct,
    handler: async (req, _reply, ctx) => {
      const actor = changeActor(req, P.correct.action, P.correct.resource);
      const { table, key } = req.params as { table: string; key: string };
      if (!isTable(table)) throw new AppError('not-found', { detail: 'No such registry table.' });
      const row = entryRow(await snapshot.snapshot(), table, key);
      if (!row) throw new AppError('not-found', { detail: 'No such registry entry.' });
      const fields = ENTRY_FIELDS[table];
      const form = formBody(req.body);
      const changes = changesFrom(fields, form, row);
      const parsed = parseForm(correctionBody, { changes, reason: form.reason ?? '' });
      const errors: FieldError[] = parsed.ok ? [] : [...parsed.errors];
      if (Object.keys(changes).length === 0) {
        errors.push({ field: `body.changes.${fields[0]?.name ?? 'source'}`, rule: 'no-change', message: '' });
      }
      if (errors.length === 0 && parsed.ok) {
        try {
          await corrections.correct(actor, table, key, parsed.values);
          return {
            redirect: `${localizedUrl(REGISTRY_PATHS.adminEntry, ctx.locale, { table, key })}?saved=1`,
          };
        } catch (err) {
          const list = validationErrors(err);
          if (!list) throw err;
          errors.push(...list);
        }
      }
      const label = (name: string) =>
        ctx.t.has(`registry.admin.field.${name}`) ? ctx.t.t(`registry.admin.field.${name}`) : name;
      const localised = localise(ctx, errors, 'registry.admin.entry.error', formFieldOf).map((e) =>
        e.rule === 'no-change'
          ? { ...e, message: ctx.t.t('registry.admin.entry.error.no-change') }
          : e.field === 'reason'
            ? { ...e, message: ctx.t.t('registry.admin.entry.error.reason') }
            : { ...e, message: ctx.t.t('registry.admin.error.invalid', { field: label(e.field) }) },
      );
      return { status: 422, view: await entryView(req, ctx, { values: form, errors: localised }) };
    },
  });
}
