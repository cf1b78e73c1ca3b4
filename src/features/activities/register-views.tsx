/** The register (officers, with search), one activity, and the public list (public entries, no contact). */

import { ACTIVITY_KINDS, ACTIVITY_STATUSES } from '../../domain/workspace/activity.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { Alert, ErrorSummary, Select, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { countryOptions } from '../../web/countries.ts';
import { CsvLink } from '../../web/csv.tsx';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { PATHWAY_PATHS } from '../pathways/index.ts';
import { STATES } from '../regions/index.ts';
import {
  ActivityFacts,
  activityUrl,
  countryList,
  type OccupationNames,
  occupationList,
  periodText,
  stateName,
} from './names.tsx';
import { ACTIVITY_PATHS } from './paths.ts';
import type { ActivityRow } from './service.ts';

/** The search as typed (shown again in the form). */
export type FilterInput = Record<
  'state' | 'country' | 'occupation' | 'kind' | 'status' | 'from' | 'to',
  string
>;

function Entry(props: { ctx: ViewContext; a: ActivityRow; occupations: OccupationNames; link: boolean }) {
  const { ctx, a } = props;
  const { t } = ctx;
  return (
    <li class="activity-entry">
      <h2 class="kern-heading-small">
        {props.link ? (
          <a class="kern-link" href={activityUrl(ctx, a.id)}>
            {a.title}
          </a>
        ) : (
          a.title
        )}
      </h2>
      <p class="kern-body">
        {stateName(ctx, a.stateCode)} · {t.t(`activities.kind.${a.kind}`)} ·{' '}
        {t.t(`activities.status.${a.status}`)}
        <br />
        {periodText(ctx, a.periodStart, a.periodEnd)}
        <br />
        {t.t('activities.field.countries')}: {countryList(ctx, a.countries)}
        <br />
        {t.t('activities.field.occupations')}: {occupationList(ctx, props.occupations, a.occupations)}
      </p>
    </li>
  );
}

const options = (ctx: ViewContext, values: readonly string[], label: (v: string) => string) => [
  { value: '', label: ctx.t.t('activities.any') },
  ...values.map((v) => ({ value: v, label: label(v) })),
];

function FilterForm({ ctx, input }: { ctx: ViewContext; input: FilterInput }) {
  const { t } = ctx;
  const hint = t.t('activities.filter.date-hint');
  return (
    <form method="get" action={localizedUrl(ACTIVITY_PATHS.register, ctx.locale)} class="activity-filter">
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{t.t('activities.register.filter')}</legend>
        <div class="kern-fieldset__body">
          <Select
            name="state"
            label={t.t('activities.filter.state')}
            value={input.state}
            options={options(
              ctx,
              STATES.map((s) => s.code),
              (c) => stateName(ctx, c),
            )}
          />
          <Select
            name="country"
            label={t.t('activities.filter.country')}
            value={input.country}
            options={[{ value: '', label: t.t('activities.any') }, ...countryOptions(ctx.locale)]}
          />
          <TextInput
            name="occupation"
            type="search"
            label={t.t('activities.filter.occupation')}
            hint={t.t('activities.filter.occupation-hint')}
            value={input.occupation}
            maxLength={100}
          />
          <Select
            name="kind"
            label={t.t('activities.filter.kind')}
            value={input.kind}
            options={options(ctx, ACTIVITY_KINDS, (k) => t.t(`activities.kind.${k}`))}
          />
          <Select
            name="status"
            label={t.t('activities.filter.status')}
            value={input.status}
            options={options(ctx, ACTIVITY_STATUSES, (s) => t.t(`activities.status.${s}`))}
          />
          <TextInput
            name="from"
            label={t.t('activities.filter.from')}
            hint={hint}
            value={input.from}
            width={16}
          />
          <TextInput name="to" label={t.t('activities.filter.to')} hint={hint} value={input.to} width={16} />
        </div>
      </fieldset>
      <p class="kern-body">
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{t.t('activities.register.search')}</span>
        </button>{' '}
        <a class="kern-link" href={localizedUrl(ACTIVITY_PATHS.register, ctx.locale)}>
          {t.t('activities.register.reset')}
        </a>
      </p>
    </form>
  );
}

export function RegisterPage(props: {
  ctx: ViewContext;
  input: FilterInput;
  errors: readonly FieldError[];
  found: readonly ActivityRow[];
  occupations: OccupationNames;
  /** The reader records activities of a state (offers the form and the overlaps). */
  ownState: string | null;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('activities.register.title')}>
      <p class="kern-body">{t.t('activities.register.lead')}</p>
      {props.ownState ? (
        <p class="kern-body">
          <a class="kern-btn kern-btn--primary" href={localizedUrl(ACTIVITY_PATHS.create, ctx.locale)}>
            <span class="kern-label">{t.t('activities.register.new')}</span>
          </a>{' '}
          <a class="kern-link" href={localizedUrl(ACTIVITY_PATHS.overlaps, ctx.locale)}>
            {t.t('activities.register.overlaps')}
          </a>
        </p>
      ) : null}
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <FilterForm ctx={ctx} input={props.input} />
      <p class="kern-body" role="status">
        {t.t('activities.register.count', { count: props.found.length })}
      </p>
      <ul class="kern-list activity-list">
        {props.found.map((a) => (
          <Entry key={a.id} ctx={ctx} a={a} occupations={props.occupations} link={true} />
        ))}
      </ul>
      {props.found.length > 0 && props.errors.length === 0 ? <CsvLink ctx={ctx} /> : null}
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(ACTIVITY_PATHS.public, ctx.locale)}>
          {t.t('activities.register.public-link')}
        </a>
      </p>
    </Page>
  );
}

export function ActivityPage(props: {
  ctx: ViewContext;
  a: ActivityRow;
  occupations: OccupationNames;
  editable: boolean;
}) {
  const { ctx, a } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={a.title}>
      <ActivityFacts ctx={ctx} a={a} occupations={props.occupations} withContact={true} />
      <p class="kern-body">
        {t.t('activities.field.updated')}: {t.date(a.updatedAt)}
      </p>
      {props.editable ? (
        <p class="kern-body">
          <a
            class="kern-btn kern-btn--primary"
            href={localizedUrl(ACTIVITY_PATHS.edit, ctx.locale, { id: a.id })}
          >
            <span class="kern-label">{t.t('activities.activity.edit')}</span>
          </a>
        </p>
      ) : (
        <Alert
          kind="info"
          title={t.t('activities.activity.other-state', { state: stateName(ctx, a.stateCode) })}
        />
      )}
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(ACTIVITY_PATHS.register, ctx.locale)}>
          {t.t('activities.activity.back')}
        </a>
      </p>
    </Page>
  );
}

export function PublicPage(props: {
  ctx: ViewContext;
  entries: readonly ActivityRow[];
  occupations: OccupationNames;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('activities.public.title')}>
      <p class="kern-body">{t.t('activities.public.lead')}</p>
      {props.entries.length === 0 ? <p class="kern-body">{t.t('activities.public.none')}</p> : null}
      {props.entries.map((a) => (
        <section key={a.id} class="activity-public">
          <h2 class="kern-heading-small">{a.title}</h2>
          <ActivityFacts ctx={ctx} a={a} occupations={props.occupations} withContact={false} />
        </section>
      ))}
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(PATHWAY_PATHS.start, ctx.locale)}>
          {t.t('activities.public.next')}
        </a>
      </p>
    </Page>
  );
}
