import type { FieldError } from '../../platform/http/errors.ts';
import { Alert, CsrfField, ErrorSummary, FileInput, Select } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { IDENTITY_PATHS } from '../identity/index.ts';
import { type ChecklistItem, checklistStatus, DOCUMENT_CATEGORIES } from './checklists.ts';
import type { DocumentView } from './document-record.ts';
import { contentUrl, DOCUMENT_PATHS } from './paths.ts';
import type { ShareTarget } from './share-targets.ts';
import { ShareForm } from './share-views.tsx';
import type { ShareView } from './sharing.ts';

const href = (ctx: ViewContext, key: keyof typeof DOCUMENT_PATHS) =>
  localizedUrl(DOCUMENT_PATHS[key], ctx.locale);

function size(ctx: ViewContext, bytes: number): string {
  if (bytes < 1024) return ctx.t.t('documents.size.bytes', { n: bytes });
  if (bytes < 1024 * 1024) return ctx.t.t('documents.size.kib', { n: Math.round(bytes / 1024) });
  return ctx.t.t('documents.size.mib', { n: ctx.t.number(bytes / 1048576, { maximumFractionDigits: 1 }) });
}

/**
 * "Meine Dokumente" / "My documents": upload, the list with download links, each document with the
 * organisations it can be shared with (the owners of the journey's steps by name, and those consented to),
 * sharing every document of a kind, and the shares in effect.
 */
export function DocumentsPage(props: {
  ctx: ViewContext;
  documents: readonly DocumentView[];
  shares: readonly ShareView[];
  targets: readonly ShareTarget[];
  canUpload: boolean;
  maxBytes: number;
  errors: readonly FieldError[];
  /** The `target` of the share form whose input was refused. */
  failed?: string | undefined;
  /** The share just made, for the confirmation banner. */
  shared?: ShareView | undefined;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const err = (f: string) => props.errors.find((e) => e.field === f);
  const category = (c: string | null) => (c ? t.t(`documents.category.${c}`) : '');
  const active = props.shares.filter((s) => s.effective);
  const nameOf = (id: string | null) => props.documents.find((d) => d.id === id)?.fileName ?? '';
  return (
    <Layout ctx={ctx} title={t.t('documents.title')}>
      <h1 class="kern-heading-large">{t.t('documents.title')}</h1>
      <ErrorSummary ctx={ctx} errors={props.errors} />
      {props.shared ? (
        <Alert
          kind="success"
          title={
            props.shared.documentId
              ? t.t('documents.shared.document', {
                  what: nameOf(props.shared.documentId),
                  organisation: props.shared.organisationName,
                })
              : t.t('documents.shared.category', {
                  category: category(props.shared.category),
                  organisation: props.shared.organisationName,
                })
          }
        />
      ) : null}
      <p class="kern-body">{t.t('documents.lead')}</p>

      {props.canUpload ? (
        <>
          <h2 class="kern-heading-medium">{t.t('documents.upload.title')}</h2>
          <form method="post" action={href(ctx, 'list')} enctype="multipart/form-data" novalidate>
            <CsrfField ctx={ctx} />
            <Select
              name="category"
              label={t.t('documents.field.category')}
              error={err('category')}
              options={DOCUMENT_CATEGORIES.map((c) => ({ value: c, label: category(c) }))}
            />
            <FileInput
              name="file"
              label={t.t('documents.field.file')}
              hint={t.t('documents.field.file-hint', { max: Math.floor(props.maxBytes / 1048576) })}
              accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
              error={err('file')}
            />
            <button class="kern-btn kern-btn--primary" type="submit">
              <span class="kern-label">{t.t('documents.upload.submit')}</span>
            </button>
          </form>
        </>
      ) : null}

      <h2 class="kern-heading-medium">{t.t('documents.list.title')}</h2>
      {props.documents.length === 0 ? <p class="kern-body">{t.t('documents.list.none')}</p> : null}
      {props.documents.length > 0 && props.targets.length === 0 ? (
        <p class="kern-body">
          {t.t('documents.share.nobody')}{' '}
          <a class="kern-link" href={localizedUrl(IDENTITY_PATHS.consents, ctx.locale)}>
            {t.t('documents.share.consents-link')}
          </a>
        </p>
      ) : null}
      <ul class="documents-list">
        {props.documents.map((d) => (
          <li class="documents-item" key={d.id}>
            <h3 class="kern-heading-small">
              <a class="kern-link" href={contentUrl(d.id)} download={d.fileName}>
                {d.fileName}
              </a>
            </h3>
            <p class="kern-body">
              {t.t('documents.list.facts', {
                category: category(d.category),
                size: size(ctx, d.sizeBytes),
                date: t.date(d.createdAt, 'short'),
              })}
            </p>
            {props.targets.length > 0 ? (
              <ShareForm
                ctx={ctx}
                subject={{ documentId: d.id, fileName: d.fileName }}
                targets={props.targets}
                error={props.failed === `document:${d.id}` ? err('organisationId') : undefined}
                idSuffix={d.id}
              />
            ) : null}
            <form method="post" action={href(ctx, 'remove')}>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="id" value={d.id} />
              <button class="kern-btn kern-btn--secondary" type="submit">
                <span class="kern-label">{t.t('documents.delete', { name: d.fileName })}</span>
              </button>
            </form>
          </li>
        ))}
      </ul>

      <h2 class="kern-heading-medium">{t.t('documents.share.title')}</h2>
      <p class="kern-body">{t.t('documents.share.lead')}</p>
      {props.targets.length > 0 ? (
        <ShareForm
          ctx={ctx}
          targets={props.targets}
          error={props.failed?.startsWith('category:') ? err('organisationId') : undefined}
          idSuffix="kinds"
        >
          <Select
            name="target"
            label={t.t('documents.share.kind')}
            error={err('target')}
            options={DOCUMENT_CATEGORIES.map((c) => ({
              value: `category:${c}`,
              label: t.t('documents.share.all-of', { category: category(c) }),
            }))}
          />
        </ShareForm>
      ) : null}

      <h3 class="kern-heading-small">{t.t('documents.shares.title')}</h3>
      {active.length === 0 ? <p class="kern-body">{t.t('documents.shares.none')}</p> : null}
      <ul class="kern-list">
        {active.map((s) => (
          <li key={s.id}>
            {t.t('documents.shares.item', {
              what: s.documentId
                ? nameOf(s.documentId)
                : t.t('documents.share.all-of', { category: category(s.category) }),
              organisation: s.organisationName,
            })}
            <form method="post" action={href(ctx, 'unshare')}>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="id" value={s.id} />
              <button class="kern-btn kern-btn--secondary" type="submit">
                <span class="kern-label">
                  {t.t('documents.shares.revoke', { organisation: s.organisationName })}
                </span>
              </button>
            </form>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/**
 * A step's checklist with what the applicant has (for the journey's step pages): each category
 * with its status, required or optional, who provides it, and links to the matching documents the
 * viewer may see. `documents` must already be filtered by the policy (`documentsVisibleTo`).
 */
export function DocumentChecklist(props: {
  ctx: ViewContext;
  items: readonly Omit<ChecklistItem, 'pathways'>[];
  documents: readonly DocumentView[];
  /** The version of the standard checklist shown (issue 15, V2.3), when it comes from the checklist service. */
  version?: number;
  headingLevel?: 2 | 3;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const rows = checklistStatus(props.items, props.documents);
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section aria-labelledby="document-checklist-title">
      <Heading class="kern-heading-small" id="document-checklist-title">
        {t.t('documents.checklist.title')}
      </Heading>
      {props.version !== undefined ? (
        <p class="kern-body">{t.t('documents.checklist.version', { version: props.version })}</p>
      ) : null}
      <ul class="kern-list">
        {rows.map(({ item, documents, met }) => (
          <li key={item.category}>
            <strong>{t.t(`documents.category.${item.category}`)}</strong>{' '}
            <span
              class={`kern-badge kern-badge--small kern-badge--${met ? 'success' : item.required ? 'warning' : 'info'}`}
            >
              <span class="kern-label kern-label--small">
                {t.t(
                  met
                    ? 'documents.checklist.met'
                    : item.required
                      ? 'documents.checklist.missing'
                      : 'documents.checklist.optional',
                )}
              </span>
            </span>
            {item.providedBy === 'employer' ? <> {t.t('documents.checklist.by-employer')}</> : null}
            {documents.length > 0 ? (
              <ul class="kern-list">
                {documents.map((d) => (
                  <li key={d.id}>
                    <a class="kern-link" href={contentUrl(d.id)} download={d.fileName}>
                      {d.fileName}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
