import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPage, type Knowledge, loadKnowledge, textBlocks } from '../support/plain-language.ts';

/** The plain-language rules on small pages: each rule finds what it is for and lets plain text pass. */

const knowledge: Knowledge = loadKnowledge();
const page = (locale: 'de' | 'en', body: string) =>
  `<!doctype html><html lang="${locale}"><head><title>x</title><style>.a{}</style></head><body><main>${body}</main></body></html>`;
const rules = (locale: 'de' | 'en', body: string, who: { staff?: boolean; administrator?: boolean } = {}) =>
  checkPage(
    {
      html: page(locale, body),
      locale,
      staff: who.staff ?? false,
      administrator: who.administrator ?? false,
    },
    knowledge,
  ).map((f) => f.rule);

describe('plain-language rules', () => {
  it('let a plain page pass in both languages', () => {
    assert.deepEqual(
      rules('de', '<h1>Ihr Weg</h1><p>Sie haben den Antrag am 14. Mai 2026 gestellt.</p>'),
      [],
    );
    assert.deepEqual(rules('en', '<h1>Your journey</h1><p>You applied on 14 May 2026.</p>'), []);
  });

  it('find event and enum names of the domain, but not catalogue words', () => {
    assert.deepEqual(rules('de', '<li>journey-opened</li>'), ['internal-name']);
    assert.deepEqual(rules('en', '<li>step-planned</li>'), ['internal-name']);
    assert.deepEqual(rules('de', '<li>journey-opened</li>', { staff: true }), []);
  });

  it('find ISO dates, unfilled placeholders, message keys and broken values', () => {
    assert.deepEqual(rules('en', '<p>Since 2024-06-01 you live here.</p>'), ['iso-date']);
    assert.deepEqual(rules('en', '<p>Hello {name}</p>'), ['unfilled-placeholder']);
    assert.deepEqual(rules('en', '<p>journeys.fee.title</p>'), ['message-key']);
    assert.deepEqual(rules('en', '<p>You earn NaN euros</p>'), ['broken-value']);
  });

  it('find research notes except for administrators, and codes in choices', () => {
    assert.deepEqual(rules('de', '<p>Landesamt (UNVERIFIED)</p>'), ['research-note']);
    assert.deepEqual(rules('de', '<p>Landesamt (UNVERIFIED)</p>', { administrator: true }), []);
    assert.deepEqual(rules('de', '<label>Beruf (ISCO-08-Code)</label>'), ['code-word']);
    assert.deepEqual(rules('de', '<select><option>IN</option></select>'), ['code-as-value']);
    assert.deepEqual(rules('en', '<select><option>CV</option></select>'), []);
  });

  it('find the other language, but not German names of authorities on English pages', () => {
    assert.deepEqual(rules('de', '<p>Your documents are still with the authority.</p>'), ['other-language']);
    assert.deepEqual(rules('en', '<p>Sie haben noch nicht alle Dokumente hochgeladen.</p>'), [
      'other-language',
    ]);
    assert.deepEqual(rules('en', '<p>Landesamt für Gesundheit und Soziales Berlin</p>'), []);
    assert.deepEqual(rules('de', '<p>Referenz für Rückfragen: 050a6012-21be-4af7-be69-e87304ddb587</p>'), []);
    assert.deepEqual(rules('de', '<p><a lang="en" href="/en">English version of this page</a></p>'), []);
  });

  it('find jargon on the pages of the public', () => {
    assert.deepEqual(rules('en', '<p>The server answers with a status code.</p>'), ['jargon']);
    assert.deepEqual(rules('en', '<p>The server answers with a status code.</p>', { staff: true }), []);
  });

  it('reads text, not markup, and leaves out the data export', () => {
    assert.deepEqual(textBlocks(page('en', '<p>A &amp; B</p><pre>{"a":1}</pre>'), 'en'), ['A & B']);
    assert.deepEqual(rules('de', '<p>Sprache</p>').length, 0);
    assert.deepEqual(
      checkPage(
        {
          html: page('de', '<p>x</p>').replace('lang="de"', 'lang="en"'),
          locale: 'de',
          staff: false,
          administrator: false,
        },
        knowledge,
      ).map((f) => f.rule),
      ['page-language'],
    );
  });
});
