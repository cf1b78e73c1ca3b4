/**
 * The ministry officers' pages of the standard checklists (issue 15, V2.3): the steps of a residence title with the
 * version in force, and per step the form (each document required, optional or not needed, and who brings it; a
 * reason) with the history in words. Residence titles, steps and documents are shown by their names, never an id.
 */
import type { StepKind } from '../../domain/journey/types.ts';
import { PATHWAY_IDS, type PathwayId } from '../../domain/law/types.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, RadioGroup, Select, TextArea } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { type ChecklistChange, REASON_MAX } from './checklist-rules.ts';
import type { ChecklistVersion, CurrentChecklist } from './checklist-store.ts';
import { DOCUMENT_CATEGORIES } from './checklists.ts';
import { DOCUMENT_PATHS } from './paths.ts';

export const pathwayName = (ctx: ViewContext, pathway: PathwayId | 'all') => {
  const key = pathway === 'all' ? 'documents.checklists.all-titles' : `law.pathway.${pathway}.title`;
  return ctx.t.has(key) ? ctx.t.t(key) : ctx.t.t('documents.checklists.title-unnamed');
};
const stepName = (ctx: ViewContext, kind: StepKind) => ctx.t.t(`journey.step.${kind}`);
const editUrl = (ctx: ViewContext, pathway: string, kind: string) =>
  localizedUrl(DOCUMENT_PATHS.checklist, ctx.locale, { pathway, kind });

function versionLine(ctx: ViewContext, c: { version: number; editedAt: Date | null }) {
  return c.editedAt
    ? ctx.t.t('documents.checklists.version-edited', {
        version: c.version,
        at: ctx.t.date(c.editedAt, 'short'),
      })
    : ctx.t.t('documents.checklists.version-catalogue');
}

/** The steps of one residence title, with the version in force and the link to edit it. */
export function ChecklistsPage(props: {
  ctx: ViewContext;
  pathway: PathwayId;
  current: readonly CurrentChecklist[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  const title = t.t('documents.checklists.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t.t('documents.checklists.intro')}</p>
      <form method="get" action={localizedUrl(DOCUMENT_PATHS.checklists, ctx.locale)}>
        <Select
          name="pathway"
          label={t.t('documents.checklists.pathway')}
          value={props.pathway}
          options={PATHWAY_IDS.map((p) => ({ value: p, label: pathwayName(ctx, p) }))}
        />
        <button class="kern-btn kern-btn--secondary" type="submit">
          <span class="kern-label">{t.t('documents.checklists.show')}</span>
        </button>
      </form>
      <h2 class="kern-heading-medium">{pathwayName(ctx, props.pathway)}</h2>
      <ul class="kern-list">
        {props.current.map((c) => (
          <li key={c.kind}>
            <a class="kern-link" href={editUrl(ctx, props.pathway, c.kind)}>
              {t.t('documents.checklists.edit-step', { step: stepName(ctx, c.kind) })}
            </a>{' '}
            – {t.t('documents.checklists.count', { required: c.items.filter((i) => i.required).length })},{' '}
            {versionLine(ctx, c)}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export const changeText = (ctx: ViewContext, c: ChecklistChange) =>
  ctx.t.t(`documents.checklists.change.${c.change}`, {
    document: ctx.t.t(`documents.category.${c.category}`),
  });

/** The edit form of one step's checklist for one residence title, and its history. */
export function ChecklistEditPage(props: {
  ctx: ViewContext;
  pathway: PathwayId | 'all';
  kind: StepKind;
  current: CurrentChecklist;
  history: readonly ChecklistVersion[];
  /** The form as sent (after a refusal) or empty (prefilled from the version in force). */
  fields?: Record<string, string>;
  errors?: readonly FieldError[];
  saved?: boolean;
}) {
  const { ctx, current } = props;
  const { t } = ctx;
  const errors = props.errors ?? [];
  const err = (field: string) => errors.find((e) => e.field === field);
  const title = t.t('documents.checklists.edit-title', {
    step: stepName(ctx, props.kind),
    title: pathwayName(ctx, props.pathway),
  });
  const need = (category: string) => {
    const sent = props.fields?.[`need-${category}`];
    if (sent !== undefined) return sent;
    const item = current.items.find((i) => i.category === category);
    return item ? (item.required ? 'required' : 'optional') : 'none';
  };
  const by = (category: string) =>
    props.fields?.[`by-${category}`] ??
    current.items.find((i) => i.category === category)?.providedBy ??
    'applicant';
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="kern-heading-large">{title}</h1>
      {props.saved ? (
        <p class="kern-body" role="status">
          {t.t('documents.checklists.saved', { version: current.version })}
        </p>
      ) : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <p class="kern-body">{versionLine(ctx, current)}</p>
      <p class="kern-body">{t.t('documents.checklists.edit-intro')}</p>
      <form method="post" action={editUrl(ctx, props.pathway, props.kind)} novalidate>
        <CsrfField ctx={ctx} />
        {DOCUMENT_CATEGORIES.map((category) => (
          <div key={category} class="kern-fieldset">
            <RadioGroup
              name={`need-${category}`}
              label={t.t(`documents.category.${category}`)}
              value={need(category)}
              error={err(`need-${category}`)}
              options={['required', 'optional', 'none'].map((v) => ({
                value: v,
                label: t.t(`documents.checklists.need.${v}`),
              }))}
            />
            <Select
              name={`by-${category}`}
              label={t.t('documents.checklists.by', { document: t.t(`documents.category.${category}`) })}
              value={by(category)}
              error={err(`by-${category}`)}
              options={['applicant', 'employer'].map((v) => ({
                value: v,
                label: t.t(`documents.checklists.by.${v}`),
              }))}
            />
          </div>
        ))}
        <TextArea
          name="reason"
          label={t.t('documents.checklists.reason')}
          hint={t.t('documents.checklists.reason-hint')}
          value={props.fields?.reason ?? ''}
          maxLength={REASON_MAX}
          required
          error={err('reason')}
        />
        <button class="kern-btn kern-btn--primary" type="submit">
          <span class="kern-label">{t.t('documents.checklists.save')}</span>
        </button>
      </form>
      <section aria-labelledby="checklist-history">
        <h2 class="kern-heading-medium" id="checklist-history">
          {t.t('documents.checklists.history')}
        </h2>
        <ol class="kern-list">
          {props.history.map((v) => (
            <li key={v.version}>
              {v.editedAt ? (
                <>
                  <p class="kern-body">
                    {t.t('documents.checklists.history-line', {
                      version: v.version,
                      at: t.date(v.editedAt, 'short'),
                      who: v.editorName ?? t.t('documents.checklists.someone'),
                    })}
                  </p>
                  <p class="kern-body">
                    {t.t('documents.checklists.history-reason', { reason: v.reason ?? '' })}
                  </p>
                  {v.changes.length > 0 ? (
                    <ul class="kern-list">
                      {v.changes.map((c) => (
                        <li key={`${c.category}-${c.change}`}>{changeText(ctx, c)}</li>
                      ))}
                    </ul>
                  ) : (
                    <p class="kern-body">{t.t('documents.checklists.no-change')}</p>
                  )}
                </>
              ) : (
                <p class="kern-body">{t.t('documents.checklists.history-catalogue')}</p>
              )}
            </li>
          ))}
        </ol>
      </section>
      <p class="kern-body">
        <a
          class="kern-link"
          href={`${localizedUrl(DOCUMENT_PATHS.checklists, ctx.locale)}?pathway=${props.pathway}`}
        >
          {t.t('documents.checklists.back')}
        </a>
      </p>
    </Layout>
  );
}
