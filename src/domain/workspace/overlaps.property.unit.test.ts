import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  findOverlaps,
  newOverlaps,
  type OverlapSubject,
  overlapKey,
  overlapOf,
  overlapsForState,
} from './overlaps.ts';

const RUNS = { seed: 20261207, numRuns: 300 };
const STATES = ['BE', 'BB', 'MV', 'SN', 'ST', 'TH'];

const day = fc
  .integer({ min: 0, max: 730 })
  .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));

const activity = (id: string) =>
  fc
    .record({
      stateCode: fc.constantFrom(...STATES),
      countries: fc.uniqueArray(fc.constantFrom('VN', 'IN', 'PH', 'MA', 'BR'), { maxLength: 3 }),
      occupations: fc.uniqueArray(fc.constantFrom('81302', '82102', '43104', '26112'), { maxLength: 2 }),
      a: day,
      b: day,
    })
    .map(
      (r): OverlapSubject => ({
        id,
        stateCode: r.stateCode,
        countries: r.countries,
        occupations: r.occupations,
        start: [r.a, r.b].sort()[0] as string,
        end: [r.a, r.b].sort()[1] as string,
      }),
    );

const activities = fc
  .integer({ min: 0, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => activity(`a${String(i).padStart(2, '0')}`))));

describe('overlap finder properties', () => {
  it('is symmetric: the overlap of x and y is the overlap of y and x', () => {
    fc.assert(
      fc.property(activity('x'), activity('y'), (x, y) => {
        assert.deepEqual(overlapOf(x, y), overlapOf(y, x));
      }),
      RUNS,
    );
  });

  it('never pairs two activities of the same state', () => {
    fc.assert(
      fc.property(activities, (list) => {
        for (const o of findOverlaps(list)) assert.notEqual(o.states[0], o.states[1]);
      }),
      RUNS,
    );
  });

  it('gives an overlap period inside both periods, and something both share', () => {
    fc.assert(
      fc.property(activities, (list) => {
        const byId = new Map(list.map((a) => [a.id, a]));
        for (const o of findOverlaps(list)) {
          assert.ok(o.start <= o.end);
          for (const id of o.ids) {
            const a = byId.get(id) as OverlapSubject;
            assert.ok(
              a.start <= o.start && o.end <= a.end,
              `${o.start}–${o.end} outside ${a.start}–${a.end}`,
            );
            for (const c of o.countries) assert.ok(a.countries.includes(c));
            for (const p of o.occupations) assert.ok(a.occupations.includes(p));
          }
          assert.ok(o.countries.length + o.occupations.length > 0);
        }
      }),
      RUNS,
    );
  });

  it('finds exactly the pairs a brute-force comparison finds, in the same order whatever the input order', () => {
    fc.assert(
      fc.property(
        activities.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        ([list, shuffled]) => {
          const brute = [];
          for (let i = 0; i < list.length; i++)
            for (let j = i + 1; j < list.length; j++) {
              const o = overlapOf(list[i] as OverlapSubject, list[j] as OverlapSubject);
              if (o) brute.push(overlapKey(o));
            }
          const found = findOverlaps(list);
          assert.deepEqual(found.map(overlapKey).sort(), brute.sort());
          assert.deepEqual(findOverlaps(shuffled), found);
        },
      ),
      RUNS,
    );
  });

  it('shows each overlap to both of its states and to no other', () => {
    fc.assert(
      fc.property(activities, (list) => {
        const all = findOverlaps(list);
        const seen = STATES.flatMap((s) => overlapsForState(all, s).map((v) => overlapKey(v.overlap)));
        assert.equal(seen.length, all.length * 2);
        for (const s of STATES)
          for (const v of overlapsForState(all, s)) {
            assert.notEqual(v.otherState, s);
            assert.ok(v.overlap.states.includes(s));
          }
      }),
      RUNS,
    );
  });

  it('reports as new only what was not reported before', () => {
    fc.assert(
      fc.property(activities, fc.integer({ min: 0, max: 20 }), (list, k) => {
        const all = findOverlaps(list);
        const reported = new Set(all.slice(0, k).map(overlapKey));
        const fresh = newOverlaps(all, reported);
        assert.equal(fresh.length, Math.max(0, all.length - k));
        for (const o of fresh) assert.ok(!reported.has(overlapKey(o)));
      }),
      RUNS,
    );
  });
});
