import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { round2 } from '../criteria.ts';
import { PARAMETER_DEFINITIONS, type ParameterId } from './data.ts';
import { PARAMETER_IDS, parameter, parametersOn, parameterTable } from './parameters.ts';

describe('parameter table', () => {
  it('gives every period a research note and an http(s) URL', () => {
    for (const row of parameterTable()) {
      assert.ok(row.source.researchNote.length > 5, `${row.id} research note`);
      assert.match(row.source.url, /^https?:\/\/\S+$/, `${row.id} url`);
      assert.match(row.source.researchUrl, /^https?:\/\/\S+$/, `${row.id} research url`);
    }
  });

  it('gives every period a public source: a title in German and English, no research marks, an official address', () => {
    for (const row of parameterTable()) {
      const { de, en } = row.source.title;
      for (const title of [de, en]) {
        assert.ok(title.length > 5, `${row.id} title`);
        assert.doesNotMatch(title, /UNVERIFIED|DERIVED|\[(LAW|GOV|3P)|\b(nur|only) /, `${row.id}: ${title}`);
      }
      assert.notEqual(de, en, `${row.id} has an English title of its own`);
      assert.match(
        row.source.url,
        /^https:\/\/(www\.gesetze-im-internet\.de|www\.recht\.bund\.de|www\.bmas\.de|www\.auswaertiges-amt\.de|[a-z]+\.diplo\.de)\//,
        `${row.id}: ${row.source.url}`,
      );
    }
  });

  it('never lets two periods of one parameter overlap, and orders them by validFrom', () => {
    for (const id of PARAMETER_IDS) {
      const periods = PARAMETER_DEFINITIONS[id].periods;
      for (let i = 0; i < periods.length; i++) {
        const p = periods[i];
        assert.ok(p !== undefined);
        assert.ok(p.validTo === null || p.validFrom <= p.validTo, `${id} period ${i} is inverted`);
        const next = periods[i + 1];
        if (next !== undefined) {
          assert.ok(
            p.validTo !== null && p.validTo < next.validFrom,
            `${id}: period ${i} overlaps period ${i + 1}`,
          );
        }
      }
    }
  });

  it('marks every UNVERIFIED or DERIVED value as not verified', () => {
    for (const row of parameterTable()) {
      if (row.derived || row.source.researchNote.startsWith('UNVERIFIED'))
        assert.equal(row.verified, false, row.id);
      if (!row.verified)
        assert.ok(row.derived || row.source.researchNote.includes('UNVERIFIED'), `${row.id} unexplained`);
    }
  });

  it('lists exactly the unverified values documented in docs/law-engine.md', () => {
    const unverified = parameterTable()
      .filter((r) => !r.verified)
      .map((r) => `${r.id} ${r.validFrom} ${r.value}`);
    assert.deepEqual(unverified, [
      'age-45.salary 2023-01-01 48180',
      'bbg.annual 2022-01-01 84600',
      'chancenkarte.funds.monthly 2026-01-01 1091',
      'experience.salary 2025-01-01 43470',
      'family.parents.until 2024-03-01 2028-12-31',
      'it-specialist-old.salary 2023-01-01 52560',
      'job-search-20.months.degree 2022-01-01 18',
      'job-search-20.months.recognition 2022-01-01 12',
      'job-search-20.months.training 2022-01-01 12',
      'student.funds.monthly 2026-01-01 992',
      'switch.chancen-aufenthaltsrecht-holder-rules-end 2022-01-01 2027-07-01',
      'westbalkan.quota 2026-01-01 50000',
    ]);
  });
});

describe('published thresholds agree with share × BBG (formula of legal-rules.md § 2)', () => {
  const cases: [ParameterId, ParameterId, string][] = [];
  for (const date of [
    '2023-01-01',
    '2023-11-17',
    '2023-11-18',
    '2024-01-01',
    '2024-03-01',
    '2025-01-01',
    '2026-01-01',
  ]) {
    cases.push(['blue-card.salary.general', 'blue-card.general.share', date]);
    cases.push(['blue-card.salary.reduced', 'blue-card.reduced.share', date]);
    cases.push(['age-45.salary', 'age-45.share', date]);
    cases.push(['experience.salary', 'experience.share', date]);
    cases.push(['it-specialist-old.salary', 'it-specialist-old.share', date]);
  }
  cases.push(['age-45.salary', 'age-45.share', '2022-06-01']);
  for (const [amountId, shareId, date] of cases) {
    const amount = parameter(amountId, date);
    const share = parameter(shareId, date);
    const bbg = parameter('bbg.annual', date);
    if (amount === undefined) continue;
    it(`${amountId} on ${date} = ${shareId} × BBG`, () => {
      assert.ok(share !== undefined && bbg !== undefined);
      assert.equal(round2(Number(share.value) * Number(bbg.value)), amount.value);
    });
  }
});

describe('parameter lookups by date', () => {
  const table: [ParameterId, string, number | string | undefined][] = [
    ['blue-card.salary.general', '2022-12-31', undefined],
    ['blue-card.salary.general', '2023-01-01', 58_400],
    ['blue-card.salary.general', '2023-11-17', 58_400],
    ['blue-card.salary.general', '2023-11-18', 43_800],
    ['blue-card.salary.general', '2024-01-01', 45_300],
    ['blue-card.salary.general', '2025-01-01', 48_300],
    ['blue-card.salary.general', '2026-01-01', 50_700],
    ['blue-card.salary.general', '2027-01-01', undefined],
    ['blue-card.salary.reduced', '2023-11-17', 45_552],
    ['blue-card.salary.reduced', '2023-11-18', 39_682.8],
    ['blue-card.salary.reduced', '2024-12-31', 41_041.8],
    ['blue-card.salary.reduced', '2025-01-01', 43_759.8],
    ['blue-card.salary.reduced', '2026-12-31', 45_934.2],
    ['age-45.salary', '2024-06-01', 49_830],
    ['age-45.salary', '2025-06-01', 53_130],
    ['age-45.salary', '2026-06-01', 55_770],
    ['experience.salary', '2024-02-29', undefined],
    ['experience.salary', '2024-03-01', 40_770],
    ['experience.salary', '2026-01-01', 45_630],
    ['chancenkarte.funds.monthly', '2024-05-31', undefined],
    ['chancenkarte.funds.monthly', '2024-06-01', 1_027],
    ['chancenkarte.funds.monthly', '2025-01-01', 1_091],
    ['westbalkan.quota', '2024-05-31', 25_000],
    ['westbalkan.quota', '2024-06-01', 50_000],
    ['settlement.fachkraft.months', '2024-02-29', 48],
    ['settlement.fachkraft.months', '2024-03-01', 36],
    ['settlement.blue-card-a1.months', '2024-02-29', 33],
    ['settlement.blue-card-a1.months', '2024-03-01', 27],
    ['fee.81a', '2026-03-01', 411],
    ['deadline.recognition.receipt', '2026-03-01', 1],
    ['deadline.recognition.decision', '2026-03-01', 3],
    ['deadline.recognition.decision-81a', '2026-03-01', 2],
    ['deadline.ba-approval.deemed', '2026-03-01', 2],
    ['deadline.ba-approval.deemed-81a', '2026-03-01', 1],
    ['deadline.visa-appointment-81a', '2026-03-01', 3],
    ['deadline.visa-decision-81a', '2026-03-01', 3],
    ['switch.feg-stage-1', '2026-03-01', '2023-11-18'],
    ['switch.feg-stage-2', '2026-03-01', '2024-03-01'],
    ['switch.feg-stage-3', '2026-03-01', '2024-06-01'],
    ['switch.chancen-aufenthaltsrecht-end', '2026-03-01', '2025-12-31'],
    ['switch.chancen-aufenthaltsrecht-holder-rules-end', '2026-03-01', '2027-07-01'],
    ['job-search-20.months.degree', '2024-05-31', 18],
    ['job-search-20.months.degree', '2024-06-01', 18],
    ['job-search-20.months.training', '2024-05-31', 12],
    ['job-search-20.months.training', '2024-06-01', 18],
    ['job-search-20.months.recognition', '2024-05-31', 12],
    ['job-search-20.months.recognition', '2024-06-01', 18],
  ];
  for (const [id, date, expected] of table) {
    it(`${id} on ${date} is ${expected ?? 'not published'}`, () => {
      assert.equal(parameter(id, date)?.value, expected);
    });
  }

  it('returns every value in force with its source, sorted by id', () => {
    const values = parametersOn('2026-03-01');
    const ids = values.map((v) => v.id);
    assert.deepEqual(ids, [...ids].sort());
    assert.ok(values.every((v) => v.source.url.startsWith('http')));
    assert.ok(ids.includes('blue-card.salary.general'));
    assert.ok(!ids.includes('it-specialist-old.salary'));
  });

  it('marks the holder-rules end date (secondary sources only) and the old § 20 durations as not verified', () => {
    assert.equal(
      parameter('switch.chancen-aufenthaltsrecht-holder-rules-end', '2026-03-01')?.verified,
      false,
    );
    assert.equal(parameter('switch.chancen-aufenthaltsrecht-end', '2026-03-01')?.verified, true);
    assert.equal(parameter('job-search-20.months.training', '2024-05-31')?.verified, false);
    assert.equal(parameter('job-search-20.months.training', '2024-06-01')?.verified, true);
  });

  it('types date parameters as strings and amounts as numbers', () => {
    const switchDate: string | undefined = parameter('switch.feg-stage-1', '2026-01-01')?.value;
    const amount: number | undefined = parameter('fee.81a', '2026-01-01')?.value;
    assert.equal(typeof switchDate, 'string');
    assert.equal(typeof amount, 'number');
  });

  it('rejects an invalid date', () => {
    assert.throws(() => parametersOn('2026-02-30'), RangeError);
  });
});
