import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { STATES, type StateCode } from '../regions/index.ts';

const DATA = new URL('../../data/', import.meta.url);
/** When the research tables were compiled; every row keeps its own source besides. */
export const REGISTRY_AS_OF = '2026-11-01';

export type Row = Record<string, string>;
type Confidence = 'high' | 'medium' | 'low';

export function readCsv(name: string): Row[] {
  return parse(readFileSync(new URL(name, DATA)), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as Row[];
}

/** "medium-high" → medium, "high (competence) / medium (name)" → high, "low-medium" → low, "n/a" → medium. */
export function confidenceOf(text: string | undefined): Confidence {
  const t = (text ?? '').trim();
  if (t.startsWith('high')) return 'high';
  if (t.startsWith('low')) return 'low';
  return 'medium';
}

/** A row is verified unless any of its cells carries the research's UNVERIFIED mark. */
export function verifiedOf(row: Row): boolean {
  return !Object.values(row).some((v) => /UNVERIFIED/.test(v ?? ''));
}

export function provenanceOf(row: Row, source: string | undefined, confidence: string | undefined) {
  return {
    source: source || 'source not recorded',
    asOf: REGISTRY_AS_OF,
    confidence: confidenceOf(confidence),
    verified: verifiedOf(row),
  };
}

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\s;\s|;/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const STATE_BY_NAME = new Map<string, StateCode>(STATES.map((s) => [s.nameDe, s.code]));

export function stateCodeOf(name: string | undefined, file: string): StateCode {
  const code = STATE_BY_NAME.get(name ?? '');
  if (!code) throw new Error(`${file}: unknown state ${name}`);
  return code;
}
