/**
 * Background jobs of the journey (pg-boss): deadline alerts to the owner authority (near-breach and breached,
 * in-app notice + mail) and mails for every notice not yet mailed (status changes to the applicant).
 *
 * Idempotent: a notice is keyed on `(journey, step, due date, kind)` (unique `dedupe_key`), so a retried or
 * overlapping run writes nothing twice; a notice is marked mailed in the transaction that sends (or, without
 * SMTP, writes the outbox mail), so a retried job mails nothing twice.
 */
import { and, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { addDays } from '../../domain/calendar.ts';
import { momentOf } from '../../domain/journey/index.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/client.ts';
import { createI18n, type I18n } from '../../platform/i18n/index.ts';
import type { JobDefinition } from '../../platform/jobs/index.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { person, roleAssignment } from '../people/index.ts';
import { idempotencyPurgeJob } from './idempotency.ts';
import { QUEUE_STATUSES } from './queries.ts';
import { journeyNotice, journeyStep } from './schema.ts';

export const DEADLINE_ALERTS_JOB = 'journey-deadline-alerts';
export const NOTICE_MAIL_JOB = 'journey-notice-mail';

const AUTHORITY_ROLES = [
  'recognition-officer',
  'foreigners-office-caseworker',
  'mission-officer',
  'employment-agency-officer',
] as const;

/** Writes a notice for every running deadline that is close or passed; returns how many were new. */
export async function raiseDeadlineAlerts(
  db: Database,
  now: Date,
  nearBreachDays: number,
  batch = 5_000,
): Promise<number> {
  const today = momentOf(now.toISOString()).date;
  const horizon = addDays(today, nearBreachDays);
  let created = 0;
  let after = '';
  for (;;) {
    // Paused clocks raise nothing: the authority waits for the applicant.
    const rows = await db
      .select({
        journeyId: journeyStep.journeyId,
        kind: journeyStep.kind,
        ownerId: journeyStep.ownerId,
        dueAt: journeyStep.dueAt,
      })
      .from(journeyStep)
      .where(
        and(
          isNotNull(journeyStep.dueAt),
          lte(journeyStep.dueAt, horizon),
          isNull(journeyStep.pausedSince),
          isNotNull(journeyStep.ownerId),
          inArray(journeyStep.status, [...QUEUE_STATUSES]),
          sql`(${journeyStep.journeyId}::text || ${journeyStep.kind}) > ${after}`,
        ),
      )
      .orderBy(sql`${journeyStep.journeyId}::text || ${journeyStep.kind}`)
      .limit(batch);
    if (rows.length === 0) break;
    const values = rows.map((r) => {
      const kind = (r.dueAt as string) < today ? 'breached' : 'near-breach';
      return {
        dedupeKey: `deadline:${r.journeyId}:${r.kind}:${r.dueAt}:${kind}`,
        journeyId: r.journeyId,
        step: r.kind,
        kind,
        recipientPersonId: null,
        recipientOrganisationId: r.ownerId,
        messageKey: `journeys.notice.${kind}`,
        values: { step: r.kind, dueAt: r.dueAt },
        createdAt: now,
      };
    });
    const inserted = await db
      .insert(journeyNotice)
      .values(values)
      .onConflictDoNothing({ target: journeyNotice.dedupeKey })
      .returning({ id: journeyNotice.id });
    created += inserted.length;
    const last = rows[rows.length - 1];
    after = last ? `${last.journeyId}${last.kind}` : after;
    if (rows.length < batch) break;
  }
  return created;
}

/** Mails the notices not yet mailed: to the applicant, or to the authority roles of the owner organisation. */
export async function mailNotices(
  db: Database,
  mailer: Mailer,
  i18n: I18n,
  now: Date,
  batch = 200,
): Promise<number> {
  let sent = 0;
  const de = i18n.translator('de');
  const en = i18n.translator('en');
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const claimed = await tx
        .update(journeyNotice)
        .set({ mailedAt: now })
        .where(
          inArray(
            journeyNotice.id,
            sql`(select id from journey_notice where mailed_at is null order by created_at limit ${batch} for update skip locked)`,
          ),
        )
        .returning();
      for (const n of claimed) {
        const recipients = n.recipientPersonId
          ? await tx.select({ email: person.email }).from(person).where(eq(person.id, n.recipientPersonId))
          : await tx
              .selectDistinct({ email: person.email })
              .from(roleAssignment)
              .innerJoin(person, eq(person.id, roleAssignment.personId))
              .where(
                and(
                  eq(roleAssignment.organisationId, n.recipientOrganisationId as string),
                  isNull(roleAssignment.revokedAt),
                  inArray(roleAssignment.role, [...AUTHORITY_ROLES]),
                  isNull(person.disabledAt),
                ),
              );
        const text = (t: typeof de) => {
          const v = n.values as Record<string, string>;
          return t.t(n.messageKey, {
            step: v.step ? t.t(`journey.step.${v.step}`) : '',
            status: v.status ? t.t(`journey.status.${v.status}`) : '',
            dueAt: v.dueAt ? t.date(v.dueAt) : '',
          });
        };
        const stepName = (n.values as Record<string, string>).step ?? '';
        for (const r of recipients) {
          await mailer.send(tx, {
            to: r.email,
            subject: de.t('journeys.mail.subject', {
              step: stepName ? de.t(`journey.step.${stepName}`) : '',
            }),
            text: `${text(de)}\n\n${text(en)}\n`,
          });
        }
      }
      return claimed.length;
    });
    sent += count;
    if (count < batch) return sent;
  }
}

export function journeyJobs(
  db: Database,
  config: Config,
  log: Pick<FastifyBaseLogger, 'info'>,
  { mailer, now }: { mailer: Mailer; now: () => Date },
  i18n: I18n = createI18n(),
): JobDefinition[] {
  return [
    {
      name: DEADLINE_ALERTS_JOB,
      cron: '*/15 * * * *',
      handler: async () => {
        const today = now();
        const raised = await raiseDeadlineAlerts(db, today, config.DEADLINE_NEAR_BREACH_DAYS);
        const mailed = await mailNotices(db, mailer, i18n, today);
        log.info({ job: DEADLINE_ALERTS_JOB, raised, mailed }, 'journey deadline alerts');
      },
    },
    {
      name: NOTICE_MAIL_JOB,
      cron: '* * * * *',
      handler: async () => {
        const mailed = await mailNotices(db, mailer, i18n, now());
        if (mailed > 0) log.info({ job: NOTICE_MAIL_JOB, mailed }, 'journey notices mailed');
      },
    },
    idempotencyPurgeJob(db, config.IDEMPOTENCY_KEY_TTL_HOURS, log, now),
  ];
}
