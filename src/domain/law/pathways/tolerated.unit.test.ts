import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildProfile, criterionOf, evaluateOne, statusOf } from '../testing.ts';
import type { Education, Person } from '../types.ts';

const tolerated = (person: Partial<Person>, date: string, education?: Education) =>
  buildProfile({
    date,
    person: {
      location: 'germany',
      status: 'duldung',
      fines: { generalDailyRates: 0, residenceLawDailyRates: 0 },
      ...person,
    },
    job: null,
    ...(education === undefined ? {} : { education }),
  });

describe('aufenthg-104c Chancen-Aufenthaltsrecht', () => {
  const c = (person: Partial<Person>, date = '2024-06-01') =>
    evaluateOne(tolerated(person, date), 'aufenthg-104c');
  it('needs 5 years of stay on 31.10.2022: a stay from 31.10.2017 is enough, from 1.11.2017 not', () => {
    assert.equal(c({ statusSince: '2017-10-31' }).outcome, 'eligible');
    assert.equal(c({ statusSince: '2017-11-01' }).outcome, 'not-eligible');
  });
  it('is in force from 31.12.2022 to 30.12.2025 and grants nothing new from 31.12.2025', () => {
    assert.equal(c({ statusSince: '2015-01-01' }, '2022-12-30').outcome, 'not-eligible');
    assert.equal(c({ statusSince: '2015-01-01' }, '2022-12-31').outcome, 'eligible');
    assert.equal(c({ statusSince: '2015-01-01' }, '2025-12-30').outcome, 'eligible');
    const after = c({ statusSince: '2015-01-01' }, '2025-12-31');
    assert.equal(after.outcome, 'not-eligible');
    assert.equal(criterionOf(after, 'in-force')?.message.key, 'law.criterion.in-force.expired');
  });
  it('disregards fines up to 50 daily rates, and up to 90 for offences only foreigners can commit', () => {
    const fine = (generalDailyRates: number, residenceLawDailyRates: number) =>
      statusOf(
        c({ statusSince: '2015-01-01', fines: { generalDailyRates, residenceLawDailyRates } }),
        'criminal-record',
      );
    assert.equal(fine(50, 0), 'met');
    assert.equal(fine(51, 0), 'unmet');
    assert.equal(fine(0, 90), 'met');
    assert.equal(fine(0, 91), 'unmet');
  });
  it('is only for tolerated persons in Germany', () => {
    assert.equal(c({ statusSince: '2015-01-01', status: 'gestattung' }).outcome, 'not-eligible');
    assert.equal(c({ statusSince: '2015-01-01', location: 'abroad' }).outcome, 'not-eligible');
  });
});

describe('aufenthg-25b sustainable integration', () => {
  const b = (person: Partial<Person>, date = '2026-03-01') =>
    evaluateOne(
      tolerated({ languages: { german: 'A2' }, livelihoodMainlyFromWork: true, ...person }, date),
      'aufenthg-25b',
    );
  it('needs 6 years of stay, or 4 with a minor child', () => {
    assert.equal(b({ statusSince: '2020-03-01' }).outcome, 'eligible');
    assert.equal(b({ statusSince: '2020-03-02', livesWithMinorChild: false }).outcome, 'not-eligible');
    assert.equal(b({ statusSince: '2022-03-01', livesWithMinorChild: true }).outcome, 'eligible');
    assert.equal(b({ statusSince: '2022-03-02', livesWithMinorChild: true }).outcome, 'not-eligible');
    assert.equal(b({ statusSince: '2021-01-01' }).outcome, 'needs-review');
  });
  it('needs oral German A2 and a living mainly from work', () => {
    assert.equal(b({ statusSince: '2015-01-01', languages: { german: 'A1' } }).outcome, 'not-eligible');
    assert.equal(b({ statusSince: '2015-01-01', livelihoodMainlyFromWork: false }).outcome, 'not-eligible');
  });
  it('ignores the § 104c dates for people with a Duldung', () => {
    for (const date of ['2025-12-30', '2025-12-31', '2027-06-30', '2027-07-01'])
      assert.equal(b({ statusSince: '2015-01-01' }, date).outcome, 'eligible', date);
  });
});

describe('§ 104c holders moving on to §§ 25a/25b, on both sides of every change date', () => {
  const holder = (date: string, id: 'aufenthg-25a' | 'aufenthg-25b') =>
    evaluateOne(
      tolerated(
        {
          birthDate: '2003-01-01',
          status: 'aufenthg-104c',
          statusSince: '2025-06-01',
          inGermanySince: '2015-01-01',
          languages: { german: 'A2' },
          livelihoodMainlyFromWork: true,
        },
        date,
        { germanSchoolOrQualification: true },
      ),
      id,
    );
  const table: [string, string, boolean, 'eligible' | 'not-eligible'][] = [
    // date, holder-104c message, verified, outcome
    ['2025-12-30', 'law.criterion.holder-104c.grant', true, 'eligible'],
    ['2025-12-31', 'law.criterion.holder-104c.transition', false, 'eligible'],
    ['2027-06-30', 'law.criterion.holder-104c.transition', false, 'eligible'],
    ['2027-07-01', 'law.criterion.holder-104c.ended', false, 'not-eligible'],
  ];
  for (const id of ['aufenthg-25a', 'aufenthg-25b'] as const) {
    for (const [date, key, verified, outcome] of table) {
      it(`${id} on ${date}: ${key.split('.').pop()}, ${outcome}`, () => {
        const r = holder(date, id);
        const c = criterionOf(r, 'holder-104c');
        assert.equal(c?.message.key, key);
        assert.equal(c?.verified, verified);
        assert.equal(r.outcome, outcome);
        assert.equal(statusOf(r, 'identity'), 'absent');
      });
    }
  }
  it('names the last application day (30.6.2027) and the end of new grants (31.12.2025)', () => {
    const c = criterionOf(holder('2026-03-01', 'aufenthg-25b'), 'holder-104c');
    assert.deepEqual(c?.message.values, { noNewFrom: '2025-12-31', until: '2027-06-30' });
  });
  it('grants no new § 104c permit from 31.12.2025 but keeps § 25b open to holders', () => {
    const person = {
      status: 'duldung' as const,
      statusSince: '2015-01-01',
      languages: { german: 'A2' as const },
      livelihoodMainlyFromWork: true,
    };
    assert.equal(evaluateOne(tolerated(person, '2025-12-30'), 'aufenthg-104c').outcome, 'eligible');
    assert.equal(evaluateOne(tolerated(person, '2025-12-31'), 'aufenthg-104c').outcome, 'not-eligible');
    assert.equal(holder('2025-12-31', 'aufenthg-25b').outcome, 'eligible');
  });
});

describe('aufenthg-25a well-integrated young people', () => {
  const a = (person: Partial<Person>, date = '2026-03-01') =>
    evaluateOne(tolerated(person, date, { germanSchoolOrQualification: true }), 'aufenthg-25a');
  it('is open from the 14th birthday until the day before the 27th birthday', () => {
    assert.equal(a({ birthDate: '1999-03-02', statusSince: '2020-01-01' }).outcome, 'eligible');
    assert.equal(a({ birthDate: '1999-03-01', statusSince: '2020-01-01' }).outcome, 'not-eligible');
    assert.equal(a({ birthDate: '2012-03-01', statusSince: '2020-01-01' }).outcome, 'eligible');
    assert.equal(a({ birthDate: '2012-03-02', statusSince: '2020-01-01' }).outcome, 'not-eligible');
  });
  it('needs 3 years of stay and a Duldung of at least 12 months', () => {
    assert.equal(a({ birthDate: '2005-01-01', statusSince: '2023-03-01' }).outcome, 'eligible');
    assert.equal(a({ birthDate: '2005-01-01', statusSince: '2023-03-02' }).outcome, 'not-eligible');
    assert.equal(
      statusOf(
        a({ birthDate: '2005-01-01', inGermanySince: '2018-01-01', statusSince: '2025-03-02' }),
        'tolerated-status',
      ),
      'unmet',
    );
  });
});
