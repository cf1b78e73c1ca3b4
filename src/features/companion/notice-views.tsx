/** The latest notice that conditions are now met, on the holder's page and on the counsellor's. */

import { Alert } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { conditionLines, type NoticeRow } from './notices.ts';

export function MetNotice({ ctx, notice }: { ctx: ViewContext; notice: NoticeRow | undefined }) {
  if (!notice) return null;
  const { t } = ctx;
  return (
    <Alert kind="success" title={t.t('companion.notice.title', { date: t.date(notice.createdAt) })}>
      <p class="kern-body">{t.t('companion.notice.met')}</p>
      <ul class="kern-list">
        {conditionLines(t, notice.met).map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <p class="kern-body">{t.t('companion.notice.open')}</p>
      {notice.open.length === 0 ? (
        <p class="kern-body">{t.t('companion.notice.nothing-open')}</p>
      ) : (
        <ul class="kern-list">
          {conditionLines(t, notice.open).map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
      <p class="kern-body">{t.t(`companion.notice.next.${notice.next}`)}</p>
    </Alert>
  );
}
