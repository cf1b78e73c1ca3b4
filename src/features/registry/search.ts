import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';

export interface OccupationHit {
  kldb: string;
  isco08: string;
  titleDe: string;
  titleEn: string;
  regulated: boolean;
  shortage: boolean;
  verified: boolean;
  /** The title or synonym that matched best. */
  matched: string;
  /** 0–1: the best trigram similarity of any term; 1 for a full-text match of every word. */
  score: number;
}

/**
 * Occupation search in German and English over titles and synonyms: trigram similarity (pg_trgm:
 * `similarity` and `word_similarity`, tolerant of typos) plus PostgreSQL full-text search
 * (`simple` configuration, so German and English words are matched as written). Works on PGlite
 * and PostgreSQL 15.
 */
export async function searchOccupations(db: DbOrTx, query: string, limit = 10): Promise<OccupationHit[]> {
  const q = query.trim().toLowerCase();
  const result = await db.execute(sql`
    with scored as (
      select t.kldb, t.term,
        greatest(
          similarity(lower(t.term), ${q}),
          word_similarity(${q}, lower(t.term)),
          case when to_tsvector('simple', t.term) @@ plainto_tsquery('simple', ${q}) then 1 else 0 end
        ) as score,
        similarity(lower(t.term), ${q}) as closeness
      from occupation_term t
      where lower(t.term) % ${q}
         or ${q} <% lower(t.term)
         or to_tsvector('simple', t.term) @@ plainto_tsquery('simple', ${q})
    ),
    best as (
      select distinct on (kldb) kldb, term, score, score + closeness as rank
      from scored order by kldb, score + closeness desc, length(term)
    )
    select o.kldb, o.isco08, o.title_de, o.title_en, o.regulated, o.shortage, o.verified,
           b.term as matched, b.score::float8 as score
    from best b join occupation o on o.kldb = b.kldb
    order by b.rank desc, o.shortage desc, o.kldb
    limit ${limit}
  `);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  return rows.map((r) => ({
    kldb: String(r.kldb),
    isco08: String(r.isco08),
    titleDe: String(r.title_de),
    titleEn: String(r.title_en),
    regulated: Boolean(r.regulated),
    shortage: Boolean(r.shortage),
    verified: Boolean(r.verified),
    matched: String(r.matched),
    score: Math.round(Number(r.score) * 1000) / 1000,
  }));
}
