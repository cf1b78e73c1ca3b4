import type { OccupationRow } from './queries.ts';

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

/** A searchable title or synonym of an occupation (a row of `occupation_term`). */
export interface OccupationTermRow {
  kldb: string;
  term: string;
}

/** The occupation search, answered from memory: built once per registry snapshot, read by every request. */
export interface OccupationIndex {
  search(query: string, limit?: number): OccupationHit[];
}

// The thresholds of pg_trgm's `%` and `<%` operators, which the search used when it ran in the database.
const SIMILARITY_THRESHOLD = Math.fround(0.3);
const WORD_SIMILARITY_THRESHOLD = Math.fround(0.6);

const WORD = /[\p{L}\p{N}]+/gu;
const LEXEME = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/**
 * The trigrams of a text in order, as pg_trgm makes them: each word (letters and digits) lower-cased,
 * padded with two blanks in front and one behind, cut into overlapping three-character pieces.
 */
export function trigrams(text: string): string[] {
  const out: string[] = [];
  for (const word of text.toLowerCase().match(WORD) ?? []) {
    const chars = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 2 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}${chars[i + 2]}`);
  }
  return out;
}

/** pg_trgm's CALCSML, in single precision like the C code. */
const calcSml = (count: number, len1: number, len2: number) =>
  Math.fround(Math.fround(count) / Math.fround(len1 + len2 - count));

/**
 * pg_trgm `word_similarity(pattern, text)`: the greatest similarity between the pattern's trigrams and
 * any continuous run of the text's trigrams. Follows `iterate_word_similarity` step for step, so that
 * scores (and with them the ranking) are those the database gave. `text` holds the text's trigrams in
 * order as small numbers (equal trigram, equal number, counted from 0), `inPattern` says for each number
 * whether the pattern has that trigram, `ulen1` is the number of the pattern's distinct trigrams.
 */
export function wordSimilarity(
  text: Int32Array,
  inPattern: Uint8Array,
  ulen1: number,
  lastpos: Int32Array,
): number {
  lastpos.fill(-1);
  let ulen2 = 0;
  let count = 0;
  let lower = -1;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const id = text[i] as number;
    const found = inPattern[id] === 1;
    if (lower >= 0 || found) {
      if ((lastpos[id] as number) < 0) {
        ulen2++;
        if (found) count++;
      }
      lastpos[id] = i;
    }
    if (!found) continue;
    const upper = i;
    if (lower === -1) {
      lower = i;
      ulen2 = 1;
    }
    let current = calcSml(count, ulen1, ulen2);
    let tmpCount = count;
    let tmpUlen2 = ulen2;
    const prevLower = lower;
    for (let tmpLower = lower; tmpLower <= upper; tmpLower++) {
      const tmp = calcSml(tmpCount, ulen1, tmpUlen2);
      if (tmp > current) {
        current = tmp;
        ulen2 = tmpUlen2;
        lower = tmpLower;
        count = tmpCount;
      }
      const tmpId = text[tmpLower] as number;
      if (lastpos[tmpId] === tmpLower) {
        tmpUlen2--;
        if (inPattern[tmpId] === 1) tmpCount--;
      }
    }
    if (current > max) max = current;
    for (let tmpLower = prevLower; tmpLower < lower; tmpLower++) {
      const tmpId = text[tmpLower] as number;
      if (lastpos[tmpId] === tmpLower) lastpos[tmpId] = -1;
    }
  }
  return max;
}

/**
 * The words of a text as PostgreSQL's `simple` full-text configuration sees them: lower-cased, and a
 * hyphenated word both whole and in its parts ("OP-Pflege" → op-pflege, op, pflege).
 */
export function lexemes(text: string): Set<string> {
  const out = new Set<string>();
  for (const token of text.toLowerCase().match(LEXEME) ?? []) {
    out.add(token);
    if (token.includes('-')) for (const part of token.split('-')) out.add(part);
  }
  return out;
}

/** An occupation as a search answer, with the term that matched and its score rounded to three places. */
export function occupationHit(o: OccupationRow, matched: string, score: number): OccupationHit {
  return {
    kldb: o.kldb,
    isco08: o.isco08,
    titleDe: o.titleDe,
    titleEn: o.titleEn,
    regulated: o.regulated,
    shortage: o.shortage,
    verified: o.verified,
    matched,
    score: Math.round(score * 1000) / 1000,
  };
}

interface IndexedTerm {
  kldb: string;
  term: string;
  length: number;
  /** The term's trigrams in order, each as the number of its distinct trigram in `globals`. */
  sequence: Int32Array;
  /** For each distinct trigram of the term, its number in the whole index. */
  globals: Int32Array;
  lexemes: Set<string>;
}

/** Answers kept per query text: the index never changes, so an answer stays right as long as it lives. */
const CACHED_ANSWERS = 1000;

/**
 * Builds the in-memory occupation search over titles and synonyms in German and English. It ranks as
 * the database query did: a term matches by trigram similarity ≥ 0.3, word similarity ≥ 0.6 (both
 * tolerant of typos) or a full-text match of every word; its score is the best of the three, and an
 * occupation ranks by its best term's score plus closeness, then shortage, then KldB.
 */
export function buildOccupationIndex(
  occupations: readonly OccupationRow[],
  terms: readonly OccupationTermRow[],
): OccupationIndex {
  const byKldb = new Map(occupations.map((o) => [o.kldb, o]));
  const trigramIds = new Map<string, number>();
  const postings: number[][] = [];
  const byLexeme = new Map<string, number[]>();
  const indexed: IndexedTerm[] = [];
  for (const t of terms) {
    if (!byKldb.has(t.kldb)) continue;
    const at = indexed.length;
    const local = new Map<string, number>();
    const globals: number[] = [];
    const sequence = trigrams(t.term).map((g) => {
      let id = local.get(g);
      if (id === undefined) {
        id = globals.length;
        local.set(g, id);
        let global = trigramIds.get(g);
        if (global === undefined) {
          global = postings.length;
          trigramIds.set(g, global);
          postings.push([]);
        }
        globals.push(global);
        postings[global]?.push(at);
      }
      return id;
    });
    const words = lexemes(t.term);
    for (const l of words) {
      const list = byLexeme.get(l);
      if (list) list.push(at);
      else byLexeme.set(l, [at]);
    }
    indexed.push({
      kldb: t.kldb,
      term: t.term,
      length: [...t.term].length,
      sequence: Int32Array.from(sequence),
      globals: Int32Array.from(globals),
      lexemes: words,
    });
  }
  const longest = Math.max(0, ...indexed.map((t) => t.globals.length));
  const answers = new Map<string, OccupationHit[]>();

  function search(q: string, limit: number): OccupationHit[] {
    const qTrigrams = new Set(trigrams(q));
    const ulen1 = qTrigrams.size;
    // How many of the query's distinct trigrams each term has: the similarity, and a bound on the word similarity.
    const shared = new Uint16Array(indexed.length);
    const inQuery = new Uint8Array(postings.length);
    for (const g of qTrigrams) {
      const id = trigramIds.get(g);
      if (id === undefined) continue;
      inQuery[id] = 1;
      for (const at of postings[id] ?? []) shared[at] = (shared[at] as number) + 1;
    }
    // A full-text match needs every word of the query: the terms listed under all of them.
    const qLexemes = [...lexemes(q)];
    const fullText = new Set<number>();
    if (qLexemes.length > 0) {
      const lists = qLexemes.map((l) => byLexeme.get(l) ?? []);
      for (const at of lists[0] ?? []) if (lists.every((list) => list.includes(at))) fullText.add(at);
    }
    const inPattern = new Uint8Array(longest);
    const lastpos = new Int32Array(longest);
    const best = new Map<string, { term: IndexedTerm; score: number; rank: number }>();
    for (let at = 0; at < indexed.length; at++) {
      const count = shared[at] as number;
      const matchesAllWords = fullText.has(at);
      if (count === 0 && !matchesAllWords) continue;
      const t = indexed[at] as IndexedTerm;
      const closeness = count === 0 ? 0 : calcSml(count, ulen1, t.globals.length);
      let score = matchesAllWords ? 1 : closeness;
      // The word similarity never exceeds shared / ulen1: compute it only where it could change the score.
      if (!matchesAllWords && count > 0 && calcSml(count, ulen1, count) > closeness) {
        for (let i = 0; i < t.globals.length; i++) inPattern[i] = inQuery[t.globals[i] as number] as number;
        const words = wordSimilarity(t.sequence, inPattern, ulen1, lastpos);
        if (closeness < SIMILARITY_THRESHOLD && words < WORD_SIMILARITY_THRESHOLD) continue;
        if (words > score) score = words;
      } else if (!matchesAllWords && closeness < SIMILARITY_THRESHOLD) continue;
      const rank = Math.fround(score + closeness);
      const seen = best.get(t.kldb);
      if (!seen || rank > seen.rank || (rank === seen.rank && t.length < seen.term.length)) {
        best.set(t.kldb, { term: t, score, rank });
      }
    }
    return [...best.values()]
      .map((b) => ({ ...b, occupation: byKldb.get(b.term.kldb) as OccupationRow }))
      .sort(
        (a, b) =>
          b.rank - a.rank ||
          Number(b.occupation.shortage) - Number(a.occupation.shortage) ||
          (a.occupation.kldb < b.occupation.kldb ? -1 : 1),
      )
      .slice(0, limit)
      .map(({ occupation, term, score }) => occupationHit(occupation, term.term, score));
  }

  return {
    search(query, limit = 10) {
      const q = query.trim().toLowerCase();
      const key = `${limit}:${q}`;
      let hits = answers.get(key);
      if (!hits) {
        hits = search(q, limit);
        if (answers.size >= CACHED_ANSWERS) answers.delete(answers.keys().next().value as string);
        answers.set(key, hits);
      }
      return hits.map((h) => ({ ...h }));
    },
  };
}
