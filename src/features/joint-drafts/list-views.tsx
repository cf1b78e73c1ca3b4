/** The list of joint drafts (issue 17) and the form that starts one. */

import { DRAFT_KINDS, DRAFT_TARGETS } from '../../domain/workspace/drafts.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, RadioGroup, Select, TextArea, TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { CsvLink } from '../../web/csv.tsx';
import { Page } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { StateChecks } from '../joint-projects/index.ts';
import type { DraftInput } from './draft-form.ts';
import { draftUrl, kindName, stateName, statusText, targetName } from './names.ts';
import { JOINT_DRAFT_PATHS } from './paths.ts';
import type { DraftSummary } from './service.ts';

export function ListPage(props: {
  ctx: ViewContext;
  drafts: readonly DraftSummary[];
  ownState: string | null;
}) {
  const { ctx, drafts, ownState } = props;
  const { t } = ctx;
  const waiting = drafts.filter(
    (d) => d.status !== 'final' && ownState !== null && d.standings.get(ownState) === null,
  );
  return (
    <Page ctx={ctx} title={t.t('drafts.list.title')}>
      <p class="kern-body">{t.t('drafts.list.lead')}</p>
      {waiting.length > 0 ? (
        <p class="kern-body">
          {t.t('drafts.list.waiting', { count: waiting.length, state: stateName(ctx, ownState ?? '') })}
        </p>
      ) : null}
      {drafts.length === 0 ? (
        <p class="kern-body">{t.t('drafts.list.none')}</p>
      ) : (
        <ul class="kern-list">
          {drafts.map((d) => {
            const agreed = [...d.standings.values()].filter((s) => s && s.decision !== 'decline').length;
            return (
              <li key={d.id}>
                <a class="kern-link" href={draftUrl(ctx, 'draft', d.id)}>
                  {d.title}
                </a>
                {`: ${kindName(ctx, d.kind)}, ${targetName(ctx, d.target)} ${t.t('drafts.on', { date: t.date(d.targetDate) })}; `}
                {`${statusText(ctx, d.status)}; `}
                {t.t('drafts.list.agreed', { agreed, count: d.states.length, date: t.date(d.deadline) })}
              </li>
            );
          })}
        </ul>
      )}
      {drafts.length > 0 ? <CsvLink ctx={ctx} /> : null}
      <p class="kern-body">
        <a class="kern-btn kern-btn--primary" href={localizedUrl(JOINT_DRAFT_PATHS.create, ctx.locale)}>
          <span class="kern-label">{t.t('drafts.list.create')}</span>
        </a>
      </p>
    </Page>
  );
}

export function FormPage(props: { ctx: ViewContext; input: DraftInput; errors: readonly FieldError[] }) {
  const { ctx, input, errors } = props;
  const { t } = ctx;
  const err = (f: string) => errors.find((e) => e.field === f);
  return (
    <Page ctx={ctx} title={t.t('drafts.create.title')}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="kern-body">{t.t('drafts.create.lead')}</p>
      <form method="post" action={localizedUrl(JOINT_DRAFT_PATHS.create, ctx.locale)} novalidate>
        <CsrfField ctx={ctx} />
        <RadioGroup
          name="kind"
          label={t.t('drafts.field.kind')}
          value={input.kind}
          options={DRAFT_KINDS.map((k) => ({ value: k, label: kindName(ctx, k) }))}
          error={err('kind')}
        />
        <TextInput
          name="title"
          label={t.t('drafts.field.title')}
          value={input.title}
          maxLength={200}
          error={err('title')}
        />
        <Select
          name="target"
          label={t.t('drafts.field.target')}
          value={input.target}
          options={[
            { value: '', label: t.t('drafts.choose') },
            ...DRAFT_TARGETS.map((k) => ({ value: k, label: targetName(ctx, k) })),
          ]}
          error={err('target')}
        />
        <TextInput
          name="targetDate"
          label={t.t('drafts.field.targetDate')}
          hint={t.t('drafts.field.date-hint')}
          value={input.targetDate}
          width={16}
          maxLength={10}
          error={err('targetDate')}
        />
        <TextInput
          name="deadline"
          label={t.t('drafts.field.deadline')}
          hint={t.t('drafts.field.deadline-hint')}
          value={input.deadline}
          width={16}
          maxLength={10}
          error={err('deadline')}
        />
        <StateChecks
          ctx={ctx}
          values={input.states}
          error={err('states')}
          label={t.t('drafts.field.states')}
        />
        <TextArea
          name="text"
          label={t.t('drafts.field.text')}
          hint={t.t('drafts.field.text-hint')}
          value={input.text}
          rows={12}
          error={err('text')}
        />
        <button type="submit" class="kern-btn kern-btn--primary">
          <span class="kern-label">{t.t('drafts.create.submit')}</span>
        </button>
      </form>
    </Page>
  );
}
