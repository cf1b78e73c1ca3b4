/**
 * One joint project (issue 17): what it is, the split table (state, key figure, part of the key, share to the cent,
 * the state's answer, a total row), the key with its year and source, the next step for the officer reading it,
 * and the history.
 */
import type { FieldError } from '../../platform/http/errors.ts';
import {
  Alert,
  CsrfField,
  ErrorSummary,
  fieldId,
  RadioGroup,
  UnverifiedNote,
} from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { euros, stateName } from './list-views.tsx';
import { JOINT_PROJECT_PATHS } from './paths.ts';
import type { ProjectDetail, ProjectEventRow, ProjectStateRow } from './service.ts';

export interface ProjectPageProps {
  ctx: ViewContext;
  p: ProjectDetail;
  /** The reader's state, if it takes part (they answer for it and may recalculate). */
  ownState: string | null;
  errors?: readonly FieldError[];
}

function keyValue(ctx: ViewContext, p: ProjectDetail, s: ProjectStateRow): string {
  const { t } = ctx;
  if (p.keyKind === 'koenigstein') return `${t.number(s.keyValue, { minimumFractionDigits: 5 })} %`;
  if (p.keyKind === 'population') return t.number(s.keyValue, { maximumFractionDigits: 0 });
  if (p.keyKind === 'equal') return t.t('joint.table.equal');
  return t.number(s.keyValue, { maximumFractionDigits: 4 });
}

function answerText(ctx: ViewContext, s: ProjectStateRow): string {
  const { t } = ctx;
  if (!s.answer || !s.answeredAt) return t.t('joint.answer.open');
  return t.t(`joint.answer.${s.answer}`, { date: t.date(s.answeredAt) });
}

function SplitTable({ ctx, p }: { ctx: ViewContext; p: ProjectDetail }) {
  const { t } = ctx;
  const sum = p.states.reduce((a, s) => a + s.keyValue, 0);
  const total = p.states.reduce((a, s) => a + s.shareCents, 0);
  const agreed = p.states.filter((s) => s.answer === 'agreed').length;
  const cols = ['key', 'part', 'share', 'answer'] as const;
  return (
    <table class="kern-table pathways-reflow">
      <caption class="kern-title">
        {t.t('joint.table.caption', { key: t.t(`joint.key.${p.keyKind}`) })}
      </caption>
      <thead class="kern-table__head">
        <tr class="kern-table__row">
          <th scope="col" class="kern-table__header">
            {t.t('joint.table.state')}
          </th>
          {cols.map((c) => (
            <th key={c} scope="col" class="kern-table__header">
              {t.t(`joint.table.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="kern-table__body">
        {p.states.map((s) => (
          <tr key={s.stateCode} class="kern-table__row">
            <th scope="row" class="kern-table__cell">
              {stateName(ctx, s.stateCode)}
            </th>
            <td class="kern-table__cell" data-label={t.t('joint.table.key')}>
              {keyValue(ctx, p, s)} {s.keyVerified ? null : <UnverifiedNote ctx={ctx} />}
            </td>
            <td class="kern-table__cell" data-label={t.t('joint.table.part')}>
              {t.number(sum > 0 ? s.keyValue / sum : 0, { style: 'percent', maximumFractionDigits: 3 })}
            </td>
            <td class="kern-table__cell" data-label={t.t('joint.table.share')}>
              {euros(ctx, s.shareCents)}
            </td>
            <td class="kern-table__cell" data-label={t.t('joint.table.answer')}>
              {answerText(ctx, s)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr class="kern-table__row">
          <th scope="row" class="kern-table__cell">
            {t.t('joint.table.total')}
          </th>
          <td class="kern-table__cell pathways-reflow-empty" />
          <td class="kern-table__cell" data-label={t.t('joint.table.part')}>
            {t.number(1, { style: 'percent' })}
          </td>
          <td class="kern-table__cell" data-label={t.t('joint.table.share')}>
            {euros(ctx, total)}
          </td>
          <td class="kern-table__cell" data-label={t.t('joint.table.answer')}>
            {t.t('joint.list.agreed', { agreed, count: p.states.length })}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/**
 * The addresses named in the key data's source notes (research notes in English): the page links to the sources
 * themselves and shows no note in the other language.
 */
function sourceLinks(notes: readonly string[]): string[] {
  const urls = notes.flatMap((n) => n.match(/https?:\/\/[^\s;,()]+/g) ?? []);
  return [...new Set(urls.filter((u) => URL.canParse(u)))];
}

/** The key in words: which key, which year or dates, from which source. */
function KeyNote({ ctx, p }: { ctx: ViewContext; p: ProjectDetail }) {
  const { t } = ctx;
  const sources = sourceLinks(p.states.map((s) => s.keySource).filter((x): x is string => Boolean(x)));
  const periods = [...new Set(p.states.map((s) => s.keyPeriod).filter((x): x is string => Boolean(x)))];
  return (
    // The id lets the error summary of a refused recalculation (a key year without figures) point here.
    <section aria-labelledby="joint-key" id={fieldId('keyYear')} tabIndex={-1}>
      <h2 class="kern-heading-medium" id="joint-key">
        {t.t('joint.key.title')}
      </h2>
      <p class="kern-body">
        {t.t(`joint.key-text.${p.keyKind}`, {
          year: p.keyYear ?? '',
          dates: t.list(periods.map((d) => (d.length === 10 ? t.date(d) : d))),
          date: t.date(p.calculatedAt),
        })}
      </p>
      {sources.length > 0 ? (
        <>
          <p class="kern-body">{t.t('joint.key.sources')}</p>
          {/* pathways-closed: list items break anywhere (the sources are long addresses). */}
          <ul class="kern-list pathways-closed">
            {sources.map((url) => (
              <li key={url}>
                <a class="kern-link" href={url}>
                  {new URL(url).hostname}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p class="kern-body">{t.t('joint.key.rounding')}</p>
    </section>
  );
}

function NextStep(props: ProjectPageProps) {
  const { ctx, p, ownState } = props;
  const { t } = ctx;
  const mine = p.states.find((s) => s.stateCode === ownState);
  const url = (path: keyof typeof JOINT_PROJECT_PATHS) =>
    localizedUrl(JOINT_PROJECT_PATHS[path], ctx.locale, { id: p.id });
  if (!mine || !ownState)
    return (
      <Alert kind="info" title={t.t('joint.next.title')}>
        {<p class="kern-body">{t.t('joint.next.reader')}</p>}
      </Alert>
    );
  const allAgreed = p.states.every((s) => s.answer === 'agreed');
  return (
    <section aria-labelledby="joint-next">
      <h2 class="kern-heading-medium" id="joint-next">
        {t.t('joint.next.title')}
      </h2>
      <p class="kern-body">
        {allAgreed
          ? t.t('joint.next.all-agreed')
          : mine.answer
            ? t.t('joint.next.answered', { state: stateName(ctx, ownState), answer: answerText(ctx, mine) })
            : t.t('joint.next.answer', { state: stateName(ctx, ownState) })}
      </p>
      <form method="post" action={url('answer')} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="state" value={ownState} />
        <RadioGroup
          name="answer"
          label={t.t('joint.field.answer', { state: stateName(ctx, ownState) })}
          value={mine.answer ?? ''}
          options={[
            { value: 'agreed', label: t.t('joint.answer-option.agreed') },
            { value: 'declined', label: t.t('joint.answer-option.declined') },
          ]}
          error={props.errors?.find((e) => e.field === 'answer')}
        />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{t.t('joint.answer.submit')}</span>
        </button>
      </form>
      <h3 class="kern-heading-small">{t.t('joint.recalculate.title')}</h3>
      <p class="kern-body">{t.t('joint.recalculate.lead')}</p>
      <form method="post" action={url('recalculate')} novalidate>
        <CsrfField ctx={ctx} />
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">{t.t('joint.recalculate.submit')}</span>
        </button>
      </form>
    </section>
  );
}

function eventText(ctx: ViewContext, e: ProjectEventRow): string {
  const { t } = ctx;
  const values = {
    date: t.date(e.at, 'short'),
    ministry: e.organisationName ?? '–',
    state: stateName(ctx, e.stateCode ?? ''),
  };
  if (e.kind !== 'recalculated' || !e.detail) return t.t(`joint.history.${e.kind}`, values);
  const changes = Object.entries(e.detail)
    .filter(([, v]) => v.before !== v.after)
    .map(([s, v]) =>
      t.t('joint.history.change', {
        state: stateName(ctx, s),
        before: euros(ctx, v.before),
        after: euros(ctx, v.after),
      }),
    );
  return `${t.t('joint.history.recalculated', values)} ${changes.length ? t.list(changes) : t.t('joint.history.unchanged')}`;
}

export function ProjectPage(props: ProjectPageProps) {
  const { ctx, p } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={p.title}>
      <ErrorSummary ctx={ctx} errors={props.errors ?? []} />
      {p.description ? <p class="kern-body">{p.description}</p> : null}
      <p class="kern-body">
        {t.t('joint.project.facts', {
          budget: euros(ctx, p.budgetCents),
          lead: stateName(ctx, p.leadStateCode),
          date: t.date(p.createdAt),
        })}
      </p>
      <SplitTable ctx={ctx} p={p} />
      <KeyNote ctx={ctx} p={p} />
      <NextStep {...props} />
      <h2 class="kern-heading-medium">{t.t('joint.history.title')}</h2>
      <ul class="kern-list">
        {p.events.map((e) => (
          <li key={e.id}>{eventText(ctx, e)}</li>
        ))}
      </ul>
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(JOINT_PROJECT_PATHS.list, ctx.locale)}>
          {t.t('joint.back')}
        </a>
      </p>
    </Page>
  );
}
