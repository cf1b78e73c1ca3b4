import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APPOINTMENT_POLICY, appointmentPolicyOn, type NoShowRule } from './appointment-policy.ts';
import { isDeprioritised, noShowPenaltyUntil } from './no-show.ts';

const rule: NoShowRule = {
  limit: 2,
  windowDays: 365,
  penaltyDays: 180,
  exemptClasses: ['emergency', 'statutory-deadline'],
};

describe('the no-show rule (memo § 5.3 "No-shows")', () => {
  it('publishes 2 no-shows within 365 days, 180 days last in the class, § 81a and emergencies exempt', () => {
    assert.deepEqual(appointmentPolicyOn('2026-12-07').noShow, rule);
    assert.equal(APPOINTMENT_POLICY[0]?.validFrom, '2026-12-01');
  });

  it('does nothing after one no-show', () => {
    assert.equal(noShowPenaltyUntil(['2026-11-02'], '2026-12-07', 'standard', rule), null);
  });

  it('applies after the second no-show, for 180 days from the last one', () => {
    assert.equal(
      noShowPenaltyUntil(['2026-11-02', '2026-03-10'], '2026-12-07', 'standard', rule),
      '2027-05-01',
    );
    assert.equal(
      noShowPenaltyUntil(['2026-06-01', '2026-05-01'], '2026-12-07', 'document-need', rule),
      null, // 2026-11-28: over before the filing day
    );
  });

  it('counts only no-shows within the 365 days up to the filing day', () => {
    // 2025-12-07 is exactly 365 days before: outside; 2025-12-08 inside.
    assert.equal(noShowPenaltyUntil(['2025-12-07', '2026-11-30'], '2026-12-07', 'standard', rule), null);
    assert.equal(
      noShowPenaltyUntil(['2025-12-08', '2026-11-30'], '2026-12-07', 'standard', rule),
      '2027-05-29',
    );
    assert.equal(noShowPenaltyUntil(['2026-12-08', '2026-11-30'], '2026-12-07', 'standard', rule), null);
  });

  it('ends 180 days after the last no-show, even if the limit was reached within the window', () => {
    assert.equal(noShowPenaltyUntil(['2026-01-10', '2026-02-01'], '2026-07-31', 'standard', rule), null);
    assert.equal(
      noShowPenaltyUntil(['2026-01-10', '2026-02-01'], '2026-07-30', 'standard', rule),
      '2026-07-31',
    );
  });

  it('never demotes the § 81a class or emergencies', () => {
    const days = ['2026-11-02', '2026-11-20', '2026-12-01'];
    assert.equal(noShowPenaltyUntil(days, '2026-12-07', 'statutory-deadline', rule), null);
    assert.equal(noShowPenaltyUntil(days, '2026-12-07', 'emergency', rule), null);
    assert.equal(noShowPenaltyUntil(days, '2026-12-07', 'standard', rule), '2027-05-30');
  });

  it('holds until the day before the end day', () => {
    assert.equal(isDeprioritised('2027-05-01', '2027-04-30'), true);
    assert.equal(isDeprioritised('2027-05-01', '2027-05-01'), false);
    assert.equal(isDeprioritised(null, '2027-04-30'), false);
  });
});
