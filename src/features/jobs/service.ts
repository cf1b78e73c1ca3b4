/**
 * Job ads (issue 16): an employer's administrators and members write their organisation's ads; the flags and the
 * pathways are computed on every save; only a confirmed employer publishes. Every change is one transaction with
 * its audit entry, authorised by the policy (`job-ad`).
 */
import { and, desc, eq } from 'drizzle-orm';
import { type Action, type Actor, decideFor, organisationRelations } from '../../domain/access/policy.ts';
import { adFlags, type JobAdInput, type JobAdStatus } from '../../domain/jobs/ad.ts';
import { adPathways, pathwayIdsOf } from '../../domain/jobs/pathways.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { mayPublish } from '../employers/index.ts';
import { organisation } from '../people/index.ts';
import { occupation } from '../registry/index.ts';
import { type JobAdRow, jobAd } from './schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Today in Germany: the day ads expire by. */
export function todayIso(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);
}

export type OccupationFacts = {
  kldb: string;
  isco08: string;
  regulated: boolean;
  titleDe: string;
  titleEn: string;
};

export async function occupationFacts(db: DbOrTx, kldb: string): Promise<OccupationFacts | undefined> {
  if (!/^[0-9]{5}$/.test(kldb)) return undefined;
  const [o] = await db
    .select({
      kldb: occupation.kldb,
      isco08: occupation.isco08,
      regulated: occupation.regulated,
      titleDe: occupation.titleDe,
      titleEn: occupation.titleEn,
    })
    .from(occupation)
    .where(eq(occupation.kldb, kldb))
    .limit(1);
  return o;
}

/** The computed columns of an ad: flags, pathways and the search words, from the ad, its employer's trust and its occupation. */
export function computed(input: JobAdInput, occ: OccupationFacts, employerConfirmed: boolean) {
  const flags = adFlags(input, { employerConfirmed, occupationRegulated: occ.regulated });
  const pathways = adPathways({
    ...input,
    isco08: occ.isco08,
    regulated: occ.regulated,
    collectiveAgreement: input.collectiveAgreement.trim() !== '',
  });
  return {
    englishEnough: flags.includes('english-enough'),
    acceleratedReady: flags.includes('accelerated-ready'),
    recognitionNeeded: flags.includes('recognition-needed'),
    collectiveAgreementFlag: flags.includes('collective-agreement'),
    pathways,
    pathwayIds: pathwayIdsOf(pathways),
    searchText: [input.titleDe, input.titleEn, occ.titleDe, occ.titleEn].filter(Boolean).join(' · '),
  };
}

/** Whether the actor may do this to the ads of this employer organisation (and as which membership). */
export function allowed(actor: Actor, action: Action, employerId: string) {
  return decideFor(actor, action, 'job-ad', (m) => organisationRelations(m, { organisationId: employerId }));
}

/** The employer organisations the actor writes ads for: where they hold an employer role. */
export async function ownEmployers(db: DbOrTx, actor: Actor): Promise<{ id: string; name: string }[]> {
  const ids = actor.memberships
    .filter((m) => (m.role === 'employer-admin' || m.role === 'employer-member') && m.organisationId)
    .map((m) => m.organisationId as string);
  const out: { id: string; name: string }[] = [];
  for (const id of [...new Set(ids)]) {
    const [o] = await db
      .select({ id: organisation.id, name: organisation.name })
      .from(organisation)
      .where(and(eq(organisation.id, id), eq(organisation.kind, 'employer')));
    if (o) out.push(o);
  }
  return out;
}

export type SaveResult =
  | { kind: 'ok'; id: string }
  | { kind: 'forbidden' }
  | { kind: 'not-found' }
  | { kind: 'invalid'; field: string; rule: string };

type Audit = { action: 'create' | 'update'; purpose: string; result: 'success' | 'denied' | 'failure' };

async function audit(tx: DbOrTx, actor: Actor, employerId: string, adId: string | null, a: Audit, now: Date) {
  const m = actor.memberships.find((x) => x.organisationId === employerId) ?? actor.memberships[0];
  await appendAudit(
    tx,
    {
      actorPersonId: actor.personId,
      actorRole: m?.role ?? null,
      actorOrganisationId: m?.organisationId ?? null,
      action: a.action,
      objectType: 'job-ad',
      objectId: adId,
      purpose: a.purpose,
      result: a.result,
    },
    now,
  );
}

/** Stores a new ad (a draft) or changes one, recomputing its flags and pathways; audited either way. */
export async function saveAd(
  db: Database,
  actor: Actor,
  target: { employerId: string; adId: string | null },
  input: JobAdInput,
  now: Date,
): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    let employerId = target.employerId;
    if (target.adId !== null) {
      const [ad] = UUID.test(target.adId)
        ? await tx.select({ employerId: jobAd.employerId }).from(jobAd).where(eq(jobAd.id, target.adId))
        : [];
      if (!ad) return { kind: 'not-found' } as const;
      employerId = ad.employerId;
    }
    const action = target.adId === null ? 'create' : 'update';
    if (!UUID.test(employerId) || !allowed(actor, action, employerId).allow) {
      if (UUID.test(employerId))
        await audit(tx, actor, employerId, target.adId, { action, purpose: 'job ad', result: 'denied' }, now);
      return { kind: 'forbidden' } as const;
    }
    const occ = await occupationFacts(tx, input.occupationKldb);
    if (!occ) return { kind: 'invalid', field: 'occupationKldb', rule: 'exists' } as const;
    const values = { ...input, ...computed(input, occ, await mayPublish(tx, employerId)), updatedAt: now };
    let id = target.adId;
    if (id === null) {
      const [row] = await tx
        .insert(jobAd)
        .values({ ...values, employerId, status: 'draft', createdBy: actor.personId, createdAt: now })
        .returning({ id: jobAd.id });
      id = row?.id ?? null;
      if (id === null) throw new Error('the job ad was not stored');
    } else await tx.update(jobAd).set(values).where(eq(jobAd.id, id));
    await audit(tx, actor, employerId, id, { action, purpose: 'job ad: save', result: 'success' }, now);
    return { kind: 'ok', id } as const;
  });
}

export type StatusResult =
  | { kind: 'ok' }
  | { kind: 'forbidden' }
  | { kind: 'not-found' }
  | { kind: 'refused'; field: 'employer' | 'expiresOn' | 'status'; rule: string };

/** Publishes or pauses an ad. Only a confirmed employer publishes, and never an expired ad. */
export async function setStatus(
  db: Database,
  actor: Actor,
  adId: string,
  to: Exclude<JobAdStatus, 'draft'>,
  now: Date,
): Promise<StatusResult> {
  return db.transaction(async (tx) => {
    const [ad] = UUID.test(adId) ? await tx.select().from(jobAd).where(eq(jobAd.id, adId)) : [];
    if (!ad) return { kind: 'not-found' } as const;
    const purpose = `job ad: ${to === 'published' ? 'publish' : 'pause'}`;
    const write = (result: Audit['result']) =>
      audit(tx, actor, ad.employerId, ad.id, { action: 'update', purpose, result }, now);
    if (!allowed(actor, 'update', ad.employerId).allow) {
      await write('denied');
      return { kind: 'forbidden' } as const;
    }
    const refuse = async (field: 'employer' | 'expiresOn' | 'status', rule: string) => {
      await write('failure');
      return { kind: 'refused', field, rule } as const;
    };
    if (to === 'paused' && ad.status !== 'published') return refuse('status', 'not-published');
    const confirmed = await mayPublish(tx, ad.employerId);
    if (to === 'published') {
      if (!confirmed) return refuse('employer', 'confirmed');
      if (ad.expiresOn < todayIso(now)) return refuse('expiresOn', 'past');
    }
    await tx
      .update(jobAd)
      .set({
        status: to,
        acceleratedReady: confirmed && ad.willingAccelerated,
        updatedAt: now,
        ...(to === 'published' ? { publishedAt: now } : {}),
      })
      .where(eq(jobAd.id, ad.id));
    await write('success');
    return { kind: 'ok' } as const;
  });
}

/** An ad the actor may read as its employer (else undefined, the same as no such ad). */
export async function ownAd(db: DbOrTx, actor: Actor, adId: string): Promise<JobAdRow | undefined> {
  const [ad] = UUID.test(adId) ? await db.select().from(jobAd).where(eq(jobAd.id, adId)) : [];
  return ad && allowed(actor, 'read', ad.employerId).allow ? ad : undefined;
}

/** An employer's ads, newest change first. */
export function adsOf(db: DbOrTx, employerId: string): Promise<JobAdRow[]> {
  return db.select().from(jobAd).where(eq(jobAd.employerId, employerId)).orderBy(desc(jobAd.updatedAt));
}

/** The ad as its stated facts (for the edit form and for recomputing). */
export function inputOf(ad: JobAdRow): JobAdInput {
  const { titleDe, titleEn, occupationKldb, districtAgs, salaryMinEur, salaryMaxEur, weeklyHours } = ad;
  const { contractMonths, germanLevel, englishLevel, startDate, expiresOn, collectiveAgreement } = ad;
  const { willingAccelerated, descriptionDe, descriptionEn } = ad;
  return {
    ...{ titleDe, titleEn, occupationKldb, districtAgs, salaryMinEur, salaryMaxEur, weeklyHours },
    ...{ contractMonths, germanLevel, englishLevel, startDate, expiresOn, collectiveAgreement },
    ...{ willingAccelerated, descriptionDe, descriptionEn },
  };
}
