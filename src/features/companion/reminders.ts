/**
 * The expiry reminders (issue 18): six weeks and two weeks before a § 104c permit runs out, the holder gets a mail
 * with the days left and a link to the companion. Each reminder is remembered per person, kind and expiry date
 * (`companion_reminder`) and written through the mailer (the outbox without SMTP) in the same transaction: sent once
 * or not at all. The platform does not know a person's language, so the mail says it in every language.
 */
import { eq, isNull } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { daysBetween } from '../../domain/calendar.ts';
import { dueReminder } from '../../domain/companion/holder.ts';
import type { Database } from '../../platform/db/client.ts';
import type { JobDefinition } from '../../platform/jobs/index.ts';
import { composeMail } from '../../platform/mail/compose.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { localizedUrl } from '../../web/paths.ts';
import { todayIso } from '../pathways/index.ts';
import { person } from '../people/index.ts';
import { announceConditions } from './notices.ts';
import { COMPANION_PATHS } from './paths.ts';
import { companionHolder, companionReminder } from './schema.ts';

export const EXPIRY_REMINDER_JOB = 'companion-expiry-reminders';

type Deps = { mailer: Mailer; baseUrl: string };

/** Mails every holder the reminder due today that they have not had yet; returns how many were written. */
export async function sendExpiryReminders(db: Database, deps: Deps, now: Date): Promise<number> {
  const today = todayIso(now);
  return db.transaction(async (tx) => {
    const holders = await tx
      .select({
        personId: companionHolder.personId,
        expiresOn: companionHolder.permitExpiresOn,
        email: person.email,
      })
      .from(companionHolder)
      .innerJoin(person, eq(person.id, companionHolder.personId))
      .where(isNull(person.disabledAt));
    let mails = 0;
    for (const h of holders) {
      const kind = dueReminder(h.expiresOn, today);
      if (kind === null) continue;
      const fresh = await tx
        .insert(companionReminder)
        .values({ personId: h.personId, kind, expiresOn: h.expiresOn, sentAt: now })
        .onConflictDoNothing()
        .returning({ kind: companionReminder.kind });
      if (fresh.length === 0) continue;
      await deps.mailer.send(
        tx,
        composeMail(h.email, 'companion.mail.reminder', (t) => ({
          days: daysBetween(today, h.expiresOn),
          date: t.date(h.expiresOn),
          url: `${deps.baseUrl}${localizedUrl(COMPANION_PATHS.mine, t.locale)}`,
        })),
      );
      mails++;
    }
    return mails;
  });
}

/**
 * Tells every holder whose conditions are newly met on this day (years in Germany pass, an age is reached) —
 * each holder in their own transaction with the mails; returns how many holders had news.
 */
export async function sendConditionNotices(db: Database, deps: Deps, now: Date): Promise<number> {
  const holders = await db.select({ personId: companionHolder.personId }).from(companionHolder);
  let told = 0;
  for (const h of holders)
    if (await db.transaction((tx) => announceConditions(tx, deps, h.personId, now))) told++;
  return told;
}

/** Every day at 07:00 UTC. */
export function expiryReminderJob(
  db: Database,
  deps: Deps,
  now: () => Date,
  log: FastifyBaseLogger,
): JobDefinition {
  return {
    name: EXPIRY_REMINDER_JOB,
    cron: '0 7 * * *',
    handler: async () => {
      const mails = await sendExpiryReminders(db, deps, now());
      const notices = await sendConditionNotices(db, deps, now());
      log.info({ mails, notices }, 'companion expiry reminders and condition notices sent');
    },
  };
}
