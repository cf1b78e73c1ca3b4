/**
 * The public job search (issue 16): published ads, not expired, of employers confirmed *now* (the trust level is
 * read in the query, so a withdrawal hides its ads at once). Words are searched in the ad's titles and the
 * occupation's German and English names by full text (the same on PGlite and PostgreSQL), typos through the
 * registry's occupation search; filters by occupation (chosen by name, kept as its key), state, flag and pathway.
 */
import { and, count, eq, gte, inArray, type SQL, sql } from 'drizzle-orm';
import { FLAGS, type Flag } from '../../domain/jobs/ad.ts';
import { JOB_PATHWAYS, type JobPathway } from '../../domain/jobs/pathways.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { employerProfile } from '../employers/index.ts';
import { organisation } from '../people/index.ts';
import { district, STATE_CODES } from '../regions/index.ts';
import { occupation } from '../registry/index.ts';
import { type JobAdRow, jobAd } from './schema.ts';

export const PAGE_SIZE = 20;

export type SearchQuery = {
  q: string;
  /** The occupation as the visitor typed it, and the one chosen before (its key, kept in the address). */
  occupation: string;
  occupationKey: string | null;
  state: string | null;
  flags: Flag[];
  pathway: JobPathway | null;
  page: number;
};

const one = (v: unknown): string => (Array.isArray(v) ? one(v[0]) : typeof v === 'string' ? v : '');
const many = (v: unknown): string[] => (Array.isArray(v) ? v.map(one) : typeof v === 'string' ? [v] : []);

/** The search form's query string, read leniently: an unknown value is ignored, never an error. */
export function readQuery(query: unknown): SearchQuery {
  const q = (query ?? {}) as Record<string, unknown>;
  const state = one(q.state);
  const pathway = one(q.pathway);
  const page = Number.parseInt(one(q.page), 10);
  const key = one(q.occupationKey);
  return {
    q: one(q.q).trim().slice(0, 100),
    occupation: one(q.occupation).trim().slice(0, 100),
    occupationKey: /^[0-9]{5}$/.test(key) ? key : null,
    state: (STATE_CODES as readonly string[]).includes(state) ? state : null,
    flags: FLAGS.filter((f) => many(q.flag).includes(f)),
    pathway: (JOB_PATHWAYS as readonly string[]).includes(pathway) ? (pathway as JobPathway) : null,
    page: Number.isFinite(page) && page > 1 && page < 1000 ? page : 1,
  };
}

const FLAG_COLUMN = {
  'english-enough': jobAd.englishEnough,
  'accelerated-ready': jobAd.acceleratedReady,
  'recognition-needed': jobAd.recognitionNeeded,
  'collective-agreement': jobAd.collectiveAgreementFlag,
} as const;

/** The conditions every public read of an ad shares: published, not expired, employer confirmed now. */
export const publicAd = (today: string): SQL =>
  and(
    eq(jobAd.status, 'published'),
    gte(jobAd.expiresOn, today),
    eq(employerProfile.trust, 'confirmed'),
  ) as SQL;

export type PublicAd = JobAdRow & {
  employerName: string;
  districtName: string;
  stateCode: string;
  occupationDe: string;
  occupationEn: string;
  street: string;
  postcode: string;
  town: string;
};

const columns = {
  ad: jobAd,
  employerName: organisation.name,
  districtName: district.name,
  stateCode: district.stateCode,
  occupationDe: occupation.titleDe,
  occupationEn: occupation.titleEn,
  street: employerProfile.street,
  postcode: employerProfile.postcode,
  town: employerProfile.town,
};

type Joined = { ad: JobAdRow } & Omit<PublicAd, keyof JobAdRow>;
const flat = ({ ad, ...rest }: Joined): PublicAd => ({ ...ad, ...rest });

function base(db: DbOrTx) {
  return db
    .select(columns)
    .from(jobAd)
    .innerJoin(employerProfile, eq(employerProfile.organisationId, jobAd.employerId))
    .innerJoin(organisation, eq(organisation.id, jobAd.employerId))
    .innerJoin(district, eq(district.ags, jobAd.districtAgs))
    .innerJoin(occupation, eq(occupation.kldb, jobAd.occupationKldb));
}

/**
 * How the words are matched: as a full-text query, stemmed as German or as English (every word must occur), or —
 * only when no ad holds the words — by the occupations the registry's typo-tolerant search finds for them (trigram
 * similarity in memory over every occupation's German and English names and synonyms), for typos and parts of
 * words. The full text runs over a GIN index (migration 0038); the occupations are a short list of ids.
 */
type Match = { kind: 'words' } | { kind: 'occupations'; kldb: readonly string[] };

function words(q: string, match: Match): SQL | undefined {
  if (q === '') return undefined;
  return match.kind === 'words'
    ? sql`${jobAd.searchVector} @@ (websearch_to_tsquery('german', ${q}) || websearch_to_tsquery('english', ${q}))`
    : inArray(jobAd.occupationKldb, [...match.kldb]);
}

/** The occupations the ads must have (the chosen one, or every one offered as a choice); null: any. */
export type OccupationFilter = readonly string[] | null;

function conditions(query: SearchQuery, today: string, match: Match, only: OccupationFilter): SQL {
  const parts: (SQL | undefined)[] = [publicAd(today), words(query.q, match)];
  if (only) parts.push(inArray(jobAd.occupationKldb, [...only]));
  if (query.state) parts.push(eq(district.stateCode, query.state));
  for (const f of query.flags) parts.push(eq(FLAG_COLUMN[f], true));
  if (query.pathway) parts.push(sql`${jobAd.pathwayIds} @> array[${query.pathway}]::text[]`);
  return and(...parts) as SQL;
}

/** Counting stops here: "more than 1 000" is all a person needs, and counting every match of a broad search costs. */
export const COUNT_CAP = 1000;

async function countUpToCap(db: DbOrTx, where: SQL): Promise<number> {
  const matches = db
    .select({ one: sql`1` })
    .from(jobAd)
    .innerJoin(employerProfile, eq(employerProfile.organisationId, jobAd.employerId))
    .innerJoin(district, eq(district.ags, jobAd.districtAgs))
    .where(where)
    .limit(COUNT_CAP + 1)
    .as('matches');
  const [total] = await db.select({ n: count() }).from(matches);
  return Number(total?.n ?? 0);
}

/** The occupations that the words name, typos tolerated (the registry's in-memory search), best first. */
export type SimilarOccupations = (q: string) => Promise<readonly string[]>;

/**
 * One page of matching ads and how many match (at most COUNT_CAP + 1), newest first. Ads that contain the words
 * come first; when none does, the ads of the occupations the words name (typos tolerated).
 */
export async function searchAds(
  db: DbOrTx,
  query: SearchQuery,
  today: string,
  similar: SimilarOccupations,
  only: OccupationFilter = null,
): Promise<{ total: number; ads: PublicAd[] }> {
  if (only?.length === 0) return { total: 0, ads: [] };
  let match: Match = { kind: 'words' };
  let total = await countUpToCap(db, conditions(query, today, match, only));
  if (total === 0 && query.q.length >= 3) {
    const kldb = await similar(query.q);
    if (kldb.length > 0) {
      match = { kind: 'occupations', kldb };
      total = await countUpToCap(db, conditions(query, today, match, only));
    }
  }
  if (total === 0) return { total, ads: [] };
  // `nulls last` as the index job_ad_published_idx has it, so that the newest are read from the index.
  const rows = await base(db)
    .where(conditions(query, today, match, only))
    .orderBy(sql`${jobAd.publishedAt} desc nulls last`, jobAd.id)
    .limit(PAGE_SIZE)
    .offset((query.page - 1) * PAGE_SIZE);
  return { total, ads: rows.map(flat) };
}

/** One public ad (undefined when it is not public: draft, paused, expired, employer not confirmed). */
export async function publicAdById(db: DbOrTx, id: string, today: string): Promise<PublicAd | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const [row] = await base(db).where(and(eq(jobAd.id, id), publicAd(today)));
  return row ? flat(row) : undefined;
}

/**
 * The version of what the public search shows: the day (ads expire by date), the last change of any ad, and the
 * last change of any employer's confirmation. The search page is rendered once per address and version for
 * visitors without a session (`sharedVersion`, ADR 0021), so a change of an ad or a confirmation shows on the next
 * request. An employer's new name or address alone waits for the next such change or the next day.
 */
export async function searchVersion(db: DbOrTx, today: string): Promise<string> {
  const [v] = await db
    .select({
      ads: sql<string | null>`(select max(${jobAd.updatedAt})::text from ${jobAd})`,
      trust: sql<string | null>`max(${employerProfile.trustChangedAt})::text`,
    })
    .from(employerProfile);
  return `${today}|${v?.ads ?? ''}|${v?.trust ?? ''}`;
}
