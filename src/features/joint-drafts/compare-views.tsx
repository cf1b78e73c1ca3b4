/**
 * The readable diff of two versions of a draft (issue 17): paragraph by paragraph, each changed one labelled in
 * words; removed words in <del> (struck through), added words in <ins> (underlined), each also announced by a text
 * label, so that nothing depends on colour.
 */
import type { DiffParagraph } from '../../domain/workspace/drafts.ts';
import { Select } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';
import { draftUrl } from './names.ts';
import type { DraftDetail } from './service.ts';

function Parts({ ctx, p }: { ctx: ViewContext; p: DiffParagraph }) {
  const { t } = ctx;
  return (
    <p class="kern-body">
      {p.parts.map((part, i) =>
        part.kind === 'same' ? (
          <span key={i} lang="de">
            {part.text}
          </span>
        ) : part.kind === 'deleted' ? (
          <del key={i}>
            <span class="kern-sr-only">{`${t.t('drafts.compare.del-start')} `}</span>
            <span lang="de">{part.text}</span>
            <span class="kern-sr-only">{` ${t.t('drafts.compare.del-end')}`}</span>
          </del>
        ) : (
          <ins key={i}>
            <span class="kern-sr-only">{`${t.t('drafts.compare.ins-start')} `}</span>
            <span lang="de">{part.text}</span>
            <span class="kern-sr-only">{` ${t.t('drafts.compare.ins-end')}`}</span>
          </ins>
        ),
      )}
    </p>
  );
}

export function ComparePage(props: {
  ctx: ViewContext;
  d: DraftDetail;
  from: number;
  to: number;
  diff: readonly DiffParagraph[];
}) {
  const { ctx, d, from, to, diff } = props;
  const { t } = ctx;
  const options = d.versions.map((v) => ({
    value: String(v.number),
    label: t.t('drafts.compare.option', { version: v.number, date: t.date(v.createdAt) }),
  }));
  const changes = diff.filter((p) => p.kind !== 'same').length;
  return (
    <Page ctx={ctx} title={t.t('drafts.compare.title', { from, to })}>
      <p class="kern-body">{d.title}</p>
      <form method="get" action={draftUrl(ctx, 'compare', d.id)}>
        <Select name="from" label={t.t('drafts.compare.from')} value={String(from)} options={options} />
        <Select name="to" label={t.t('drafts.compare.to')} value={String(to)} options={options} />
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">{t.t('drafts.compare.submit')}</span>
        </button>
      </form>
      <p class="kern-body">{t.t('drafts.compare.legend')}</p>
      <p class="kern-body">{t.t('drafts.compare.count', { count: changes })}</p>
      {diff.map((p, i) => (
        <div key={i}>
          {p.kind === 'same' ? null : <h2 class="kern-heading-small">{t.t(`drafts.compare.${p.kind}`)}</h2>}
          <Parts ctx={ctx} p={p} />
        </div>
      ))}
      <p class="kern-body">
        <a class="kern-link" href={draftUrl(ctx, 'draft', d.id)}>
          {t.t('drafts.compare.back')}
        </a>
      </p>
    </Page>
  );
}
