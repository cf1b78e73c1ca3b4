import { assetUrl } from '../../../web/assets.ts';
import { Alert, CsrfField } from '../../../web/components.tsx';
import type { ViewContext } from '../../../web/context.ts';
import { Layout } from '../../../web/layout.tsx';
import { localizedUrl } from '../../../web/paths.ts';
import { IDENTITY_PATHS } from '../paths.ts';

const href = (ctx: ViewContext, key: keyof typeof IDENTITY_PATHS) =>
  localizedUrl(IDENTITY_PATHS[key], ctx.locale);

/** The module that wires the passkey buttons (a fingerprinted asset, CSP 'self'). */
export function PasskeyScript() {
  return <script type="module" src={assetUrl('passkeys.js')} />;
}

/**
 * "Sign in with a passkey": hidden until the script finds WebAuthn in the browser. The CSRF token
 * and where to go afterwards travel as data attributes (no inline script).
 */
export function PasskeySignIn({ ctx, next }: { ctx: ViewContext; next: string }) {
  const { t } = ctx;
  return (
    <div class="passkey" data-passkey="sign-in" data-csrf={ctx.csrfToken()} data-next={next} hidden>
      <button class="kern-btn kern-btn--secondary" type="button" data-passkey-start>
        <span class="kern-label">{t.t('identity.sign-in.passkey')}</span>
      </button>
      <div role="alert" data-passkey-error data-message={t.t('identity.sign-in.passkey-failed')} />
    </div>
  );
}

/** "Add a passkey": hidden until the script finds WebAuthn; without it a hint says what is needed. */
export function PasskeyAdd({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <>
      <p class="kern-body kern-body--small" data-passkey-unsupported>
        {t.t('identity.passkeys.needs-support')}
      </p>
      <div
        class="passkey"
        data-passkey="register"
        data-csrf={ctx.csrfToken()}
        data-next={`${href(ctx, 'passkeys')}?done=added`}
        hidden
      >
        <button class="kern-btn kern-btn--secondary" type="button" data-passkey-start>
          <span class="kern-label">{t.t('identity.passkeys.add')}</span>
        </button>
        <div role="alert" data-passkey-error data-message={t.t('identity.passkeys.add-failed')} />
      </div>
    </>
  );
}

/** One's passkeys with a form each to remove it (works without JavaScript). */
export function PasskeysPage(props: {
  ctx: ViewContext;
  passkeys: { id: string; createdAt: Date; lastUsedAt: Date | null }[];
  notice?: 'added' | 'removed' | undefined;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('identity.passkeys.title')}>
      <h1 class="kern-heading-large">{t.t('identity.passkeys.title')}</h1>
      {props.notice ? <Alert kind="success" title={t.t(`identity.passkeys.${props.notice}`)} /> : null}
      <p class="kern-body">{t.t('identity.passkeys.lead')}</p>
      {props.passkeys.length === 0 ? (
        <p class="kern-body">{t.t('identity.passkeys.none')}</p>
      ) : (
        <table class="kern-table">
          <caption class="kern-table__caption">{t.t('identity.passkeys.caption')}</caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              <th class="kern-table__header" scope="col">
                {t.t('identity.passkeys.name')}
              </th>
              <th class="kern-table__header" scope="col">
                {t.t('identity.passkeys.created')}
              </th>
              <th class="kern-table__header" scope="col">
                {t.t('identity.passkeys.last-used')}
              </th>
              <th class="kern-table__header" scope="col">
                {t.t('identity.sessions.action')}
              </th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {props.passkeys.map((p, i) => (
              <tr class="kern-table__row" key={p.id}>
                <td class="kern-table__cell">{i + 1}</td>
                <td class="kern-table__cell">{t.date(p.createdAt, 'short')}</td>
                <td class="kern-table__cell">
                  {p.lastUsedAt ? t.date(p.lastUsedAt, 'short') : t.t('identity.passkeys.never')}
                </td>
                <td class="kern-table__cell">
                  <form method="post" action={href(ctx, 'passkeysRemove')}>
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="id" value={p.id} />
                    <button class="kern-btn kern-btn--tertiary" type="submit">
                      <span class="kern-label">{t.t('identity.passkeys.remove', { n: String(i + 1) })}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PasskeyAdd ctx={ctx} />
      <p class="kern-body">
        <a class="kern-link" href={href(ctx, 'account')}>
          {t.t('identity.recovery.continue')}
        </a>
      </p>
      <PasskeyScript />
    </Layout>
  );
}
