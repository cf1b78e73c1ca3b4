import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import {
  isSixState,
  portability,
  SIX_STATES,
  STATE_LAW_PROFESSIONS,
} from '../../domain/recognition/portability.ts';
import { checkContent, normaliseCode } from '../../domain/recognition/record.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { AppError, type FieldError, fieldErrors } from '../../platform/http/errors.ts';
import type { ViewContext } from '../../web/context.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { organisation, person } from '../people/index.ts';
import {
  changesFrom,
  ENTRY_FIELDS,
  entryRow,
  entrySummaries,
  formBody,
  formFieldOf,
  formValues,
} from './admin-forms.ts';
import { CORRECTABLE_TABLES, type CorrectableTable, type createCorrectionsService } from './corrections.ts';
import { REGISTRY_PATHS } from './paths.ts';
import { RECORD_PROFESSIONS, type RecordsService, recordBody } from './records.ts';
import type { RegisterService } from './register.ts';
import { ADMIN_POLICIES, changeActor } from './routes-admin.ts';
import { recognitionRecord } from './schema.ts';
import type { RegistrySnapshot, RegistrySnapshotSource } from './snapshot.ts';
import {
  EMPTY_RECORD_FORM,
  EntryPage,
  type HistoryItem,
  IssuedRecordPage,
  type RecordForm,
  RecordFormPage,
  type RecordListItem,
  RecordsPage,
  type RegisterForm,
  RegisterPage,
  RegistryAdminPage,
} from './views-admin.tsx';

const P = ADMIN_POLICIES;

function isTable(value: string): value is CorrectableTable {
  return (CORRECTABLE_TABLES as readonly string[]).includes(value);
}

function validationErrors(err: unknown): FieldError[] | null {
  return err instanceof AppError && err.code === 'validation-failed' ? err.errors : null;
}

function query(req: FastifyRequest): Record<string, string> {
  return formBody(req.query);
}

function stateOptions(s: RegistrySnapshot, ctx: ViewContext) {
  return SIX_STATES.map((code) => {
    const row = s.states.get(code);
    return { value: code, label: row ? (ctx.locale === 'de' ? row.nameDe : row.nameEn) : code };
  });
}

/** One localised message per failing field; the service's own words stay in the API. */
function localise(
  ctx: ViewContext,
  errors: readonly FieldError[],
  prefix: string,
  fieldOf: (e: FieldError) => string,
): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = fieldOf(e);
    if (out.some((o) => o.field === field)) continue;
    const specific = `${prefix}.${field}.${e.rule}`;
    const general = `${prefix}.${field}`;
    const message = ctx.t.has(specific)
      ? ctx.t.t(specific)
      : ctx.t.has(general)
        ? ctx.t.t(general)
        : ctx.t.t('registry.admin.error.invalid', { field });
    out.push({ field, rule: e.rule, message });
  }
  return out;
}

/**
 * The write side of the registry as web forms (German and English, no JavaScript needed):
 * administrators correct entries, recognition officers issue and withdraw records, ministry
 * officers maintain the mutual-recognition register. Same services and policy pairs as the API.
 */
export function registerRegistryAdminPages(
  app: FastifyInstance,
  deps: AppDeps,
  services: {
    corrections: ReturnType<typeof createCorrectionsService>;
    records: RecordsService;
    register: RegisterService;
    snapshot: RegistrySnapshotSource;
  },
) {
  const { corrections, records, register, snapshot } = services;
  const db = deps.database.db;

  // ------------------------------------------------------------ corrections

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
      return <RegistryAdminPage ctx={ctx} tables={tables} />;
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
      const reason = (form.reason ?? '').trim();
      const changes = changesFrom(fields, form, row);
      const errors: FieldError[] = [];
      if (reason.length === 0 || reason.length > 500) {
        errors.push({ field: 'body.reason', rule: 'required', message: 'reason' });
      }
      if (Object.keys(changes).length === 0) {
        errors.push({ field: `body.changes.${fields[0]?.name ?? 'source'}`, rule: 'no-change', message: '' });
      }
      if (errors.length === 0) {
        try {
          await corrections.correct(actor, table, key, { changes, reason });
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

  // ------------------------------------------------------------ recognition records

  async function ownOrganisation(organisationId: string | null, jurisdictionState: string | undefined) {
    const [org] = organisationId
      ? await db
          .select({ name: organisation.name, seat: organisation.seatStateCode })
          .from(organisation)
          .where(eq(organisation.id, organisationId))
      : [];
    const state = [org?.seat, jurisdictionState].find((c) => isSixState(c)) ?? '';
    return { name: org?.name ?? '', state };
  }

  /** The state the actor's membership in an organisation is competent for, if it names one. */
  function jurisdictionStateOf(req: FastifyRequest, organisationId: string | null): string | undefined {
    const membership = req.actor?.memberships.find((m) => m.organisationId === organisationId);
    const j = membership?.jurisdictions.find((x) => x.scope === 'state');
    return j?.scope === 'state' ? j.stateCode : undefined;
  }

  function officer(req: FastifyRequest) {
    const actor = changeActor(req, P.issueRecord.action, P.issueRecord.resource);
    return { actor, jurisdictionState: jurisdictionStateOf(req, actor.organisationId) };
  }

  /** Records whose issue the audit trail attributes to the organisation (the record itself names a person only). */
  async function recordsOf(organisationId: string | null): Promise<RecordListItem[]> {
    if (!organisationId) return [];
    const rows = await db
      .select()
      .from(recognitionRecord)
      .where(
        sql`${recognitionRecord.id}::text in (select ${auditEntry.objectId} from ${auditEntry} where ${and(
          eq(auditEntry.action, 'recognition-record.issue'),
          eq(auditEntry.actorOrganisationId, organisationId),
        )})`,
      )
      .orderBy(desc(recognitionRecord.issuedAt))
      .limit(500);
    return rows.map((r) => {
      const p = r.payload as {
        person: { name: string };
        profession: { title: string };
        decisionDate: string;
      };
      return {
        code: r.code,
        person: p.person.name,
        profession: p.profession.title,
        decisionDate: p.decisionDate,
        issuedAt: r.issuedAt,
        status: r.status,
      };
    });
  }

  function occupationOptions(s: RegistrySnapshot, ctx: ViewContext) {
    return [...s.occupations.values()]
      .filter((o) => recordProfession(o.profession, o.route) !== null)
      .map((o) => ({
        value: o.kldb,
        label: `${ctx.locale === 'de' ? o.titleDe : o.titleEn} (KldB ${o.kldb})`,
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }

  function authorityOptions(s: RegistrySnapshot) {
    return [
      ...[...s.authorities.values()].map((a) => ({
        value: `authority:${a.id}`,
        label: `${a.authority} (${a.stateCode}, ${a.professionTitle})`,
      })),
      ...[...s.bodies.values()].map((b) => ({ value: `body:${b.id}`, label: b.name })),
    ];
  }

  async function recordFormView(
    req: FastifyRequest,
    ctx: ViewContext,
    form: RecordForm | null,
    errors: FieldError[],
  ) {
    const { actor, jurisdictionState } = officer(req);
    const own = await ownOrganisation(actor.organisationId, jurisdictionState);
    const s = await snapshot.snapshot();
    return (
      <RecordFormPage
        ctx={ctx}
        organisationName={own.name}
        form={form ?? { ...EMPTY_RECORD_FORM, issuingState: own.state }}
        errors={errors}
        occupations={occupationOptions(s, ctx)}
        authorities={authorityOptions(s)}
        states={stateOptions(s, ctx)}
      />
    );
  }

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
          records={await recordsOf(actor.organisationId)}
          errors={[]}
          reasons={{}}
          withdrawn={withdrawn}
        />
      );
    },
  });

  definePage(app, deps.web, {
    paths: REGISTRY_PATHS.adminRecordNew,
    policy: P.issueRecord,
    handler: async (req, _reply, ctx) => recordFormView(req, ctx, null, []),
  });

  definePage(app, deps.web, {
    paths: REGISTRY_PATHS.adminRecordNew,
    method: 'POST',
    policy: P.issueRecord,
    handler: async (req, _reply, ctx) => {
      const { actor, jurisdictionState } = officer(req);
      const f = formBody(req.body);
      const form: RecordForm = {
        ...EMPTY_RECORD_FORM,
        ...Object.fromEntries(Object.keys(EMPTY_RECORD_FORM).map((k) => [k, f[k] ?? ''])),
      } as RecordForm;
      const s = await snapshot.snapshot();
      const own = await ownOrganisation(actor.organisationId, jurisdictionState);
      const errors: FieldError[] = [];
      const occ = s.occupations.get(form.occupation);
      const key = occ ? recordProfession(occ.profession, occ.route) : null;
      if (!occ || !key) errors.push({ field: 'body.profession.key', rule: 'required', message: '' });
      let authority = own.name;
      let state = form.issuingState;
      if (form.authority.startsWith('authority:')) {
        const a = s.authorities.get(form.authority.slice('authority:'.length));
        if (!a) errors.push({ field: 'body.authority', rule: 'exists', message: '' });
        else {
          authority = a.authority;
          state = a.stateCode;
        }
      } else if (form.authority.startsWith('body:')) {
        const b = s.bodies.get(form.authority.slice('body:'.length));
        if (!b) errors.push({ field: 'body.authority', rule: 'exists', message: '' });
        else authority = b.name;
      } else if (form.authority !== 'own') {
        errors.push({ field: 'body.authority', rule: 'exists', message: '' });
      }
      const paper = form.authority !== 'own';
      if (paper && form.noticeReference.trim() === '') {
        errors.push({ field: 'body.noticeReference', rule: 'required-for-paper', message: '' });
      }
      const body = {
        person: { name: form.name, birthDate: form.birthDate },
        profession: {
          title: occ ? occ.titleDe : 'unknown',
          key: key ?? 'zab',
          kldb: occ?.kldb ?? null,
        },
        equivalence: form.equivalence,
        adjustmentMeasures: form.adjustmentMeasures
          .split(/\r?\n/)
          .map((m) => m.trim())
          .filter((m) => m.length > 0),
        authority,
        legalBasis: form.legalBasis,
        decisionDate: form.decisionDate,
        issuingState: state,
        noticeReference: form.noticeReference.trim() === '' ? null : form.noticeReference,
      };
      if (errors.length === 0) {
        try {
          const issued = await records.issue(actor, body);
          return {
            redirect: `${localizedUrl(REGISTRY_PATHS.adminRecord, ctx.locale, { code: issued.code })}?issued=1`,
          };
        } catch (err) {
          const list = validationErrors(err);
          if (!list) throw err;
          errors.push(...list);
        }
      } else {
        // Report the service's findings for the other fields too, without writing anything.
        const parsed = recordBody.safeParse(body);
        if (!parsed.success) errors.push(...fieldErrors('body', parsed.error.issues));
        else {
          const today = new Date().toISOString().slice(0, 10);
          for (const p of checkContent(parsed.data, today)) {
            errors.push({ field: `body.${p.field}`, rule: p.rule, message: '' });
          }
        }
      }
      const localised = localise(ctx, errors, 'registry.admin.record.error', recordField);
      return { status: 422, view: await recordFormView(req, ctx, form, localised) };
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

  // ------------------------------------------------------------ mutual-recognition register

  async function registerView(ctx: ViewContext, form: RegisterForm, errors: FieldError[], saved: boolean) {
    const s = await snapshot.snapshot();
    const entries = await register.entries();
    const professions = STATE_LAW_PROFESSIONS.map((key) => ({
      key,
      answers: SIX_STATES.flatMap((from) => SIX_STATES.map((to) => portability(key, from, to, entries))),
    }));
    return (
      <RegisterPage
        ctx={ctx}
        states={stateOptions(s, ctx)}
        professions={professions}
        form={form}
        errors={errors}
        saved={saved}
      />
    );
  }

  const emptyRegisterForm: RegisterForm = {
    profession: '',
    fromState: '',
    toState: '',
    outcome: '',
    bridgingStep: '',
    legalBasis: '',
    source: '',
    reason: '',
  };

  definePage(app, deps.web, {
    paths: REGISTRY_PATHS.adminRegister,
    nav: { labelKey: 'registry.nav.admin-register', order: 110, roles: ['ministry-officer'] },
    policy: P.setRegisterEntry,
    handler: async (req, _reply, ctx) => {
      changeActor(req, P.setRegisterEntry.action, P.setRegisterEntry.resource);
      const q = query(req);
      const form = { ...emptyRegisterForm };
      const profession = q.profession ?? '';
      if ((STATE_LAW_PROFESSIONS as readonly string[]).includes(profession)) form.profession = profession;
      const from = q.from;
      const to = q.to;
      if (isSixState(from)) form.fromState = from;
      if (isSixState(to)) form.toState = to;
      if (form.profession && isSixState(from) && isSixState(to)) {
        const a = portability(form.profession, from, to, await register.entries());
        form.outcome = a.outcome;
        form.bridgingStep =
          a.bridgingStep && ctx.t.has(`registry.portability.step.${a.bridgingStep}`)
            ? ctx.t.t(`registry.portability.step.${a.bridgingStep}`)
            : (a.bridgingStep ?? '');
        form.legalBasis = a.legalBasis ?? '';
      }
      return registerView(ctx, form, [], q.saved === '1');
    },
  });

  definePage(app, deps.web, {
    paths: REGISTRY_PATHS.adminRegister,
    method: 'POST',
    policy: P.setRegisterEntry,
    handler: async (req, _reply, ctx) => {
      const actor = changeActor(req, P.setRegisterEntry.action, P.setRegisterEntry.resource);
      const f = formBody(req.body);
      const form = Object.fromEntries(
        Object.keys(emptyRegisterForm).map((k) => [k, f[k] ?? '']),
      ) as unknown as RegisterForm;
      try {
        await register.setEntry(actor, {
          ...form,
          bridgingStep: form.bridgingStep.trim() === '' ? null : form.bridgingStep,
        });
        const params = new URLSearchParams({ saved: '1' });
        return { redirect: `${localizedUrl(REGISTRY_PATHS.adminRegister, ctx.locale)}?${params.toString()}` };
      } catch (err) {
        const list = validationErrors(err);
        if (!list) throw err;
        const errors = localise(ctx, list, 'registry.admin.register.error', (e) =>
          e.field.replace(/^body\./, ''),
        );
        return { status: 422, view: await registerView(ctx, form, errors, false) };
      }
    },
  });
}

/** The record profession key of an occupation: its regulated profession, or the nationwide route. */
export function recordProfession(profession: string | null, route: string): string | null {
  const all = RECORD_PROFESSIONS as readonly string[];
  if (profession && all.includes(profession)) return profession;
  return all.includes(route) ? route : null;
}

/** The form field a record error belongs to. */
function recordField(e: FieldError): string {
  const f = e.field.replace(/^body\./, '');
  if (f === 'person.name' || f === 'person') return 'name';
  if (f === 'person.birthDate') return 'birthDate';
  if (f.startsWith('profession')) return 'occupation';
  if (f.startsWith('adjustmentMeasures')) return 'adjustmentMeasures';
  return f;
}
