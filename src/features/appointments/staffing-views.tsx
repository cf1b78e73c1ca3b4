/**
 * The staffing calculator (issue 15, V2.3; memo § 5.7): the offices of a state with their observed figures, the
 * FTE the ministry enters, and where K extra caseworkers cut waiting most under both objectives, side by side.
 */
import { MIN_FINISHED_CASES } from '../../domain/capacity/forecast.ts';
import type { MarginalRow, StaffingPlan } from '../../domain/capacity/staffing.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { ErrorSummary, Select, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { STATES } from '../regions/index.ts';
import { OFFICE_FIELDS, officeField, type PlannedOffice, STAFFING_PATHS } from './staffing-page.ts';

type T = ViewContext['t'];
const round1 = (x: number) => Math.round(x * 10) / 10;
const errorOf = (errors: readonly FieldError[], field: string) => errors.find((e) => e.field === field);

export const stateName = (ctx: ViewContext, code: string) => {
  const s = STATES.find((x) => x.code === code);
  return s ? (ctx.locale === 'de' ? s.nameDe : s.nameEn) : code;
};

/** A figure as the form shows it, in the page's language ("10,5" on German pages). */
export function formNumber(ctx: ViewContext, x: number, decimals = 1): string {
  const s = String(Math.round(x * 10 ** decimals) / 10 ** decimals);
  return ctx.locale === 'de' ? s.replace('.', ',') : s;
}

function wait(t: T, weeks: number): string {
  return Number.isFinite(weeks) ? t.t('staffing.weeks', { n: round1(weeks) }) : t.t('staffing.wait.endless');
}
function cutText(t: T, weeks: number): string {
  return Number.isFinite(weeks) ? t.t('staffing.weeks', { n: round1(weeks) }) : t.t('staffing.cut.endless');
}

/** A table's column headings, each from a message key. */
export function HeadRow(props: { t: T; keys: readonly string[] }) {
  return (
    <thead class="kern-table__head">
      <tr class="kern-table__row">
        {props.keys.map((k) => (
          <th key={k} scope="col" class="kern-table__header">
            {props.t.t(k)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export type StaffingResultView = {
  minimax: StaffingPlan;
  weightedMean: StaffingPlan;
  marginal: readonly MarginalRow[];
};

function OfficeFields(props: {
  ctx: ViewContext;
  office: PlannedOffice;
  index: number;
  input: Readonly<Record<string, string>>;
  errors: readonly FieldError[];
  showState: boolean;
}) {
  const { ctx, office: o, index: i, input, errors } = props;
  const { t } = ctx;
  return (
    <fieldset class="kern-fieldset">
      <legend class="kern-label">
        {props.showState
          ? t.t('staffing.office-in', { name: o.name, state: stateName(ctx, o.stateCode) })
          : o.name}
      </legend>
      <p class="kern-hint">
        {o.enough
          ? t.t('staffing.observed', { n: o.finished })
          : t.t('staffing.observed-few', { n: o.finished, min: MIN_FINISHED_CASES })}{' '}
        {o.staff
          ? t.t('staffing.fte-stored', { fte: o.staff.fte, date: t.date(o.staff.effectiveFrom) })
          : t.t('staffing.fte-none')}
      </p>
      <input type="hidden" name={`o${i}-id`} value={o.id} />
      <div class="kern-fieldset__body">
        {OFFICE_FIELDS.map((f) => (
          <TextInput
            key={f}
            name={officeField(i, f)}
            label={t.t(`staffing.field.${f}`)}
            {...(f === 'mu'
              ? { optionalLabel: t.t('staffing.optional'), hint: t.t('staffing.field.mu-hint') }
              : {})}
            value={input[officeField(i, f)] ?? ''}
            width={8}
            inputMode="decimal"
            error={errorOf(errors, officeField(i, f))}
          />
        ))}
      </div>
    </fieldset>
  );
}

function PlanTables(props: {
  ctx: ViewContext;
  offices: readonly PlannedOffice[];
  result: StaffingResultView;
}) {
  const { ctx, offices, result: r } = props;
  const { t } = ctx;
  const plans = [
    ['minimax', r.minimax],
    ['weighted', r.weightedMean],
  ] as const;
  const cell = (label: string, children: string) => (
    <td class="kern-table__cell" data-label={label}>
      {children}
    </td>
  );
  return (
    <>
      <table class="kern-table pathways-reflow">
        <caption class="kern-title">{t.t('staffing.summary')}</caption>
        <HeadRow t={t} keys={['staffing.col.figure', ...plans.map(([k]) => `staffing.objective.${k}`)]} />
        <tbody class="kern-table__body">
          {(['worst', 'mean', 'unallocated'] as const).map((row) => (
            <tr key={row} class="kern-table__row">
              <th scope="row" class="kern-table__cell">
                {t.t(`staffing.row.${row}`)}
              </th>
              {plans.map(([k, p]) =>
                cell(
                  t.t(`staffing.objective.${k}`),
                  row === 'unallocated'
                    ? t.t('staffing.count', { n: p.unallocated })
                    : t.t('staffing.before-after', {
                        before: wait(t, row === 'worst' ? p.worstBefore : p.weightedMeanBefore),
                        after: wait(t, row === 'worst' ? p.worstAfter : p.weightedMeanAfter),
                      }),
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <table class="kern-table pathways-reflow">
        <caption class="kern-title">{t.t('staffing.allocation')}</caption>
        <HeadRow t={t} keys={['office', 'now', 'minimax', 'weighted'].map((h) => `staffing.col.${h}`)} />
        <tbody class="kern-table__body">
          {offices.map((o, i) => (
            <tr key={o.id} class="kern-table__row">
              <th scope="row" class="kern-table__cell">
                {o.name}
              </th>
              {cell(t.t('staffing.col.now'), wait(t, r.minimax.before[i]?.waitWeeks ?? 0))}
              {plans.map(([k, p]) =>
                cell(
                  t.t(`staffing.col.${k}`),
                  t.t('staffing.extra-after', {
                    n: p.allocation[i]?.extra ?? 0,
                    wait: wait(t, p.after[i]?.waitWeeks ?? 0),
                  }),
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <table class="kern-table pathways-reflow">
        <caption class="kern-title">{t.t('staffing.marginal')}</caption>
        <HeadRow
          t={t}
          keys={['office', 'worst-cut', 'mean-cut', 'own-cut'].map((h) => `staffing.col.${h}`)}
        />
        <tbody class="kern-table__body">
          {r.marginal.map((m, i) => (
            <tr key={m.officeId} class="kern-table__row">
              <th scope="row" class="kern-table__cell">
                {offices[i]?.name}
              </th>
              {cell(t.t('staffing.col.worst-cut'), cutText(t, m.worstWaitCut))}
              {cell(t.t('staffing.col.mean-cut'), cutText(t, m.weightedMeanCut))}
              {cell(t.t('staffing.col.own-cut'), cutText(t, m.ownWaitCut))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function StaffingPage(props: {
  ctx: ViewContext;
  ownState: string | null;
  region: string;
  asOf: string;
  offices: readonly PlannedOffice[];
  input: Readonly<Record<string, string>>;
  errors: readonly FieldError[];
  result?: StaffingResultView | undefined;
}) {
  const { ctx, offices, input, errors, result } = props;
  const { t } = ctx;
  const action = localizedUrl(STAFFING_PATHS.staffing, ctx.locale);
  const all = props.region === 'all';
  return (
    <Layout ctx={ctx} title={t.t('staffing.title')}>
      <h1 class="kern-heading-large">{t.t('staffing.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="kern-body">{t.t('staffing.intro')}</p>
      {result ? (
        <section aria-labelledby="staffing-result">
          <h2 class="kern-heading-medium" id="staffing-result">
            {t.t('staffing.result', { k: input.k ?? '', t: input.t ?? '' })}
          </h2>
          <p class="kern-body">{t.t('staffing.method')}</p>
          <PlanTables ctx={ctx} offices={offices} result={result} />
        </section>
      ) : null}
      {props.ownState ? (
        <form method="get" action={action}>
          <Select
            name="region"
            label={t.t('staffing.region')}
            value={props.region}
            options={[
              { value: props.ownState, label: stateName(ctx, props.ownState) },
              { value: 'all', label: t.t('staffing.region.all') },
            ]}
          />
          <button class="kern-btn kern-btn--secondary" type="submit">
            <span class="kern-label">{t.t('staffing.region.show')}</span>
          </button>
        </form>
      ) : null}
      {offices.length === 0 ? (
        <p class="kern-body">{t.t('staffing.no-offices')}</p>
      ) : (
        <form method="get" action={action} novalidate>
          <input type="hidden" name="region" value={props.region} />
          <input type="hidden" name="go" value="1" />
          <h2 class="kern-heading-medium">{t.t('staffing.offices', { date: t.date(props.asOf) })}</h2>
          <p class="kern-body">
            {t.t('staffing.method-fte', {
              n: offices.filter((o) => o.staff !== null).length,
              total: offices.length,
            })}
          </p>
          {offices.map((o, i) => (
            <OfficeFields
              key={o.id}
              ctx={ctx}
              office={o}
              index={i}
              input={input}
              errors={errors}
              showState={all}
            />
          ))}
          <h2 class="kern-heading-medium">{t.t('staffing.plan')}</h2>
          <TextInput
            name="k"
            label={t.t('staffing.field.k')}
            value={input.k ?? ''}
            width={8}
            inputMode="numeric"
            error={errorOf(errors, 'k')}
          />
          <TextInput
            name="t"
            label={t.t('staffing.field.t')}
            hint={t.t('staffing.field.t-hint')}
            value={input.t ?? ''}
            width={8}
            inputMode="numeric"
            error={errorOf(errors, 't')}
          />
          <button class="kern-btn kern-btn--primary" type="submit">
            <span class="kern-label">{t.t('staffing.calculate')}</span>
          </button>
        </form>
      )}
    </Layout>
  );
}
