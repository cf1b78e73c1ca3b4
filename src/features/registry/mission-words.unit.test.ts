import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  countryName,
  countryOfName,
  measuredWhen,
  missionArea,
  missionName,
  waitingTimeKind,
} from './mission-words.ts';

describe('missions in the page’s language', () => {
  it('names countries in German and English and finds them by either name', () => {
    assert.equal(countryName('Egypt', 'de'), 'Ägypten');
    assert.equal(countryName('Egypt', 'en'), 'Egypt');
    assert.equal(countryName('Kosovo', 'de'), 'Kosovo');
    assert.equal(countryOfName('Ägypten'), 'Egypt');
    assert.equal(countryOfName(' indien '), 'India');
    assert.equal(countryOfName('Bosnien und Herzegowina'), 'Bosnia and Herzegovina');
    assert.equal(countryOfName('Atlantis'), undefined);
  });

  it('names missions without working notes', () => {
    assert.equal(
      missionName('Embassy of Germany New Delhi (visa section; applications via VFS Global)', 'de'),
      'Deutsche Botschaft Neu-Delhi',
    );
    assert.equal(missionName('Consulate General of Germany Mumbai', 'en'), 'German Consulate General Mumbai');
    assert.equal(
      missionName('Consulate General of Germany Donetsk (seat in Dnipro)', 'de'),
      'Deutsches Generalkonsulat Donezk (Sitz in Dnipro)',
    );
    assert.equal(missionArea('Delhi, Punjab, Sikkim (UNVERIFIED)'), 'Delhi, Punjab, Sikkim');
  });

  it('reads what a waiting time measured and when', () => {
    assert.deepEqual(waitingTimeKind('appointment waiting time (family reunion)'), {
      kind: 'appointment',
      purpose: 'family',
      estimate: false,
    });
    assert.deepEqual(waitingTimeKind('national visa processing time (political statement)'), {
      kind: 'processing',
      purpose: 'any',
      estimate: true,
    });
    assert.deepEqual(measuredWhen('2024-06-18'), { day: '2024-06-18' });
    assert.deepEqual(measuredWhen('2021-04'), { month: '2021-04-01' });
    assert.deepEqual(measuredWhen('2018 / 2023'), { year: 2023 });
    assert.equal(measuredWhen('date not recorded'), undefined);
  });
});
