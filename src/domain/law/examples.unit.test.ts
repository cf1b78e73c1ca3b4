/**
 * The worked examples of shared/research/legal-rules.md § 16: published ones (P1–P15) and derived vectors
 * (D1–D18, marked DERIVED).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluatePathways } from './engine.ts';
import { parameter } from './parameters/parameters.ts';
import { buildProfile, criterionOf, evaluateOne, statusOf } from './testing.ts';

const degree = (extra = {}) => ({
  kind: 'academic' as const,
  recognitionInGermany: 'equivalent' as const,
  completedOn: '2015-06-30',
  ...extra,
});

describe('published examples (legal-rules.md § 16.1)', () => {
  it('P1: software developer, 50 000 € in 2025 → general Blue Card without BA approval', () => {
    const r = evaluateOne(
      buildProfile({
        date: '2025-05-01',
        person: { qualification: degree() },
        job: { isco08: '2512', annualSalaryEur: 50_000 },
      }),
      'aufenthg-18g',
    );
    assert.equal(r.outcome, 'eligible');
    assert.equal(r.variant, 'general');
    assert.equal(r.baApproval, false);
    assert.equal(criterionOf(r, 'blue-card-salary')?.threshold, 48_300);
  });
  it('P2: mechanical engineer, 44 000 € in 2025 → reduced Blue Card (ISCO 21) with BA approval', () => {
    const r = evaluateOne(
      buildProfile({
        date: '2025-05-01',
        person: { citizenship: 'BR', qualification: degree() },
        job: { isco08: '2144', annualSalaryEur: 44_000 },
      }),
      'aufenthg-18g',
    );
    assert.equal(r.variant, 'reduced-shortage');
    assert.equal(r.baApproval, true);
    assert.equal(criterionOf(r, 'blue-card-salary')?.threshold, 43_759.8);
  });
  const blueCardHolder = (german: 'A1' | 'B1', statusSince: string, date: string, months: number) =>
    evaluatePathways(
      buildProfile({
        date,
        person: {
          location: 'germany',
          status: 'aufenthg-18g',
          statusSince,
          languages: { german },
          pensionContributionMonths: months,
        },
      }),
    );
  it('P3: Blue Card holder with German A1 → settlement after 27 months', () => {
    const r = blueCardHolder('A1', '2024-01-15', '2026-04-15', 27);
    assert.equal(r.settlement.route, 'aufenthg-18c-2');
    assert.equal(r.settlement.earliestDate, '2026-04-15');
    assert.equal(r.settlement.status, 'met');
    assert.equal(blueCardHolder('A1', '2024-01-15', '2026-04-14', 27).settlement.status, 'unmet');
  });
  it('P4: Blue Card holder with German B1 → settlement after 21 months', () => {
    const r = blueCardHolder('B1', '2024-01-15', '2025-10-15', 21);
    assert.equal(r.settlement.earliestDate, '2025-10-15');
    assert.equal(r.settlement.status, 'met');
  });
  it('P5: Chancenkarte 2024 → 1 027 € a month (12 324 € for 12 months)', () => {
    assert.equal((parameter('chancenkarte.funds.monthly', '2024-06-01')?.value ?? 0) * 12, 12_324);
  });
  it('P6: Chancenkarte 2025 → 1 091 € a month (13 092 € a year)', () => {
    assert.equal((parameter('chancenkarte.funds.monthly', '2025-03-01')?.value ?? 0) * 12, 13_092);
  });
  it('P7: student visa 2025 → 992 € a month (11 904 € a year)', () => {
    assert.equal((parameter('student.funds.monthly', '2025-03-01')?.value ?? 0) * 12, 11_904);
  });
  it('P8: first § 18b title at 45 or older in 2026 → 55 770 € or pension provision', () => {
    const at = (salary: number, adequatePensionProvision: boolean) =>
      evaluateOne(
        buildProfile({
          date: '2026-02-01',
          person: { birthDate: '1975-01-01', adequatePensionProvision },
          job: { annualSalaryEur: salary },
        }),
        'aufenthg-18b',
      ).outcome;
    assert.equal(at(55_770, false), 'eligible');
    assert.equal(at(55_769.99, false), 'not-eligible');
    assert.equal(at(40_000, true), 'eligible');
  });
  it('P9: experience pathway 2026, non-tariff employer → 45 630 €; tariff-bound → no threshold', () => {
    const p = (salary: number, employerCollectiveAgreement: boolean) =>
      evaluateOne(
        buildProfile({
          date: '2026-02-01',
          person: {
            qualification: {
              kind: 'vocational',
              trainingYears: 3,
              stateRecognizedAbroad: true,
              recognitionInGermany: 'not-applied',
            },
            experience: [{ from: '2021-01-01', to: '2025-12-31' }],
          },
          job: { isco08: '7411', annualSalaryEur: salary, employerCollectiveAgreement },
        }),
        'aufenthg-19c-2',
      ).outcome;
    assert.equal(p(45_630, false), 'eligible');
    assert.equal(p(45_629.99, false), 'not-eligible');
    assert.equal(p(35_000, true), 'eligible');
  });
  it('P10: experience pathway 2024 → 40 770 €', () => {
    assert.equal(parameter('experience.salary', '2024-03-01')?.value, 40_770);
  });
  it('P11: worker aged 45 or older in 2022 → 3 877.50 € a month', () => {
    assert.equal((parameter('age-45.salary', '2022-06-01')?.value ?? 0) / 12, 3_877.5);
  });
  it('P12: § 81a with federal recognition → 2 months, BA 1 week, appointment and decision 3 weeks, fee 411 €', () => {
    const r = evaluatePathways(buildProfile({ date: '2026-03-01' }));
    const proc = r.procedures['aufenthg-81a'];
    assert.equal(proc.available, true);
    assert.equal(proc.fee, 411);
    assert.deepEqual(proc.deadlines, {
      recognitionDecision: { value: 2, unit: 'months' },
      baApprovalDeemed: { value: 1, unit: 'weeks' },
      visaAppointment: { value: 3, unit: 'weeks' },
      visaDecision: { value: 3, unit: 'weeks' },
    });
  });
  it('P13: tolerated person who entered July 2017, family not working → § 104c (until 2025), not § 25b', () => {
    const r = evaluatePathways(
      buildProfile({
        date: '2023-06-01',
        person: {
          location: 'germany',
          status: 'duldung',
          statusSince: '2017-07-15',
          livelihoodMainlyFromWork: false,
          languages: { german: 'A2' },
          fines: { generalDailyRates: 0, residenceLawDailyRates: 0 },
        },
        job: null,
      }),
    );
    assert.equal(r.pathways.find((p) => p.id === 'aufenthg-104c')?.outcome, 'eligible');
    assert.equal(r.pathways.find((p) => p.id === 'aufenthg-25b')?.outcome, 'not-eligible');
  });
  it('P14: student working 20 h a week in term → 140-day account applies from 1.3.2024', () => {
    assert.equal(parameter('student.work-days', '2024-03-01')?.value, 140);
    assert.equal(parameter('student.work-days', '2024-02-29'), undefined);
  });
  it('P15: asylum applicant who entered 15.03.2023 may change track into § 18a/18b; entered 01.04.2023 may not', () => {
    const p = (statusSince: string) =>
      evaluateOne(
        buildProfile({
          date: '2026-03-01',
          person: { location: 'germany', status: 'gestattung', statusSince },
        }),
        'aufenthg-18b',
      );
    assert.equal(p('2023-03-15').outcome, 'eligible');
    assert.equal(p('2023-04-01').outcome, 'not-eligible');
  });
});

describe('derived vectors (legal-rules.md § 16.2, DERIVED)', () => {
  const y2026 = '2026-03-01';
  it('D1 DERIVED: recognised degree, IT job, 46 000 € in 2026 → reduced Blue Card with BA approval', () => {
    const r = evaluateOne(
      buildProfile({
        date: y2026,
        person: { qualification: degree() },
        job: { isco08: '2512', annualSalaryEur: 46_000 },
      }),
      'aufenthg-18g',
    );
    assert.equal(r.variant, 'reduced-shortage');
    assert.equal(r.baApproval, true);
  });
  it('D2 DERIVED: degree 2 years old, marketing job, 46 000 € → career-starter Blue Card', () => {
    const r = evaluateOne(
      buildProfile({
        date: y2026,
        person: { qualification: degree({ completedOn: '2024-03-01' }) },
        job: { isco08: '2431', annualSalaryEur: 46_000 },
      }),
      'aufenthg-18g',
    );
    assert.equal(r.variant, 'reduced-career-starter');
  });
  it('D3 DERIVED: same with a 4-year-old degree → no Blue Card, but § 18b with BA approval', () => {
    const profile = buildProfile({
      date: y2026,
      person: { qualification: degree({ completedOn: '2022-03-01' }) },
      job: { isco08: '2431', annualSalaryEur: 46_000 },
    });
    assert.equal(evaluateOne(profile, 'aufenthg-18g').outcome, 'not-eligible');
    assert.equal(evaluateOne(profile, 'aufenthg-18b').outcome, 'eligible');
  });
  it('D4 DERIVED: no degree, 3.5 years IT experience in 7 years, 46 000 € → § 18g(2) and § 19c(2)', () => {
    const profile = buildProfile({
      date: y2026,
      person: {
        qualification: { kind: 'none' },
        experience: [{ from: '2022-06-01', to: '2025-12-31', isco08: '2512' }],
      },
      job: { isco08: '2512', annualSalaryEur: 46_000 },
    });
    assert.equal(evaluateOne(profile, 'aufenthg-18g-it').outcome, 'eligible');
    assert.equal(evaluateOne(profile, 'aufenthg-19c-2').outcome, 'eligible');
  });
  it('D5 DERIVED: IT, 3 years experience but 2 of them more than 7 years ago → § 18g(2) fails; § 6 BeschV needs 2 in 5', () => {
    const profile = buildProfile({
      date: y2026,
      person: {
        qualification: { kind: 'none' },
        experience: [{ from: '2017-03-01', to: '2020-02-28', isco08: '2512' }],
      },
      job: { isco08: '2512', annualSalaryEur: 46_000 },
    });
    assert.equal(statusOf(evaluateOne(profile, 'aufenthg-18g-it'), 'it-experience'), 'unmet');
    assert.equal(statusOf(evaluateOne(profile, 'aufenthg-19c-2'), 'experience'), 'unmet');
  });
  it('D6 DERIVED: 2-year diploma, 2 years in 5, 45 000 € in 2026 → fails without, passes with a collective agreement', () => {
    const p = (employerCollectiveAgreement: boolean) =>
      evaluateOne(
        buildProfile({
          date: y2026,
          person: {
            qualification: {
              kind: 'vocational',
              trainingYears: 2,
              stateRecognizedAbroad: true,
              recognitionInGermany: 'not-applied',
            },
            experience: [{ from: '2023-01-01', to: '2025-12-31' }],
          },
          job: { isco08: '7411', annualSalaryEur: 45_000, employerCollectiveAgreement },
        }),
        'aufenthg-19c-2',
      ).outcome;
    assert.equal(p(false), 'not-eligible');
    assert.equal(p(true), 'eligible');
  });
  it('D7 DERIVED: age 47, first § 18a title 2026, 52 000 €, no pension proof → fails § 18(2) Nr. 5', () => {
    const r = evaluateOne(
      buildProfile({
        date: y2026,
        person: {
          birthDate: '1978-06-01',
          qualification: { kind: 'vocational', recognitionInGermany: 'equivalent' },
        },
        job: { annualSalaryEur: 52_000 },
      }),
      'aufenthg-18a',
    );
    assert.equal(statusOf(r, 'age-45-salary'), 'unmet');
    assert.equal(r.outcome, 'not-eligible');
  });
  const d8 = {
    birthDate: '1996-06-01',
    qualification: {
      kind: 'academic' as const,
      stateRecognizedAbroad: true,
      recognitionInGermany: 'none' as const,
      shortageOccupation: true,
    },
    languages: { german: 'A1' as const, english: 'B2' as const },
    experience: [{ from: '2022-01-01', to: '2024-12-31' }],
    germanStayMonths: 0,
    spouseAppliesForChancenkarte: false,
    monthlyFundsEur: 1091,
  };
  const ck = (person: object) =>
    evaluateOne(buildProfile({ date: y2026, person: { ...d8, ...person }, job: null }), 'aufenthg-20a');
  it('D8 DERIVED: Chancenkarte with 5 points (experience 2 + age 2 + shortage 1) → not eligible', () => {
    const r = ck({});
    assert.equal(r.points, 5);
    assert.equal(r.outcome, 'not-eligible');
    assert.equal(
      ck({ qualification: { ...d8.qualification, recognitionInGermany: 'not-applied' } }).outcome,
      'needs-review',
    );
  });
  it('D9 DERIVED: D8 plus German A2 → 6 points → eligible with 1 091 € a month', () => {
    const r = ck({ languages: { german: 'A2', english: 'B2' } });
    assert.equal(r.points, 6);
    assert.equal(r.outcome, 'eligible');
  });
  it('D10 DERIVED: partial recognition, German B1, age 41 → 6 points → eligible', () => {
    const r = ck({
      birthDate: '1984-06-01',
      qualification: { kind: 'vocational', recognitionInGermany: 'partial', shortageOccupation: false },
      languages: { german: 'B1', english: 'none' },
      experience: [],
    });
    assert.equal(r.points, 6);
    assert.equal(r.outcome, 'eligible');
  });
  it('D11 DERIVED: the maximum profile has 16 points', () => {
    const r = ck({
      birthDate: '2000-01-01',
      qualification: { kind: 'vocational', recognitionInGermany: 'partial', shortageOccupation: true },
      languages: { german: 'C1', english: 'C1' },
      experience: [{ from: '2018-01-01', to: null }],
      germanStayMonths: 6,
      spouseAppliesForChancenkarte: true,
    });
    assert.equal(r.points, 16);
  });
  it('D12 DERIVED: no German and English only B1 → language prerequisite fails regardless of points; German A1 alone passes', () => {
    assert.equal(
      statusOf(ck({ languages: { german: 'none', english: 'B1' } }), 'language-prerequisite'),
      'unmet',
    );
    assert.equal(
      statusOf(ck({ languages: { german: 'A1', english: 'none' } }), 'language-prerequisite'),
      'met',
    );
  });
  it('D13 DERIVED: Chancenkarte from inside Germany with § 104c or Duldung → not grantable', () => {
    assert.equal(
      ck({ location: 'germany', status: 'aufenthg-104c', languages: { german: 'A2', english: 'B2' } })
        .outcome,
      'not-eligible',
    );
    assert.equal(
      ck({ location: 'germany', status: 'duldung', languages: { german: 'A2', english: 'B2' } }).outcome,
      'not-eligible',
    );
  });
  it('D14 DERIVED: tolerated since 01.12.2017, application 2025 → § 104c fails (4 years 11 months on 31.10.2022)', () => {
    const r = evaluateOne(
      buildProfile({
        date: '2025-03-01',
        person: { location: 'germany', status: 'duldung', statusSince: '2017-12-01' },
        job: null,
      }),
      'aufenthg-104c',
    );
    assert.equal(statusOf(r, 'stay-on-reference-date'), 'unmet');
  });
  it('D15 DERIVED: 60 daily rates for an ordinary offence exclude § 104c; for an offence only foreigners can commit they do not', () => {
    const c = (fines: { generalDailyRates: number; residenceLawDailyRates: number }) =>
      statusOf(
        evaluateOne(
          buildProfile({
            date: '2025-03-01',
            person: { location: 'germany', status: 'duldung', statusSince: '2016-01-01', fines },
            job: null,
          }),
          'aufenthg-104c',
        ),
        'criminal-record',
      );
    assert.equal(c({ generalDailyRates: 60, residenceLawDailyRates: 0 }), 'unmet');
    assert.equal(c({ generalDailyRates: 0, residenceLawDailyRates: 60 }), 'met');
  });
  it('D16 DERIVED: § 18a holder since 01.04.2023, 36 months contributions, B1, 2026 → § 18c(1) settlement', () => {
    const r = evaluatePathways(
      buildProfile({
        date: '2026-04-01',
        person: {
          location: 'germany',
          status: 'aufenthg-18a',
          statusSince: '2023-04-01',
          languages: { german: 'B1' },
          pensionContributionMonths: 36,
        },
      }),
    );
    assert.equal(r.settlement.route, 'aufenthg-18c-1');
    assert.equal(r.settlement.status, 'met');
  });
  it('D17 DERIVED: Blue Card first issued 10.02.2024 → parents cannot join (§ 36(3) needs 1.3.2024 or later)', () => {
    const r = evaluatePathways(
      buildProfile({
        date: '2026-03-01',
        person: { location: 'germany', status: 'aufenthg-18g', statusSince: '2024-02-10' },
      }),
    );
    assert.equal(r.family.parents.available, false);
    assert.equal(r.family.parents.message.key, 'law.family.parents.first-title-before');
  });
  it('D18 DERIVED: Western Balkans national aged 46, unskilled job at 40 000 € in 2026 → fails the 55 770 € rule', () => {
    const r = evaluateOne(
      buildProfile({
        date: y2026,
        person: { citizenship: 'RS', birthDate: '1979-06-01', qualification: { kind: 'none' } },
        job: { qualified: false, annualSalaryEur: 40_000 },
      }),
      'beschv-26-2',
    );
    assert.equal(statusOf(r, 'age-45-salary'), 'unmet');
    assert.equal(r.outcome, 'not-eligible');
  });
});
