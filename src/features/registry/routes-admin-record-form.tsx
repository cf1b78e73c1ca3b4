import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { checkContent } from '../../domain/recognition/record.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { ViewContext } from '../../web/context.ts';
import { parseForm } from '../../web/forms.ts';
import { definePage } from '../../web/page.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { formBody } from './admin-forms.ts';
import { type AdminPageServices, localise, stateOptions, validationErrors } from './admin-page-fields.ts';
import { REGISTRY_PATHS } from './paths.ts';
import { officerRecords } from './record-officer.ts';
import { RECORD_PROFESSIONS, recordBody } from './records.ts';
import { ADMIN_POLICIES } from './routes-admin.ts';
import type { RegistrySnapshot } from './snapshot.ts';
import { EMPTY_RECORD_FORM, type RecordForm, RecordFormPage } from './views-admin-record-form.tsx';

const P = ADMIN_POLICIES;

/** Recognition officers record a decision, or an existing paper notice, and issue its record. */
export function registerRecordFormPages(app: FastifyInstance, deps: AppDeps, services: AdminPageServices) {
  const { records, snapshot } = services;
  const db = deps.database.db;
  const { ownOrganisation, officer } = officerRecords(db);

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
        const parsed = parseForm(recordBody, body);
        if (!parsed.ok) errors.push(...parsed.errors);
        else {
          const today = deps.now().toISOString().slice(0, 10);
          for (const p of checkContent(parsed.values, today)) {
            errors.push({ field: `body.${p.field}`, rule: p.rule, message: '' });
          }
        }
      }
      const localised = localise(ctx, errors, 'registry.admin.record.error', recordField);
      return { status: 422, view: await recordFormView(req, ctx, form, localised) };
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
