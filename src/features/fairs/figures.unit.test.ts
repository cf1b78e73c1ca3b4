import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { figuresCsv, publishFigures } from './figures.ts';

const row = (state: string, country: string, meetings: number, offer = 0) => ({
  state,
  country,
  meetings,
  attended: meetings,
  'no-show': 0,
  interested: 0,
  offer,
  'no-fit': 0,
  'hand-offs': offer,
});

describe('fair figures: small counts suppressed (issue 16, V4)', () => {
  it('hides counts under 5 and a count that would reveal one, per state and per country', () => {
    const f = publishFigures({
      registrations: [
        { country: 'IN', n: 12 },
        { country: 'PH', n: 2 },
        { country: 'VN', n: 7 },
      ],
      meetings: [row('SN', 'IN', 9, 5), row('TH', 'IN', 6), row('TH', 'VN', 3)],
    });
    assert.deepEqual(f.total.registrations, { value: 21 });
    const ph = f.countries.find((c) => c.code === 'PH')?.counts;
    assert.deepEqual(ph?.registrations, { value: null }, 'two registrations are not shown');
    const hidden = f.countries.filter((c) => c.counts.registrations?.value === null).length;
    assert.ok(hidden >= 2, 'a second count hides the first');
    assert.equal(f.states.find((s) => s.code === 'SN')?.counts.registrations, undefined, 'no split by state');
    assert.deepEqual(f.total.meetings, { value: 18 });
    assert.deepEqual(f.states.find((s) => s.code === 'SN')?.counts.offer, { value: 5 });
    const vn = f.countries.find((c) => c.code === 'VN')?.counts.meetings;
    assert.deepEqual(vn, { value: null });
    const csv = figuresCsv(f);
    assert.match(csv, /^group,code,measure,count,count_suppressed\r\n/);
    assert.match(csv, /country,PH,registrations,,true\r\n/);
    assert.match(csv, /fair,all,registrations,21,false\r\n/);
  });
});
