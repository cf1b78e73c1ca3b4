import type { FieldError } from '../../platform/http/errors.ts';
import type { CorrectableTable } from './corrections.ts';
import type { RegistrySnapshot } from './snapshot.ts';

/**
 * The web forms of the registry's write side: which fields an administrator sees per correctable
 * table (the fields the corrections service accepts), and how a submitted form becomes the
 * service's input. The service validates; this only converts form strings.
 */
export type FieldKind = 'text' | 'textarea' | 'bool' | 'date' | 'confidence';

export interface FormField {
  readonly name: string;
  readonly kind: FieldKind;
  /** Optional text fields become null when left empty. */
  readonly optional?: boolean;
  readonly max?: number;
}

const PROVENANCE: readonly FormField[] = [
  { name: 'source', kind: 'textarea', max: 2000 },
  { name: 'asOf', kind: 'date' },
  { name: 'confidence', kind: 'confidence' },
  { name: 'verified', kind: 'bool' },
];

const notes: FormField = { name: 'notes', kind: 'textarea', optional: true, max: 2000 };

export const ENTRY_FIELDS: Readonly<Record<CorrectableTable, readonly FormField[]>> = {
  'recognition-authority': [
    { name: 'authority', kind: 'text', max: 500 },
    { name: 'address', kind: 'text', optional: true, max: 300 },
    { name: 'email', kind: 'text', optional: true, max: 200 },
    { name: 'legalBasis', kind: 'text', max: 500 },
    { name: 'fees', kind: 'text', optional: true, max: 500 },
    notes,
    ...PROVENANCE,
  ],
  occupation: [
    { name: 'titleDe', kind: 'text', max: 300 },
    { name: 'titleEn', kind: 'text', max: 300 },
    { name: 'isco08', kind: 'text', max: 4 },
    { name: 'regulated', kind: 'bool' },
    { name: 'regulatedNote', kind: 'text', max: 500 },
    { name: 'legalBasis', kind: 'text', optional: true, max: 300 },
    { name: 'shortage', kind: 'bool' },
    notes,
    ...PROVENANCE,
  ],
  'nationwide-body': [
    { name: 'name', kind: 'text', max: 500 },
    { name: 'address', kind: 'text', optional: true, max: 300 },
    { name: 'legalBasis', kind: 'text', max: 500 },
    { name: 'fees', kind: 'text', optional: true, max: 500 },
    notes,
    ...PROVENANCE,
  ],
  'crafts-chamber': [
    { name: 'name', kind: 'text', max: 300 },
    { name: 'seat', kind: 'text', max: 200 },
    notes,
    ...PROVENANCE,
  ],
  mission: [
    { name: 'name', kind: 'text', max: 300 },
    { name: 'city', kind: 'text', max: 200 },
    { name: 'visaSection', kind: 'bool' },
    { name: 'region', kind: 'textarea', optional: true, max: 1000 },
    notes,
    ...PROVENANCE,
  ],
};

/** One entry of a correctable table as the admin list shows it. */
export interface EntrySummary {
  readonly key: string;
  readonly label: string;
  readonly verified: boolean;
}

type Row = Record<string, unknown> & { verified: boolean };

/** The current row of an entry from the registry snapshot. */
export function entryRow(s: RegistrySnapshot, table: CorrectableTable, key: string): Row | undefined {
  switch (table) {
    case 'recognition-authority':
      return s.authorities.get(key);
    case 'occupation':
      return s.occupations.get(key);
    case 'nationwide-body':
      return s.bodies.get(key);
    case 'crafts-chamber':
      return s.chambers.find((c) => c.id === key);
    case 'mission':
      return s.missions.find((m) => m.id === key);
    default:
      return undefined;
  }
}

/** The entries of one table, unverified ones first. */
export function entrySummaries(
  s: RegistrySnapshot,
  table: CorrectableTable,
  locale: 'de' | 'en',
): EntrySummary[] {
  const list: EntrySummary[] = (() => {
    switch (table) {
      case 'recognition-authority':
        return [...s.authorities.values()].map((a) => ({
          key: a.id,
          label: `${a.professionTitle}, ${a.stateCode}: ${a.authority}`,
          verified: a.verified,
        }));
      case 'occupation':
        return [...s.occupations.values()].map((o) => ({
          key: o.kldb,
          label: `${o.kldb} ${locale === 'de' ? o.titleDe : o.titleEn}`,
          verified: o.verified,
        }));
      case 'nationwide-body':
        return [...s.bodies.values()].map((b) => ({ key: b.id, label: b.name, verified: b.verified }));
      case 'crafts-chamber':
        return s.chambers.map((c) => ({ key: c.id, label: c.name, verified: c.verified }));
      case 'mission':
        return s.missions.map((m) => ({
          key: m.id,
          label: `${m.name} (${m.country})`,
          verified: m.verified,
        }));
      default:
        return [];
    }
  })();
  return list.sort((a, b) => Number(a.verified) - Number(b.verified) || a.label.localeCompare(b.label));
}

/** A row's values as the form shows them (strings; booleans as "true"/"false"). */
export function formValues(
  fields: readonly FormField[],
  row: Record<string, unknown>,
): Record<string, string> {
  return Object.fromEntries(
    fields.map((f) => {
      const v = row[f.name];
      return [f.name, v === null || v === undefined ? '' : String(v)];
    }),
  );
}

/** Converts one submitted value to what the service takes; unknown words stay strings so that the service refuses them. */
function convert(field: FormField, raw: string): unknown {
  const v = raw.trim();
  if (field.kind === 'bool') return v === 'true' ? true : v === 'false' ? false : v;
  if (field.optional && v === '') return null;
  return v;
}

/**
 * The fields whose submitted value differs from the current row: the corrections service's
 * `changes`. Fields missing from the form are left as they are.
 */
export function changesFrom(
  fields: readonly FormField[],
  form: Record<string, string>,
  row: Record<string, unknown>,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = form[f.name];
    if (raw === undefined) continue;
    const value = convert(f, raw);
    const current = row[f.name] ?? null;
    if (value !== current) changes[f.name] = value;
  }
  return changes;
}

/** `body.changes.source` → `source`, `body.reason` → `reason`: the form field a service error belongs to. */
export function formFieldOf(error: FieldError): string {
  return error.field.replace(/^body\.(changes\.)?/, '');
}

/** Submitted form fields as strings (repeated or non-text fields become ''). */
export function formBody(body: unknown): Record<string, string> {
  const b = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(b).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
}
