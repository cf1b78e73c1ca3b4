import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildProfile, criterionOf, evaluateOne, statusOf } from '../testing.ts';
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
  it('asks for the application at the mission for the first approval only: a holder extends in Germany', () => {
    const holder = wb({ location: 'germany', status: 'beschv-26-2', statusSince: '2024-09-01' });
    assert.equal(holder.outcome, 'eligible');
    assert.equal(
      criterionOf(holder, 'residence-status')?.message.key,
      'law.criterion.residence-status.extension',
    );
    const first = wb({ location: 'germany', status: 'aufenthg-16a' });
    assert.equal(
      criterionOf(first, 'residence-status')?.message.key,
      'law.criterion.residence-status.mission-only',
    );
    assert.equal(first.outcome, 'not-eligible');
  });
  it('extends in Germany also from the 45th birthday without the 55 % salary (renewal)', () => {
    const older = wb(
      { location: 'germany', status: 'beschv-26-2', birthDate: '1970-01-01' },
      { annualSalaryEur: 30_000 },
    );
    assert.equal(older.outcome, 'eligible');
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
