import type { ComponentChildren } from 'preact';
import { LOCALES } from '../platform/i18n/index.ts';
import { assetUrl } from './assets.ts';
import { type ViewContext, visibleNav } from './context.ts';
import { localizedUrl, PATHS } from './paths.ts';

const LANGUAGE_NAMES: Record<string, string> = { de: 'Deutsch', en: 'English' };

export interface LayoutProps {
  ctx: ViewContext;
  title: string;
  children: ComponentChildren;
}

export function Layout({ ctx, title, children }: LayoutProps) {
  const { t, locale } = ctx;
  const others = LOCALES.filter((l) => l !== locale);
  return (
    <html lang={locale} dir={t.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t.t('app.name')}`}</title>
        <link rel="stylesheet" href={assetUrl('kern/fonts.css')} />
        <link rel="stylesheet" href={assetUrl('kern/kern.css')} />
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        {LOCALES.map((l) => (
          <link key={l} rel="alternate" hrefLang={l} href={ctx.alternates[l]} />
        ))}
        <script type="module" src={assetUrl('enhance.js')} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.t('layout.skip-to-content')}
        </a>
        <header class="site-header">
          <div class="kern-container site-header__bar">
            <a class="site-header__brand" href={localizedUrl(PATHS.home, locale)}>
              <span class="site-header__name">{t.t('app.name')}</span>
              <span class="site-header__tagline">{t.t('app.tagline')}</span>
            </a>
            <ul class="site-header__languages" aria-label={t.t('layout.languages')}>
              {others.map((l) => (
                <li key={l}>
                  <a class="kern-link" href={ctx.alternates[l]} hrefLang={l} lang={l} rel="alternate">
                    <span class="kern-icon kern-icon--language" aria-hidden="true" />
                    {LANGUAGE_NAMES[l] ?? l}
                  </a>
                </li>
              ))}
            </ul>
          </div>
          <nav class="site-nav" aria-label={t.t('layout.main-navigation')}>
            <ul class="kern-container site-nav__list">
              {visibleNav(ctx).map((item) => {
                const href = localizedUrl(item.paths, locale);
                const current =
                  href === ctx.currentPath ||
                  (href !== `/${locale}` && ctx.currentPath.startsWith(`${href}/`));
                return (
                  <li key={item.labelKey}>
                    <a class="site-nav__link" href={href} aria-current={current ? 'page' : undefined}>
                      {t.t(item.labelKey)}
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
        </header>
        <main id="main" class="kern-container site-main" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="kern-container">
            <nav aria-label={t.t('layout.footer-navigation')}>
              <ul class="site-footer__links">
                <li>
                  <a class="kern-link" href={localizedUrl(PATHS.imprint, locale)}>
                    {t.t('imprint.title')}
                  </a>
                </li>
                <li>
                  <a class="kern-link" href={localizedUrl(PATHS.privacy, locale)}>
                    {t.t('privacy.title')}
                  </a>
                </li>
                <li>
                  <a class="kern-link" href={localizedUrl(PATHS.accessibility, locale)}>
                    {t.t('accessibility.title')}
                  </a>
                </li>
                <li>
                  <a class="kern-link" href={localizedUrl(PATHS.apiReference, locale)}>
                    {t.t('system.api.title')}
                  </a>
                </li>
              </ul>
            </nav>
            <p class="kern-body kern-body--small">{t.t('layout.footer-licence', { version: ctx.version })}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A page whose one heading is its title. */
export function Page({
  ctx,
  title,
  children,
}: {
  ctx: ViewContext;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="kern-heading-large">{title}</h1>
      {children}
    </Layout>
  );
}
