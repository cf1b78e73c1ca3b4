import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkEntry,
  FEDERAL_PROFESSIONS,
  portability,
  type RegisterEntry,
  SIX_STATES,
  STATE_LAW_PROFESSIONS,
} from './portability.ts';

const pairs = SIX_STATES.flatMap((from) => SIX_STATES.map((to) => [from, to] as const));

describe('mutual-recognition register', () => {
  it('covers all 36 ordered pairs of the six states', () => {
    assert.equal(pairs.length, 36);
  });

  for (const profession of FEDERAL_PROFESSIONS) {
    it(`lets a ${profession} recognition under federal law count in every state, for every pair`, () => {
      for (const [from, to] of pairs) {
        const a = portability(profession, from, to);
        assert.equal(a.outcome, 'counts', `${from}→${to}`);
        assert.equal(a.bridgingStep, null);
        assert.equal(a.basis, from === to ? 'same-state' : 'federal-law');
        assert.equal(a.verified, true);
      }
    });
  }

  it('lets ZAB, IHK FOSA and chamber statements count everywhere', () => {
    for (const [from, to] of pairs) {
      assert.equal(portability('zab', from, to).outcome, 'counts');
    }
  });

  const expected = {
    teacher: ['bridging', 'teacher'],
    erzieher: ['counts', null],
    'social-worker': ['counts', null],
    engineer: ['counts', null],
    architect: ['notification', 'architect'],
  } as const;

  for (const profession of STATE_LAW_PROFESSIONS) {
    it(`answers every pair of states for ${profession}: counts in the granting state, otherwise the register default`, () => {
      for (const [from, to] of pairs) {
        const a = portability(profession, from, to);
        if (from === to) {
          assert.deepEqual(
            [a.outcome, a.bridgingStep, a.basis, a.verified],
            ['counts', null, 'same-state', true],
          );
        } else {
          const [outcome, step] = expected[profession];
          assert.equal(a.outcome, outcome, `${profession} ${from}→${to}`);
          assert.equal(a.bridgingStep, step, `${profession} ${from}→${to}`);
          assert.equal(a.basis, 'register-default');
          assert.equal(a.verified, false, 'defaults are unconfirmed until a ministry confirms them');
          assert.ok(a.legalBasis);
        }
      }
    });
  }

  it('prefers a ministry entry over the default, for that pair and direction only', () => {
    const entry: RegisterEntry = {
      profession: 'teacher',
      fromState: 'SN',
      toState: 'TH',
      outcome: 'counts',
      bridgingStep: null,
      legalBasis: 'Verwaltungsvereinbarung SN–TH',
      verified: true,
    };
    const a = portability('teacher', 'SN', 'TH', [entry]);
    assert.deepEqual([a.outcome, a.basis, a.verified], ['counts', 'register-entry', true]);
    assert.equal(portability('teacher', 'TH', 'SN', [entry]).basis, 'register-default');
    assert.equal(portability('teacher', 'SN', 'BB', [entry]).basis, 'register-default');
  });

  it('refuses entries for the same state and bridging answers without a step', () => {
    assert.deepEqual(
      checkEntry({
        profession: 'architect',
        fromState: 'BE',
        toState: 'BE',
        outcome: 'bridging',
        bridgingStep: ' ',
        legalBasis: null,
      }),
      [
        { field: 'toState', rule: 'differs-from-fromState' },
        { field: 'bridgingStep', rule: 'required' },
      ],
    );
    assert.deepEqual(
      checkEntry({
        profession: 'architect',
        fromState: 'BE',
        toState: 'BB',
        outcome: 'counts',
        bridgingStep: null,
        legalBasis: null,
      }),
      [],
    );
  });
});
