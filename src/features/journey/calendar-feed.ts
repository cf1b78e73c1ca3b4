/**
 * Private calendar addresses (issue 20, "iCalendar for deadlines of a person's journey and an authority's queue"):
 * a person makes an address once and subscribes to it in their calendar app, which fetches it without signing in.
 * The token in the address stands for the person: the feed shows what their own pages show (their journeys'
 * running deadlines; for authority staff, the open steps of their work queue with theirs), read through the same
 * queries under the person's memberships and audited like those pages ("calendar feed"). The feed names no
 * applicant (a case is named by its step and a short case number; the link opens the journey after sign-in).
 * Only the SHA-256 of a token is stored; a new address replaces the old one; switching off ends it at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Actor } from '../../domain/access/policy.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import type { I18n, Locale } from '../../platform/i18n/index.ts';
import { type CalendarEvent, calendarFile } from '../../platform/ical/index.ts';
import { localizedUrl } from '../../web/paths.ts';
import { membershipsOf, person } from '../people/index.ts';
import { JOURNEY_PATHS } from './paths.tsx';
import { auditListed, authorityMemberships, deadlineOf, QUEUE_STATUSES, workQueue } from './queries.ts';
import { calendarFeed, journey, journeyStep } from './schema.ts';

export const FEED_KINDS = ['own', 'queue'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/** The open steps a queue feed lists at most (the queue's first pages, by due date). */
export const QUEUE_FEED_LIMIT = 500;
const PURPOSE = 'calendar feed';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** The kinds of address a person may make: their own deadlines when they have journeys, the queue when staff. */
export function feedKindsOf(actor: Actor): FeedKind[] {
  const kinds: FeedKind[] = [];
  if (actor.memberships.some((m) => m.role === 'applicant' || m.role === 'family-member')) kinds.push('own');
  if (authorityMemberships(actor).length > 0) kinds.push('queue');
  return kinds;
}

export type FeedSettings = {
  readonly baseUrl: string;
  readonly nearBreachDays: number;
};

export function createCalendarFeeds(db: Database, now: () => Date, settings: FeedSettings) {
  const audit = (tx: DbOrTx, actor: Actor, action: 'create' | 'revoke', kind: FeedKind, at: Date) =>
    appendAudit(
      tx,
      {
        actorPersonId: actor.personId,
        actorRole: null,
        actorOrganisationId: null,
        action,
        objectType: 'calendar-feed',
        objectId: kind,
        subjectPersonId: actor.personId,
        purpose: 'private calendar address',
        result: 'success',
      },
      at,
    );

  return {
    /** The person's live addresses (when made, when a calendar last fetched one); never the token. */
    async live(personId: string) {
      return db
        .select({
          kind: calendarFeed.kind,
          createdAt: calendarFeed.createdAt,
          lastFetchedAt: calendarFeed.lastFetchedAt,
        })
        .from(calendarFeed)
        .where(and(eq(calendarFeed.personId, personId), isNull(calendarFeed.revokedAt)));
    },

    /** A new address (replacing a live one of the kind): its URL, shown to the person once. */
    async create(actor: Actor, kind: FeedKind, locale: Locale): Promise<string> {
      const at = now();
      const token = randomBytes(32).toString('base64url');
      await db.transaction(async (tx) => {
        await switchOff(tx, actor.personId, kind, at);
        await tx
          .insert(calendarFeed)
          .values({ personId: actor.personId, kind, locale, tokenHash: hashOf(token), createdAt: at });
        await audit(tx, actor, 'create', kind, at);
      });
      return `${settings.baseUrl}/calendar/${token}.ics`;
    },

    /** Switches the address of the kind off; true when there was one. */
    async revoke(actor: Actor, kind: FeedKind): Promise<boolean> {
      const at = now();
      return db.transaction(async (tx) => {
        const ended = await switchOff(tx, actor.personId, kind, at);
        if (ended.length > 0) await audit(tx, actor, 'revoke', kind, at);
        return ended.length > 0;
      });
    },

    /** The iCalendar file of a token, in the language chosen when it was made; undefined when no live address has it. */
    async render(token: string, i18n: I18n): Promise<string | undefined> {
      const [found] = await db
        .select({ feed: calendarFeed })
        .from(calendarFeed)
        .innerJoin(person, eq(person.id, calendarFeed.personId))
        .where(
          and(
            eq(calendarFeed.tokenHash, hashOf(token)),
            isNull(calendarFeed.revokedAt),
            isNull(person.disabledAt),
          ),
        );
      if (!found) return undefined;
      const { feed } = found;
      const at = now();
      const actor: Actor = { personId: feed.personId, memberships: await membershipsOf(db, feed.personId) };
      const kind = feed.kind as FeedKind;
      if (!feedKindsOf(actor).includes(kind)) return undefined;
      const locale = feed.locale as Locale;
      const t = i18n.translator(locale);
      const today = at.toISOString().slice(0, 10);
      const rows =
        kind === 'own'
          ? await ownDeadlines(db, actor, today, settings.nearBreachDays, at)
          : (
              await workQueue(
                db,
                actor,
                today,
                settings.nearBreachDays,
                at,
                { limit: QUEUE_FEED_LIMIT, offset: 0 },
                0,
                PURPOSE,
              )
            ).items.filter((i) => i.effectiveDueAt !== null);
      await db.update(calendarFeed).set({ lastFetchedAt: at }).where(eq(calendarFeed.id, feed.id));
      const events: CalendarEvent[] = rows.map((r) => {
        const step = t.t(`journey.step.${r.kind}`);
        const url = `${settings.baseUrl}${localizedUrl(JOURNEY_PATHS.step, locale, { id: r.journeyId, step: r.kind })}`;
        return {
          uid: `${r.journeyId}-${r.kind}@chancenregion`,
          day: r.effectiveDueAt as string,
          summary:
            kind === 'own'
              ? t.t('journeys.calendar.event-own', { step })
              : t.t('journeys.calendar.event-queue', { step, case: r.journeyId.slice(0, 8) }),
          description: t.t(`journeys.calendar.description-${kind}`, { step }),
          url,
        };
      });
      return calendarFile({
        product: 'Deadlines',
        name: t.t(`journeys.calendar.name-${kind}`),
        stamp: at,
        events,
      });
    },
  };
}

/** Switches off the person's live address of the kind (if any); the ids switched off. */
function switchOff(tx: DbOrTx, personId: string, kind: FeedKind, at: Date) {
  return tx
    .update(calendarFeed)
    .set({ revokedAt: at })
    .where(
      and(eq(calendarFeed.personId, personId), eq(calendarFeed.kind, kind), isNull(calendarFeed.revokedAt)),
    )
    .returning({ id: calendarFeed.id });
}

/** The running deadlines of the person's own journeys (due date moved by a pause under way), audited. */
async function ownDeadlines(db: Database, actor: Actor, today: string, nearBreachDays: number, at: Date) {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        journeyId: journeyStep.journeyId,
        kind: journeyStep.kind,
        dueAt: journeyStep.dueAt,
        pausedSince: journeyStep.pausedSince,
        ownerId: journeyStep.ownerId,
        applicantId: journey.applicantId,
      })
      .from(journeyStep)
      .innerJoin(journey, eq(journey.id, journeyStep.journeyId))
      .where(
        and(
          eq(journey.applicantId, actor.personId),
          inArray(journeyStep.status, [...QUEUE_STATUSES]),
          isNotNull(journeyStep.dueAt),
        ),
      );
    const own = actor.memberships.filter((m) => m.role === 'applicant' || m.role === 'family-member');
    await auditListed(tx, actor, own, rows, PURPOSE, at);
    return rows.map((r) => ({
      journeyId: r.journeyId,
      kind: r.kind,
      effectiveDueAt: deadlineOf(r.dueAt, r.pausedSince, today, nearBreachDays).effective,
    }));
  });
}

export type CalendarFeeds = ReturnType<typeof createCalendarFeeds>;
