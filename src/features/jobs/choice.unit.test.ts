import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OccupationHit, OccupationSearch } from '../registry/index.ts';
import { chooseOccupation } from './occupation-choice.ts';
import { readQuery } from './search.ts';

const hit = (kldb: string, titleDe: string, titleEn: string): OccupationHit => ({
  kldb,
  isco08: '0000',
  titleDe,
  titleEn,
  regulated: false,
  shortage: false,
  verified: true,
  matched: titleDe,
  score: 1,
});
const NURSE = hit('81302', 'Pflegefachfrau/-mann', 'Nurse (general)');
const GERIATRIC = hit('82102', 'Altenpflegefachkraft', 'Geriatric nurse');
const SOFTWARE = hit('43414', 'Softwareentwickler/in', 'Software developer');

/** A fake search: "pflege" finds both care occupations, "software" the developer, digits nothing. */
const search: OccupationSearch = {
  search: async (q) => (/pflege|nurse/i.test(q) ? [NURSE, GERIATRIC] : /software/i.test(q) ? [SOFTWARE] : []),
  withIsco: async () => [],
};

describe('choosing the occupation of an ad', () => {
  it('takes a single match, keeps a chosen one, offers several, refuses none and empty', async () => {
    assert.deepEqual(await chooseOccupation(search, 'Softwarentwickler', ''), {
      kind: 'found',
      hit: SOFTWARE,
    });
    assert.deepEqual(await chooseOccupation(search, 'Pflege', '82102'), { kind: 'found', hit: GERIATRIC });
    assert.deepEqual(await chooseOccupation(search, 'Pflege', '43414'), {
      kind: 'choose',
      candidates: [NURSE, GERIATRIC],
    });
    assert.deepEqual(await chooseOccupation(search, 'geriatric nurse', ''), {
      kind: 'found',
      hit: GERIATRIC,
    });
    assert.deepEqual(await chooseOccupation(search, '43414', ''), { kind: 'unknown' });
    assert.deepEqual(await chooseOccupation(search, '  ', ''), { kind: 'empty' });
  });
});

describe('reading the search form', () => {
  it('keeps known states, flags and pathways and ignores everything else', () => {
    assert.deepEqual(
      readQuery({
        q: '  Pflege ',
        state: 'SN',
        flag: ['english-enough', 'nonsense', 'collective-agreement'],
        pathway: 'aufenthg-18g',
        page: '3',
        occupation: ' Pflegefachkraft ',
        occupationKey: '81302',
      }),
      {
        q: 'Pflege',
        occupation: 'Pflegefachkraft',
        occupationKey: '81302',
        state: 'SN',
        flags: ['english-enough', 'collective-agreement'],
        pathway: 'aufenthg-18g',
        page: 3,
      },
    );
    assert.deepEqual(
      readQuery({ state: 'BY', flag: 'x', pathway: 'aufenthg-20a', page: '-1', occupationKey: '8130' }),
      {
        q: '',
        occupation: '',
        occupationKey: null,
        state: null,
        flags: [],
        pathway: null,
        page: 1,
      },
    );
    assert.deepEqual(readQuery(undefined), {
      q: '',
      occupation: '',
      occupationKey: null,
      state: null,
      flags: [],
      pathway: null,
      page: 1,
    });
  });
});
