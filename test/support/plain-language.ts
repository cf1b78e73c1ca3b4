import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The plain-language check: what a page shows a person, read as text, against rules a reader
 * would apply — no code a person must know (event, enum or parameter names, ISO dates, ISCO or
 * KldB numbers), no research notes, no text of the other language, no jargon on the pages of
 * people who are not staff. Pure functions over HTML text; the walk lives in the test.
 */

export type Locale = 'de' | 'en';

export interface PlainFinding {
  rule: string;
  text: string;
}

export interface PageToCheck {
  html: string;
  locale: Locale;
  /** Staff of an authority see working names (a register number, a legal abbreviation). */
  staff: boolean;
  /** Administrators keep the review notes of reference data. */
  administrator: boolean;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
  nbsp: ' ',
  shy: '',
};

function decode(s: string): string {
  return s
    .replace(/&(#x?[0-9a-f]+|[a-z0-9]+);/gi, (all, e: string) => {
      if (e.startsWith('#x') || e.startsWith('#X'))
        return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
      if (e.startsWith('#') && e !== '#39') return String.fromCodePoint(Number.parseInt(e.slice(1), 10));
      return ENTITIES[e] ?? all;
    })
    .replace(/\u00a0/g, ' ');
}

/**
 * Removes what a reader does not see, and machine-readable data the person asked for (the data
 * export in a <pre>, Art. 20 GDPR).
 */
function withoutHidden(html: string): string {
  return html
    .replace(/<head\b[\s\S]*?<\/head>/gi, ' ')
    .replace(/<(script|style|template|pre)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ');
}

/**
 * The text blocks a reader sees, one per element run between tags; elements marked with a
 * `lang` of their own (the language switch) are dropped, as a screen reader would switch voice.
 */
export function textBlocks(html: string, pageLocale: Locale): string[] {
  let body = withoutHidden(html);
  // Elements in another language on purpose: <a lang="en">English</a>.
  body = body.replace(
    /<(?!html\b)(\w+)\b[^>]*\slang="(?!\s)([a-z-]+)"[^>]*>([\s\S]*?)<\/\1>/gi,
    (all, _tag, lang: string) => (lang.startsWith(pageLocale) ? all : ' '),
  );
  const blocks: string[] = [];
  for (const piece of body.split(
    /<(?:\/?(?:p|div|li|td|th|dt|dd|h[1-6]|option|label|legend|summary|button|span|a|strong|em|small|caption|section|header|footer|nav|main|ul|ol|dl|tr|table|fieldset|form|details|br|abbr|time)\b)[^>]*>/i,
  )) {
    const text = decode(piece.replace(/<[^>]*>/g, ' '))
      .replace(/\s+/g, ' ')
      .trim();
    if (text) blocks.push(text);
  }
  return blocks;
}

/** The values of attributes a person reads: placeholders, titles, labels, alternative text. */
function readableAttributes(html: string): string[] {
  return [...withoutHidden(html).matchAll(/\s(?:placeholder|title|aria-label|alt)="([^"]*)"/g)].map((m) =>
    decode(m[1] ?? ''),
  );
}

// -------------------------------------------------------------------------------------------
// What the project knows: its internal names and its catalogue words

export interface Knowledge {
  /** Internal names of the domain (event, command, enum and parameter identifiers). */
  internalNames: Set<string>;
  /** Words the message catalogues use in prose: internal names that are also words stay allowed. */
  catalogueWords: Set<string>;
}

function walkFiles(dir: string, match: RegExp, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walkFiles(path, match, out);
    else if (match.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** Reads the domain's string literals and the catalogues' words from the source tree. */
export function loadKnowledge(root = 'src'): Knowledge {
  const internalNames = new Set<string>();
  for (const file of walkFiles(join(root, 'domain'), /\.ts$/)) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/'([a-z][a-z0-9]*(?:-[a-z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]+)+)'/g)) {
      const name = m[1] ?? '';
      if (name.length >= 6) internalNames.add(name);
    }
  }
  const catalogueWords = new Set<string>();
  for (const file of walkFiles(root, /^(de|en)\.json$/)) {
    const catalogue = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    for (const text of Object.values(catalogue)) {
      for (const m of text.matchAll(/[\p{L}0-9]+(?:-[\p{L}0-9]+)*/gu)) catalogueWords.add(m[0].toLowerCase());
    }
  }
  return { internalNames, catalogueWords };
}

// -------------------------------------------------------------------------------------------
// The rules

/**
 * Words that mark a sentence in the other language. English on a German page shows by its
 * function words; German on an English page by its verbs and pronouns (German names of
 * authorities, "Landesamt für Gesundheit und Soziales", are names and stay German).
 */
const FOREIGN_MARKERS: Record<Locale, Set<string>> = {
  en: new Set(
    'the and or not is are will be with for from to on at after your you we us still also if that this which of'.split(
      ' ',
    ),
  ),
  de: new Set(
    'sie ihr ihre ihren ihrem wir nicht wird werden ist sind bitte können müssen haben hat kann noch oder wenn dass'.split(
      ' ',
    ),
  ),
};

/** How many words of the text mark the given language. */
function markers(text: string, language: Locale): number {
  let n = 0;
  // Words, not pieces of codes: "be" in a reference number 4be6-… is no English.
  for (const token of text.toLowerCase().split(/\s+/)) {
    if (/\d/.test(token)) continue;
    const w = token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    if (FOREIGN_MARKERS[language].has(w)) n++;
  }
  return n;
}

/** Jargon to avoid on the pages of applicants, employers and the public (lower case, whole words). */
export const JARGON: Record<Locale, readonly string[]> = {
  de: [
    'request',
    'payload',
    'status-code',
    'statuscode',
    'entität',
    'enum',
    'null',
    'undefined',
    'token',
    'uuid',
    'workflow',
  ],
  en: ['payload', 'status code', 'entity', 'enum', 'null', 'undefined', 'uuid', 'workflow'],
};

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?\b/;
const MESSAGE_KEY = /\b[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*\.[a-z0-9-]+(?:\.[a-z0-9-]+)*\b/;
const PLACEHOLDER = /\{[a-zA-Z]+(?:,[^}]*)?\}/;
const BROKEN_VALUE = /\b(?:undefined|NaN|\[object Object\]|Invalid Date)\b/;
const RESEARCH_NOTE = /\bUNVERIFIED\b|\[(?:GOV|SEC|LAW|REF|TODO)\]|\bTODO\b|\bFIXME\b/;
/** Short words in capitals that are words, not codes. */
const WORDS_IN_CAPITALS = new Set(['CV', 'EU', 'UK', 'US', 'OK']);
const CODE_WORDS = /\b(?:ISCO(?:-08)?|KldB(?: 2010)?|ISO 3166|ISO-3166)\b/;

/** The findings on one page; an empty list is a plain page. */
export function checkPage(page: PageToCheck, knowledge: Knowledge): PlainFinding[] {
  const findings: PlainFinding[] = [];
  const seen = new Set<string>();
  const report = (rule: string, text: string) => {
    const key = `${rule} ${text}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push({ rule, text: text.length > 160 ? `${text.slice(0, 160)}…` : text });
  };
  const lang = /<html\b[^>]*\slang="([^"]+)"/.exec(page.html)?.[1];
  if (lang !== page.locale) report('page-language', `html lang="${lang}"`);
  const other: Locale = page.locale === 'de' ? 'en' : 'de';
  const publicPage = !page.staff && !page.administrator;
  const texts = [...textBlocks(page.html, page.locale), ...readableAttributes(page.html)];
  for (const text of texts) {
    const words = text.split(/\s+/).length;
    if (words >= 4 && markers(text, other) >= 2 && markers(text, other) > markers(text, page.locale))
      report('other-language', text);
    if (ISO_DATE.test(text)) report('iso-date', text);
    if (BROKEN_VALUE.test(text)) report('broken-value', text);
    if (PLACEHOLDER.test(text)) report('unfilled-placeholder', text);
    if (MESSAGE_KEY.test(text) && !/@|https?:|www\.|\.de\b|\.org\b|\.eu\b/.test(text))
      report('message-key', text);
    if (!page.administrator && RESEARCH_NOTE.test(text)) report('research-note', text);
    if (!publicPage) continue;
    if (CODE_WORDS.test(text)) report('code-word', text);
    for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9]*(?:-[a-z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]+)+/g)) {
      const word = m[0];
      if (knowledge.internalNames.has(word) && !knowledge.catalogueWords.has(word.toLowerCase()))
        report('internal-name', `${word} in: ${text}`);
    }
    const lower = ` ${text.toLowerCase()} `;
    for (const jargon of JARGON[page.locale]) {
      if (new RegExp(`[^\\p{L}]${jargon.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\p{L}]`, 'u').test(lower))
        report('jargon', `${jargon} in: ${text}`);
    }
  }
  if (publicPage) {
    // A code in a choice or an answer: "IN", "2221" where a name belongs.
    for (const m of page.html.matchAll(/<(option|dd)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
      const text = decode((m[2] ?? '').replace(/<[^>]*>/g, ' ')).trim();
      if (/^(?:[A-Z]{2}|\d{4}(?:\.\d)?|\d{5})$/.test(text) && !WORDS_IN_CAPITALS.has(text))
        report('code-as-value', `${m[1]}: ${text}`);
    }
  }
  return findings;
}
