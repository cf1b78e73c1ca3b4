import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { adFlags, checkAd, englishEnough, FLAGS, LANGUAGE_LEVELS, visible } from './ad.ts';

const RUNS = { seed: 20261207, numRuns: 300 };
const CTX = {
  today: '2026-12-07',
  districts: new Set(['14713', '14626']),
  occupationKnown: (k: string) => k === '81302' || k === '43412',
};
const GOOD = {
  titleDe: 'Pflegefachkraft (m/w/d)',
  titleEn: '',
  occupationKldb: '81302',
  districtAgs: '14713',
  salaryMinEur: '42.000',
  salaryMaxEur: '48000',
  weeklyHours: '39',
  contract: 'open-ended',
  contractMonths: '',
  germanLevel: 'B1',
  englishLevel: 'none',
  startDate: '2027-02-01',
  expiresOn: '2027-01-31',
  collectiveAgreement: 'TVöD-P',
  willingAccelerated: 'yes',
  descriptionDe: '',
  descriptionEn: '',
};

const fields = (raw: Record<string, unknown>) => {
  const r = checkAd(raw, CTX);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.rule}`);
};

describe('job ad: checking what the employer states', () => {
  it('accepts a complete ad and reads numbers with thousands separators', () => {
    const r = checkAd(GOOD, CTX);
    assert.ok(r.ok);
    assert.equal(r.value.salaryMinEur, 42000);
    assert.equal(r.value.salaryMaxEur, 48000);
    assert.equal(r.value.titleEn, null);
    assert.equal(r.value.contractMonths, null);
    assert.equal(r.value.willingAccelerated, true);
  });

  it('names every broken field with its rule', () => {
    assert.deepEqual(
      fields({
        ...GOOD,
        titleDe: ' ',
        occupationKldb: '99999',
        districtAgs: '',
        salaryMinEur: 'viel',
        weeklyHours: '60',
        contract: 'fixed',
        contractMonths: '0',
        germanLevel: 'B3',
        englishLevel: '',
        startDate: '2027-02-30',
        expiresOn: '2026-12-06',
      }),
      [
        'titleDe:one-title',
        'occupationKldb:exists',
        'districtAgs:required',
        'salaryMinEur:range',
        'weeklyHours:range',
        'contractMonths:range',
        'germanLevel:choice',
        'englishLevel:choice',
        'startDate:date',
        'expiresOn:past',
      ],
    );
  });

  it('refuses a salary range that runs backwards, and takes a fixed term in months', () => {
    assert.deepEqual(fields({ ...GOOD, salaryMaxEur: '30000' }), ['salaryMaxEur:order']);
    const r = checkAd({ ...GOOD, contract: 'fixed', contractMonths: '24' }, CTX);
    assert.ok(r.ok && r.value.contractMonths === 24);
  });

  it('never throws and either accepts or names a field, for any input (property)', () => {
    const anyText = fc.oneof(fc.string(), fc.constantFrom('', '1', '40', 'B1', '2027-01-01', 'fixed'));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...Object.keys(GOOD)), anyText), (partial) => {
        const r = checkAd({ ...GOOD, ...partial }, CTX);
        if (!r.ok) assert.ok(r.errors.length > 0);
        else assert.ok(r.value.salaryMaxEur === null || r.value.salaryMaxEur >= r.value.salaryMinEur);
      }),
      RUNS,
    );
  });
});

describe('job ad: computed flags', () => {
  const level = fc.constantFrom(...LANGUAGE_LEVELS);

  it('"English is enough" exactly when no German is required or at most A1 with English (property)', () => {
    fc.assert(
      fc.property(level, level, (germanLevel, englishLevel) => {
        const expected = germanLevel === 'none' || (germanLevel === 'A1' && englishLevel !== 'none');
        assert.equal(englishEnough({ germanLevel, englishLevel }), expected);
      }),
      RUNS,
    );
  });

  it('"§ 81a ready" needs both a confirmed employer and its willingness; flags keep their order (property)', () => {
    fc.assert(
      fc.property(
        level,
        level,
        fc.string(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (germanLevel, englishLevel, agreement, willing, confirmed, regulated) => {
          const flags = adFlags(
            { germanLevel, englishLevel, collectiveAgreement: agreement, willingAccelerated: willing },
            { employerConfirmed: confirmed, occupationRegulated: regulated },
          );
          assert.equal(flags.includes('accelerated-ready'), confirmed && willing);
          assert.equal(flags.includes('recognition-needed'), regulated);
          assert.equal(flags.includes('collective-agreement'), agreement.trim() !== '');
          assert.deepEqual(
            flags,
            FLAGS.filter((f) => flags.includes(f)),
          );
        },
      ),
      RUNS,
    );
  });

  it('shows only published, unexpired ads of a confirmed employer', () => {
    const ad = { status: 'published' as const, expiresOn: '2026-12-07' };
    assert.equal(visible(ad, true, '2026-12-07'), true);
    assert.equal(visible(ad, true, '2026-12-08'), false);
    assert.equal(visible(ad, false, '2026-12-07'), false);
    assert.equal(visible({ ...ad, status: 'paused' }, true, '2026-12-07'), false);
  });
});
