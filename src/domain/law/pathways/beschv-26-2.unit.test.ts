import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildProfile, evaluateOne, statusOf } from '../testing.ts';
import type { Person } from '../types.ts';

const wb = (person: Partial<Person> = {}, job = {}, date = '2026-03-01') =>
  evaluateOne(
    buildProfile({
      date,
      person: { citizenship: 'AL', qualification: { kind: 'none' }, ...person },
      job: { qualified: false, annualSalaryEur: 30_000, ...job },
    }),
    'beschv-26-2',
  );

describe('beschv-26-2 Western Balkans regulation', () => {
  it('grants any employment to nationals of the six states applying abroad, with BA approval', () => {
    for (const citizenship of ['AL', 'BA', 'XK', 'ME', 'MK', 'RS'])
      assert.equal(wb({ citizenship }).outcome, 'eligible', citizenship);
    assert.equal(wb().baApproval, true);
  });
  it('refuses other nationals and applications from inside Germany', () => {
    assert.equal(wb({ citizenship: 'HR' }).outcome, 'not-eligible');
    assert.equal(statusOf(wb({ location: 'germany', status: 'none' }), 'residence-status'), 'unmet');
  });
  it('applies the 55 % rule from the 45th birthday (§ 1(2) BeschV)', () => {
    assert.equal(wb({ birthDate: '1981-03-01' }, { annualSalaryEur: 55_769.99 }).outcome, 'not-eligible');
    assert.equal(wb({ birthDate: '1981-03-01' }, { annualSalaryEur: 55_770 }).outcome, 'eligible');
    assert.equal(wb({ birthDate: '1981-03-02' }, { annualSalaryEur: 20_000 }).outcome, 'eligible');
  });
  it('names the quota of the year: 25 000 until 31.5.2024, 50 000 from 1.6.2024', () => {
    const quota = (date: string) =>
      wb({}, {}, date).nextSteps.find((s) => s.key === 'law.next-step.westbalkan-quota')?.values.quota;
    assert.equal(quota('2024-05-31'), 25_000);
    assert.equal(quota('2024-06-01'), 50_000);
  });
});
