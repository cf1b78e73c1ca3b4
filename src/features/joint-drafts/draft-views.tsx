/**
 * One joint draft (issue 17): what it is and for which conference, each participating state's sign-off on the
 * current version, the current text paragraph by paragraph with its comments, the exports, the forms of the
 * reader's state, and the history of versions and sign-offs (who agreed to which version).
 */
import { paragraphsOf } from '../../domain/workspace/drafts.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { Alert, ErrorSummary, fieldId } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { CommentForm, SignOffForm, VersionForm } from './draft-forms.tsx';
import { decisionText, draftUrl, kindName, stateName, statusText, targetName } from './names.ts';
import { JOINT_DRAFT_PATHS } from './paths.ts';
import type { DraftDetail, SignOffRow } from './service.ts';

export interface DraftPageProps {
  ctx: ViewContext;
  d: DraftDetail;
  /** The reader's state, if it takes part (they sign off for it, comment and add versions). */
  ownState: string | null;
  errors?: readonly FieldError[];
  typed?: Readonly<Record<string, string>>;
}

/** Who acted: the ministry, or the state where the ministry is not known (demo data). */
const by = (ctx: ViewContext, s: { organisationName: string | null; stateCode: string }) =>
  s.organisationName ?? stateName(ctx, s.stateCode);

function StandingsTable({ ctx, d }: { ctx: ViewContext; d: DraftDetail }) {
  const { t } = ctx;
  const cols = ['decision', 'remarks', 'by'] as const;
  return (
    <table class="kern-table pathways-reflow">
      <caption class="kern-title">{t.t('drafts.table.caption', { version: d.current.number })}</caption>
      <thead class="kern-table__head">
        <tr class="kern-table__row">
          <th scope="col" class="kern-table__header">
            {t.t('drafts.table.state')}
          </th>
          {cols.map((c) => (
            <th key={c} scope="col" class="kern-table__header">
              {t.t(`drafts.table.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="kern-table__body">
        {[...d.standings.entries()].map(([code, s]) => (
          <tr key={code} class="kern-table__row">
            <th scope="row" class="kern-table__cell">
              {stateName(ctx, code)}
            </th>
            <td class="kern-table__cell" data-label={t.t('drafts.table.decision')}>
              {decisionText(ctx, s?.decision ?? null)}
            </td>
            <td class="kern-table__cell" data-label={t.t('drafts.table.remarks')}>
              {s?.remarks ? <span lang="de">{s.remarks}</span> : '–'}
            </td>
            <td class="kern-table__cell" data-label={t.t('drafts.table.by')}>
              {s ? `${by(ctx, s)}, ${t.date(s.at)}` : '–'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CurrentText({ ctx, d }: { ctx: ViewContext; d: DraftDetail }) {
  const { t } = ctx;
  const comments = d.comments.filter((c) => c.versionId === d.current.id);
  return (
    <section aria-labelledby="drafts-text">
      <h2 class="kern-heading-medium" id="drafts-text">
        {t.t('drafts.text.title', {
          version: d.current.number,
          date: t.date(d.current.createdAt),
          state: stateName(ctx, d.current.stateCode),
        })}
      </h2>
      {paragraphsOf(d.current.body).map((p, i) => {
        const n = i + 1;
        const mine = comments.filter((c) => c.paragraph === n);
        return (
          <div key={n} id={`paragraph-${n}`}>
            <h3 class="kern-heading-small">{t.t('drafts.paragraph', { n })}</h3>
            <p class="kern-body" lang="de">
              {p}
            </p>
            {mine.length > 0 ? (
              <ul class="kern-list" aria-label={t.t('drafts.comments-on', { n })}>
                {mine.map((c) => (
                  <li key={c.id}>
                    {t.t('drafts.comment.line', {
                      state: stateName(ctx, c.stateCode),
                      ministry: by(ctx, c),
                      date: t.date(c.createdAt),
                    })}{' '}
                    <span lang="de">{c.body}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}

function signOffLine(ctx: ViewContext, s: SignOffRow) {
  const { t } = ctx;
  const line = t.t('drafts.history.sign-off', {
    date: t.date(s.at, 'short'),
    state: stateName(ctx, s.stateCode),
    decision: decisionText(ctx, s.decision),
    version: s.versionNumber,
    ministry: by(ctx, s),
  });
  if (!s.remarks) return line;
  return (
    <>
      {`${line} ${t.t('drafts.history.remarks-label')} `}
      <span lang="de">{s.remarks}</span>
    </>
  );
}

function History({ ctx, d }: { ctx: ViewContext; d: DraftDetail }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="drafts-history">
      <h2 class="kern-heading-medium" id="drafts-history">
        {t.t('drafts.history.title')}
      </h2>
      <ul class="kern-list">
        {d.versions.map((v) => (
          <li key={v.id}>
            {t.t('drafts.history.version', {
              version: v.number,
              date: t.date(v.createdAt, 'short'),
              state: stateName(ctx, v.stateCode),
              ministry: by(ctx, v),
            })}
            {v.number > 1 ? (
              <>
                {' '}
                <a
                  class="kern-link"
                  href={draftUrl(ctx, 'compare', d.id, `?from=${v.number - 1}&to=${v.number}`)}
                >
                  {t.t('drafts.history.compare', { from: v.number - 1, to: v.number })}
                </a>
              </>
            ) : null}
          </li>
        ))}
        {d.signOffs.map((s) => (
          <li key={s.id}>{signOffLine(ctx, s)}</li>
        ))}
        {d.comments
          .filter((c) => c.versionId !== d.current.id)
          .map((c) => (
            <li key={c.id}>
              {`${t.t('drafts.history.comment', {
                version: d.versions.find((v) => v.id === c.versionId)?.number ?? 0,
                n: c.paragraph,
                state: stateName(ctx, c.stateCode),
                ministry: by(ctx, c),
                date: t.date(c.createdAt, 'short'),
              })} `}
              <span lang="de">{c.body}</span>
            </li>
          ))}
      </ul>
    </section>
  );
}

export function DraftPage(props: DraftPageProps) {
  const { ctx, d, ownState } = props;
  const { t } = ctx;
  const errors = props.errors ?? [];
  const forms = { ctx, d, errors, ...(props.typed ? { typed: props.typed } : {}) };
  return (
    <Page ctx={ctx} title={d.title}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="kern-body">
        {t.t('drafts.facts', {
          kind: kindName(ctx, d.kind),
          target: targetName(ctx, d.target),
          date: t.date(d.targetDate),
          deadline: t.date(d.deadline),
          states: t.list(d.states.map((s) => stateName(ctx, s))),
        })}
      </p>
      <div id={fieldId('draft')} tabIndex={-1}>
        <Alert kind={d.status === 'final' ? 'success' : 'info'} title={statusText(ctx, d.status)}>
          <p class="kern-body">{t.t(`drafts.status-text.${d.status}`, { version: d.current.number })}</p>
        </Alert>
      </div>
      <StandingsTable ctx={ctx} d={d} />
      <p class="kern-body">
        <a class="kern-link" href={draftUrl(ctx, 'text', d.id)}>
          {t.t('drafts.export.text')}
        </a>
        {' · '}
        <a class="kern-link" href={draftUrl(ctx, 'pdf', d.id)}>
          {t.t('drafts.export.pdf')}
        </a>
      </p>
      <CurrentText ctx={ctx} d={d} />
      {ownState && d.status !== 'final' ? (
        <>
          <SignOffForm {...forms} ownState={ownState} />
          <CommentForm {...forms} ownState={ownState} />
          <VersionForm {...forms} ownState={ownState} />
        </>
      ) : ownState ? null : (
        <p class="kern-body">{t.t('drafts.reader')}</p>
      )}
      <History ctx={ctx} d={d} />
      <p class="kern-body">
        <a class="kern-link" href={localizedUrl(JOINT_DRAFT_PATHS.list, ctx.locale)}>
          {t.t('drafts.back')}
        </a>
      </p>
    </Page>
  );
}
