import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { listOccupations, listOccupationTerms } from './queries.ts';
import { buildOccupationIndex, type OccupationIndex } from './search.ts';

/** The search as it ran in the database before it moved to memory (pg_trgm and full text): the reference. */
async function searchInDatabase(db: TestDatabase['db'], query: string, limit: number) {
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
    select o.kldb, b.score::float8 as score
    from best b join occupation o on o.kldb = b.kldb
    order by b.rank desc, o.shortage desc, o.kldb
    limit ${limit}
  `);
  const rows = (result as unknown as { rows: { kldb: string; score: number }[] }).rows;
  return rows.map((r) => ({ kldb: r.kldb, score: Math.round(Number(r.score) * 1000) / 1000 }));
}

const QUERIES = [
  // German and English names, with and without typos, as people type them.
  'Krankenpfleger',
  'Krankenschwester',
  'kranknpfleger',
  'nurse',
  'intensive care',
  'Altenpflger',
  'Ärztin',
  'arzt',
  'OP-Pflege',
  'Physiotherapeut',
  'Softwareentwickler',
  'sofware developer',
  'Fachinformatiker Anwendungsentwicklung',
  'Elektrker',
  'mechatronker',
  'plumbr',
  'Bauingeneur',
  'ingenieur',
  'Erziher',
  'teacher',
  'Lehrerin',
  'Koch',
  'cook',
  'Berufskraftfahrer',
  'lkw fahrer',
  // Nothing like any occupation, and too short for a trigram.
  'xyzzy',
  'zz',
];

describe('occupation search in memory', () => {
  let database: TestDatabase;
  let index: OccupationIndex;
  before(async () => {
    database = await createTestDatabase();
    const [occupations, terms] = await Promise.all([
      listOccupations(database.db),
      listOccupationTerms(database.db),
    ]);
    index = buildOccupationIndex(occupations, terms);
  });
  after(() => database.destroy());

  for (const q of QUERIES) {
    it(`ranks "${q}" as the trigram and full-text query in the database did`, async () => {
      const expected = await searchInDatabase(database.db, q, 10);
      const actual = index.search(q, 10).map((h) => ({ kldb: h.kldb, score: h.score }));
      assert.deepEqual(actual, expected);
    });
  }
});
