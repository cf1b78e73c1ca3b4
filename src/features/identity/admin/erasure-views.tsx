import { Alert, CsrfField } from '../../../web/components.tsx';
import type { ViewContext } from '../../../web/context.ts';
import { Layout } from '../../../web/layout.tsx';
import { href } from '../view-parts.tsx';

export function ErasurePage(props: {
  ctx: ViewContext;
  retained: readonly { what: string }[];
  done: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('identity.erasure.title')}>
      <h1 class="kern-heading-large">{t.t('identity.erasure.title')}</h1>
      {props.done ? <Alert kind="success" title={t.t('identity.erasure.done')} /> : null}
      <p class="kern-body">{t.t('identity.erasure.lead')}</p>
      <h2 class="kern-heading-medium">{t.t('identity.erasure.retained')}</h2>
      <ul class="kern-list">
        {props.retained.map((r) => (
          <li key={r.what}>{t.t(`identity.erasure.retained.${r.what}`)}</li>
        ))}
      </ul>
      {props.done ? null : (
        <form method="post" action={href(ctx, 'erasure')}>
          <CsrfField ctx={ctx} />
          <button class="kern-btn kern-btn--primary" type="submit">
            <span class="kern-label">{t.t('identity.erasure.submit')}</span>
          </button>
        </form>
      )}
    </Layout>
  );
}

export function ErasureRequestsPage(props: {
  ctx: ViewContext;
  requests: {
    id: string;
    requestedAt: Date;
    reason: string | null;
    handledAt: Date | null;
    outcome: string | null;
  }[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('identity.erasure-requests.title')}>
      <h1 class="kern-heading-large">{t.t('identity.erasure-requests.title')}</h1>
      {props.requests.length === 0 ? <p class="kern-body">{t.t('identity.erasure-requests.none')}</p> : null}
      <ul class="kern-list">
        {props.requests.map((r) => (
          <li key={r.id}>
            {t.date(r.requestedAt, 'short')}
            {r.reason ? ` – ${r.reason}` : ''}
            {r.handledAt ? (
              ` – ${t.t(`identity.erasure-requests.${r.outcome ?? 'refused'}`)}`
            ) : (
              <form method="post" action={href(ctx, 'erasureRequests')}>
                <CsrfField ctx={ctx} />
                <input type="hidden" name="id" value={r.id} />
                <button class="kern-btn kern-btn--primary" type="submit" name="outcome" value="erased">
                  <span class="kern-label">{t.t('identity.erasure-requests.erase')}</span>
                </button>
                <button class="kern-btn kern-btn--secondary" type="submit" name="outcome" value="refused">
                  <span class="kern-label">{t.t('identity.erasure-requests.refuse')}</span>
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
