import { CsrfField } from '../../../web/components.tsx';
import type { ViewContext } from '../../../web/context.ts';
import { href, Page } from '../view-parts.tsx';

export function SignOutForm({ ctx, everywhere }: { ctx: ViewContext; everywhere: boolean }) {
  return (
    <form method="post" action={href(ctx, 'signOut')}>
      <CsrfField ctx={ctx} />
      {everywhere ? <input type="hidden" name="scope" value="everywhere" /> : null}
      <button class="kern-btn kern-btn--secondary" type="submit">
        <span class="kern-label">
          {ctx.t.t(everywhere ? 'identity.sign-out.everywhere' : 'identity.sign-out.submit')}
        </span>
      </button>
    </form>
  );
}

export function SessionsPage(props: {
  ctx: ViewContext;
  sessions: { id: string; current: boolean; createdAt: Date; lastSeenAt: Date; userAgent: string | null }[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('identity.sessions.title')}>
      <table class="kern-table">
        <caption class="kern-table__caption">{t.t('identity.sessions.caption')}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="col">
              {t.t('identity.sessions.started')}
            </th>
            <th class="kern-table__header" scope="col">
              {t.t('identity.sessions.last-seen')}
            </th>
            <th class="kern-table__header" scope="col">
              {t.t('identity.sessions.device')}
            </th>
            <th class="kern-table__header" scope="col">
              {t.t('identity.sessions.action')}
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {props.sessions.map((s) => (
            <tr class="kern-table__row" key={s.id}>
              <td class="kern-table__cell">{t.date(s.createdAt, 'short')}</td>
              <td class="kern-table__cell">{t.date(s.lastSeenAt, 'short')}</td>
              <td class="kern-table__cell">{s.userAgent ?? '–'}</td>
              <td class="kern-table__cell">
                {s.current ? (
                  t.t('identity.sessions.current')
                ) : (
                  <form method="post" action={href(ctx, 'sessions')}>
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="id" value={s.id} />
                    <button class="kern-btn kern-btn--tertiary" type="submit">
                      <span class="kern-label">{t.t('identity.sessions.end')}</span>
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SignOutForm ctx={ctx} everywhere={true} />
    </Page>
  );
}
