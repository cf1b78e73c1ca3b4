/**
 * The API reference for the people who connect other systems (issue 20): every operation of the OpenAPI document,
 * rendered on the server from the same document, grouped by area, with who may call it, its parameters, body
 * and answers. The operations' summaries are written in English (as the document is); they carry `lang="en"`.
 */
import type { ViewContext } from '../../web/context.ts';
import { Page } from '../../web/layout.tsx';

export type Schema = {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
};
export type Parameter = { name: string; in: 'path' | 'query'; required: boolean; schema: Schema };
export type Operation = {
  method: string;
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  parameters: Parameter[];
  body: Schema | null;
  success: { status: string; contentType: string | null };
  /** Examples of the body and of the answer (invented data), where the document has them. */
  examples: { body?: unknown; answer?: unknown };
  /** Empty: public. Otherwise the ways in: session, and the token scope if tokens may call it. */
  security: Record<string, string[]>[];
};

/** A JSON schema's type in a few words: `string`, `integer`, `one of: a, b`, `list of string`, `object`. */
export function typeWords(s: Schema | undefined): string {
  if (!s) return 'any';
  if (s.enum) return `one of: ${s.enum.map(String).join(', ')}`;
  if (s.anyOf ?? s.oneOf) return (s.anyOf ?? s.oneOf ?? []).map(typeWords).join(' | ');
  const type = Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'any');
  if (type === 'array') return `list of ${typeWords(s.items)}`;
  return s.format ? `${type} (${s.format})` : type;
}

function Access({ ctx, op }: { ctx: ViewContext; op: Operation }) {
  const { t } = ctx;
  if (op.security.length === 0) return <>{t.t('system.api.access.public')}</>;
  const scope = op.security.find((s) => s.apiToken)?.apiToken?.[0];
  return <>{scope ? t.t('system.api.access.token', { scope }) : t.t('system.api.access.session')}</>;
}

function Parameters({ ctx, op }: { ctx: ViewContext; op: Operation }) {
  const { t } = ctx;
  if (op.parameters.length === 0) return null;
  return (
    <div class="kern-table-responsive">
      <table class="kern-table">
        <caption class="kern-title">{t.t('system.api.parameters')}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">
              {t.t('system.api.name')}
            </th>
            <th scope="col" class="kern-table__header">
              {t.t('system.api.where')}
            </th>
            <th scope="col" class="kern-table__header">
              {t.t('system.api.required')}
            </th>
            <th scope="col" class="kern-table__header">
              {t.t('system.api.type')}
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {op.parameters.map((p) => (
            <tr class="kern-table__row" key={`${p.in}-${p.name}`}>
              <th scope="row" class="kern-table__cell">
                <code>{p.name}</code>
              </th>
              <td class="kern-table__cell">{t.t(`system.api.in.${p.in}`)}</td>
              <td class="kern-table__cell">{t.t(p.required ? 'system.api.yes' : 'system.api.no')}</td>
              <td class="kern-table__cell">
                <code>{typeWords(p.schema)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Body({ ctx, op }: { ctx: ViewContext; op: Operation }) {
  const { t } = ctx;
  if (!op.body) return null;
  const fields = Object.entries(op.body.properties ?? {});
  const required = new Set(op.body.required ?? []);
  return (
    <>
      <p class="kern-body">{t.t('system.api.body')}</p>
      {fields.length > 0 ? (
        <ul class="kern-list">
          {fields.map(([name, s]) => (
            <li key={name}>
              <code>{name}</code>: <code>{typeWords(s)}</code>
              {required.has(name) ? ` (${t.t('system.api.required').toLowerCase()})` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p class="kern-body">
          <code>{typeWords(op.body)}</code>
        </p>
      )}
    </>
  );
}

/** An example as it travels: JSON pretty-printed, text (CSV, XML) as it is. */
function Example({ caption, value }: { caption: string; value: unknown }) {
  if (value === undefined) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return (
    <figure class="api-example">
      <figcaption class="kern-body">{caption}</figcaption>
      <pre tabindex={0} lang="en">
        <code>{text}</code>
      </pre>
    </figure>
  );
}

function OperationSection({ ctx, op }: { ctx: ViewContext; op: Operation }) {
  const { t } = ctx;
  return (
    <section aria-labelledby={op.operationId} class="api-operation">
      <h3 class="kern-heading-small" id={op.operationId}>
        <code>{`${op.method} ${op.path}`}</code>
      </h3>
      <p class="kern-body" lang="en">
        {op.summary}
      </p>
      <p class="kern-body">
        <strong>{t.t('system.api.who')}</strong> <Access ctx={ctx} op={op} />
      </p>
      <Parameters ctx={ctx} op={op} />
      <Body ctx={ctx} op={op} />
      <Example caption={t.t('system.api.example.body')} value={op.examples.body} />
      <p class="kern-body">
        {t.t('system.api.answer', { status: op.success.status })}
        {op.success.contentType ? (
          <>
            {' ('}
            <code>{op.success.contentType}</code>
            {')'}
          </>
        ) : null}
        {`. ${t.t('system.api.errors')}`}
      </p>
      <Example caption={t.t('system.api.example.answer')} value={op.examples.answer} />
    </section>
  );
}

export function ApiReferencePage({
  ctx,
  operations,
}: {
  ctx: ViewContext;
  operations: readonly Operation[];
}) {
  const { t } = ctx;
  const tags = [...new Set(operations.map((o) => o.tag))].sort();
  return (
    <Page ctx={ctx} title={t.t('system.api.title')}>
      <p class="kern-body kern-body--large">{t.t('system.api.lead')}</p>
      <p class="kern-body">{t.t('system.api.auth')}</p>
      <p class="kern-body">{t.t('system.api.english')}</p>
      <p class="kern-body">
        <a class="kern-link" href="/api/openapi.json">
          {t.t('system.api.document')}
        </a>
      </p>
      <nav aria-labelledby="api-areas">
        <h2 class="kern-heading-medium" id="api-areas">
          {t.t('system.api.areas', { count: operations.length })}
        </h2>
        <ul class="kern-list">
          {tags.map((tag) => (
            <li key={tag}>
              <a class="kern-link" href={`#area-${tag}`}>
                {t.t('system.api.area', { area: tag })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`area-${tag}`}>
          <h2 class="kern-heading-medium" id={`area-${tag}`}>
            {t.t('system.api.area', { area: tag })}
          </h2>
          {operations
            .filter((o) => o.tag === tag)
            .map((o) => (
              <OperationSection key={o.operationId} ctx={ctx} op={o} />
            ))}
        </section>
      ))}
    </Page>
  );
}
