/**
 * The notice when conditions are met (issue 18): when the holder's facts (or the date, as years in Germany pass)
 * make a condition of § 25a/§ 25b met that was not before, the holder gets an in-app notice and a mail saying what
 * is now met, what is still open and the next step; each counselling centre the holder consents to gets the notice
 * in the app and its counsellors a mail with only the link (no name, no condition: the page is authorised and
 * audited). All in the caller's transaction with the mail (the outbox): told once or not at all.
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { companionPathways, holderProfile } from '../../domain/companion/holder.ts';
import { type ConditionNews, conditionNews, metKeys } from '../../domain/companion/news.ts';
import { evaluatePathways } from '../../domain/law/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Translator } from '../../platform/i18n/index.ts';
import { composeMail } from '../../platform/mail/compose.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { localizedUrl } from '../../web/paths.ts';
import { criterionTitle, todayIso } from '../pathways/index.ts';
import { activeConsentOrgIds, person, roleAssignment } from '../people/index.ts';
import { COMPANION_PATHS } from './paths.ts';
import { companionHolder, companionNotice } from './schema.ts';
import { factsOf } from './service.ts';

export type MailDeps = { readonly mailer: Mailer; readonly baseUrl: string };
export type NoticeRow = typeof companionNotice.$inferSelect;

/** Conditions as lines in words, grouped by title: "– Aufenthalt …: Deutsch, Lebensunterhalt". */
export function conditionLines(t: Translator, keys: readonly string[]): string[] {
  const byPathway = new Map<string, string[]>();
  for (const k of keys) {
    const [pathway = '', criterion = ''] = k.split(':');
    byPathway.set(pathway, [...(byPathway.get(pathway) ?? []), criterionTitle(t, criterion)]);
  }
  return [...byPathway].map(([p, titles]) => `${t.t(`law.pathway.${p}.title`)}: ${t.list(titles)}`);
}

const lines = (t: Translator, keys: readonly string[]) =>
  keys.length === 0
    ? t.t('companion.notice.nothing-open')
    : conditionLines(t, keys)
        .map((l) => `– ${l}`)
        .join('\n');

/**
 * Compares the holder's conditions today with those last announced; writes the notices and mails when some are
 * newly met, and remembers the conditions met now. Returns whether there was news.
 */
export async function announceConditions(
  tx: DbOrTx,
  mail: MailDeps,
  personId: string,
  now: Date,
): Promise<boolean> {
  const [row] = await tx.select().from(companionHolder).where(eq(companionHolder.personId, personId));
  if (!row) return false;
  const pathways = companionPathways(evaluatePathways(holderProfile(factsOf(row), todayIso(now))));
  const news = conditionNews(pathways, row.announcedMet);
  await tx
    .update(companionHolder)
    .set({ announcedMet: metKeys(pathways) })
    .where(eq(companionHolder.personId, personId));
  if (!news) return false;
  await tell(tx, mail, personId, news, now);
  return true;
}

async function tell(tx: DbOrTx, mail: MailDeps, personId: string, news: ConditionNews, now: Date) {
  const values = { subjectPersonId: personId, met: [...news.met], open: [...news.open], next: news.next };
  const orgs = await activeConsentOrgIds(tx, personId);
  await tx
    .insert(companionNotice)
    .values([
      { ...values, recipientPersonId: personId, createdAt: now },
      ...orgs.map((o) => ({ ...values, recipientOrganisationId: o, createdAt: now })),
    ]);
  const [holder] = await tx
    .select({ email: person.email })
    .from(person)
    .where(and(eq(person.id, personId), isNull(person.disabledAt)));
  if (holder)
    await mail.mailer.send(
      tx,
      composeMail(holder.email, 'companion.mail.met', (t) => ({
        met: lines(t, news.met),
        open: lines(t, news.open),
        next: t.t(`companion.notice.next.${news.next}`),
        url: `${mail.baseUrl}${localizedUrl(COMPANION_PATHS.mine, t.locale)}`,
      })),
    );
  if (orgs.length === 0) return;
  const counsellors = await tx
    .selectDistinct({ email: person.email })
    .from(roleAssignment)
    .innerJoin(person, eq(person.id, roleAssignment.personId))
    .where(
      and(
        inArray(roleAssignment.organisationId, orgs),
        eq(roleAssignment.role, 'counsellor'),
        isNull(roleAssignment.revokedAt),
        isNull(person.disabledAt),
      ),
    );
  for (const c of counsellors)
    await mail.mailer.send(
      tx,
      composeMail(c.email, 'companion.mail.met-counsellor', (t) => ({
        url: `${mail.baseUrl}${localizedUrl(COMPANION_PATHS.counsellor, t.locale, { personId })}`,
      })),
    );
}

/** The latest notice about `subjectId` for the holder (recipient person) or for one of the reader's centres. */
export async function latestNotice(
  db: DbOrTx,
  subjectId: string,
  to: { personId: string } | { organisationIds: readonly string[] },
): Promise<NoticeRow | undefined> {
  const recipient =
    'personId' in to
      ? eq(companionNotice.recipientPersonId, to.personId)
      : to.organisationIds.length > 0
        ? inArray(companionNotice.recipientOrganisationId, [...to.organisationIds])
        : undefined;
  if (!recipient) return undefined;
  const [row] = await db
    .select()
    .from(companionNotice)
    .where(and(eq(companionNotice.subjectPersonId, subjectId), recipient))
    .orderBy(desc(companionNotice.createdAt))
    .limit(1);
  return row;
}
