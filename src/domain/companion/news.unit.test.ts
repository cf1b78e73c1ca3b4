import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluatePathways } from '../law/index.ts';
import { companionPathways, type HolderFacts, holderProfile } from './holder.ts';
import { conditionNews, metKeys } from './news.ts';

const FACTS: HolderFacts = {
  birthDate: '1987-03-01',
  permitGrantedOn: '2025-06-01',
  permitExpiresOn: '2026-12-01',
  inGermanySince: '2016-05-01',
  german: 'A2',
  livelihoodMainlyFromWork: null,
  livesWithMinorChild: false,
  germanSchoolOrQualification: null,
};
const on = (facts: HolderFacts) => companionPathways(evaluatePathways(holderProfile(facts, '2026-06-01')));

describe('conditions newly met', () => {
  it('notes the first look without news', () => {
    assert.equal(conditionNews(on(FACTS), null), null);
  });
  it('names what is newly met, what is open, and the next step', () => {
    const before = metKeys(on(FACTS));
    const news = conditionNews(on({ ...FACTS, livelihoodMainlyFromWork: true }), before);
    assert.ok(news);
    assert.ok(news.met.some((k) => k.startsWith('aufenthg-25b:')));
    assert.ok(news.met.every((k) => !before.includes(k)));
    assert.ok(news.open.every((k) => !news.met.includes(k)));
    assert.ok(['apply', 'work-on-open'].includes(news.next));
  });
  it('has no news when nothing new is met, and tells a condition again once it was lost', () => {
    const now = on({ ...FACTS, livelihoodMainlyFromWork: true });
    assert.equal(conditionNews(now, metKeys(now)), null);
    const lost = metKeys(on({ ...FACTS, livelihoodMainlyFromWork: false }));
    assert.ok(conditionNews(now, lost));
  });
});
