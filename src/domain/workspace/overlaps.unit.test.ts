import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findOverlaps, type OverlapSubject, overlapOf, overlapsForState } from './overlaps.ts';

const NURSE = '81302';
const IT = '43104';

const a = (over: Partial<OverlapSubject> & { id: string; stateCode: string }): OverlapSubject => ({
  countries: [],
  occupations: [],
  start: '2026-01-01',
  end: '2026-12-31',
  ...over,
});

describe('overlap finder', () => {
  const saxonyNurses = a({ id: 's1', stateCode: 'SN', countries: ['VN'], occupations: [NURSE] });
  const thuringiaNurses = a({
    id: 't1',
    stateCode: 'TH',
    countries: ['VN', 'PH'],
    occupations: [NURSE],
    start: '2026-06-01',
    end: '2027-05-31',
  });

  it('finds Saxony and Thuringia both recruiting nurses in Vietnam, with the common months', () => {
    assert.deepEqual(overlapOf(saxonyNurses, thuringiaNurses), {
      ids: ['s1', 't1'],
      states: ['SN', 'TH'],
      countries: ['VN'],
      occupations: [NURSE],
      start: '2026-06-01',
      end: '2026-12-31',
    });
  });

  it('counts a shared occupation in different countries as an overlap', () => {
    const o = overlapOf(
      a({ id: 'b', stateCode: 'BB', countries: ['IN'], occupations: [IT] }),
      a({ id: 'c', stateCode: 'ST', countries: ['BR'], occupations: [IT] }),
    );
    assert.deepEqual(o?.countries, []);
    assert.deepEqual(o?.occupations, [IT]);
  });

  it('ignores two activities of one state, periods apart, and nothing shared', () => {
    assert.equal(overlapOf(saxonyNurses, { ...thuringiaNurses, stateCode: 'SN' }), null);
    assert.equal(overlapOf(saxonyNurses, { ...thuringiaNurses, start: '2027-01-01' }), null);
    assert.equal(overlapOf(saxonyNurses, { ...thuringiaNurses, countries: ['PH'], occupations: [IT] }), null);
  });

  it('counts a single shared day (periods are inclusive)', () => {
    const o = overlapOf(saxonyNurses, { ...thuringiaNurses, start: '2026-12-31' });
    assert.equal(o?.start, '2026-12-31');
    assert.equal(o?.end, '2026-12-31');
  });

  it('lists overlaps by common period, and per state by the other state', () => {
    const berlin = a({
      id: 'b1',
      stateCode: 'BE',
      countries: ['VN'],
      start: '2026-03-01',
      end: '2026-04-30',
    });
    const all = findOverlaps([thuringiaNurses, berlin, saxonyNurses]);
    assert.deepEqual(
      all.map((o) => o.ids.join('+')),
      ['b1+s1', 's1+t1'],
    );
    const forSaxony = overlapsForState(all, 'SN');
    assert.deepEqual(
      forSaxony.map((v) => [v.ownId, v.otherState, v.otherId]),
      [
        ['s1', 'BE', 'b1'],
        ['s1', 'TH', 't1'],
      ],
    );
    assert.deepEqual(overlapsForState(all, 'MV'), []);
  });
});
