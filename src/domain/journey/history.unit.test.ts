/**
 * The history in words: every event type has a sentence in German and English from both sides, with no event
 * name, no code and no ISO date left in the text. Catalogues loaded by URL (src/domain imports no feature).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IntlMessageFormat } from 'intl-messageformat';
import type { EventType } from './commands-events.ts';
import {
  type HistoryEvent,
  type HistoryPerspective,
  type HistorySentence,
  historyLines,
  historySentence,
  SENTENCES,
} from './history.ts';
import { DECISION_OUTCOMES, ROLES, type Role, STEP_KINDS } from './types.ts';

type Catalogue = Record<string, string>;
async function load(path: string): Promise<Catalogue> {
  const url = new URL(`../../features/journey/${path}`, import.meta.url);
  return ((await import(url.href, { with: { type: 'json' } })) as { default: Catalogue }).default;
}
const languages = ['de', 'en'] as const;
const catalogues = {
  de: { ...(await load('messages/de.json')), ...(await load('web/messages/de.json')) },
  en: { ...(await load('messages/en.json')), ...(await load('web/messages/en.json')) },
};

/** The sentence as the page shows it: step names and dates of the language. */
function render(s: HistorySentence, language: 'de' | 'en'): string {
  const c = catalogues[language];
  const source = c[s.key];
  assert.ok(source, `${language}: missing ${s.key}`);
  const values: Record<string, string> = { ...s.values };
  if (s.values.step) values.step = c[`journey.step.${s.values.step}`] ?? s.values.step;
  if (s.values.dueAt)
    values.dueAt = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${s.values.dueAt}T12:00:00Z`),
    );
  return String(new IntlMessageFormat(source, language).format(values));
}

const EVENT_TYPES = Object.keys(SENTENCES) as EventType[];

/** Every variant an event type can take (with and without the optional fields), by every role. */
function samples(type: EventType): HistoryEvent[] {
  const base = { version: 1, type, at: '2026-03-02T09:00:00.000Z', step: 'recognition' as const };
  const variants: HistoryEvent[] = [];
  for (const role of ROLES as readonly Role[]) {
    variants.push({ ...base, role });
    variants.push({ ...base, role, required: false });
    variants.push({ ...base, role, dueAt: '2026-04-02' });
    for (const outcome of DECISION_OUTCOMES) {
      variants.push({ ...base, role, outcome, deemed: false });
      variants.push({ ...base, role, outcome, deemed: true });
    }
  }
  return variants;
}

const KEBAB = /\b[a-z]+(?:-[a-z]+)+\b/;
const ISO = /\d{4}-\d{2}-\d{2}/;

describe('the journey history in words', () => {
  it('covers exactly the event types of the core (the map is typed over EventType)', () => {
    assert.equal(EVENT_TYPES.length, 16);
  });

  for (const type of EVENT_TYPES)
    for (const language of languages)
      it(`says “${type}” in ${language} from both sides, without codes or ISO dates`, () => {
        for (const perspective of ['applicant', 'others'] as HistoryPerspective[])
          for (const e of samples(type)) {
            const text = render(historySentence(e, perspective), language);
            assert.ok(text.length > 10, text);
            assert.doesNotMatch(text, KEBAB, `${language} ${perspective}: ${text}`);
            assert.doesNotMatch(text, ISO, `${language} ${perspective}: ${text}`);
            assert.doesNotMatch(text, /[{}]/, `${language} ${perspective}: ${text}`);
          }
      });

  it('tells the applicant “your employer”, and staff “the employer”', () => {
    const e: HistoryEvent = {
      version: 5,
      type: 'accelerated-procedure-started',
      at: '2026-03-02T09:00:00.000Z',
      role: 'employer',
    };
    assert.equal(
      render(historySentence(e, 'applicant'), 'en'),
      'Your employer started the accelerated procedure.',
    );
    assert.equal(
      render(historySentence(e, 'others'), 'en'),
      'The employer started the accelerated procedure.',
    );
    assert.match(render(historySentence(e, 'applicant'), 'de'), /^Ihr Arbeitgeber hat/);
  });

  it('names the step, the outcome and the due date in the page language', () => {
    const decided = historySentence(
      {
        version: 9,
        type: 'step-decided',
        at: '2026-03-02T09:00:00.000Z',
        role: 'recognition-officer',
        step: 'recognition',
        outcome: 'positive',
        deemed: false,
      },
      'applicant',
    );
    assert.equal(render(decided, 'de'), 'Über „Anerkennung Ihrer Qualifikation“ wurde entschieden: positiv.');
    const deadline = historySentence(
      {
        version: 10,
        type: 'deadline-started',
        at: '2026-03-02T09:00:00.000Z',
        role: 'recognition-officer',
        step: 'recognition',
        dueAt: '2026-04-02',
      },
      'others',
    );
    assert.match(render(deadline, 'de'), /bis zum 2\. April 2026\./);
    assert.match(render(deadline, 'en'), /until April 2, 2026\./);
  });

  it('leaves out the plan and the owners recorded with the opening, keeps later ones', () => {
    const at = '2026-03-02T09:00:00.000Z';
    const later = '2026-03-05T09:00:00.000Z';
    const lines = historyLines(
      [
        { version: 1, type: 'journey-opened', at, role: 'applicant' },
        ...STEP_KINDS.map((step, i) => ({
          version: 2 + i,
          type: 'step-planned' as const,
          at,
          role: 'applicant' as const,
          step,
          required: true,
        })),
        { version: 20, type: 'owner-assigned', at, role: 'applicant', step: 'recognition' },
        { version: 21, type: 'owner-assigned', at: later, role: 'counsellor', step: 'recognition' },
      ],
      'applicant',
    );
    assert.deepEqual(
      lines.map((l) => l.sentence.key),
      ['journeys.history.journey-opened.applicant', 'journeys.history.owner-assigned.applicant'],
    );
  });
});
