import type { FieldError } from '../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, FileInput, Select } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { Layout } from '../../web/layout.tsx';
import { localizedUrl } from '../../web/paths.ts';
import { type ChecklistItem, checklistStatus, DOCUMENT_CATEGORIES } from './checklists.ts';
import type { DocumentView } from './document-record.ts';
import { contentUrl, DOCUMENT_PATHS } from './paths.ts';
import type { ShareView } from './sharing.ts';

const href = (ctx: ViewContext, key: keyof typeof DOCUMENT_PATHS) =>
  localizedUrl(DOCUMENT_PATHS[key], ctx.locale);

function size(ctx: ViewContext, bytes: number): string {
  if (bytes < 1024) return ctx.t.t('documents.size.bytes', { n: bytes });
  if (bytes < 1024 * 1024) return ctx.t.t('documents.size.kib', { n: Math.round(bytes / 1024) });
  return ctx.t.t('documents.size.mib', { n: ctx.t.number(bytes / 1048576, { maximumFractionDigits: 1 }) });
}

/** "Meine Dokumente" / "My documents": upload, list with download links, sharing by consent. */
export function DocumentsPage(props: {
  ctx: ViewContext;
  documents: readonly DocumentView[];
  shares: readonly ShareView[];
  organisations: readonly { id: string; name: string }[];
  canUpload: boolean;
  maxBytes: number;
  errors: readonly FieldError[];
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
      {props.documents.length > 0 ? (
        <table class="kern-table">
          <caption class="kern-title">{t.t('documents.list.caption')}</caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th class="kern-table__header" scope="col">
                {t.t('documents.list.name')}
              </th>
              <th class="kern-table__header" scope="col">
                {t.t('documents.field.category')}
              </th>
              <th class="kern-table__header" scope="col">
                {t.t('documents.list.size')}
              </th>
              <th class="kern-table__header" scope="col">
                {t.t('documents.list.uploaded')}
              </th>
              <th class="kern-table__header" scope="col">
                {t.t('documents.list.actions')}
              </th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {props.documents.map((d) => (
              <tr class="kern-table__row" key={d.id}>
                <td class="kern-table__cell">
                  <a class="kern-link" href={contentUrl(d.id)} download={d.fileName}>
                    {d.fileName}
                  </a>
                </td>
                <td class="kern-table__cell">{category(d.category)}</td>
                <td class="kern-table__cell">{size(ctx, d.sizeBytes)}</td>
                <td class="kern-table__cell">{t.date(d.createdAt, 'short')}</td>
                <td class="kern-table__cell">
                  <form method="post" action={href(ctx, 'remove')}>
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="id" value={d.id} />
                    <button class="kern-btn kern-btn--secondary" type="submit">
                      <span class="kern-label">{t.t('documents.delete', { name: d.fileName })}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <h2 class="kern-heading-medium">{t.t('documents.share.title')}</h2>
      <p class="kern-body">{t.t('documents.share.lead')}</p>
      {props.organisations.length === 0 ? (
        <p class="kern-body">
          {t.t('documents.share.no-consent')}{' '}
          <a
            class="kern-link"
            href={ctx.locale === 'de' ? '/de/konto/einwilligungen' : '/en/account/consents'}
          >
            {t.t('documents.share.consents-link')}
          </a>
        </p>
      ) : (
        <form method="post" action={href(ctx, 'share')}>
          <CsrfField ctx={ctx} />
          <Select
            name="organisationId"
            label={t.t('documents.share.organisation')}
            error={err('organisationId')}
            options={props.organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
          <Select
            name="target"
            label={t.t('documents.share.target')}
            error={err('target')}
            options={[
              ...props.documents.map((d) => ({ value: `document:${d.id}`, label: d.fileName })),
              ...DOCUMENT_CATEGORIES.map((c) => ({
                value: `category:${c}`,
                label: t.t('documents.share.all-of', { category: category(c) }),
              })),
            ]}
          />
          <button class="kern-btn kern-btn--primary" type="submit">
            <span class="kern-label">{t.t('documents.share.submit')}</span>
          </button>
        </form>
      )}

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
  items: readonly ChecklistItem[];
  documents: readonly DocumentView[];
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
