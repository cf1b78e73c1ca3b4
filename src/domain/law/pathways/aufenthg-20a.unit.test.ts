import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildProfile, criterionOf, evaluateOne, statusOf } from '../testing.ts';
import type { Person } from '../types.ts';

const pointsRoute: Partial<Person> = {
  birthDate: '1997-01-01',
  qualification: {
    kind: 'academic',
    stateRecognizedAbroad: true,
    recognitionInGermany: 'none',
    shortageOccupation: true,
  },
  experience: [{ from: '2021-06-01', to: '2023-12-31' }],
  languages: { german: 'A2', english: 'B2' },
  monthlyFundsEur: 1091,
};
const ck = (person: Partial<Person> = {}, date = '2026-03-01') =>
  evaluateOne(buildProfile({ date, person: { ...pointsRoute, ...person }, job: null }), 'aufenthg-20a');

describe('aufenthg-20a Chancenkarte', () => {
  it('does not exist before 1.6.2024 and exists from that day', () => {
    assert.equal(
      criterionOf(ck({}, '2024-05-31'), 'in-force')?.message.key,
      'law.criterion.in-force.not-yet',
    );
    assert.equal(ck({ monthlyFundsEur: 1027 }, '2024-06-01').outcome, 'eligible');
  });
  it('grants it on the points route with 6 points', () => {
    const r = ck();
    assert.equal(r.points, 6);
    assert.equal(r.outcome, 'eligible');
    assert.equal(r.baApproval, false);
  });
  it('grants it to a recognised skilled worker without points', () => {
    const r = ck({
      qualification: { kind: 'vocational', recognitionInGermany: 'equivalent' },
      languages: { german: 'none', english: 'none' },
    });
    assert.equal(r.outcome, 'eligible');
    assert.equal(statusOf(r, 'fachkraft'), 'met');
  });
  const funds: [string, number][] = [
    ['2024-06-01', 1027],
    ['2025-01-01', 1091],
    ['2026-01-01', 1091],
  ];
  for (const [date, amount] of funds) {
    it(`needs ${amount} € a month on ${date} (one cent less fails)`, () => {
      assert.equal(ck({ monthlyFundsEur: amount }, date).outcome, 'eligible');
      assert.equal(ck({ monthlyFundsEur: amount - 0.01 }, date).outcome, 'not-eligible');
    });
  }
  it('marks the 2026 funds amount as unverified', () => {
    assert.equal(criterionOf(ck(), 'funds')?.verified, false);
  });
  it('needs German A1 or English B2 regardless of points', () => {
    const many = {
      languages: { german: 'none' as const, english: 'B1' as const },
      germanStayMonths: 12,
      spouseAppliesForChancenkarte: true,
    };
    assert.equal(statusOf(ck(many), 'language-prerequisite'), 'unmet');
    assert.equal(
      statusOf(ck({ languages: { german: 'A1', english: 'none' } }), 'language-prerequisite'),
      'met',
    );
  });
  it('is not granted in Germany to people with a Duldung, Gestattung or § 104c, but to students', () => {
    for (const status of ['duldung', 'gestattung', 'aufenthg-104c', 'none'] as const) {
      assert.equal(ck({ location: 'germany', status }).outcome, 'not-eligible', status);
    }
    assert.equal(ck({ location: 'germany', status: 'aufenthg-16b' }).outcome, 'eligible');
  });
  it('needs review when points fall short but recognition in Germany is still open', () => {
    const r = ck({
      languages: { german: 'A1', english: 'B2' },
      qualification: {
        kind: 'academic',
        stateRecognizedAbroad: true,
        recognitionInGermany: 'not-applied',
        shortageOccupation: true,
      },
    });
    assert.equal(r.outcome, 'needs-review');
    assert.equal(statusOf(r, 'chancenkarte-route'), 'unknown');
  });
});
