/**
 * The forms on a draft's page for an officer of a participating state: their state's sign-off on the current
 * version, a comment on a paragraph, and a new version of the full text. Each works without JavaScript.
 */
import { DECISIONS, paragraphsOf } from '../../domain/workspace/drafts.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { CsrfField, RadioGroup, Select, TextArea } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { draftUrl, stateName } from './names.ts';
import type { DraftDetail } from './service.ts';

export interface FormsProps {
  ctx: ViewContext;
  d: DraftDetail;
  ownState: string;
  errors: readonly FieldError[];
  /** What was typed into a refused form, to show again. */
  typed?: Readonly<Record<string, string>>;
}

export function SignOffForm(props: FormsProps) {
  const { ctx, d, ownState, errors, typed } = props;
  const { t } = ctx;
  const mine = d.standings.get(ownState) ?? null;
  const err = (f: string) => errors.find((e) => e.field === f);
  return (
    <section aria-labelledby="drafts-sign-off">
      <h2 class="kern-heading-medium" id="drafts-sign-off">
        {t.t('drafts.sign-off.title', { state: stateName(ctx, ownState) })}
      </h2>
      <p class="kern-body">
        {t.t(mine ? 'drafts.sign-off.change' : 'drafts.sign-off.lead', {
          state: stateName(ctx, ownState),
          version: d.current.number,
          date: t.date(d.deadline),
        })}
      </p>
      <form method="post" action={draftUrl(ctx, 'signOff', d.id)} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="state" value={ownState} />
        <RadioGroup
          name="decision"
          label={t.t('drafts.field.decision', { state: stateName(ctx, ownState), version: d.current.number })}
          value={typed?.decision ?? mine?.decision ?? ''}
          options={DECISIONS.map((x) => ({ value: x, label: t.t(`drafts.decision-option.${x}`) }))}
          error={err('decision')}
        />
        <TextArea
          name="remarks"
          label={t.t('drafts.field.remarks')}
          hint={t.t('drafts.field.remarks-hint')}
          value={typed?.remarks ?? mine?.remarks ?? ''}
          lang="de"
          rows={4}
          maxLength={4000}
          error={err('remarks')}
        />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{t.t('drafts.sign-off.submit')}</span>
        </button>
      </form>
    </section>
  );
}

export function CommentForm(props: FormsProps) {
  const { ctx, d, errors, typed } = props;
  const { t } = ctx;
  const count = paragraphsOf(d.current.body).length;
  return (
    <section aria-labelledby="drafts-comment">
      <h2 class="kern-heading-medium" id="drafts-comment">
        {t.t('drafts.comment.title')}
      </h2>
      <form method="post" action={draftUrl(ctx, 'comment', d.id)} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(d.current.number)} />
        <Select
          name="paragraph"
          label={t.t('drafts.field.paragraph')}
          value={typed?.paragraph ?? '1'}
          options={Array.from({ length: count }, (_, i) => ({
            value: String(i + 1),
            label: t.t('drafts.paragraph', { n: i + 1 }),
          }))}
          error={errors.find((e) => e.field === 'paragraph')}
        />
        <TextArea
          name="comment"
          label={t.t('drafts.field.comment')}
          value={typed?.comment ?? ''}
          rows={3}
          maxLength={4000}
          error={errors.find((e) => e.field === 'comment')}
        />
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">{t.t('drafts.comment.submit')}</span>
        </button>
      </form>
    </section>
  );
}

export function VersionForm(props: FormsProps) {
  const { ctx, d, errors, typed } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="drafts-version">
      <h2 class="kern-heading-medium" id="drafts-version">
        {t.t('drafts.version.title')}
      </h2>
      <p class="kern-body">{t.t('drafts.version.lead')}</p>
      <form method="post" action={draftUrl(ctx, 'version', d.id)} novalidate>
        <CsrfField ctx={ctx} />
        <TextArea
          name="text"
          label={t.t('drafts.field.new-text')}
          hint={t.t('drafts.field.text-hint')}
          value={typed?.text ?? d.current.body}
          lang="de"
          rows={14}
          error={errors.find((e) => e.field === 'text')}
        />
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">{t.t('drafts.version.submit')}</span>
        </button>
      </form>
    </section>
  );
}
