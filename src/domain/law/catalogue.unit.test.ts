/**
 * Every message key the engine emits exists in both catalogues (src/features/pathways/messages), both
 * catalogues have the same keys, every message parses as ICU MessageFormat and formats with the values the
 * engine passes. The catalogues are loaded by URL: src/domain does not import from src/features.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IntlMessageFormat } from 'intl-messageformat';
import { evaluatePathways, pathwayCatalogue } from './engine.ts';
import { generateProfiles } from './generate.ts';
import type { Message, PathwayResult } from './types.ts';

type Catalogue = Record<string, string>;

async function load(language: 'de' | 'en'): Promise<Catalogue> {
  const url = new URL(`../../features/pathways/messages/${language}.json`, import.meta.url);
  const module = (await import(url.href, { with: { type: 'json' } })) as { default: Catalogue };
  return module.default;
}

const catalogues = { de: await load('de'), en: await load('en') };

function messagesOf(result: PathwayResult): Message[] {
  const out: Message[] = [];
  for (const p of result.pathways) {
    for (const c of p.criteria) out.push(c.message);
    out.push(...p.nextSteps);
  }
  out.push(
    result.procedures['aufenthg-81a'].message,
    result.settlement.message,
    ...result.settlement.criteria.map((c) => c.message),
  );
  out.push(result.family.spouseLanguageWaiver.message, result.family.parents.message);
  return out;
}

describe('message catalogues', () => {
  it('have exactly the same keys in German and English, all prefixed law.', () => {
    assert.deepEqual(Object.keys(catalogues.de).sort(), Object.keys(catalogues.en).sort());
    for (const key of Object.keys(catalogues.de)) assert.ok(key.startsWith('law.'), key);
  });

  it('parse as ICU MessageFormat', () => {
    for (const [language, catalogue] of Object.entries(catalogues)) {
      for (const [key, text] of Object.entries(catalogue)) {
        assert.doesNotThrow(() => new IntlMessageFormat(text, language), `${language} ${key}`);
      }
    }
  });

  it('contain a title for every pathway, criterion id and points item the engine uses', () => {
    const ids = new Set<string>();
    const items = new Set<string>();
    for (const profile of generateProfiles(3000, 21)) {
      const r = evaluatePathways(profile);
      for (const p of r.pathways) {
        for (const c of p.criteria) ids.add(c.id);
        for (const i of p.pointsBreakdown?.items ?? []) items.add(i.id);
      }
      for (const c of r.settlement.criteria) ids.add(c.id);
    }
    for (const language of ['de', 'en'] as const) {
      for (const p of pathwayCatalogue())
        assert.ok(catalogues[language][p.titleKey], `${language} ${p.titleKey}`);
      for (const id of ids)
        assert.ok(catalogues[language][`law.criterion.${id}.title`], `${language} criterion ${id}`);
      for (const id of items) assert.ok(catalogues[language][`law.points.${id}`], `${language} points ${id}`);
    }
  });

  it('contain every key the engine emits for many generated profiles, and format with its values', () => {
    const seen = new Map<string, Message>();
    const dates = ['2022-06-01', '2023-11-17', '2024-02-29', '2027-01-01', '2027-07-01', '2029-06-01'];
    const profiles = generateProfiles(20_000, 3);
    profiles.push(
      ...generateProfiles(500, 4).map((p, i) => ({ ...p, date: dates[i % dates.length] ?? p.date })),
    );
    for (const profile of profiles) {
      for (const m of messagesOf(evaluatePathways(profile))) if (!seen.has(m.key)) seen.set(m.key, m);
    }
    for (const [key, m] of seen) {
      for (const language of ['de', 'en'] as const) {
        const text = catalogues[language][key];
        assert.ok(text !== undefined, `${language}: missing ${key}`);
        const formatted = new IntlMessageFormat(text, language).format(
          m.values as Record<string, string | number>,
        );
        assert.equal(typeof formatted, 'string', `${language} ${key}`);
      }
    }
    assert.ok(seen.size > 150, `only ${seen.size} keys seen`);
  });
});
