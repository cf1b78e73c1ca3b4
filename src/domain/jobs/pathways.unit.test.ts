import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parameter } from '../law/index.ts';
import { type AdFacts, APPLICANT_PROFILES, adPathways, JOB_PATHWAYS, pathwayIdsOf } from './pathways.ts';

const RUNS = { seed: 20261207, numRuns: 150 };
const SOFTWARE: AdFacts = {
  salaryMinEur: 60000,
  weeklyHours: 40,
  contractMonths: null,
  germanLevel: 'A1',
  englishLevel: 'B2',
  startDate: '2026-06-01',
  isco08: '2512',
  regulated: false,
  collectiveAgreement: false,
};
const CARE: AdFacts = {
  ...SOFTWARE,
  salaryMinEur: 36000,
  isco08: '2221',
  regulated: true,
  germanLevel: 'B2',
  englishLevel: 'none',
};

const has = (facts: AdFacts, profile: string, pathway: string) =>
  adPathways(facts).find((p) => p.profile === profile && p.pathway === pathway)?.outcome ?? 'no';

describe('the pathways a job ad opens', () => {
  it('a well-paid software job opens the Blue Card with a degree', () => {
    assert.equal(has(SOFTWARE, 'degree', 'aufenthg-18g'), 'eligible');
  });

  it('takes the Blue Card threshold from the parameters of the start date, to the euro', () => {
    const threshold = parameter('blue-card.salary.general', SOFTWARE.startDate)?.value as number;
    assert.ok(threshold > 0);
    const at = { ...SOFTWARE, isco08: '7231' };
    assert.equal(has({ ...at, salaryMinEur: threshold }, 'degree', 'aufenthg-18g'), 'eligible');
    assert.equal(has({ ...at, salaryMinEur: threshold - 1 }, 'degree', 'aufenthg-18g'), 'no');
  });

  it('a regulated care job opens § 18a with a recognised qualification, and § 18a only after recognition without', () => {
    assert.equal(has(CARE, 'vocational-recognised', 'aufenthg-18a'), 'eligible');
    assert.notEqual(has(CARE, 'vocational-not-recognised', 'aufenthg-18a'), 'eligible');
    assert.equal(has(CARE, 'vocational-not-recognised', 'aufenthg-16d-3'), 'possible');
  });

  it('a start in a year without published thresholds gives "possible", never "eligible", for the Blue Card', () => {
    assert.equal(has({ ...SOFTWARE, startDate: '2031-03-01' }, 'degree', 'aufenthg-18g'), 'possible');
  });

  it('only job pathways, each profile and pathway once, in a stable order (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200000 }),
        fc.integer({ min: 1, max: 48 }),
        fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
        fc.constantFrom('2512', '2221', '5321', '7231', '2611', '3343'),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('2024-03-01', '2025-07-15', '2026-12-31'),
        (salary, hours, months, isco08, regulated, agreement, startDate) => {
          const facts: AdFacts = {
            ...SOFTWARE,
            salaryMinEur: salary,
            weeklyHours: hours,
            contractMonths: months,
            isco08,
            regulated,
            collectiveAgreement: agreement,
            startDate,
          };
          const list = adPathways(facts);
          const keys = list.map((p) => `${p.profile}/${p.pathway}`);
          assert.equal(new Set(keys).size, keys.length);
          const order = list.map(
            (p) => APPLICANT_PROFILES.indexOf(p.profile) * 10 + JOB_PATHWAYS.indexOf(p.pathway),
          );
          assert.deepEqual(
            order,
            [...order].sort((a, b) => a - b),
          );
          assert.deepEqual(adPathways(facts), list);
          // More pay never closes the Blue Card.
          if (list.some((p) => p.pathway === 'aufenthg-18g' && p.outcome === 'eligible'))
            assert.ok(
              pathwayIdsOf(adPathways({ ...facts, salaryMinEur: salary + 10000 })).includes('aufenthg-18g'),
            );
        },
      ),
      RUNS,
    );
  });
});
