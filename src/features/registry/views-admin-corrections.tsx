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
import { Back, errorOf, Submit, yesNo } from './views-admin-controls.tsx';

// ---------------------------------------------------------------- corrections (administrators)

export function RegistryAdminPage(props: {
  ctx: ViewContext;
  tables: { table: CorrectableTable; entries: EntrySummary[] }[];
  imported?: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const entryUrl = (table: string, key: string) =>
    localizedUrl(REGISTRY_PATHS.adminEntry, ctx.locale, { table, key });
  return (
    <Layout ctx={ctx} title={t.t('registry.admin.registry.title')}>
      <h1 class="kern-heading-large">{t.t('registry.admin.registry.title')}</h1>
      <p class="kern-body">{t.t('registry.admin.registry.lead')}</p>
      {props.imported ? (
        <p class="kern-body" role="status">
          {t.t('registry.import.done')}
        </p>
      ) : null}
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(REGISTRY_PATHS.adminMissionImport, ctx.locale)}>
          {t.t('registry.import.link')}
        </a>
      </p>
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
