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
      {t.t('reference.source')}: {row.source}. {t.t('reference.as-of')}: {t.date(row.asOf)}.{' '}
      {t.t('reference.confidence')}: {t.t(`reference.confidence.${row.confidence}`)}.
    </p>
  );
}

export function localized(ctx: ViewContext, value: { de: string; en: string }): string {
  return ctx.locale === 'de' ? value.de : value.en;
}
