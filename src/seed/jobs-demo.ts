/**
 * Demo job ads (`seed --demo`, issue 16): twelve invented employers, two per state, each confirmed by its state's
 * (demo) ministry, and about 200 published ads across the six states — by them and the Leipzig care service —
 * with flags and pathways computed as on every save. The joinery in Görlitz, still unconfirmed, has a draft.
 * Deterministic for a given day (a seeded generator; dates count from today). Idempotent: nothing when demo ads
 * exist or the identity demo does not.
 */
import { count, eq, like } from 'drizzle-orm';
import { addDays } from '../domain/calendar.ts';
import type { JobAdInput } from '../domain/jobs/ad.ts';
import { employerProfile, employerTrustDecision } from '../features/employers/index.ts';
import { createOrganisation } from '../features/identity/index.ts';
import { computed, jobAd, occupationFacts } from '../features/jobs/index.ts';
import { findOrganisationBySlug, organisation } from '../features/people/index.ts';
import { listDistricts } from '../features/regions/index.ts';
import type { Database, DbOrTx } from '../platform/db/client.ts';
import { CARE_LEIPZIG_JOBS, DEMO_EMPLOYERS, DEMO_JOBS, type DemoJob, STATE_NAMES } from './jobs-demo-data.ts';

/** How many ads the demo publishes (and pauses a few more). */
export const DEMO_AD_COUNT = 200;
const PAUSED = 6;
const DAY = 86_400_000;

/** mulberry32: a small seeded generator, so that the demo is the same every time. */
export function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T };
}

async function ministryOf(tx: DbOrTx, state: string, now: Date): Promise<string> {
  const slug = `demo-ministerium-${state.toLowerCase()}`;
  const found = await findOrganisationBySlug(tx, slug);
  if (found) return found.id;
  const org = {
    slug,
    name: `Wirtschaftsministerium ${STATE_NAMES[state]} (Demo)`,
    kind: 'state-ministry' as const,
    seat: { stateCode: state },
    jurisdictions: [{ scope: 'state' as const, stateCode: state }],
  };
  return createOrganisation(tx, org, now, null);
}

/** Makes the demo employers (confirmed) that do not exist yet; returns id and the jobs of each. */
async function employers(tx: DbOrTx, now: Date) {
  const out: { id: string; state: string; districtAgs: string; jobs: readonly number[] }[] = [];
  const confirmedAt = new Date(now.getTime() - 10 * DAY);
  for (const e of DEMO_EMPLOYERS) {
    const existing = await findOrganisationBySlug(tx, e.slug);
    const id =
      existing?.id ??
      (await createOrganisation(
        tx,
        {
          slug: e.slug,
          name: e.name,
          kind: 'employer',
          seat: { stateCode: e.state, districtAgs: e.districtAgs, countryCode: 'DE' },
          jurisdictions: [],
        },
        now,
        null,
      ));
    if (!existing) {
      const reg = 'court' in e.register ? e.register : null;
      await tx.insert(employerProfile).values({
        organisationId: id,
        ...{ street: e.street, postcode: e.postcode, town: e.town, districtAgs: e.districtAgs },
        registerCourt: reg?.court ?? null,
        registerNumber: reg?.number ?? null,
        registerKey: reg ? `${reg.court.toLowerCase()}|${reg.number}` : null,
        publicKind: 'publicKind' in e.register ? e.register.publicKind : null,
        ...{ sizeBand: e.sizeBand, trust: 'confirmed' as const, trustChangedAt: confirmedAt },
        ...{ registeredBy: null, createdAt: new Date(confirmedAt.getTime() - 2 * DAY) },
      });
      await tx.insert(employerTrustDecision).values({
        organisationId: id,
        decision: 'confirm',
        reason: 'Demo: Register und Anschrift geprüft.',
        officerPersonId: null,
        officerOrganisationId: await ministryOf(tx, e.state, now),
        decidedAt: confirmedAt,
      });
    }
    out.push({ id, state: e.state, districtAgs: e.districtAgs, jobs: e.jobs });
  }
  return out;
}

export function adFrom(
  job: DemoJob,
  districtAgs: string,
  today: string,
  r: ReturnType<typeof generator>,
): JobAdInput {
  const [low, high] = job.salary;
  const min = Math.round((low + r.next() * (high - low)) / 500) * 500;
  const language = r.next();
  return {
    titleDe: language < 0.1 ? null : job.titleDe,
    titleEn: language > 0.85 ? null : job.titleEn,
    occupationKldb: job.kldb,
    districtAgs,
    salaryMinEur: min,
    salaryMaxEur: r.next() < 0.5 ? null : min + r.pick([2000, 4000, 6000]),
    weeklyHours: r.pick([40, 40, 39, 38, 35, 30]),
    contractMonths: r.next() < 0.8 ? null : r.pick([12, 24]),
    germanLevel: r.pick(job.german),
    englishLevel: r.pick(job.english),
    startDate: addDays(today, 14 + Math.floor(r.next() * 150)),
    expiresOn: addDays(today, 30 + Math.floor(r.next() * 120)),
    collectiveAgreement: job.agreement && r.next() < 0.7 ? job.agreement : '',
    willingAccelerated: r.next() < 0.6,
    descriptionDe: '',
    descriptionEn: '',
  };
}

/** Creates the demo ads; returns how many were published (0 when they exist already or there is no demo). */
export async function seedJobsDemo(db: Database, now: Date = new Date()): Promise<number> {
  const care = await findOrganisationBySlug(db, 'demo-pflege-leipzig');
  if (!care) return 0;
  const [made] = await db
    .select({ n: count() })
    .from(jobAd)
    .innerJoin(organisation, eq(organisation.id, jobAd.employerId))
    .where(like(organisation.slug, 'demo-%'));
  if ((made?.n ?? 0) > 0) return 0;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);
  return db.transaction(async (tx) => {
    const all = [
      ...(await employers(tx, now)),
      { id: care.id, state: 'SN', districtAgs: '14713', jobs: CARE_LEIPZIG_JOBS },
    ];
    const districts = await listDistricts(tx);
    const facts = new Map<string, NonNullable<Awaited<ReturnType<typeof occupationFacts>>>>();
    for (const j of DEMO_JOBS) {
      const f = await occupationFacts(tx, j.kldb);
      if (f) facts.set(j.kldb, f);
    }
    const r = generator(16_2026);
    const rows = [];
    for (let i = 0; i < DEMO_AD_COUNT + PAUSED; i++) {
      const e = all[i % all.length] as (typeof all)[number];
      const job = DEMO_JOBS[r.pick(e.jobs)] as DemoJob;
      const occ = facts.get(job.kldb);
      if (!occ) continue;
      const near = districts.filter((d) => d.stateCode === e.state).map((d) => d.ags);
      const ad = adFrom(job, r.next() < 0.6 ? e.districtAgs : r.pick(near), today, r);
      const at = new Date(now.getTime() - Math.floor(r.next() * 20) * DAY - i * 60_000);
      const status = i >= DEMO_AD_COUNT ? ('paused' as const) : ('published' as const);
      rows.push({
        ...ad,
        ...computed(ad, occ, true),
        ...{ employerId: e.id, status, createdBy: null, createdAt: at, updatedAt: at, publishedAt: at },
      });
    }
    for (let i = 0; i < rows.length; i += 50) await tx.insert(jobAd).values(rows.slice(i, i + 50));
    const joinery = await findOrganisationBySlug(tx, 'demo-tischlerei-goerlitz');
    const wood = DEMO_JOBS[12] as DemoJob;
    const woodFacts = facts.get(wood.kldb);
    if (joinery && woodFacts) {
      const ad = adFrom(wood, '14626', today, r);
      await tx.insert(jobAd).values({
        ...ad,
        ...computed(ad, woodFacts, false),
        ...{
          employerId: joinery.id,
          status: 'draft' as const,
          createdBy: null,
          createdAt: now,
          updatedAt: now,
        },
      });
    }
    return rows.filter((x) => x.status === 'published').length;
  });
}
