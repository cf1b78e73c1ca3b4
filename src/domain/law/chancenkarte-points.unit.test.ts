import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../calendar.ts';
import { chancenkartePoints } from './chancenkarte-points.ts';
import { buildProfile } from './testing.ts';
import type { ExperienceEntry, LanguageLevel, Person } from './types.ts';

const base: Partial<Person> = {
  qualification: {
    kind: 'vocational',
    trainingYears: 3,
    stateRecognizedAbroad: true,
    recognitionInGermany: 'none',
    isco08: '9112',
  },
  experience: [],
  languages: { german: 'none', english: 'none' },
  germanStayMonths: 0,
  spouseAppliesForChancenkarte: false,
  birthDate: '1980-01-01',
};
const points = (person: Partial<Person> = {}, date = '2026-03-01') =>
  chancenkartePoints(buildProfile({ date, person: { ...base, ...person } }));
const item = (person: Partial<Person>, id: string, date?: string) =>
  points(person, date).items.find((i) => i.id === id)?.points ?? 0;

describe('chancenkartePoints: each feature of § 20b(1)', () => {
  it('gives 0 points to the baseline profile', () => {
    assert.equal(points().total, 0);
  });
  it('gives 4 points for a partial-recognition notice (Nr. 1)', () => {
    assert.equal(
      points({ qualification: { ...base.qualification, recognitionInGermany: 'partial' } }).total,
      4,
    );
  });
  const german: [LanguageLevel, number][] = [
    ['none', 0],
    ['A1', 0],
    ['A2', 1],
    ['B1', 2],
    ['B2', 3],
    ['C1', 3],
    ['C2', 3],
  ];
  for (const [level, expected] of german) {
    it(`gives ${expected} points for German ${level} (Nr. 2–4, exclusive)`, () => {
      assert.equal(points({ languages: { german: level, english: 'none' } }).total, expected);
    });
  }
  it('gives 1 point for English C1 or C2 on top of German (Nr. 5), none for B2', () => {
    assert.equal(points({ languages: { german: 'B2', english: 'C1' } }).total, 4);
    assert.equal(points({ languages: { german: 'none', english: 'C2' } }).total, 1);
    assert.equal(points({ languages: { german: 'none', english: 'B2' } }).total, 0);
  });
  it('gives 1 point for a shortage occupation (Nr. 8), derived from ISCO when not stated', () => {
    assert.equal(points({ qualification: { ...base.qualification, isco08: '7411' } }).total, 1);
    assert.equal(points({ qualification: { ...base.qualification, isco08: '2144' } }).total, 1);
    assert.equal(points({ qualification: { ...base.qualification, shortageOccupation: true } }).total, 1);
  });
  it('gives 1 point for 6 months of earlier stay (Nr. 11) and 1 for a spouse who applies too (Nr. 12)', () => {
    assert.equal(points({ germanStayMonths: 5 }).total, 0);
    assert.equal(points({ germanStayMonths: 6 }).total, 1);
    assert.equal(points({ spouseAppliesForChancenkarte: true }).total, 1);
  });
  it('reaches 16 points for the maximum profile (D11, DERIVED)', () => {
    const max = points({
      birthDate: '2000-01-01',
      qualification: { ...base.qualification, recognitionInGermany: 'partial', shortageOccupation: true },
      languages: { german: 'C2', english: 'C2' },
      experience: [{ from: '2018-01-01', to: null }],
      germanStayMonths: 12,
      spouseAppliesForChancenkarte: true,
    });
    assert.equal(max.total, 16);
    assert.equal(max.maxPossible, 16);
  });
});

describe('chancenkartePoints: age points move on the birthday', () => {
  const date = '2026-03-01';
  const cases: [string, number, string][] = [
    ['1991-03-02', 2, 'the day before the 35th birthday'],
    ['1991-03-01', 1, 'on the 35th birthday'],
    ['1991-02-28', 1, 'the day after the 35th birthday'],
    ['1986-03-02', 1, 'the day before the 40th birthday'],
    ['1986-03-01', 0, 'on the 40th birthday'],
    ['1986-02-28', 0, 'the day after the 40th birthday'],
  ];
  for (const [birthDate, expected, label] of cases) {
    it(`gives ${expected} age points ${label}`, () => {
      assert.equal(points({ birthDate }, date).total, expected);
    });
  }
});

describe('chancenkartePoints: experience windows', () => {
  const date = '2026-03-01';
  const span = (from: string, days: number): ExperienceEntry[] => [{ from, to: addDays(from, days - 1) }];
  it('gives 3 points for 5 years within the last 7 years, starting on the window start', () => {
    assert.equal(item({ experience: span('2019-03-01', 5 * 365) }, 'experience-5-of-7', date), 3);
  });
  it('gives only 2 points when one day of the 5 years lies before the 7-year window', () => {
    const e = span('2019-02-28', 5 * 365);
    assert.equal(item({ experience: e }, 'experience-5-of-7', date), 0);
    assert.equal(item({ experience: e }, 'experience-2-of-5', date), 2);
  });
  it('gives 2 points for 2 years within the last 5 years and 0 when one day is missing', () => {
    assert.equal(points({ experience: span('2021-03-01', 730) }, date).total, 2);
    assert.equal(points({ experience: span('2021-02-28', 730) }, date).total, 0);
    assert.equal(points({ experience: span('2024-01-01', 729) }, date).total, 0);
  });
  it('merges overlapping jobs instead of counting days twice', () => {
    const e = [
      { from: '2024-01-01', to: '2025-06-30' },
      { from: '2024-06-01', to: '2025-12-31' },
    ];
    assert.equal(points({ experience: e }, date).total, 2);
    const overlapOnly = [
      { from: '2024-01-01', to: '2024-12-31' },
      { from: '2024-06-01', to: '2024-12-31' },
    ];
    assert.equal(points({ experience: overlapOnly }, date).total, 0);
  });
});

describe('chancenkartePoints: unknown facts', () => {
  it('counts unknown facts as 0 but reports the highest possible total', () => {
    const p = chancenkartePoints({ date: '2026-03-01', person: { birthDate: '1980-01-01' } });
    assert.equal(p.total, 0);
    assert.equal(p.maxPossible, 4 + 3 + 1 + 3 + 1 + 1 + 1);
  });
  it('evaluates on another date when given one', () => {
    const profile = buildProfile({ person: { ...base, birthDate: '1991-06-01' } });
    assert.equal(chancenkartePoints(profile, '2026-05-31').total, 2);
    assert.equal(chancenkartePoints(profile, '2026-06-01').total, 1);
  });
});
