/**
 * The daily sign-off reminder (issue 17): within DRAFT_REMINDER_DAYS days before a draft's sign-off deadline (the
 * deadline day included), the ministry officers of each participating state that has not signed the current
 * version get a mail, once a day. The reminders sent are remembered per draft, state and day
 * (`joint_draft_reminder`), and the mails go through the mailer (the outbox without SMTP) in the same transaction:
 * a reminder is sent once or not at all.
 */
import type { FastifyBaseLogger } from 'fastify';
import { remindersDue } from '../../domain/workspace/drafts.ts';
import type { Database } from '../../platform/db/client.ts';
import type { JobDefinition } from '../../platform/jobs/index.ts';
import { composeMail } from '../../platform/mail/compose.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { officersOf } from '../activities/index.ts';
import { draftUrl, stateName, targetName } from './names.ts';
import { jointDraftReminder } from './schema.ts';
import { listDrafts } from './service.ts';

export const DRAFT_REMINDER_JOB = 'joint-draft-reminder';

export interface ReminderDeps {
  readonly mailer: Mailer;
  readonly baseUrl: string;
  /** How many days before the deadline the reminders start (the setting DRAFT_REMINDER_DAYS). */
  readonly days: number;
}

/** Mails the officers of every state whose sign-off is due; returns how many mails were written. */
export async function sendDraftReminders(db: Database, deps: ReminderDeps, now: Date): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  return db.transaction(async (tx) => {
    let mails = 0;
    for (const d of await listDrafts(tx)) {
      const due = remindersDue(d.standings, d.deadline, today, deps.days);
      if (due.length === 0) continue;
      const fresh = await tx
        .insert(jointDraftReminder)
        .values(due.map((stateCode) => ({ draftId: d.id, stateCode, day: today, sentAt: now })))
        .onConflictDoNothing()
        .returning({ stateCode: jointDraftReminder.stateCode });
      for (const { stateCode } of fresh)
        for (const to of await officersOf(tx, stateCode)) {
          await deps.mailer.send(
            tx,
            composeMail(to, 'drafts.mail.reminder', (t) => {
              const ctx = { t, locale: t.locale };
              return {
                title: d.title,
                state: stateName(ctx, stateCode),
                version: d.current.number,
                target: targetName(ctx, d.target),
                deadline: t.date(d.deadline),
                url: `${deps.baseUrl}${draftUrl(ctx, 'draft', d.id)}`,
              };
            }),
          );
          mails++;
        }
    }
    return mails;
  });
}

/** Every day at 06:00 UTC. */
export function draftReminderJob(
  db: Database,
  deps: ReminderDeps,
  now: () => Date,
  log: FastifyBaseLogger,
): JobDefinition {
  return {
    name: DRAFT_REMINDER_JOB,
    cron: '0 6 * * *',
    handler: async () => {
      const mails = await sendDraftReminders(db, deps, now());
      log.info({ mails }, 'draft sign-off reminders sent');
    },
  };
}
