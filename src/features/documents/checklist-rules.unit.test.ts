import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checklistEditBody, diffChecklists, missingRequired, readChecklistForm } from './checklist-rules.ts';
import { catalogueLines } from './checklist-store.ts';
import { checklistFor } from './checklists.ts';

describe('standard checklists: the pure rules', () => {
  it('says in words what changed between two versions, in the catalogue order', () => {
    const before = [
      { category: 'passport', required: true, providedBy: 'applicant' },
      { category: 'photo', required: true, providedBy: 'applicant' },
      { category: 'cv', required: false, providedBy: 'applicant' },
      { category: 'employment-declaration', required: true, providedBy: 'applicant' },
    ] as const;
    const after = [
      { category: 'passport', required: true, providedBy: 'applicant' },
      { category: 'photo', required: false, providedBy: 'applicant' },
      { category: 'cv', required: true, providedBy: 'applicant' },
      { category: 'employment-declaration', required: true, providedBy: 'employer' },
      { category: 'health-insurance', required: true, providedBy: 'applicant' },
      { category: 'language-certificate', required: false, providedBy: 'applicant' },
    ] as const;
    assert.deepEqual(diffChecklists(before, after), [
      { category: 'photo', change: 'now-optional' },
      { category: 'cv', change: 'now-required' },
      { category: 'language-certificate', change: 'added-optional' },
      { category: 'employment-declaration', change: 'now-by-employer' },
      { category: 'health-insurance', change: 'added-required' },
    ]);
    assert.deepEqual(
      diffChecklists(after, before).find((c) => c.category === 'health-insurance'),
      {
        category: 'health-insurance',
        change: 'removed',
      },
    );
    assert.deepEqual(diffChecklists(before, before), []);
  });

  it('reads the form: required / optional / not needed and who brings it; names a bad field', () => {
    const ok = readChecklistForm({
      'need-passport': 'required',
      'need-photo': 'optional',
      'by-photo': 'employer',
      'need-cv': 'none',
      reason: '  Beschluss der Länderkonferenz  ',
    });
    assert.ok(ok.ok);
    assert.deepEqual(ok.edit, {
      items: [
        { category: 'passport', required: true, providedBy: 'applicant' },
        { category: 'photo', required: false, providedBy: 'employer' },
      ],
      reason: 'Beschluss der Länderkonferenz',
    });
    const bad = readChecklistForm({ 'need-passport': 'maybe', 'by-cv': 'agency', reason: ' ' });
    assert.ok(!bad.ok);
    assert.deepEqual(bad.problems, [
      { field: 'need-passport', rule: 'enum' },
      { field: 'by-cv', rule: 'enum' },
      { field: 'reason', rule: 'required' },
    ]);
    const long = readChecklistForm({ reason: 'x'.repeat(501) });
    assert.deepEqual(!long.ok && long.problems, [{ field: 'reason', rule: 'max' }]);
  });

  it('validates the API body: known categories, each once, a reason', () => {
    const item = { category: 'passport', required: true, providedBy: 'applicant' };
    assert.ok(checklistEditBody.safeParse({ items: [item], reason: 'Beschluss' }).success);
    const twice = checklistEditBody.safeParse({ items: [item, item], reason: 'Beschluss' });
    assert.equal(twice.success, false);
    const unknown = checklistEditBody.safeParse({
      items: [{ ...item, category: 'tax-id' }],
      reason: 'Beschluss',
    });
    assert.deepEqual(unknown.error?.issues[0]?.path, ['items', 0, 'category']);
    const noReason = checklistEditBody.safeParse({ items: [] });
    assert.deepEqual(noReason.error?.issues[0]?.path, ['reason']);
  });

  it('finds the required documents not shared', () => {
    const items = catalogueLines('visa-appointment', 'aufenthg-18a');
    assert.deepEqual(missingRequired(items, new Set(['photo'])), ['passport']);
    assert.deepEqual(missingRequired(items, new Set(['passport', 'photo'])), []);
  });

  it('takes the code catalogue as version 1: per pathway as checklistFor, for all pathways only the common lines', () => {
    assert.deepEqual(
      catalogueLines('visa-decision', 'aufenthg-16b').map((i) => i.category),
      checklistFor('visa-decision', 'aufenthg-16b').map((i) => i.category),
    );
    const all = catalogueLines('visa-decision', null).map((i) => i.category);
    assert.ok(!all.includes('blocked-account') && all.includes('passport'));
  });
});
