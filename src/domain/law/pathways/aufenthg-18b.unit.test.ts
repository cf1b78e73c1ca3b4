import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildProfile, evaluateOne, statusOf } from '../testing.ts';

const b = (person = {}, job = {}, date = '2026-03-01') =>
  evaluateOne(buildProfile({ date, person, job }), 'aufenthg-18b');

describe('aufenthg-18b skilled worker with a degree', () => {
  it('grants § 18b with a recognised degree and a qualified job, with BA approval and no salary floor under 45', () => {
    const r = b({}, { annualSalaryEur: 20_000 });
    assert.equal(r.outcome, 'eligible');
    assert.equal(r.baApproval, true);
  });
  it('refuses a vocational qualification', () => {
    assert.equal(
      b({ qualification: { kind: 'vocational', recognitionInGermany: 'equivalent' } }).outcome,
      'not-eligible',
    );
  });
  it('refuses an unqualified job from 18.11.2023', () => {
    assert.equal(b({}, { qualified: false }).outcome, 'not-eligible');
  });
  it('refuses an application from a Duldung as open and from § 104c as closed', () => {
    assert.equal(statusOf(b({ location: 'germany', status: 'duldung' }), 'residence-status'), 'unknown');
    assert.equal(statusOf(b({ location: 'germany', status: 'aufenthg-104c' }), 'residence-status'), 'unmet');
  });
  it('lets asylum applicants who entered before 29.03.2023 change track from 23.12.2023 (Spurwechsel)', () => {
    const asylum = (date: string, statusSince: string) =>
      statusOf(b({ location: 'germany', status: 'gestattung', statusSince }, {}, date), 'residence-status');
    assert.equal(asylum('2023-12-22', '2023-03-15'), 'unmet');
    assert.equal(asylum('2023-12-23', '2023-03-15'), 'met');
    assert.equal(asylum('2026-03-01', '2023-03-28'), 'met');
    assert.equal(asylum('2026-03-01', '2023-03-29'), 'unmet');
  });
});
