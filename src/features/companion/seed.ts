/**
 * Loads the support-offer directory from src/data/support-offers.csv (the research table, Nov 2026) and the
 * German and English names the project wrote for it (support-offer-names.csv). Facts keep their source; rows
 * with UNVERIFIED parts load with `verified = false`. Never overwrites an administrator's correction.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { isIsoDate } from '../../domain/calendar.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { STATES } from '../regions/index.ts';
import { seedFirstVersions } from './offer-store.ts';
import { supportOffer } from './schema.ts';

const DATA = new URL('../../data/', import.meta.url);
/** When the research table was compiled (its README): the provenance date of every row. */
const AS_OF = '2026-11-01';
const SOURCE = 'Research table support-offers.csv (Nov 2026), desk research in public web pages';

type Row = Record<string, string>;

function readCsv(name: string): Row[] {
  return parse(readFileSync(new URL(name, DATA)), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as Row[];
}

const list = (s: string) =>
  s
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

const UNVERIFIED = /UNVERIFIED/;

/** A web address as recorded, without its research note; null when there is none. */
function address(text: string): string | null {
  const url = /https?:\/\/[^\s;)]+/.exec(text)?.[0];
  return url ?? null;
}

/** The source's date as given: a day, a month or a year; null when undated. */
function sourceDate(text: string): string | null {
  if (isIsoDate(text) || /^\d{4}(-\d{2})?$/.test(text)) return text;
  return null;
}

function confidence(text: string): 'high' | 'medium' | 'low' {
  return text === 'high' || text === 'low' ? text : 'medium';
}

export function supportOfferRows() {
  const names = new Map(readCsv('support-offer-names.csv').map((r) => [r.id, r]));
  return readCsv('support-offers.csv').map((r) => {
    const id = r.id ?? '';
    const name = names.get(id);
    if (!name?.name_de || !name.name_en) throw new Error(`support-offer-names.csv has no names for ${id}`);
    const scope = r.states ?? '';
    const st = STATES.find((s) => s.nameDe === scope);
    if (scope !== 'nationwide' && !st) throw new Error(`support-offers.csv: unknown state ${scope} in ${id}`);
    const notes = r.notes ?? '';
    // The languages as recorded, without the research's review notes.
    const languages = (r.languages ?? '').replace(/\s*\([^()]*UNVERIFIED[^()]*\)/g, '').trim();
    return {
      id,
      nameDe: name.name_de,
      nameEn: name.name_en,
      researchName: r.name ?? '',
      provider: r.provider ?? '',
      levels: list(r.level ?? ''),
      stateCode: st?.code ?? null,
      targetGroups: list(r.target_groups ?? ''),
      conditions: list(r.conditions ?? ''),
      languages: languages === '' || languages === 'not stated' ? null : languages,
      contactUrl: address(r.contact_url ?? ''),
      sourceUrls: list(r.source_url ?? '').filter((u) => /^https?:\/\//.test(u)),
      sourceDate: sourceDate(r.as_of ?? ''),
      costDe: name.cost_de || null,
      costEn: name.cost_en || null,
      notes: notes || null,
      source: SOURCE,
      asOf: AS_OF,
      confidence: confidence(r.confidence ?? ''),
      verified: !UNVERIFIED.test(`${r.name} ${r.provider} ${r.contact_url} ${r.notes}`),
    };
  });
}

/** Inserts the offers that are missing, each as version 1 of its history; returns how many were added. */
export async function seedSupportOffers(db: DbOrTx): Promise<number> {
  const added = await db
    .insert(supportOffer)
    .values(supportOfferRows())
    .onConflictDoNothing()
    .returning({ id: supportOffer.id });
  await seedFirstVersions(db);
  return added.length;
}
