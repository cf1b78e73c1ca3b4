import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluatePathways } from '../law/index.ts';
import { companionPathways, dueReminder, type HolderFacts, holderProfile, permitClock } from './holder.ts';

const FACTS: HolderFacts = {
  birthDate: '1990-03-01',
  permitGrantedOn: '2025-06-01',
  permitExpiresOn: '2026-12-01',
  inGermanySince: '2016-05-01',
  german: 'A2',
  livelihoodMainlyFromWork: null,
  livesWithMinorChild: false,
  germanSchoolOrQualification: null,
};

const conditionsOn = (facts: HolderFacts, date: string) =>
  companionPathways(evaluatePathways(holderProfile(facts, date)));

describe('permit clock', () => {
  it('counts the days and whole weeks to the last valid day', () => {
    assert.deepEqual(permitClock('2026-12-01', '2026-10-20'), { kind: 'running', days: 42, weeks: 6 });
    assert.deepEqual(permitClock('2026-12-01', '2026-11-30'), { kind: 'running', days: 1, weeks: 0 });
  });
  it('says the last day and how long the permit has expired', () => {
    assert.deepEqual(permitClock('2026-12-01', '2026-12-01'), { kind: 'last-day' });
    assert.deepEqual(permitClock('2026-12-01', '2026-12-08'), { kind: 'expired', days: 7 });
  });
  it('counts across a leap day', () => {
    assert.deepEqual(permitClock('2028-03-01', '2028-02-28'), { kind: 'running', days: 2, weeks: 0 });
  });
});

describe('holder conditions from the engine', () => {
  it('gives § 25a and § 25b, without the in-force check', () => {
    const ps = conditionsOn(FACTS, '2026-06-01');
    assert.deepEqual(
      ps.map((p) => p.id),
      ['aufenthg-25a', 'aufenthg-25b'],
    );
    for (const p of ps) assert.ok(!p.conditions.some((c) => c.criterion.id === 'in-force'));
  });

  it('maps met, unmet and unknown to met, open and needs evidence', () => {
    const b = conditionsOn(FACTS, '2026-06-01')[1];
    const state = (id: string) => b?.conditions.find((c) => c.criterion.id === id)?.state;
    assert.equal(state('german-language'), 'met');
    assert.equal(state('livelihood-work'), 'needs-evidence');
    assert.equal(state('tolerated-status'), 'met');
    const open = conditionsOn({ ...FACTS, livelihoodMainlyFromWork: false, german: 'A1' }, '2026-06-01')[1];
    const s = (id: string) => open?.conditions.find((c) => c.criterion.id === id)?.state;
    assert.equal(s('livelihood-work'), 'open');
    assert.equal(s('german-language'), 'open');
  });

  it('follows the holder-rules switch of the engine on the date', () => {
    const holder = (date: string) =>
      conditionsOn(FACTS, date)[1]?.conditions.find((c) => c.criterion.id === 'holder-104c');
    assert.equal(holder('2026-06-01')?.state, 'met');
    assert.equal(holder('2027-07-01')?.state, 'open');
  });

  it('leaves out the facts the person has not given', () => {
    const p = holderProfile(FACTS, '2026-06-01');
    assert.equal(p.person.status, 'aufenthg-104c');
    assert.equal(p.person.statusSince, '2025-06-01');
    assert.equal('livelihoodMainlyFromWork' in p.person, false);
    assert.equal(p.education, undefined);
  });
});

describe('expiry reminders', () => {
  it('is due six weeks and two weeks before the last day, not before and not after it ran out', () => {
    assert.equal(dueReminder('2026-12-31', '2026-11-18'), null);
    assert.equal(dueReminder('2026-12-31', '2026-11-19'), 'six-weeks');
    assert.equal(dueReminder('2026-12-31', '2026-12-16'), 'six-weeks');
    assert.equal(dueReminder('2026-12-31', '2026-12-17'), 'two-weeks');
    assert.equal(dueReminder('2026-12-31', '2026-12-31'), 'two-weeks');
    assert.equal(dueReminder('2026-12-31', '2027-01-01'), null);
  });
});
