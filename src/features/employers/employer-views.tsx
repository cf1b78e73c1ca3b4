/**
 * The employer's pages (issue 16): the person's employers, one employer with its facts and trust level in plain
 * words (and, for an officer of its state, the check), and the ministry's queue.
 */
import type { FieldError } from '../../platform/http/errors.ts';
import {
  Alert,
  CsrfField,
  DescriptionList,
  ErrorSummary,
  RadioGroup,
  TextArea,
} from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { CsvLink } from '../../web/csv.tsx';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { IDENTITY_PATHS } from '../identity/index.ts';
import { EMPLOYER_PATHS, guideUrl } from './paths.ts';
import { stateName } from './register-views.tsx';
import type { TrustDecision } from './schema.ts';
import type { DecisionRow, EmployerRow } from './service.ts';

const employerUrl = (ctx: ViewContext, id: string) =>
  localizedUrl(EMPLOYER_PATHS.employer, ctx.locale, { id });

function TrustBadge({ ctx, e }: { ctx: ViewContext; e: Pick<EmployerRow, 'trust'> }) {
  const kind = e.trust === 'confirmed' ? 'success' : e.trust === 'unconfirmed' ? 'info' : 'danger';
  return (
    <span class={`kern-badge kern-badge--${kind}`}>
      <span class="kern-label kern-label--small">{ctx.t.t(`employers.trust.${e.trust}`)}</span>
    </span>
  );
}

/** The employers the person works for, and the way to register one. */
export function MinePage({
  ctx,
  employers,
  incomplete,
}: {
  ctx: ViewContext;
  employers: readonly EmployerRow[];
  /** Employer organisations the person administers that have no registration yet. */
  incomplete: readonly { id: string; name: string }[];
}) {
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('employers.mine.title')}>
      <p class="kern-body">
        {t.t(employers.length || incomplete.length ? 'employers.mine.lead' : 'employers.mine.none')}
      </p>
      <p class="kern-body">
        <a class="kern-link" href={guideUrl(ctx.locale)}>
          {t.t('employers.guide.link')}
        </a>
      </p>
      {incomplete.length > 0 ? (
        <ul class="kern-list">
          {incomplete.map((o) => (
            <li key={o.id}>
              {`${o.name}: ${t.t('employers.mine.incomplete')} `}
              <a
                class="kern-link"
                href={`${localizedUrl(EMPLOYER_PATHS.register, ctx.locale)}?organisation=${o.id}`}
              >
                {t.t('employers.mine.complete')}
                <span class="kern-sr-only"> ({o.name})</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {employers.length > 0 ? (
        <ul class="kern-list">
          {employers.map((e) => (
            <li key={e.organisationId}>
              <a class="kern-link" href={employerUrl(ctx, e.organisationId)}>
                {e.name}
              </a>{' '}
              <TrustBadge ctx={ctx} e={e} />
            </li>
          ))}
        </ul>
      ) : null}
      <p class="kern-body">
        <a
          class={`kern-btn ${employers.length ? 'kern-btn--secondary' : 'kern-btn--primary'}`}
          href={localizedUrl(EMPLOYER_PATHS.register, ctx.locale)}
        >
          <span class="kern-label">{t.t('employers.mine.register')}</span>
        </a>
      </p>
    </Page>
  );
}

function Facts({ ctx, e }: { ctx: ViewContext; e: EmployerRow }) {
  const { t } = ctx;
  const rows: [string, string][] = [
    [t.t('employers.field.address'), `${e.street}, ${e.postcode} ${e.town}`],
    [t.t('employers.field.district'), `${e.districtName} (${stateName(ctx, e.stateCode)})`],
    e.registerNumber
      ? [
          t.t('employers.facts.register'),
          t.t('employers.facts.register-value', { number: e.registerNumber, court: e.registerCourt ?? '' }),
        ]
      : [t.t('employers.facts.public'), t.t(`employers.public-kind.${e.publicKind ?? 'other-public-body'}`)],
    [t.t('employers.field.size'), t.t(`employers.size.${e.sizeBand}`)],
    [t.t('employers.facts.registered'), t.date(e.createdAt)],
  ];
  return <DescriptionList rows={rows} />;
}

function History({ ctx, decisions }: { ctx: ViewContext; decisions: readonly DecisionRow[] }) {
  const { t } = ctx;
  if (decisions.length === 0) return <p class="kern-body">{t.t('employers.history.none')}</p>;
  return (
    <ul class="kern-list">
      {decisions.map((d) => (
        <li key={d.decidedAt.toISOString()}>
          {t.t(`employers.history.${d.decision}`, { date: t.date(d.decidedAt), ministry: d.ministryName })}
          {d.reason ? ` ${t.t('employers.history.reason', { reason: d.reason })}` : ''}
        </li>
      ))}
    </ul>
  );
}

export type EmployerPageProps = {
  ctx: ViewContext;
  e: EmployerRow;
  decisions: readonly DecisionRow[];
  /** The person is an administrator of this employer (invites colleagues). */
  admin: boolean;
  /** The person works for this employer (administrator or member): writes its job ads, invites candidates. */
  member?: boolean;
  /** The decisions open to the reader, an officer of the employer's state (empty for everyone else). */
  open: readonly TrustDecision[];
  errors?: readonly FieldError[];
  input?: { decision: string; reason: string };
};

export function EmployerPage(props: EmployerPageProps) {
  const { ctx, e, decisions } = props;
  const { t } = ctx;
  const last = decisions[0];
  return (
    <Page ctx={ctx} title={e.name}>
      <ErrorSummary ctx={ctx} errors={props.errors ?? []} />
      <Alert
        kind={e.trust === 'confirmed' ? 'success' : e.trust === 'unconfirmed' ? 'info' : 'warning'}
        title={t.t(`employers.trust.${e.trust}`)}
      >
        <p class="kern-body">
          {t.t(`employers.trust-text.${e.trust}`, { state: stateName(ctx, e.stateCode) })}
        </p>
        {last?.reason && e.trust !== 'unconfirmed' ? (
          <p class="kern-body">{t.t('employers.history.reason', { reason: last.reason })}</p>
        ) : null}
      </Alert>
      <h2 class="kern-heading-medium">{t.t('employers.facts.title')}</h2>
      <Facts ctx={ctx} e={e} />
      {props.open.length > 0 ? <DecisionForm {...props} /> : null}
      <h2 class="kern-heading-medium">{t.t('employers.history.title')}</h2>
      <History ctx={ctx} decisions={decisions} />
      {props.member ? (
        <p class="kern-body">
          <a
            class="kern-btn kern-btn--secondary"
            href={localizedUrl(EMPLOYER_PATHS.ads, ctx.locale, { id: e.organisationId })}
          >
            <span class="kern-label">{t.t('employers.job-ads')}</span>
          </a>
        </p>
      ) : null}
      {props.member ? (
        <p class="kern-body">
          <a
            class="kern-btn kern-btn--secondary"
            href={localizedUrl(EMPLOYER_PATHS.invitations, ctx.locale, { id: e.organisationId })}
          >
            <span class="kern-label">{t.t('employers.invite.link')}</span>
          </a>
        </p>
      ) : null}
      {props.admin ? (
        <p class="kern-body">
          <a class="kern-btn kern-btn--primary" href={localizedUrl(IDENTITY_PATHS.organisations, ctx.locale)}>
            <span class="kern-label">{t.t('employers.colleagues')}</span>
          </a>
        </p>
      ) : null}
    </Page>
  );
}

function DecisionForm(props: EmployerPageProps) {
  const { ctx, e } = props;
  const { t } = ctx;
  const err = (f: string) => props.errors?.find((x) => x.field === f);
  return (
    <section>
      <h2 class="kern-heading-medium">{t.t('employers.check.title')}</h2>
      <p class="kern-body">{t.t('employers.check.lead')}</p>
      <form
        method="post"
        action={localizedUrl(EMPLOYER_PATHS.decide, ctx.locale, { id: e.organisationId })}
        novalidate
      >
        <CsrfField ctx={ctx} />
        <RadioGroup
          name="decision"
          label={t.t('employers.field.decision')}
          value={props.input?.decision ?? ''}
          options={props.open.map((d) => ({ value: d, label: t.t(`employers.decision.${d}`) }))}
          error={err('decision')}
        />
        <TextArea
          name="reason"
          label={t.t('employers.field.reason')}
          hint={t.t('employers.field.reason-hint')}
          value={props.input?.reason ?? ''}
          maxLength={2000}
          rows={3}
          error={err('reason')}
        />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{t.t('employers.check.submit')}</span>
        </button>
      </form>
    </section>
  );
}

/** The ministry's queue: employers of the officer's state waiting for a check, then every employer's trust level. */
export function QueuePage(props: {
  ctx: ViewContext;
  stateCode: string | null;
  waiting: readonly EmployerRow[];
  all: readonly EmployerRow[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  const item = (e: EmployerRow) => (
    <li key={e.organisationId}>
      <a class="kern-link" href={employerUrl(ctx, e.organisationId)}>
        {e.name}
      </a>
      {`, ${e.town} (${stateName(ctx, e.stateCode)}) `}
      <TrustBadge ctx={ctx} e={e} />
    </li>
  );
  return (
    <Page ctx={ctx} title={t.t('employers.queue.title')}>
      <p class="kern-body">
        {t.t('employers.queue.lead', { state: props.stateCode ? stateName(ctx, props.stateCode) : '' })}
      </p>
      <h2 class="kern-heading-medium">{t.t('employers.queue.waiting', { count: props.waiting.length })}</h2>
      {props.waiting.length ? (
        <ul class="kern-list">{props.waiting.map(item)}</ul>
      ) : (
        <p class="kern-body">{t.t('employers.queue.none')}</p>
      )}
      <h2 class="kern-heading-medium">{t.t('employers.queue.all')}</h2>
      <ul class="kern-list">{props.all.map(item)}</ul>
      {props.all.length > 0 ? <CsvLink ctx={ctx} /> : null}
    </Page>
  );
}
