import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CRITERION_TOPICS, filterOffers, isOfferTopic, OFFER_TOPICS, offersForCondition } from './offers.ts';

const OFFERS = [
  { id: 'de-course', stateCode: null, conditions: ['language_a2', 'language_b1'] },
  { id: 'sn-course', stateCode: 'SN', conditions: ['language_a2'] },
  { id: 'be-jobs', stateCode: 'BE', conditions: ['livelihood_job'] },
  { id: 'de-pass', stateCode: null, conditions: ['identity_passport'] },
  { id: 'sn-legal', stateCode: 'SN', conditions: ['residence_law', 'counselling'] },
  { id: 'sn-school', stateCode: 'SN', conditions: ['school_attendance'] },
] as const;

const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);

describe('offer directory filter', () => {
  it('keeps the offers of the state and the nationwide ones, state offers first', () => {
    assert.deepEqual(ids(filterOffers(OFFERS, { stateCode: 'SN' })), [
      'sn-course',
      'sn-legal',
      'sn-school',
      'de-course',
      'de-pass',
    ]);
  });
  it('filters by topic', () => {
    assert.deepEqual(ids(filterOffers(OFFERS, { topic: 'language' })), ['de-course', 'sn-course']);
    assert.deepEqual(ids(filterOffers(OFFERS, { topic: 'identity' })), ['de-pass']);
    assert.deepEqual(ids(filterOffers(OFFERS, { stateCode: 'BE', topic: 'work' })), ['be-jobs']);
  });
  it('keeps all without a filter', () => {
    assert.equal(filterOffers(OFFERS, {}).length, OFFERS.length);
  });
  it('knows its topics', () => {
    assert.ok(OFFER_TOPICS.every(isOfferTopic));
    assert.equal(isOfferTopic('passport'), false);
  });
});

describe('matching conditions to offers', () => {
  it('gives language offers for German, in the person state and nationwide', () => {
    assert.deepEqual(ids(offersForCondition('german-language', OFFERS, 'SN')), ['sn-course', 'de-course']);
    assert.deepEqual(ids(offersForCondition('german-language', OFFERS, 'BE')), ['de-course']);
  });
  it('gives work offers for livelihood only in the state', () => {
    assert.deepEqual(ids(offersForCondition('livelihood-work', OFFERS, 'BE')), ['be-jobs']);
    assert.deepEqual(ids(offersForCondition('livelihood-work', OFFERS, 'SN')), []);
  });
  it('gives legal advice and identity help for the holder transition', () => {
    assert.deepEqual(ids(offersForCondition('holder-104c', OFFERS, 'SN')), ['sn-legal', 'de-pass']);
  });
  it('gives school offers for the school condition', () => {
    assert.deepEqual(ids(offersForCondition('school', OFFERS, 'SN')), ['sn-school']);
  });
  it('gives nothing for a condition it has no topic for', () => {
    assert.deepEqual(offersForCondition('points-minimum', OFFERS, 'SN'), []);
    assert.equal(CRITERION_TOPICS['points-minimum'], undefined);
  });
});
