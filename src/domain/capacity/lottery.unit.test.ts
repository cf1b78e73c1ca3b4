import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { personKey } from './identity-key.ts';
import { drawLottery } from './lottery.ts';

/** 960 persons; 40 of them register a second time, typing their passport number differently. */
function registrations() {
  const entries: { id: string; personKey: string }[] = [];
  for (let i = 0; i < 960; i++) {
    const passport = `x${String(1_000_000 + i)}`;
    entries.push({
      id: `reg-${String(entries.length).padStart(4, '0')}`,
      personKey: personKey('s', passport, 'SRB', '1990-01-01'),
    });
    if (i % 24 === 0) {
      const retyped = `X ${passport.slice(1)}`;
      entries.push({
        id: `reg-${String(entries.length).padStart(4, '0')}`,
        personKey: personKey('s', retyped, 'SRB', '1990-01-01'),
      });
    }
  }
  return entries;
}

describe('memo test case 9: lottery', () => {
  const entries = registrations();
  const result = drawLottery(entries, 100, '2026-W48');
  const personOf = new Map(entries.map((e) => [e.id, e.personKey]));

  it('counts 1000 registrations with 40 duplicates as 960 unique persons', () => {
    assert.equal(entries.length, 1000);
    assert.equal(result.uniquePersons, 960);
  });

  it('draws 100 distinct winners, each person at most once, and publishes the odds 100 ÷ 960', () => {
    assert.equal(result.winners.length, 100);
    assert.equal(new Set(result.winners).size, 100);
    assert.equal(new Set(result.winners.map((id) => personOf.get(id))).size, 100);
    assert.equal(result.odds, 100 / 960);
  });

  it('gives the identical list on a re-run with seed "2026-W48", whatever the order of the entries', () => {
    assert.deepEqual(drawLottery(entries, 100, '2026-W48'), result);
    assert.deepEqual(drawLottery([...entries].reverse(), 100, '2026-W48'), result);
    assert.notDeepEqual(drawLottery(entries, 100, '2026-W49').winners, result.winners);
  });

  it('gives a second registration no extra chance: the same persons win without the duplicates', () => {
    const firstOnly = entries.filter((e, i) => entries.findIndex((f) => f.personKey === e.personKey) === i);
    assert.deepEqual(drawLottery(firstOnly, 100, '2026-W48').winners, result.winners);
  });

  it('lets everyone win when there are more slots than persons, and handles an empty window', () => {
    const few = drawLottery(entries.slice(0, 5), 100, 'w'); // the first person registered twice
    assert.equal(few.uniquePersons, 4);
    assert.equal(few.winners.length, 4);
    assert.equal(few.odds, 1);
    assert.deepEqual(drawLottery([], 10, 'w'), { winners: [], uniquePersons: 0, odds: 1 });
    assert.deepEqual(drawLottery(entries, -1, 'w').winners, []);
  });
});
