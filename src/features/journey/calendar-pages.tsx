/**
 * "Deadlines in your calendar" (issue 20): the signed-in person makes, replaces or switches off their private
 * calendar addresses (their own deadlines; for authority staff, the work queue), and the address itself, which a
 * calendar app fetches without a session (the token stands for the person; calendar-feed.ts). A new address is
 * shown once, right after it is made. An unknown or switched-off address is a 404; the fetch is rate-limited.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/http/errors.ts';
import type { I18n } from '../../platform/i18n/index.ts';
import { Alert, CsrfField } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { definePage, type WebDeps } from '../../web/page.tsx';
import type { CalendarFeeds, FeedKind } from './calendar-feed.ts';
import { FEED_KINDS, feedKindsOf } from './calendar-feed.ts';
import { actorOf, formOf } from './page-forms.ts';
import { href, JOURNEY_PATHS } from './paths.tsx';
import { Page } from './view-parts.tsx';

type Live = Awaited<ReturnType<CalendarFeeds['live']>>;

function FeedSection(props: { ctx: ViewContext; kind: FeedKind; live: Live; made?: string | undefined }) {
  const { ctx, kind } = props;
  const { t } = ctx;
  const current = props.live.find((f) => f.kind === kind);
  const id = `calendar-${kind}`;
  return (
    <section aria-labelledby={id}>
      <h2 class="kern-heading-medium" id={id}>
        {t.t(`journeys.calendar.${kind}.title`)}
      </h2>
      <p class="kern-body">{t.t(`journeys.calendar.${kind}.intro`)}</p>
      {props.made ? (
        <Alert kind="success" title={t.t('journeys.calendar.made')}>
          <p class="kern-body">{t.t('journeys.calendar.made-text')}</p>
          <p class="kern-body calendar-address">
            <code>{props.made}</code>
          </p>
        </Alert>
      ) : null}
      <p class="kern-body">
        {current
          ? t.t('journeys.calendar.active', {
              since: t.date(current.createdAt.toISOString().slice(0, 10)),
              fetched: current.lastFetchedAt
                ? t.date(current.lastFetchedAt.toISOString().slice(0, 10))
                : 'none',
            })
          : t.t('journeys.calendar.none')}
      </p>
      <form method="post" action={href(ctx, 'calendar')}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="kind" value={kind} />
        <button class="kern-btn kern-btn--primary" type="submit" name="action" value="create">
          <span class="kern-label">
            {t.t(current ? 'journeys.calendar.button.replace' : 'journeys.calendar.button.create')}
          </span>
        </button>{' '}
        {current ? (
          <button class="kern-btn kern-btn--secondary" type="submit" name="action" value="revoke">
            <span class="kern-label">{t.t('journeys.calendar.button.revoke')}</span>
          </button>
        ) : null}
      </form>
    </section>
  );
}

function CalendarPage(props: {
  ctx: ViewContext;
  kinds: readonly FeedKind[];
  live: Live;
  made?: { kind: FeedKind; url: string };
  revoked?: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t.t('journeys.calendar.title')}>
      <p class="kern-body">{t.t('journeys.calendar.intro')}</p>
      {props.revoked ? <Alert kind="info" title={t.t('journeys.calendar.revoked')} /> : null}
      {props.kinds.length === 0 ? <p class="kern-body">{t.t('journeys.calendar.nothing')}</p> : null}
      {props.kinds.map((kind) => (
        <FeedSection
          key={kind}
          ctx={ctx}
          kind={kind}
          live={props.live}
          made={props.made?.kind === kind ? props.made.url : undefined}
        />
      ))}
      <p class="kern-body">{t.t('journeys.calendar.privacy')}</p>
    </Page>
  );
}

export function registerCalendarPages(app: FastifyInstance, web: WebDeps, feeds: CalendarFeeds, i18n: I18n) {
  definePage(app, web, {
    paths: JOURNEY_PATHS.calendar,
    policy: { action: 'read', resource: 'calendar-feed' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      return <CalendarPage ctx={ctx} kinds={feedKindsOf(actor)} live={await feeds.live(actor.personId)} />;
    },
  });

  definePage(app, web, {
    paths: JOURNEY_PATHS.calendar,
    method: 'POST',
    policy: { action: 'create', resource: 'calendar-feed' },
    handler: async (req, _reply, ctx) => {
      const actor = actorOf(req);
      const f = formOf(req);
      const kinds = feedKindsOf(actor);
      const kind = (FEED_KINDS as readonly string[]).includes(f.kind ?? '') ? (f.kind as FeedKind) : null;
      if (!kind || !kinds.includes(kind))
        throw new AppError('validation-failed', {
          errors: [{ field: 'body.kind', rule: 'enum', message: ctx.t.t('journeys.calendar.invalid') }],
        });
      if (f.action !== 'create' && f.action !== 'revoke')
        throw new AppError('validation-failed', {
          errors: [{ field: 'body.action', rule: 'enum', message: ctx.t.t('journeys.calendar.invalid') }],
        });
      if (f.action === 'revoke') {
        await feeds.revoke(actor, kind);
        return (
          <CalendarPage ctx={ctx} kinds={kinds} live={await feeds.live(actor.personId)} revoked={true} />
        );
      }
      const url = await feeds.create(actor, kind, ctx.locale);
      return (
        <CalendarPage ctx={ctx} kinds={kinds} live={await feeds.live(actor.personId)} made={{ kind, url }} />
      );
    },
  });

  app.get(
    '/calendar/:file',
    {
      config: {
        policy: {
          public:
            'private calendar address: the token stands for its person; the reads run under their memberships and are audited',
        },
        rateLimit: { max: 60, timeWindow: '1 minute' },
      },
    },
    async (req, reply) => {
      const file = (req.params as { file: string }).file;
      const token = /^([A-Za-z0-9_-]{43})\.ics$/.exec(file)?.[1];
      const ics = token ? await feeds.render(token, i18n) : undefined;
      if (ics === undefined) throw new AppError('not-found');
      return reply
        .header('cache-control', 'private, no-store')
        .type('text/calendar; charset=utf-8')
        .send(ics);
    },
  );
}
