import type { ComponentChildren } from 'preact';
import type { StepKind } from '../../domain/journey/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, fieldId, HintAndError } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { IDENTITY_PATHS } from '../identity/index.ts';
import { DOCUMENT_PATHS } from './paths.ts';
import type { ShareSubject, ShareTarget } from './share-targets.ts';

/** What the organisation needs the document for: the steps it owns, in words ("your residence permit"). */
export function purposeOf(ctx: ViewContext, steps: readonly StepKind[]): string {
  const parts = steps.map((s) => ctx.t.t(`documents.purpose.${s}`));
  return ctx.t.list(parts);
}

/** "Ausländerbehörde Stadt Leipzig – für Ihre Aufenthaltserlaubnis", or the name alone when it owns no step. */
export function targetLabel(ctx: ViewContext, target: ShareTarget): string {
  return target.steps.length === 0
    ? target.name
    : ctx.t.t('documents.share.option', { organisation: target.name, purpose: purposeOf(ctx, target.steps) });
}

/** The document's name, or "all documents of the kind …". */
export function subjectText(ctx: ViewContext, subject: ShareSubject): string {
  return 'fileName' in subject
    ? subject.fileName
    : ctx.t.t('documents.share.all-of', { category: ctx.t.t(`documents.category.${subject.category}`) });
}

export const targetValue = (subject: ShareSubject) =>
  'fileName' in subject ? `document:${subject.documentId}` : `category:${subject.category}`;

/**
 * A share form: the organisations offered, by name and what for, and "Share". With `subject` it shares that
 * document; otherwise `children` hold the field that names what to share. The form whose input was refused
 * carries the field's id (`field-organisationId`), so the error summary links to it.
 */
export function ShareForm(props: {
  ctx: ViewContext;
  subject?: ShareSubject;
  targets: readonly ShareTarget[];
  /** Set on the form whose input was refused. */
  error?: FieldError | undefined;
  /** Distinguishes the form's field from the other forms' on the page. */
  idSuffix: string;
  children?: ComponentChildren;
}) {
  const { ctx, subject } = props;
  const { t } = ctx;
  const id = props.error ? fieldId('organisationId') : `share-${props.idSuffix}`;
  const what = subject ? subjectText(ctx, subject) : undefined;
  return (
    <form method="post" action={localizedUrl(DOCUMENT_PATHS.share, ctx.locale)} novalidate>
      <CsrfField ctx={ctx} />
      {subject ? <input type="hidden" name="target" value={targetValue(subject)} /> : props.children}
      <div class={`kern-form-input${props.error ? ' kern-form-input--error' : ''}`}>
        <label class="kern-label" for={id}>
          {what ? t.t('documents.share.with', { what }) : t.t('documents.share.organisation')}
        </label>
        <HintAndError id={id} error={props.error} />
        <div class="kern-form-input__select-wrapper">
          <select
            id={id}
            name="organisationId"
            class={`kern-form-input__select${props.error ? ' kern-form-input__select--error' : ''}`}
            aria-describedby={props.error ? `${id}-error` : undefined}
            aria-invalid={props.error ? 'true' : undefined}
          >
            {props.targets.map((o) => (
              <option key={o.id} value={o.id}>
                {targetLabel(ctx, o)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button class="kern-btn kern-btn--primary" type="submit">
        <span class="kern-label">
          {what ? t.t('documents.share.submit-named', { what }) : t.t('documents.share.submit')}
        </span>
      </button>
    </form>
  );
}

/**
 * "To share, you allow <organisation> to see this document for <purpose>": the consent asked for in the flow of
 * sharing. "Allow and share" grants the consent and shares in one POST; "Cancel" goes back to the documents.
 */
export function ShareConfirmPage(props: {
  ctx: ViewContext;
  subject: ShareSubject;
  target: ShareTarget;
  errors?: readonly FieldError[];
}) {
  const { ctx, subject, target } = props;
  const { t } = ctx;
  const what = subjectText(ctx, subject);
  const title = t.t('documents.confirm.title', { what });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="kern-heading-large">{title}</h1>
      <ErrorSummary ctx={ctx} errors={props.errors ?? []} />
      {target.consented ? (
        <p class="kern-body">{t.t('documents.confirm.consented', { what, organisation: target.name })}</p>
      ) : (
        <>
          <p class="kern-body">
            {t.t(target.steps.length > 0 ? 'documents.confirm.allow' : 'documents.confirm.allow-general', {
              what,
              organisation: target.name,
              purpose: purposeOf(ctx, target.steps),
            })}
          </p>
          <p class="kern-body">
            {t.t('documents.confirm.consent-scope')}{' '}
            <a class="kern-link" href={localizedUrl(IDENTITY_PATHS.consents, ctx.locale)}>
              {t.t('documents.confirm.consents-link')}
            </a>
          </p>
        </>
      )}
      <form method="post" action={localizedUrl(DOCUMENT_PATHS.share, ctx.locale)}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="target" value={targetValue(subject)} />
        <input type="hidden" name="organisationId" value={target.id} />
        <input type="hidden" name="allow" value="yes" />
        <div class="button-row">
          <button class="kern-btn kern-btn--primary" type="submit">
            <span class="kern-label">
              {t.t(target.consented ? 'documents.confirm.share' : 'documents.confirm.allow-and-share')}
            </span>
          </button>
          <a class="kern-btn kern-btn--secondary" href={localizedUrl(DOCUMENT_PATHS.list, ctx.locale)}>
            <span class="kern-label">{t.t('documents.confirm.cancel')}</span>
          </a>
        </div>
      </form>
    </Layout>
  );
}
