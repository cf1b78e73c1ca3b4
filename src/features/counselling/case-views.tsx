import type { FieldError } from '../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, fieldId, RadioGroup, Select, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { CsvLink } from '../../web/csv.tsx';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { COMPANION_PATHS } from '../companion/index.ts';
import { STATE_CODES, STATES } from '../regions/index.ts';
import { COUNSELLING_PATHS } from './paths.ts';
import { OUTCOMES, REFERRALS, TOPICS } from './schema.ts';
import type { CaseInput, CaseRow } from './service.ts';

const errorOf = (errors: readonly FieldError[], field: string) => errors.find((e) => e.field === field);

/** A state's name in the page's language. */
export function stateName(ctx: ViewContext, code: string): string {
  const s = STATES.find((x) => x.code === code);
  return s ? (ctx.locale === 'de' ? s.nameDe : s.nameEn) : code;
}

function Referrals(props: { ctx: ViewContext; values: readonly string[]; error?: FieldError | undefined }) {
  const { t } = props.ctx;
  const id = fieldId('referrals');
  return (
    <fieldset class={`kern-fieldset${props.error ? ' kern-fieldset--error' : ''}`}>
      <legend class="kern-label">
        {t.t('counselling.field.referrals')}
        <span class="kern-label__optional"> {t.t('counselling.optional')}</span>
      </legend>
      {props.error ? (
        <p class="kern-error" id={`${id}-error`}>
          <span>{props.error.message}</span>
        </p>
      ) : null}
      <div class="kern-fieldset__body">
        {REFERRALS.map((r, i) => {
          const optionId = i === 0 ? id : `${id}-${i}`;
          return (
            <div key={r} class="kern-form-check">
              <input
                class="kern-form-check__checkbox"
                type="checkbox"
                id={optionId}
                name="referrals"
                value={r}
                checked={props.values.includes(r)}
              />
              <label class="kern-label" for={optionId}>
                {t.t(`counselling.referral.${r}`)}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Topic, referrals, outcome and closing date: the fields of both forms. */
function CaseFields(props: { ctx: ViewContext; input: CaseInput; errors: readonly FieldError[] }) {
  const { ctx, input, errors } = props;
  const { t } = ctx;
  return (
    <>
      <Select
        name="topic"
        label={t.t('counselling.field.topic')}
        value={input.topic}
        error={errorOf(errors, 'topic')}
        options={[
          { value: '', label: t.t('counselling.choose') },
          ...TOPICS.map((v) => ({ value: v, label: t.t(`counselling.topic.${v}`) })),
        ]}
      />
      <Referrals ctx={ctx} values={input.referrals} error={errorOf(errors, 'referrals')} />
      <RadioGroup
        name="outcome"
        label={t.t('counselling.field.outcome')}
        value={input.outcome}
        error={errorOf(errors, 'outcome')}
        options={OUTCOMES.map((v) => ({ value: v, label: t.t(`counselling.outcome.${v}`) }))}
      />
      <TextInput
        name="closedOn"
        type="date"
        label={t.t('counselling.field.closed-on')}
        optionalLabel={t.t('counselling.optional')}
        value={input.closedOn}
        error={errorOf(errors, 'closedOn')}
      />
    </>
  );
}

export const EMPTY_INPUT: CaseInput = {
  stateCode: '',
  openedOn: '',
  topic: '',
  applicantPersonId: '',
  referrals: [],
  outcome: 'open',
  closedOn: '',
};

export function CasesPage(props: {
  ctx: ViewContext;
  cases: readonly CaseRow[];
  /** Linked people whose companion (§ 104c) the centre may open with their consent. */
  companions: ReadonlySet<string>;
  input: CaseInput;
  errors: readonly FieldError[];
  saved?: boolean;
}) {
  const { ctx, cases, input, errors } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('counselling.title')}>
      <h1 class="kern-heading-large">{t.t('counselling.title')}</h1>
      <p class="kern-body kern-body--large">{t.t('counselling.lead')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(COUNSELLING_PATHS.counts, ctx.locale)}>
          {t.t('counselling.counts.link')}
        </a>
      </p>
      <h2 class="kern-heading-medium">{t.t('counselling.list.title')}</h2>
      {cases.length === 0 ? (
        <p class="kern-body">{t.t('counselling.list.empty')}</p>
      ) : (
        <table class="kern-table">
          <caption class="kern-title">{t.t('counselling.list.caption')}</caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th class="kern-table__header" scope="col">
                {t.t('counselling.field.opened-on')}
              </th>
              <th class="kern-table__header" scope="col">
                {t.t('counselling.field.state')}
              </th>
              <th class="kern-table__header" scope="col">
                {t.t('counselling.field.topic')}
              </th>
              <th class="kern-table__header" scope="col">
                {t.t('counselling.field.outcome')}
              </th>
              <th class="kern-table__header" scope="col">
                {t.t('counselling.list.linked')}
              </th>
              <th class="kern-table__header" scope="col">
                {t.t('counselling.list.actions')}
              </th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {cases.map((c) => (
              <tr key={c.id} class="kern-table__row">
                <td class="kern-table__cell">{c.openedOn}</td>
                <td class="kern-table__cell">{stateName(ctx, c.stateCode)}</td>
                <td class="kern-table__cell">{t.t(`counselling.topic.${c.topic}`)}</td>
                <td class="kern-table__cell">{t.t(`counselling.outcome.${c.outcome}`)}</td>
                <td class="kern-table__cell">
                  {t.t(c.applicantPersonId ? 'counselling.list.linked-yes' : 'counselling.list.anonymous')}
                  {c.applicantPersonId && props.companions.has(c.applicantPersonId) ? (
                    <>
                      <br />
                      <a
                        class="kern-link"
                        href={localizedUrl(COMPANION_PATHS.counsellor, ctx.locale, {
                          personId: c.applicantPersonId,
                        })}
                      >
                        {t.t('counselling.list.companion')}
                        <span class="kern-sr-only"> ({c.openedOn})</span>
                      </a>
                    </>
                  ) : null}
                </td>
                <td class="kern-table__cell">
                  <a class="kern-link" href={localizedUrl(COUNSELLING_PATHS.edit, ctx.locale, { id: c.id })}>
                    {t.t('counselling.list.edit')}
                    <span class="kern-sr-only"> ({c.openedOn})</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cases.length > 0 ? <CsvLink ctx={ctx} /> : null}
      <h2 class="kern-heading-medium">{t.t('counselling.new.title')}</h2>
      <form method="post" action={localizedUrl(COUNSELLING_PATHS.list, ctx.locale)} novalidate>
        <CsrfField ctx={ctx} />
        <Select
          name="stateCode"
          label={t.t('counselling.field.state')}
          value={input.stateCode}
          error={errorOf(errors, 'stateCode')}
          options={[
            { value: '', label: t.t('counselling.choose') },
            ...STATE_CODES.map((s) => ({ value: s, label: stateName(ctx, s) })),
          ]}
        />
        <TextInput
          name="openedOn"
          type="date"
          label={t.t('counselling.field.opened-on')}
          value={input.openedOn}
          error={errorOf(errors, 'openedOn')}
        />
        <TextInput
          name="applicantPersonId"
          label={t.t('counselling.field.applicant')}
          hint={t.t('counselling.field.applicant-hint')}
          optionalLabel={t.t('counselling.optional')}
          value={input.applicantPersonId}
          error={errorOf(errors, 'applicantPersonId')}
        />
        <CaseFields ctx={ctx} input={input} errors={errors} />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{t.t('counselling.new.submit')}</span>
        </button>
      </form>
    </Layout>
  );
}

export function EditPage(props: {
  ctx: ViewContext;
  row: CaseRow;
  input: CaseInput;
  errors: readonly FieldError[];
}) {
  const { ctx, row, input, errors } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('counselling.edit.title')}>
      <h1 class="kern-heading-large">{t.t('counselling.edit.title')}</h1>
      <p class="kern-body">
        {t.t('counselling.field.opened-on')}: {row.openedOn} · {t.t('counselling.field.state')}:{' '}
        {stateName(ctx, row.stateCode)}
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form
        method="post"
        action={localizedUrl(COUNSELLING_PATHS.edit, ctx.locale, { id: row.id })}
        novalidate
      >
        <CsrfField ctx={ctx} />
        <CaseFields ctx={ctx} input={input} errors={errors} />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{t.t('counselling.edit.submit')}</span>
        </button>
      </form>
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(COUNSELLING_PATHS.list, ctx.locale)}>
          {t.t('counselling.back')}
        </a>
      </p>
    </Layout>
  );
}
