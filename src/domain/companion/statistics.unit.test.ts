import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompanionPathway } from './holder.ts';
import { companionStatistics, counts, type HolderCase, publishLine } from './statistics.ts';

const TODAY = '2026-12-07';
const pathway = (id: 'aufenthg-25a' | 'aufenthg-25b', states: ('met' | 'open')[]): CompanionPathway => ({
  id,
  outcome: 'eligible',
  conditions: states.map((state, i) => ({
    state,
    criterion: {
      id: i === 0 ? 'german' : 'livelihood-work',
      status: state === 'met' ? 'met' : 'unmet',
    } as never,
  })),
});
const holder = (
  stateCode: string,
  districtAgs: string | null,
  expiresOn: string,
  open = false,
): HolderCase => ({
  stateCode,
  districtAgs,
  expiresOn,
  moved: null,
  pathways: [
    pathway('aufenthg-25a', ['open']),
    pathway('aufenthg-25b', open ? ['met', 'open'] : ['met', 'met']),
  ],
});

describe('companion statistics (issue 18)', () => {
  it('counts holders whose permit still runs, those ending within 3 and 6 months, and those ready to move', () => {
    const h = holder('SN', '14713', '2027-02-01');
    assert.equal(counts(h, 'holders', TODAY), true);
    assert.equal(counts(h, 'expiring-3', TODAY), true);
    assert.equal(counts(holder('SN', null, '2027-04-01'), 'expiring-3', TODAY), false);
    assert.equal(counts(holder('SN', null, '2027-04-01'), 'expiring-6', TODAY), true);
    assert.equal(counts(h, 'ready-25b', TODAY), true);
    assert.equal(counts(h, 'ready-25a', TODAY), false);
    assert.equal(counts(holder('SN', null, '2026-12-06'), 'holders', TODAY), false);
    const moved: HolderCase = { ...holder('SN', null, '2026-12-06'), moved: 'aufenthg-25b' };
    assert.equal(counts(moved, 'moved-25b', TODAY), true, 'a move counts after the permit ended');
    assert.equal(counts(moved, 'moved-25a', TODAY), false);
  });

  it('hides 1 to 4 and one more count of the line, never a zero when a count is left', () => {
    const l = publishLine([7, 3, 0, 9], 5);
    assert.deepEqual(
      l.parts.map((c) => c.value),
      [null, null, 0, 9],
    );
    assert.equal(l.total.value, 19);
    const forced = publishLine([6, 8], 5, true);
    assert.equal(forced.total.value, null);
    assert.equal(forced.parts.filter((c) => c.value === null).length, 1);
  });

  it('gives the six states, the open conditions most first, and one state by district', () => {
    const cases = [
      ...Array.from({ length: 6 }, () => holder('SN', '14713', '2027-02-01', true)),
      ...Array.from({ length: 5 }, () => holder('SN', '14612', '2027-09-01')),
      holder('SN', null, '2027-09-01'),
      ...Array.from({ length: 2 }, () => holder('BB', '12051', '2027-09-01')),
    ];
    const s = companionStatistics(cases, {
      today: TODAY,
      threshold: 5,
      states: ['BB', 'SN'],
      state: 'SN',
      districtsOf: ['14612', '14713'],
    });
    assert.deepEqual(
      s.byState.holders.parts.map((c) => c.value),
      [null, null],
    );
    assert.equal(s.byState.holders.total.value, 14);
    assert.equal(s.open[0]?.condition, 'livelihood-work');
    assert.equal(s.open.length, 1);
    const d = s.districts;
    assert.ok(d);
    assert.deepEqual(d.rows, ['14612', '14713', '']);
    // Saxony is hidden above, so its district total stays hidden here, and one district with it.
    assert.equal(d.byMeasure.holders.total.value, null);
    assert.equal(d.byMeasure.holders.parts[2]?.value, null);
    assert.equal(d.byMeasure['expiring-3'].parts[1]?.value, 6);
  });
});
