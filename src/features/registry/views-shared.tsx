import { UnverifiedNote } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';

/** Where an entry comes from, as of when, how sure we are; a visible note when it is unconfirmed. */
export function ProvenanceLine(props: {
  ctx: ViewContext;
  row: { source: string; asOf: string; confidence: 'high' | 'medium' | 'low'; verified: boolean };
}) {
  const { ctx, row } = props;
  const { t } = ctx;
  return (
    <p class="kern-body kern-body--small registry-provenance">
      {row.verified ? null : (
        <>
          <UnverifiedNote ctx={ctx} />{' '}
        </>
      )}
      <SourceLinks ctx={ctx} source={row.source} />
      {t.t('reference.as-of')}: {t.date(row.asOf)}. {t.t('reference.confidence')}:{' '}
      {t.t(`reference.confidence.${row.confidence}`)}.
    </p>
  );
}

/**
 * The public sources named in a reference row's source note, as links named by their site; the
 * rest of the note (how the value was researched) is for the administrators who keep the data.
 */
export function sourceLinks(source: string): { url: string; site: string }[] {
  const urls = [
    ...new Set([...source.matchAll(/https?:\/\/[^\s;,)]+/g)].map((m) => m[0].replace(/[.]$/, ''))),
  ];
  return urls.map((url) => ({ url, site: new URL(url).hostname.replace(/^www\./, '') }));
}

function SourceLinks({ ctx, source }: { ctx: ViewContext; source: string }) {
  const links = sourceLinks(source);
  if (links.length === 0) return null;
  return (
    <>
      {ctx.t.t('reference.source')}:{' '}
      {links.map((l, i) => (
        <span key={l.url}>
          {i > 0 ? ', ' : null}
          <a class="kern-link" href={l.url} rel="noopener noreferrer">
            {l.site}
          </a>
        </span>
      ))}
      .{' '}
    </>
  );
}

export function localized(ctx: ViewContext, value: { de: string; en: string }): string {
  return ctx.locale === 'de' ? value.de : value.en;
}
