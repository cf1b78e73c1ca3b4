import type { PortabilityAnswer } from '../../domain/recognition/portability.ts';
import type { RecordPayload } from '../../domain/recognition/record.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import {
  Alert,
  CsrfField,
  ErrorSummary,
  RadioGroup,
  Select,
  TextArea,
  TextInput,
  UnverifiedNote,
} from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import type { EntrySummary, FormField } from './admin-forms.ts';
import type { CorrectableTable } from './corrections.ts';
import { REGISTRY_PATHS } from './paths.ts';

type Option = { value: string; label: string };

const errorOf = (errors: readonly FieldError[], name: string) => errors.find((e) => e.field === name);

function Submit({ label }: { label: string }) {
  return (
    <button type="submit" class="kern-btn kern-btn--primary">
      <span class="kern-label">{label}</span>
    </button>
  );
}

function Back({ ctx, href, label }: { ctx: ViewContext; href: string; label: string }) {
  return (
    <p class="kern-body">
      <a class="kern-link" href={href}>
        <span class="kern-icon kern-icon--arrow-back kern-icon--small" aria-hidden="true" />
        {ctx.t.t(label)}
      </a>
    </p>
  );
}

function yesNo(ctx: ViewContext): Option[] {
  return [
    { value: 'true', label: ctx.t.t('registry.admin.yes') },
    { value: 'false', label: ctx.t.t('registry.admin.no') },
  ];
}

// ---------------------------------------------------------------- corrections (administrators)

export function RegistryAdminPage(props: {
  ctx: ViewContext;
  tables: { table: CorrectableTable; entries: EntrySummary[] }[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  const entryUrl = (table: string, key: string) =>
    localizedUrl(REGISTRY_PATHS.adminEntry, ctx.locale, { table, key });
  return (
    <Layout ctx={ctx} title={t.t('registry.admin.registry.title')}>
      <h1 class="kern-heading-large">{t.t('registry.admin.registry.title')}</h1>
      <p class="kern-body">{t.t('registry.admin.registry.lead')}</p>
      <nav aria-label={t.t('registry.admin.registry.tables')}>
        <ul class="kern-list">
          {props.tables.map(({ table, entries }) => (
            <li key={table}>
              <a class="kern-link" href={`#table-${table}`}>
                {t.t(`registry.admin.table.${table}`)}
              </a>{' '}
              {t.t('registry.admin.registry.counts', {
                count: entries.length,
                unverified: entries.filter((e) => !e.verified).length,
              })}
            </li>
          ))}
        </ul>
      </nav>
      {props.tables.map(({ table, entries }) => (
        <section key={table} aria-labelledby={`table-${table}`}>
          <h2 class="kern-heading-medium" id={`table-${table}`}>
            {t.t(`registry.admin.table.${table}`)}
          </h2>
          <ul class="kern-list">
            {entries.map((e) => (
              <li key={e.key}>
                <a class="kern-link" href={entryUrl(table, e.key)}>
                  {e.label}
                </a>
                {e.verified ? null : (
                  <>
                    {' '}
                    <UnverifiedNote ctx={ctx} />
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

export interface HistoryItem {
  at: Date;
  who: string;
  reason: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function EntryPage(props: {
  ctx: ViewContext;
  table: CorrectableTable;
  entryKey: string;
  label: string;
  verified: boolean;
  fields: readonly FormField[];
  values: Record<string, string>;
  errors: FieldError[];
  saved: boolean;
  history: HistoryItem[];
}) {
  const { ctx, errors, values } = props;
  const { t } = ctx;
  const label = (name: string) => t.t(`registry.admin.field.${name}`);
  const action = localizedUrl(REGISTRY_PATHS.adminEntry, ctx.locale, {
    table: props.table,
    key: props.entryKey,
  });
  const optional = t.t('registry.admin.optional');
  return (
    <Layout ctx={ctx} title={t.t('registry.admin.entry.title', { entry: props.label })}>
      <Back
        ctx={ctx}
        href={localizedUrl(REGISTRY_PATHS.adminRegistry, ctx.locale)}
        label="registry.admin.back.registry"
      />
      <h1 class="kern-heading-large">{t.t('registry.admin.entry.title', { entry: props.label })}</h1>
      <p class="kern-body">
        {t.t(`registry.admin.table.${props.table}`)} · {props.entryKey}
        {props.verified ? null : (
          <>
            {' '}
            <UnverifiedNote ctx={ctx} />
          </>
        )}
      </p>
      {props.saved ? <Alert kind="success" title={t.t('registry.admin.entry.saved')} /> : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={action} class="registry-form" noValidate>
        <CsrfField ctx={ctx} />
        {props.fields.map((f) => {
          const common = {
            name: f.name,
            label: label(f.name),
            error: errorOf(errors, f.name),
            value: values[f.name] ?? '',
          };
          switch (f.kind) {
            case 'bool':
              return <RadioGroup key={f.name} {...common} options={yesNo(ctx)} />;
            case 'confidence':
              return (
                <Select
                  key={f.name}
                  {...common}
                  options={['high', 'medium', 'low'].map((c) => ({
                    value: c,
                    label: t.t(`reference.confidence.${c}`),
                  }))}
                />
              );
            case 'date':
              return <TextInput key={f.name} {...common} type="date" required width={16} />;
            case 'textarea':
              return (
                <TextArea
                  key={f.name}
                  {...common}
                  rows={3}
                  maxLength={f.max}
                  required={!f.optional}
                  optionalLabel={f.optional ? optional : undefined}
                />
              );
            default:
              return (
                <TextInput
                  key={f.name}
                  {...common}
                  maxLength={f.max}
                  required={!f.optional}
                  optionalLabel={f.optional ? optional : undefined}
                />
              );
          }
        })}
        <TextInput
          name="reason"
          label={t.t('registry.admin.field.reason')}
          hint={t.t('registry.admin.field.reason.hint')}
          error={errorOf(errors, 'reason')}
          value={values.reason ?? ''}
          maxLength={500}
          required
        />
        <Submit label={t.t('registry.admin.entry.submit')} />
      </form>
      <h2 class="kern-heading-medium">{t.t('registry.admin.history.title')}</h2>
      {props.history.length === 0 ? (
        <p class="kern-body">{t.t('registry.admin.history.none')}</p>
      ) : (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">{t.t('registry.admin.history.caption')}</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header">
                  {t.t('registry.admin.history.when')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t.t('registry.admin.history.who')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t.t('registry.admin.history.why')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t.t('registry.admin.history.change')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {props.history.map((h) => (
                <tr key={`${h.at.toISOString()}-${h.who}`} class="kern-table__row">
                  <td class="kern-table__cell">{t.date(h.at, 'short')}</td>
                  <td class="kern-table__cell">{h.who}</td>
                  <td class="kern-table__cell">{h.reason}</td>
                  <td class="kern-table__cell">
                    <ul class="kern-list">
                      {Object.keys(h.after).map((k) => (
                        <li key={k}>
                          {t.has(`registry.admin.field.${k}`) ? label(k) : k}:{' '}
                          {t.t('registry.admin.history.before-after', {
                            before: show(h.before?.[k]),
                            after: show(h.after[k]),
                          })}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

// ---------------------------------------------------------------- records (recognition officers)

export interface RecordForm {
  name: string;
  birthDate: string;
  occupation: string;
  equivalence: string;
  adjustmentMeasures: string;
  authority: string;
  issuingState: string;
  legalBasis: string;
  decisionDate: string;
  noticeReference: string;
}

export const EMPTY_RECORD_FORM: RecordForm = {
  name: '',
  birthDate: '',
  occupation: '',
  equivalence: '',
  adjustmentMeasures: '',
  authority: 'own',
  issuingState: '',
  legalBasis: '',
  decisionDate: '',
  noticeReference: '',
};

export function RecordFormPage(props: {
  ctx: ViewContext;
  organisationName: string;
  form: RecordForm;
  errors: FieldError[];
  occupations: Option[];
  authorities: Option[];
  states: Option[];
}) {
  const { ctx, form, errors } = props;
  const { t } = ctx;
  const optional = t.t('registry.admin.optional');
  return (
    <Layout ctx={ctx} title={t.t('registry.admin.record-new.title')}>
      <Back
        ctx={ctx}
        href={localizedUrl(REGISTRY_PATHS.adminRecords, ctx.locale)}
        label="registry.admin.back.records"
      />
      <h1 class="kern-heading-large">{t.t('registry.admin.record-new.title')}</h1>
      <p class="kern-body">{t.t('registry.admin.record-new.lead')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form
        method="post"
        action={localizedUrl(REGISTRY_PATHS.adminRecordNew, ctx.locale)}
        class="registry-form"
        noValidate
      >
        <CsrfField ctx={ctx} />
        <h2 class="kern-heading-small">{t.t('registry.admin.record.person')}</h2>
        <TextInput
          name="name"
          label={t.t('registry.admin.record.name')}
          hint={t.t('registry.admin.record.name.hint')}
          error={errorOf(errors, 'name')}
          value={form.name}
          maxLength={200}
          autocomplete="off"
          required
        />
        <TextInput
          name="birthDate"
          type="date"
          width={16}
          label={t.t('registry.admin.record.birth-date')}
          error={errorOf(errors, 'birthDate')}
          value={form.birthDate}
          autocomplete="off"
          required
        />
        <h2 class="kern-heading-small">{t.t('registry.admin.record.decision')}</h2>
        <Select
          name="occupation"
          label={t.t('registry.admin.record.occupation')}
          hint={t.t('registry.admin.record.occupation.hint')}
          error={errorOf(errors, 'occupation')}
          value={form.occupation}
          options={[{ value: '', label: t.t('registry.admin.record.choose') }, ...props.occupations]}
        />
        <RadioGroup
          name="equivalence"
          label={t.t('registry.verify.equivalence')}
          error={errorOf(errors, 'equivalence')}
          value={form.equivalence}
          options={[
            { value: 'full', label: t.t('registry.verify.equivalence.full') },
            { value: 'partial', label: t.t('registry.verify.equivalence.partial') },
          ]}
        />
        <TextArea
          name="adjustmentMeasures"
          label={t.t('registry.verify.measures')}
          hint={t.t('registry.admin.record.measures.hint')}
          error={errorOf(errors, 'adjustmentMeasures')}
          value={form.adjustmentMeasures}
          rows={3}
          optionalLabel={optional}
        />
        <Select
          name="authority"
          label={t.t('registry.verify.authority')}
          hint={t.t('registry.admin.record.authority.hint')}
          error={errorOf(errors, 'authority')}
          value={form.authority}
          options={[
            { value: 'own', label: t.t('registry.admin.record.own', { name: props.organisationName }) },
            ...props.authorities,
          ]}
        />
        <Select
          name="issuingState"
          label={t.t('registry.admin.record.state')}
          hint={t.t('registry.admin.record.state.hint')}
          error={errorOf(errors, 'issuingState')}
          value={form.issuingState}
          options={[{ value: '', label: t.t('registry.form.choose-state') }, ...props.states]}
        />
        <TextInput
          name="noticeReference"
          label={t.t('registry.verify.notice')}
          hint={t.t('registry.admin.record.notice.hint')}
          error={errorOf(errors, 'noticeReference')}
          value={form.noticeReference}
          maxLength={100}
          optionalLabel={optional}
        />
        <TextInput
          name="legalBasis"
          label={t.t('registry.answer.legal-basis')}
          hint={t.t('registry.admin.record.legal-basis.hint')}
          error={errorOf(errors, 'legalBasis')}
          value={form.legalBasis}
          maxLength={300}
          required
        />
        <TextInput
          name="decisionDate"
          type="date"
          width={16}
          label={t.t('registry.verify.decision-date')}
          error={errorOf(errors, 'decisionDate')}
          value={form.decisionDate}
          required
        />
        <Submit label={t.t('registry.admin.record-new.submit')} />
      </form>
    </Layout>
  );
}

export interface RecordListItem {
  code: string;
  person: string;
  profession: string;
  decisionDate: string;
  issuedAt: Date;
  status: 'valid' | 'withdrawn';
}

export function RecordsPage(props: {
  ctx: ViewContext;
  organisationName: string;
  records: RecordListItem[];
  errors: FieldError[];
  reasons: Record<string, string>;
  withdrawn: string;
}) {
  const { ctx, errors } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('registry.admin.records.title')}>
      <h1 class="kern-heading-large">{t.t('registry.admin.records.title')}</h1>
      <p class="kern-body">{t.t('registry.admin.records.lead', { name: props.organisationName })}</p>
      <p class="kern-body">
        <a class="kern-btn kern-btn--primary" href={localizedUrl(REGISTRY_PATHS.adminRecordNew, ctx.locale)}>
          <span class="kern-label">{t.t('registry.admin.record-new.title')}</span>
        </a>
      </p>
      {props.withdrawn ? (
        <Alert kind="success" title={t.t('registry.admin.records.withdrawn', { code: props.withdrawn })} />
      ) : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      {props.records.length === 0 ? (
        <p class="kern-body">{t.t('registry.admin.records.none')}</p>
      ) : (
        props.records.map((r) => (
          <section key={r.code} class="registry-admin-record" aria-labelledby={`record-${r.code}`}>
            <h2 class="kern-heading-small" id={`record-${r.code}`}>
              <a
                class="kern-link"
                href={localizedUrl(REGISTRY_PATHS.adminRecord, ctx.locale, { code: r.code })}
              >
                {r.code}
              </a>
              : {r.person}, {r.profession}
            </h2>
            <p class="kern-body">
              {t.t('registry.verify.decision-date')}: {t.date(r.decisionDate)} ·{' '}
              {t.t(`registry.admin.records.status.${r.status}`)}
            </p>
            {r.status === 'valid' ? (
              <form
                method="post"
                action={localizedUrl(REGISTRY_PATHS.adminRecordWithdraw, ctx.locale, { code: r.code })}
                class="registry-form"
                noValidate
              >
                <CsrfField ctx={ctx} />
                <TextInput
                  name={`reason-${r.code}`}
                  label={t.t('registry.admin.records.reason', { code: r.code })}
                  error={errorOf(errors, `reason-${r.code}`)}
                  value={props.reasons[r.code] ?? ''}
                  maxLength={500}
                  required
                />
                <button type="submit" class="kern-btn kern-btn--secondary">
                  <span class="kern-label">{t.t('registry.admin.records.withdraw', { code: r.code })}</span>
                </button>
              </form>
            ) : null}
          </section>
        ))
      )}
    </Layout>
  );
}

export function IssuedRecordPage(props: {
  ctx: ViewContext;
  payload: RecordPayload;
  status: 'valid' | 'withdrawn';
  issued: boolean;
  qrUrl: string;
  verifyUrl: string;
}) {
  const { ctx, payload: p } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('registry.admin.record.title', { code: p.code })}>
      <Back
        ctx={ctx}
        href={localizedUrl(REGISTRY_PATHS.adminRecords, ctx.locale)}
        label="registry.admin.back.records"
      />
      <h1 class="kern-heading-large">{t.t('registry.admin.record.title', { code: p.code })}</h1>
      {props.issued ? <Alert kind="success" title={t.t('registry.admin.record.issued')} /> : null}
      {props.status === 'withdrawn' ? (
        <Alert kind="warning" title={t.t('registry.admin.records.status.withdrawn')} />
      ) : null}
      <dl class="registry-facts">
        <dt>{t.t('registry.verify.code')}</dt>
        <dd>
          <strong>{p.code}</strong>
        </dd>
        <dt>{t.t('registry.verify.person')}</dt>
        <dd>
          {p.person.name}, {t.t('registry.verify.born', { date: t.date(p.person.birthDate) })}
        </dd>
        <dt>{t.t('registry.verify.profession')}</dt>
        <dd>{p.profession.title}</dd>
        <dt>{t.t('registry.verify.equivalence')}</dt>
        <dd>{t.t(`registry.verify.equivalence.${p.equivalence}`)}</dd>
        {p.adjustmentMeasures.length > 0 ? (
          <>
            <dt>{t.t('registry.verify.measures')}</dt>
            <dd>{p.adjustmentMeasures.join('; ')}</dd>
          </>
        ) : null}
        <dt>{t.t('registry.verify.authority')}</dt>
        <dd>
          {p.authority} ({p.issuingState})
        </dd>
        <dt>{t.t('registry.answer.legal-basis')}</dt>
        <dd>{p.legalBasis}</dd>
        <dt>{t.t('registry.verify.decision-date')}</dt>
        <dd>{t.date(p.decisionDate)}</dd>
        {p.noticeReference ? (
          <>
            <dt>{t.t('registry.verify.notice')}</dt>
            <dd>{p.noticeReference}</dd>
          </>
        ) : null}
      </dl>
      <img
        class="registry-qr"
        src={props.qrUrl}
        alt={t.t('registry.verify.qr.alt', { code: p.code })}
        width="160"
        height="160"
      />
      <p class="kern-body">
        <a class="kern-link" href={props.verifyUrl}>
          {t.t('registry.admin.record.verify-link')}
        </a>
      </p>
    </Layout>
  );
}

// ---------------------------------------------------------------- register (ministry officers)

export interface RegisterForm {
  profession: string;
  fromState: string;
  toState: string;
  outcome: string;
  bridgingStep: string;
  legalBasis: string;
  source: string;
  reason: string;
}

export function RegisterPage(props: {
  ctx: ViewContext;
  states: Option[];
  professions: { key: string; answers: PortabilityAnswer[] }[];
  form: RegisterForm;
  errors: FieldError[];
  saved: boolean;
}) {
  const { ctx, form, errors } = props;
  const { t } = ctx;
  const stateName = (code: string) => props.states.find((s) => s.value === code)?.label ?? code;
  const base = localizedUrl(REGISTRY_PATHS.adminRegister, ctx.locale);
  const professionOptions = props.professions.map((p) => ({
    value: p.key,
    label: t.t(`registry.admin.profession.${p.key}`),
  }));
  return (
    <Layout ctx={ctx} title={t.t('registry.admin.register.title')}>
      <h1 class="kern-heading-large">{t.t('registry.admin.register.title')}</h1>
      <p class="kern-body">{t.t('registry.admin.register.lead')}</p>
      {props.saved ? <Alert kind="success" title={t.t('registry.admin.register.saved')} /> : null}
      <ul class="kern-list">
        <li>
          <a class="kern-link" href="#set-entry">
            {t.t('registry.admin.register.form')}
          </a>
        </li>
      </ul>
      {props.professions.map(({ key, answers }) => (
        <div key={key} class="kern-table-responsive">
          <table class="kern-table kern-table--striped">
            <caption class="kern-title">
              {t.t('registry.admin.register.caption', {
                profession: t.t(`registry.admin.profession.${key}`),
              })}
            </caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header">
                  {t.t('registry.admin.register.from-to')}
                </th>
                {props.states.map((s) => (
                  <th key={s.value} scope="col" class="kern-table__header">
                    <abbr title={s.label}>{s.value}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {props.states.map((from) => (
                <tr key={from.value} class="kern-table__row">
                  <th scope="row" class="kern-table__cell">
                    {from.label}
                  </th>
                  {props.states.map((to) => {
                    const a = answers.find((x) => x.fromState === from.value && x.toState === to.value);
                    if (!a || from.value === to.value) {
                      return (
                        <td key={to.value} class="kern-table__cell">
                          {t.t('registry.admin.register.same')}
                        </td>
                      );
                    }
                    const params = new URLSearchParams({ profession: key, from: from.value, to: to.value });
                    return (
                      <td key={to.value} class="kern-table__cell">
                        <a class="kern-link" href={`${base}?${params.toString()}#set-entry`}>
                          {t.t(`registry.admin.register.outcome.${a.outcome}`)}
                          <span class="kern-sr-only">
                            {` (${stateName(from.value)} → ${stateName(to.value)})`}
                          </span>
                        </a>
                        {a.verified ? null : (
                          <>
                            {' '}
                            <UnverifiedNote ctx={ctx} />
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <h2 class="kern-heading-medium" id="set-entry">
        {t.t('registry.admin.register.form')}
      </h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={base} class="registry-form" noValidate>
        <CsrfField ctx={ctx} />
        <Select
          name="profession"
          label={t.t('registry.admin.register.profession')}
          error={errorOf(errors, 'profession')}
          value={form.profession}
          options={[{ value: '', label: t.t('registry.admin.record.choose') }, ...professionOptions]}
        />
        <Select
          name="fromState"
          label={t.t('registry.admin.register.from')}
          error={errorOf(errors, 'fromState')}
          value={form.fromState}
          options={[{ value: '', label: t.t('registry.form.choose-state') }, ...props.states]}
        />
        <Select
          name="toState"
          label={t.t('registry.admin.register.to')}
          error={errorOf(errors, 'toState')}
          value={form.toState}
          options={[{ value: '', label: t.t('registry.form.choose-state') }, ...props.states]}
        />
        <RadioGroup
          name="outcome"
          label={t.t('registry.admin.register.answer')}
          error={errorOf(errors, 'outcome')}
          value={form.outcome}
          options={['counts', 'notification', 'bridging'].map((o) => ({
            value: o,
            label: t.t(`registry.admin.register.outcome.${o}`),
          }))}
        />
        <TextArea
          name="bridgingStep"
          label={t.t('registry.admin.register.step')}
          hint={t.t('registry.admin.register.step.hint')}
          error={errorOf(errors, 'bridgingStep')}
          value={form.bridgingStep}
          rows={3}
          maxLength={1000}
          optionalLabel={t.t('registry.admin.optional')}
        />
        <TextInput
          name="legalBasis"
          label={t.t('registry.answer.legal-basis')}
          error={errorOf(errors, 'legalBasis')}
          value={form.legalBasis}
          maxLength={500}
          required
        />
        <TextArea
          name="source"
          label={t.t('registry.admin.field.source')}
          hint={t.t('registry.admin.register.source.hint')}
          error={errorOf(errors, 'source')}
          value={form.source}
          rows={2}
          maxLength={2000}
          required
        />
        <TextInput
          name="reason"
          label={t.t('registry.admin.field.reason')}
          hint={t.t('registry.admin.field.reason.hint')}
          error={errorOf(errors, 'reason')}
          value={form.reason}
          maxLength={500}
          required
        />
        <Submit label={t.t('registry.admin.register.submit')} />
      </form>
    </Layout>
  );
}
