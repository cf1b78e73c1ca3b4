import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkProfile, matches, type PoolProfileInput, releasedView, visibleTo } from './profile.ts';

const STATES = ['BB', 'MV', 'SN', 'ST', 'TH', 'BE'];
const CTX = { today: '2026-12-07', states: STATES, latestStartYears: 3 };
const RAW = {
  occupationKldb: '81302',
  qualification: 'vocational',
  recognition: 'pending',
  language1: 'en',
  level1: 'B2',
  language2: 'de',
  level2: 'A2',
  availableFrom: '2027-03-01',
  preferredStates: ['SN', 'TH'],
  poolStates: 'SN',
  released: ['occupation', 'languages', 'availableFrom'],
};
const profile = (over: Partial<PoolProfileInput> = {}): PoolProfileInput => {
  const r = checkProfile(RAW, CTX);
  assert.ok(r.ok);
  return { ...r.value, ...over };
};

describe('talent pool profile: checking the form', () => {
  it('takes a complete profile, lists in their fixed order', () => {
    const p = profile();
    assert.deepEqual(p.languages, [
      { code: 'en', level: 'B2' },
      { code: 'de', level: 'A2' },
    ]);
    assert.deepEqual(p.poolStates, ['SN']);
    assert.deepEqual(p.released, ['occupation', 'languages', 'availableFrom']);
  });

  it('names each bad field and its rule', () => {
    const r = checkProfile(
      {
        qualification: 'king',
        recognition: '',
        language1: 'xx',
        level1: 'B2',
        language2: 'en',
        level2: 'Z9',
        availableFrom: '2031-01-01',
        preferredStates: ['XX'],
        poolStates: [],
        released: ['name'],
      },
      CTX,
    );
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(
      r.errors.map((e) => `${e.field}:${e.rule}`),
      [
        'qualification:choice',
        'recognition:choice',
        'language1:choice',
        'level2:choice',
        'availableFrom:too-late',
        'preferredStates:choice',
        'poolStates:required',
        'released:choice',
      ],
    );
  });

  it('refuses a language named twice and an empty release', () => {
    const r = checkProfile({ ...RAW, language2: 'en', level2: 'C1', released: [] }, CTX);
    assert.equal(r.ok, false);
    if (!r.ok)
      assert.deepEqual(
        r.errors.map((e) => `${e.field}:${e.rule}`),
        ['language2:twice', 'released:required'],
      );
  });
});

describe('talent pool profile: the release filter', () => {
  it('shows only released facts', () => {
    const v = releasedView(profile());
    assert.deepEqual(Object.keys(v).sort(), ['availableFrom', 'languages', 'occupationKldb']);
    assert.equal(v.qualification, undefined);
    assert.equal(v.recognition, undefined);
    assert.equal(v.preferredStates, undefined);
  });

  it('shows everything released, and copies the lists', () => {
    const p = profile({
      released: [
        'occupation',
        'qualification',
        'recognition',
        'languages',
        'availableFrom',
        'preferredStates',
      ],
    });
    const v = releasedView(p);
    assert.equal(v.recognition, 'pending');
    v.languages?.push({ code: 'fr', level: 'A1' });
    assert.equal(p.languages.length, 2);
  });
});

describe('talent pool profile: the search', () => {
  it('matches on released facts', () => {
    const p = profile();
    assert.ok(matches(p, {}));
    assert.ok(matches(p, { occupationKldb: '81302' }));
    assert.ok(!matches(p, { occupationKldb: '43414' }));
    assert.ok(matches(p, { language: 'en', minLevel: 'B1' }));
    assert.ok(!matches(p, { language: 'en', minLevel: 'C1' }));
    assert.ok(!matches(p, { language: 'fr' }));
    assert.ok(matches(p, { availableBy: '2027-03-01' }));
    assert.ok(!matches(p, { availableBy: '2027-02-28' }));
  });

  it('never matches a filter on an unreleased fact, even when the fact fits', () => {
    const p = profile();
    assert.equal(p.recognition, 'pending');
    assert.ok(!matches(p, { recognition: 'pending' }));
    assert.ok(!matches(p, { state: 'SN' }));
    const hidden = profile({ released: ['qualification'] });
    assert.ok(!matches(hidden, { occupationKldb: '81302' }));
    assert.ok(!matches(hidden, { language: 'en' }));
    assert.ok(!matches(hidden, { availableBy: '2030-01-01' }));
  });

  it('is visible only to readers of a state whose pool it joined', () => {
    assert.ok(visibleTo({ poolStates: ['SN', 'TH'] }, ['TH']));
    assert.ok(!visibleTo({ poolStates: ['SN'] }, ['BB']));
  });
});
