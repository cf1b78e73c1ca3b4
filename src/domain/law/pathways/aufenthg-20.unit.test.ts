/**
 * § 20 AufenthG job search after a stay in Germany (legal-rules.md § 8.1): after studies, qualified vocational
 * training or recognition; up to 18/12/12 months until 31.5.2024 (§ 20 Abs. 3 a.F.), 18 months each from 1.6.2024.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pathwayCatalogue } from '../engine.ts';
import { buildProfile, criterionOf, evaluateOne, statusOf } from '../testing.ts';
import type { Education, Person, Status } from '../types.ts';

const search = (status: Status, person: Partial<Person> = {}, education?: Education, date = '2026-03-01') =>
  evaluateOne(
    buildProfile({
      date,
      person: { location: 'germany', status, statusSince: '2022-10-01', ...person },
      job: null,
      education: education ?? { completedInGermany: true },
    }),
    'aufenthg-20',
  );

const months = (outcome: ReturnType<typeof search>) =>
  outcome.nextSteps.find((s) => s.key === 'law.next-step.job-search-20')?.values;

describe('aufenthg-20 job search after studies, training or recognition in Germany', () => {
  it('is in the catalogue with its title key and citation', () => {
    const entry = pathwayCatalogue().find((p) => p.id === 'aufenthg-20');
    assert.deepEqual(entry, {
      id: 'aufenthg-20',
      titleKey: 'law.pathway.aufenthg-20.title',
      citation: '§ 20 AufenthG',
      inForce: { from: null, to: null },
    });
  });

  it('opens after studies (§ 16b) and after qualified vocational training (§ 16a) completed in Germany', () => {
    assert.equal(search('aufenthg-16b').outcome, 'eligible');
    assert.equal(search('aufenthg-16a').outcome, 'eligible');
    assert.equal(search('aufenthg-16b').baApproval, null);
    assert.equal(search('aufenthg-16b', {}, { completedInGermany: false }).outcome, 'not-eligible');
    assert.equal(search('aufenthg-16a', {}, {}).outcome, 'needs-review');
  });

  it('opens after recognition (§ 16d): equivalence found or the permit to practise granted', () => {
    const q = (recognitionInGermany: 'equivalent' | 'partial' | 'pending') =>
      search('aufenthg-16d-1', { qualification: { kind: 'vocational', recognitionInGermany } }).outcome;
    assert.equal(q('equivalent'), 'eligible');
    assert.equal(q('partial'), 'not-eligible');
    assert.equal(q('pending'), 'not-eligible');
    assert.equal(search('aufenthg-16d-3', { qualification: { kind: 'academic' } }).outcome, 'needs-review');
  });

  it('is not for people abroad, with another title, or whose title is unknown', () => {
    assert.equal(search('aufenthg-16b', { location: 'abroad' }).outcome, 'not-eligible');
    assert.equal(search('aufenthg-18b').outcome, 'not-eligible');
    assert.equal(search('duldung').outcome, 'not-eligible');
    const unknown = evaluateOne(
      buildProfile({ person: { location: 'germany', status: undefined }, job: null }),
      'aufenthg-20',
    );
    assert.equal(statusOf(unknown, 'previous-stay'), 'unknown');
  });

  it('lasts up to 18 months after studies, on both sides of 1.6.2024', () => {
    assert.deepEqual(months(search('aufenthg-16b', {}, undefined, '2024-05-31')), {
      months: 18,
      verified: 'false',
    });
    assert.deepEqual(months(search('aufenthg-16b', {}, undefined, '2024-06-01')), {
      months: 18,
      verified: 'true',
    });
  });

  it('lasts up to 12 months after training or recognition until 31.5.2024, 18 months from 1.6.2024', () => {
    const recognised = {
      qualification: { kind: 'vocational' as const, recognitionInGermany: 'equivalent' as const },
    };
    for (const status of ['aufenthg-16a', 'aufenthg-16d-1'] as const) {
      assert.equal(months(search(status, recognised, undefined, '2024-05-31'))?.months, 12, status);
      assert.equal(months(search(status, recognised, undefined, '2024-06-01'))?.months, 18, status);
    }
  });

  it('cites § 20 Abs. 3 a.F. until 31.5.2024 and § 20 Abs. 1 from 1.6.2024', () => {
    const cite = (status: Status, date: string) =>
      criterionOf(search(status, {}, undefined, date), 'completion')?.citation;
    assert.equal(cite('aufenthg-16b', '2024-05-31'), '§ 20 Abs. 3 Nr. 1 AufenthG a.F.');
    assert.equal(cite('aufenthg-16b', '2024-06-01'), '§ 20 Abs. 1 Nr. 1 AufenthG');
    assert.equal(cite('aufenthg-16a', '2024-06-01'), '§ 20 Abs. 1 Nr. 3 AufenthG');
  });

  it('lets a § 20 holder change to a skilled-worker title in Germany (a title of Abschnitt 4)', () => {
    const r = evaluateOne(
      buildProfile({ person: { location: 'germany', status: 'aufenthg-20', statusSince: '2025-10-01' } }),
      'aufenthg-18b',
    );
    assert.equal(criterionOf(r, 'residence-status')?.message.key, 'law.criterion.residence-status.has-title');
  });
});
