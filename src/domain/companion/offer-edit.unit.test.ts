import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  changedFields,
  checkOfferForm,
  type OfferForm,
  sourceDateForInput,
  sourceDateFromInput,
  tagsFor,
  topicsOf,
} from './offer-edit.ts';

const FORM: OfferForm = {
  nameDe: 'Deutschkurs',
  nameEn: 'German course',
  provider: 'VHS',
  levels: ['municipal'],
  stateCode: 'SN',
  districtAgs: '14713',
  topics: ['language', 'work'],
  languages: '',
  costDe: '',
  costEn: '',
  contactUrl: 'https://vhs.example',
  sourceUrls: 'https://vhs.example/a\nhttps://vhs.example/b',
  sourceDate: '2026-11',
  reason: 'neu',
};
const CONTEXT = {
  states: ['', 'SN'],
  districtsOf: (s: string) => (s === 'SN' ? ['14713'] : []),
  conditionsBefore: ['language_a2'],
};

describe('keeping an offer', () => {
  it('keeps the tags an offer had for a topic, and gives a new topic all of its tags', () => {
    assert.deepEqual(tagsFor(['language', 'work'], ['language_a2']), [
      'language_a2',
      'livelihood_job',
      'recognition',
      'labour_rights',
    ]);
    assert.deepEqual(topicsOf(['language_b1', 'residence_law']), ['language', 'legal']);
  });
  it('turns a good form into values', () => {
    const r = checkOfferForm(FORM, CONTEXT);
    assert.ok(r.ok);
    assert.deepEqual(r.values.sourceUrls, ['https://vhs.example/a', 'https://vhs.example/b']);
    assert.equal(r.values.stateCode, 'SN');
  });
  it('names every bad field with its rule', () => {
    const r = checkOfferForm(
      {
        ...FORM,
        nameEn: '',
        levels: [],
        stateCode: 'TH',
        topics: ['money'],
        contactUrl: 'ftp://x',
        sourceUrls: '',
        sourceDate: '11/2026',
        reason: 'x',
      },
      CONTEXT,
    );
    assert.ok(!r.ok);
    assert.deepEqual(
      r.errors.map((e) => `${e.field}:${e.rule}`),
      [
        'nameEn:required',
        'levels:required',
        'stateCode:choice',
        'districtAgs:choice',
        'topics:choice',
        'contactUrl:url',
        'sourceUrls:required',
        'sourceDate:date',
        'reason:required',
      ],
    );
  });
  it('reads the source date as people type it', () => {
    assert.equal(sourceDateFromInput('2026'), '2026');
    assert.equal(sourceDateFromInput('11.2026'), '2026-11');
    assert.equal(sourceDateFromInput('1.11.2026'), '2026-11-01');
    assert.equal(sourceDateFromInput('2026-11'), '2026-11');
    assert.equal(sourceDateFromInput('13.2026'), null);
    assert.equal(sourceDateFromInput('31.02.2026'), null);
    assert.equal(sourceDateForInput('2026-11'), '11.2026');
  });
  it('says which fields changed', () => {
    const r = checkOfferForm(FORM, CONTEXT);
    assert.ok(r.ok);
    assert.deepEqual(changedFields(r.values, { ...r.values, costDe: '5 Euro' }), ['costDe']);
    assert.deepEqual(changedFields(r.values, r.values), []);
  });
});
