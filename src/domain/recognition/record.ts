/**
 * The recognition record that travels: its content, the canonical text that is signed, and the
 * verification code. Pure: randomness and time come in as arguments.
 */
import type { SixState } from './portability.ts';

export const RECORD_VERSION = 1;

export interface RecordContent {
  readonly person: { readonly name: string; readonly birthDate: string };
  readonly profession: { readonly title: string; readonly key: string; readonly kldb: string | null };
  readonly equivalence: 'full' | 'partial';
  /** Adjustment measures required for partial equivalence (Anpassungslehrgang, Kenntnisprüfung …). */
  readonly adjustmentMeasures: readonly string[];
  readonly authority: string;
  readonly legalBasis: string;
  readonly decisionDate: string;
  readonly issuingState: SixState;
  /** The file number of an existing paper notice that was entered, if any. */
  readonly noticeReference: string | null;
}

export interface RecordPayload extends RecordContent {
  readonly v: typeof RECORD_VERSION;
  readonly code: string;
  readonly issuedAt: string;
  readonly keyId: string;
}

/** JSON with object keys sorted at every level: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Crockford base32 without I, L, O, U: easy to read aloud and to type from paper. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A verification code `XXXX-XXXX-XXXX-XXXX` (80 bits) from at least 10 random bytes. */
export function formatCode(random: Uint8Array): string {
  if (random.length < 10) throw new Error('a verification code needs 10 random bytes');
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of random.subarray(0, 10)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)?.join('-') ?? out;
}

/** Normalises what a person typed (lower case, spaces, O for 0, I/L for 1); null when it cannot be a code. */
export function normaliseCode(input: string): string | null {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(cleaned)) return null;
  return cleaned.match(/.{4}/g)?.join('-') ?? null;
}

export type ContentProblem = { field: string; rule: string };

/** Rules a decision must satisfy before it is signed (`today` as an ISO date). */
export function checkContent(c: RecordContent, today: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (c.equivalence === 'partial' && c.adjustmentMeasures.length === 0) {
    problems.push({ field: 'adjustmentMeasures', rule: 'required-for-partial' });
  }
  if (c.equivalence === 'full' && c.adjustmentMeasures.length > 0) {
    problems.push({ field: 'adjustmentMeasures', rule: 'empty-for-full' });
  }
  if (c.decisionDate > today) problems.push({ field: 'decisionDate', rule: 'not-in-future' });
  if (c.person.birthDate >= c.decisionDate)
    problems.push({ field: 'person.birthDate', rule: 'before-decision' });
  return problems;
}
