/**
 * The employment confirmation's pages (issue 18): the holder names an employer and sees what it confirmed; the
 * employer's list of requests and the confirmation form. Forms POST and redirect; no JavaScript.
 */
import type { FieldError } from '../../../platform/http/errors.ts';
import {
  CsrfField,
  DescriptionList,
  ErrorSummary,
  RadioGroup,
  Select,
  TextInput,
} from '../../../web/components.tsx';
import type { ViewContext } from '../../../web/context.ts';
import { Page } from '../../../web/layout.tsx';
import { localizedUrl } from '../../../web/paths.ts';
import { COMPANION_PATHS } from '../paths.ts';
import type { ConfirmInput } from './confirm-form.ts';
import { COMPANION_EMPLOYMENT_PATHS as P } from './paths.ts';
import type { EmploymentRow, EmploymentView } from './service.ts';

const at = (path: { de: string; en: string }, ctx: ViewContext, id: string) =>
  localizedUrl(path, ctx.locale, { id });

/** What an employer confirmed, as a list of facts. */
export function ConfirmedFacts({ ctx, row }: { ctx: ViewContext; row: EmploymentRow }) {
  const { t } = ctx;
  if (row.confirmedAt === null || row.startedOn === null) return null;
  return (
    <DescriptionList
      rows={[
        [t.t('companion.employment.field.startedOn'), t.date(row.startedOn)],
        [t.t('companion.employment.field.hoursPerWeek'), t.number(row.hoursPerWeek ?? 0)],
        [t.t('companion.employment.field.monthlyGross'), `${t.number(row.monthlyGrossEur ?? 0)} €`],
        [
          t.t('companion.employment.field.contract'),
          row.permanent || row.contractEndsOn === null
            ? t.t('companion.employment.contract.permanent')
            : t.t('companion.employment.contract.until', { date: t.date(row.contractEndsOn) }),
        ],
      ]}
    />
  );
}

/** The livelihood evidence line on the companion page: who confirmed, and a link to the consents. */
export function EvidenceNote(props: {
  ctx: ViewContext;
  evidence: EmploymentView | undefined;
  link: boolean;
}) {
  const { ctx, evidence } = props;
  const { t } = ctx;
  if (!evidence?.confirmedAt && !props.link) return null;
  return (
    <p class="kern-body">
      {evidence?.confirmedAt
        ? t.t(props.link ? 'companion.employment.evidence' : 'companion.employment.evidence-other', {
            employer: evidence.employerName,
            date: t.date(evidence.confirmedAt.toISOString().slice(0, 10)),
          })
        : t.t('companion.employment.no-evidence')}
      {props.link ? (
        <>
          {' '}
          <a class="kern-link" href={localizedUrl(P.consents, ctx.locale)}>
            {t.t('companion.employment.to-consents')}
          </a>
        </>
      ) : null}
    </p>
  );
}

export function ConsentsPage(props: {
  ctx: ViewContext;
  employers: readonly { id: string; name: string }[];
  consents: readonly EmploymentView[];
  input: string;
  errors: readonly FieldError[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  const open = props.consents.filter((c) => c.withdrawnAt === null);
  return (
    <Page ctx={ctx} title={t.t('companion.employment.consents.title')}>
      <p class="kern-body">{t.t('companion.employment.consents.lead')}</p>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <h2 class="kern-heading-medium">{t.t('companion.employment.consents.current')}</h2>
      {open.length === 0 ? <p class="kern-body">{t.t('companion.employment.consents.none')}</p> : null}
      {open.map((c) => (
        <section key={c.id} aria-labelledby={`consent-${c.id}`}>
          <h3 class="kern-heading-small" id={`consent-${c.id}`}>
            {c.employerName}
          </h3>
          <p class="kern-body">
            {c.confirmedAt
              ? t.t('companion.employment.consents.confirmed')
              : t.t('companion.employment.consents.waiting')}
          </p>
          <ConfirmedFacts ctx={ctx} row={c} />
          <form method="post" action={at(P.withdraw, ctx, c.id)}>
            <CsrfField ctx={ctx} />
            <button type="submit" class="kern-btn kern-btn--secondary">
              <span class="kern-label">
                {t.t('companion.employment.consents.withdraw', { employer: c.employerName })}
              </span>
            </button>
          </form>
        </section>
      ))}
      <h2 class="kern-heading-medium">{t.t('companion.employment.consents.add')}</h2>
      {props.employers.length === 0 ? (
        <p class="kern-body">{t.t('companion.employment.consents.no-employers')}</p>
      ) : (
        <form method="post" action={localizedUrl(P.consents, ctx.locale)} novalidate>
          <CsrfField ctx={ctx} />
          <Select
            name="employer"
            label={t.t('companion.employment.field.employer')}
            hint={t.t('companion.employment.field.employer-hint')}
            value={props.input}
            error={props.errors.find((e) => e.field === 'employer')}
            options={[
              { value: '', label: t.t('companion.form.choose') },
              ...props.employers.map((e) => ({ value: e.id, label: e.name })),
            ]}
          />
          <p class="kern-body">
            <button type="submit" class="kern-btn kern-btn--primary">
              <span class="kern-label">{t.t('companion.employment.consents.submit')}</span>
            </button>
          </p>
        </form>
      )}
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(COMPANION_PATHS.mine, ctx.locale)}>
          {t.t('companion.employment.to-companion')}
        </a>
      </p>
    </Page>
  );
}

export function RequestsPage(props: {
  ctx: ViewContext;
  rows: readonly { row: EmploymentRow; name: string; expiresOn: string | null }[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('companion.employment.requests.title')}>
      <p class="kern-body">{t.t('companion.employment.requests.lead')}</p>
      {props.rows.length === 0 ? <p class="kern-body">{t.t('companion.employment.requests.none')}</p> : null}
      <ul class="kern-list">
        {props.rows.map((r) => (
          <li key={r.row.id} class="kern-body">
            <a class="kern-link" href={at(P.confirm, ctx, r.row.id)}>
              {r.name}
            </a>{' '}
            {r.row.confirmedAt
              ? t.t('companion.employment.requests.confirmed', {
                  date: t.date(r.row.confirmedAt.toISOString().slice(0, 10)),
                })
              : t.t('companion.employment.requests.open')}
            {r.expiresOn
              ? ` ${t.t('companion.employment.requests.expires', { date: t.date(r.expiresOn) })}`
              : ''}
          </li>
        ))}
      </ul>
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(P.kit, ctx.locale)}>
          {t.t('companion.employment.to-kit')}
        </a>
      </p>
    </Page>
  );
}

export function ConfirmPage(props: {
  ctx: ViewContext;
  id: string;
  name: string;
  input: ConfirmInput;
  errors: readonly FieldError[];
  done: boolean;
}) {
  const { ctx, input } = props;
  const { t } = ctx;
  const err = (f: string) => props.errors.find((e) => e.field === f);
  const hint = t.t('companion.form.date-hint');
  return (
    <Page ctx={ctx} title={t.t('companion.employment.confirm.title', { name: props.name })}>
      <p class="kern-body">{t.t('companion.employment.confirm.lead', { name: props.name })}</p>
      {props.done ? <p class="kern-body">{t.t('companion.employment.confirm.done')}</p> : null}
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <form method="post" action={at(P.confirm, ctx, props.id)} novalidate>
        <CsrfField ctx={ctx} />
        <TextInput
          name="startedOn"
          label={t.t('companion.employment.field.startedOn')}
          hint={hint}
          value={input.startedOn}
          error={err('startedOn')}
          width={16}
          required
        />
        <TextInput
          name="hoursPerWeek"
          label={t.t('companion.employment.field.hoursPerWeek')}
          inputMode="numeric"
          value={input.hoursPerWeek}
          error={err('hoursPerWeek')}
          width={4}
          required
        />
        <TextInput
          name="monthlyGross"
          label={t.t('companion.employment.field.monthlyGross')}
          hint={t.t('companion.employment.field.monthlyGross-hint')}
          inputMode="numeric"
          value={input.monthlyGross}
          error={err('monthlyGross')}
          width={8}
          required
        />
        <RadioGroup
          name="contract"
          label={t.t('companion.employment.field.contract')}
          value={input.contract}
          error={err('contract')}
          options={[
            { value: 'permanent', label: t.t('companion.employment.contract.permanent') },
            { value: 'fixed', label: t.t('companion.employment.contract.fixed') },
          ]}
        />
        <TextInput
          name="endsOn"
          label={t.t('companion.employment.field.endsOn')}
          hint={t.t('companion.employment.field.endsOn-hint')}
          value={input.endsOn}
          error={err('endsOn')}
          width={16}
          optionalLabel={t.t('companion.form.optional')}
        />
        <p class="kern-body">
          <button type="submit" class="kern-btn kern-btn--primary">
            <span class="kern-label">{t.t('companion.employment.confirm.submit')}</span>
          </button>
        </p>
      </form>
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(P.requests, ctx.locale)}>
          {t.t('companion.employment.to-requests')}
        </a>
      </p>
    </Page>
  );
}
