/**
 * Spouse German-language waiver (§ 30 Abs. 1 S. 3 Nr. 5 AufenthG, legal-rules.md § 13): only when the sponsor
 * holds a qualifying title or is being granted one; a pathway still under review waives nothing yet.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluatePathways } from '../engine.ts';
import { buildProfile, type ProfileOverrides } from '../testing.ts';
import type { Person } from '../types.ts';

const spouse = (person: Partial<Person>, job?: ProfileOverrides['job']) =>
  evaluatePathways(buildProfile({ person, ...(job === undefined ? {} : { job }) })).family
    .spouseLanguageWaiver;

describe('spouse language waiver', () => {
  it('is shown to holders of a qualifying title (Blue Card, §§ 18a, 18b, 19c(2))', () => {
    for (const status of [
      'aufenthg-18a',
      'aufenthg-18b',
      'aufenthg-18g',
      'aufenthg-18g-it',
      'aufenthg-19c-2',
    ] as const) {
      const w = spouse({ location: 'germany', status, statusSince: '2025-01-01' }, null);
      assert.equal(w.waived, true, status);
      assert.equal(w.message.key, 'law.family.spouse-language.waived', status);
    }
  });

  it('is not shown to holders of titles outside § 30(1) S. 3 Nr. 5 without a qualifying pathway', () => {
    for (const status of [
      'aufenthg-20a',
      'aufenthg-16b',
      'aufenthg-20',
      'aufenthg-104c',
      'beschv-26-2',
    ] as const) {
      const w = spouse({ location: 'germany', status, statusSince: '2025-01-01' }, null);
      assert.notEqual(w.message.key, 'law.family.spouse-language.waived', status);
      assert.notEqual(w.waived, true, status);
    }
  });

  it('names the condition when a qualifying title is being granted (eligible pathway)', () => {
    const w = spouse({});
    assert.equal(w.waived, true);
    assert.equal(w.message.key, 'law.family.spouse-language.with-new-title');
    assert.ok(w.pathways.includes('aufenthg-18g'));
  });

  it('waives nothing while the qualifying pathways still need review', () => {
    // Recognition pending, no job yet: the skilled-worker routes are open, none is granted.
    const w = spouse({ qualification: { kind: 'academic', recognitionInGermany: 'pending' } }, null);
    assert.equal(w.waived, null);
    assert.equal(w.message.key, 'law.family.spouse-language.open');
    assert.deepEqual(w.pathways, []);
    // A person with a Duldung whose change of title is still to be checked is not told the waiver applies.
    const tolerated = spouse({ location: 'germany', status: 'duldung', statusSince: '2020-01-01' }, null);
    assert.equal(tolerated.message.key, 'law.family.spouse-language.open');
  });

  it('keeps the A1 requirement when no qualifying title is held or open', () => {
    const w = spouse(
      { qualification: { kind: 'none' }, experience: [] },
      { isco08: '9112', qualified: false, matchesQualification: false, annualSalaryEur: 20_000 },
    );
    assert.equal(w.waived, false);
    assert.equal(w.message.key, 'law.family.spouse-language.required');
  });
});
