import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluatePathways, pathwayCatalogue } from './engine.ts';
import { generateProfiles } from './generate.ts';
import { buildProfile, pathwayOf } from './testing.ts';
import { PATHWAY_IDS } from './types.ts';

describe('engine', () => {
  it('returns every pathway id exactly once, in catalogue order', () => {
    const r = evaluatePathways(buildProfile());
    assert.deepEqual(
      r.pathways.map((p) => p.id),
      [...PATHWAY_IDS],
    );
    assert.deepEqual(
      pathwayCatalogue().map((p) => p.id),
      [...PATHWAY_IDS],
    );
  });

  it('applies the outcome rule: any unmet → not-eligible, else any unknown → needs-review, else eligible', () => {
    for (const profile of generateProfiles(2000, 11)) {
      for (const p of evaluatePathways(profile).pathways) {
        const statuses = p.criteria.map((c) => c.status);
        const expected = statuses.includes('unmet')
          ? 'not-eligible'
          : statuses.includes('unknown')
            ? 'needs-review'
            : 'eligible';
        assert.equal(p.outcome, expected, p.id);
        assert.ok(p.criteria.length > 0);
        assert.equal(p.points === null, p.id !== 'aufenthg-20a' || p.criteria[0]?.status === 'unmet');
      }
    }
  });

  it('is deterministic and does not mutate its input', () => {
    const profile = buildProfile();
    const copy = structuredClone(profile);
    assert.deepEqual(evaluatePathways(profile), evaluatePathways(copy));
    assert.deepEqual(profile, copy);
  });

  it('rejects an invalid evaluation date', () => {
    assert.throws(() => evaluatePathways(buildProfile({ date: '2026-02-30' })), RangeError);
  });

  it('answers with the rule in force on each switch date and each 1 January from 2023 to 2026', () => {
    const inForce = (date: string) =>
      Object.fromEntries(
        evaluatePathways(buildProfile({ date })).pathways.map((p) => [p.id, p.criteria[0]?.status === 'met']),
      );
    const table: [string, Partial<Record<(typeof PATHWAY_IDS)[number], boolean>>][] = [
      [
        '2023-01-01',
        {
          'aufenthg-18g-it': false,
          'aufenthg-19c-2': false,
          'aufenthg-16d-3': false,
          'aufenthg-20a': false,
          'aufenthg-104c': true,
        },
      ],
      ['2023-11-17', { 'aufenthg-18g-it': false }],
      ['2023-11-18', { 'aufenthg-18g-it': true, 'aufenthg-19c-2': false }],
      ['2024-01-01', { 'aufenthg-19c-2': false, 'aufenthg-16d-3': false }],
      ['2024-02-29', { 'aufenthg-19c-2': false, 'aufenthg-16d-3': false }],
      ['2024-03-01', { 'aufenthg-19c-2': true, 'aufenthg-16d-3': true, 'aufenthg-20a': false }],
      ['2024-05-31', { 'aufenthg-20a': false }],
      ['2024-06-01', { 'aufenthg-20a': true }],
      ['2025-01-01', { 'aufenthg-20a': true, 'aufenthg-104c': true }],
      ['2025-12-30', { 'aufenthg-104c': true }],
      ['2025-12-31', { 'aufenthg-104c': false, 'aufenthg-25a': true, 'aufenthg-25b': true }],
      ['2026-01-01', { 'aufenthg-104c': false, 'aufenthg-20a': true, 'aufenthg-18g-it': true }],
    ];
    for (const [date, expected] of table) {
      const actual = inForce(date);
      for (const [id, value] of Object.entries(expected)) assert.equal(actual[id], value, `${id} on ${date}`);
    }
  });

  it('uses the Blue Card thresholds of each 1 January from 2023 to 2026', () => {
    const thresholds: [string, number][] = [
      ['2023-01-01', 58_400],
      ['2024-01-01', 45_300],
      ['2025-01-01', 48_300],
      ['2026-01-01', 50_700],
    ];
    for (const [date, threshold] of thresholds) {
      const r = pathwayOf(
        evaluatePathways(buildProfile({ date, job: { annualSalaryEur: 100_000 } })),
        'aufenthg-18g',
      );
      assert.equal(r.criteria.find((c) => c.id === 'blue-card-salary')?.threshold, threshold, date);
    }
  });

  it('includes the parameters in force with their sources', () => {
    const r = evaluatePathways(buildProfile({ date: '2026-03-01' }));
    assert.equal(r.parameters['blue-card.salary.general']?.value, 50_700);
    assert.ok(r.parameters['blue-card.salary.general']?.source.url.startsWith('https://'));
  });

  it('closes § 81a for people in Germany and names the fee for people abroad', () => {
    assert.equal(
      evaluatePathways(buildProfile({ person: { location: 'germany', status: 'aufenthg-16b' } })).procedures[
        'aufenthg-81a'
      ].available,
      false,
    );
    assert.equal(evaluatePathways(buildProfile()).procedures['aufenthg-81a'].message.values.fee, 411);
  });

  it('waives the spouse language requirement for skilled-worker titles but not for § 104c holders', () => {
    assert.equal(
      evaluatePathways(buildProfile()).family.spouseLanguageWaiver.message.key,
      'law.family.spouse-language.with-new-title',
    );
    const holder = buildProfile({
      person: { location: 'germany', status: 'aufenthg-104c', statusSince: '2024-01-01' },
    });
    assert.equal(
      evaluatePathways(holder).family.spouseLanguageWaiver.message.key,
      'law.family.spouse-language.required',
    );
  });

  it('has no parents reunification before 1.3.2024', () => {
    assert.equal(evaluatePathways(buildProfile({ date: '2024-02-29' })).family.parents.available, false);
    assert.equal(evaluatePathways(buildProfile({ date: '2024-03-01' })).family.parents.available, true);
  });
});
