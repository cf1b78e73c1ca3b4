/**
 * The catalogues of src/features/journey/messages: both languages have the same flat `journey.` keys, every
 * message parses as ICU MessageFormat and formats with the values the core passes, every key the core can emit
 * exists, and no key is left that nothing uses. Loaded by URL: src/domain does not import from src/features.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IntlMessageFormat } from 'intl-messageformat';
import { PATHWAY_IDS, QUALIFICATION_KINDS, VARIANTS } from '../law/index.ts';
import { REFUSAL_CODES } from './commands-events.ts';
import { planJourney } from './plan.ts';
import {
  DEADLINE_RULES,
  DEADLINE_STATUSES,
  DECISION_OUTCOMES,
  type Message,
  REGULATIONS,
  ROLES,
  STEP_KINDS,
  STEP_STATUSES,
} from './types.ts';

type Catalogue = Record<string, string>;

async function load(language: 'de' | 'en'): Promise<Catalogue> {
  const url = new URL(`../../features/journey/messages/${language}.json`, import.meta.url);
  const module = (await import(url.href, { with: { type: 'json' } })) as { default: Catalogue };
  return module.default;
}

const catalogues = { de: await load('de'), en: await load('en') };

/** Every message the core can emit, with the values it passes (plan reasons over all fact combinations). */
function emitted(): Message[] {
  const seen = new Map<string, Message>();
  const add = (m: Message) => {
    if (!seen.has(m.key)) seen.set(m.key, m);
  };
  for (const pathway of PATHWAY_IDS)
    for (const kind of QUALIFICATION_KINDS)
      for (const regulation of REGULATIONS)
        for (const employerUses81a of [true, false])
          for (const location of ['abroad', 'germany'] as const)
            for (const linkedTo of [null, 'journey-principal'])
              for (const variant of [undefined, ...VARIANTS]) {
                const facts = {
                  pathway,
                  qualification: { kind, regulation },
                  employerUses81a,
                  location,
                  linkedTo,
                };
                for (const s of planJourney(
                  variant === undefined ? facts : { ...facts, variant },
                  '2026-03-02',
                ))
                  add(s.reason);
              }
  add({ key: 'journey.plan.pending', values: {} });
  for (const code of REFUSAL_CODES) add({ key: `journey.refusal.${code}`, values: {} });
  for (const kind of STEP_KINDS) add({ key: `journey.next.${kind}.start`, values: {} });
  add({ key: 'journey.next.waiting', values: { step: 'recognition' } });
  add({ key: 'journey.next.waiting-due', values: { step: 'recognition', dueAt: '2026-05-01' } });
  add({
    key: 'journey.next.documents-requested',
    values: { step: 'recognition', count: 2, since: '2026-03-02' },
  });
  add({ key: 'journey.next.partial', values: { step: 'recognition' } });
  add({ key: 'journey.next.negative', values: { step: 'visa-decision' } });
  return [...seen.values()];
}

/** Labels for every value set (no values). */
function labels(): Message[] {
  const keys = [
    ...STEP_KINDS.map((k) => `journey.step.${k}`),
    ...STEP_STATUSES.map((s) => `journey.status.${s}`),
    ...DECISION_OUTCOMES.map((o) => `journey.outcome.${o}`),
    'journey.outcome.deemed',
    ...DEADLINE_STATUSES.map((s) => `journey.deadline-status.${s}`),
    ...ROLES.map((r) => `journey.role.${r}`),
  ];
  const rules = DEADLINE_RULES.flatMap((r) =>
    (['months', 'weeks', 'days'] as const).flatMap((unit) =>
      [1, 2, 3].map((value) => ({ key: `journey.deadline-rule.${r}`, values: { value, unit } })),
    ),
  );
  return [...keys.map((key) => ({ key, values: {} })), ...rules];
}

describe('journey message catalogues', () => {
  const messages = [...emitted(), ...labels()];

  it('have identical key sets in German and English, all flat strings under journey.', () => {
    assert.deepEqual(Object.keys(catalogues.de).sort(), Object.keys(catalogues.en).sort());
    for (const [key, text] of Object.entries(catalogues.en)) {
      assert.match(key, /^journey\.[a-z0-9.-]+$/);
      assert.equal(typeof text, 'string');
    }
  });

  for (const language of ['de', 'en'] as const) {
    it(`contain every key the core emits, in ${language}, formatting with its values`, () => {
      const catalogue = catalogues[language];
      for (const m of messages) {
        const source = catalogue[m.key];
        assert.ok(source !== undefined && source.trim().length > 0, `${language}: missing ${m.key}`);
        const text = new IntlMessageFormat(source, language).format(
          m.values as Record<string, string | number>,
        );
        assert.equal(typeof text, 'string');
        assert.ok(!String(text).includes('{'), `${language}: ${m.key} left a placeholder`);
      }
    });
  }

  it('have no key that nothing uses', () => {
    const used = new Set(messages.map((m) => m.key));
    assert.deepEqual(
      Object.keys(catalogues.en).filter((k) => !used.has(k)),
      [],
    );
  });

  it('name the fee of the accelerated procedure from the parameter table', () => {
    const m = messages.find((x) => x.key === 'journey.plan.accelerated-procedure.employer');
    assert.ok(m);
    const text = new IntlMessageFormat(catalogues.en[m.key] ?? '', 'en').format(
      m.values as Record<string, number>,
    );
    assert.match(String(text), /411 €/);
  });
});
