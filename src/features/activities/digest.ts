/**
 * The weekly overlap digest (issue 17): each state's ministry officers get a mail with the overlaps that are new
 * since the last digest. The overlaps reported are remembered per state (`activity_overlap_digest`), and the mails
 * go through the mailer (the outbox without SMTP) in the same transaction: a digest is sent once or not at all.
 * The platform does not know a person's language, so each mail says it in every language (composeMail).
 */

import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { type Overlap, overlapKey, overlapsForState } from '../../domain/workspace/overlaps.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import type { JobDefinition } from '../../platform/jobs/index.ts';
import { composeMail } from '../../platform/mail/compose.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { countryName } from '../../web/countries.ts';
import { localizedUrl } from '../../web/paths.ts';
import { organisationJurisdiction, person, roleAssignment } from '../people/index.ts';
import { STATES } from '../regions/index.ts';
import type { RegistrySnapshotSource } from '../registry/index.ts';
import { ACTIVITY_PATHS } from './paths.ts';
import { activityOverlapDigest } from './schema.ts';
import { type ActivityRow, allActivities, overlapsOf } from './service.ts';

export const OVERLAP_DIGEST_JOB = 'activity-overlap-digest';

/** The addresses of the active ministry officers of a state. */
export async function officersOf(tx: DbOrTx, stateCode: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ email: person.email })
    .from(roleAssignment)
    .innerJoin(person, eq(person.id, roleAssignment.personId))
    .innerJoin(
      organisationJurisdiction,
      eq(organisationJurisdiction.organisationId, roleAssignment.organisationId),
    )
    .where(
      and(
        eq(roleAssignment.role, 'ministry-officer'),
        isNull(roleAssignment.revokedAt),
        isNull(person.disabledAt),
        eq(organisationJurisdiction.scope, 'state'),
        eq(organisationJurisdiction.stateCode, stateCode),
      ),
    );
  return rows.map((r) => r.email).sort();
}

type Titles = ReadonlyMap<string, { titleDe: string; titleEn: string }>;

/** Mails every state its new overlaps; returns how many mails were written. */
export async function sendOverlapDigest(
  db: Database,
  deps: { mailer: Mailer; registry: RegistrySnapshotSource; baseUrl: string },
  now: Date,
): Promise<number> {
  const titles: Titles = (await deps.registry.snapshot()).occupations;
  return db.transaction(async (tx) => {
    const rows = await allActivities(tx);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const all = overlapsOf(rows);
    let mails = 0;
    for (const { code } of STATES) {
      const mine = overlapsForState(all, code);
      if (mine.length === 0) continue;
      const fresh = new Set(
        (
          await tx
            .insert(activityOverlapDigest)
            .values(mine.map((v) => ({ stateCode: code, overlapKey: overlapKey(v.overlap), sentAt: now })))
            .onConflictDoNothing()
            .returning({ key: activityOverlapDigest.overlapKey })
        ).map((r) => r.key),
      );
      const news = mine.filter((v) => fresh.has(overlapKey(v.overlap)));
      if (news.length === 0) continue;
      for (const to of await officersOf(tx, code)) {
        await deps.mailer.send(
          tx,
          composeMail(to, 'activities.mail.digest', (t) => {
            const stateName = (c: string) =>
              STATES.find((s) => s.code === c)?.[t.locale === 'de' ? 'nameDe' : 'nameEn'] ?? '';
            const line = (o: Overlap, own: ActivityRow, other: ActivityRow) =>
              t.t('activities.mail.digest.line', {
                other: stateName(other.stateCode),
                otherTitle: other.title,
                ownTitle: own.title,
                period: t.t('activities.period', { start: t.date(o.start), end: t.date(o.end) }),
                shared: t.list([
                  ...o.countries.map((c) => countryName(c, t.locale)),
                  ...o.occupations.map((id) => {
                    const x = titles.get(id);
                    return x ? (t.locale === 'de' ? x.titleDe : x.titleEn) : '';
                  }),
                ]),
              });
            return {
              count: news.length,
              state: stateName(code),
              list: news
                .map((v) =>
                  line(v.overlap, byId.get(v.ownId) as ActivityRow, byId.get(v.otherId) as ActivityRow),
                )
                .join('\n'),
              url: `${deps.baseUrl}${localizedUrl(ACTIVITY_PATHS.overlaps, t.locale)}`,
            };
          }),
        );
        mails++;
      }
    }
    return mails;
  });
}

/** Every Monday at 06:00 UTC. */
export function overlapDigestJob(
  db: Database,
  deps: { mailer: Mailer; registry: RegistrySnapshotSource; baseUrl: string },
  now: () => Date,
  log: FastifyBaseLogger,
): JobDefinition {
  return {
    name: OVERLAP_DIGEST_JOB,
    cron: '0 6 * * 1',
    handler: async () => {
      const mails = await sendOverlapDigest(db, deps, now());
      log.info({ mails }, 'overlap digest sent');
    },
  };
}
