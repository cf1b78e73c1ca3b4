import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appointmentPolicyOn } from './appointment-policy.ts';
import { agreedCountsAsConfirmed, reconfirmationStatus, reconfirmationWindow } from './reconfirmation.ts';

const rule = { askDaysBefore: 7, dueDaysBefore: 4 };
const start = new Date('2026-12-21T09:00:00Z');
const at = (iso: string) => new Date(iso);

describe('reconfirmation of an agreed appointment (memo § 5.3 "No-shows")', () => {
  it('publishes: asked 7 days before, due 4 days before (beyond the 72 hours of short notice)', () => {
    assert.deepEqual(appointmentPolicyOn('2026-12-07').reconfirmation, rule);
    assert.throws(() => appointmentPolicyOn('2026-11-30', []), RangeError);
    assert.deepEqual(appointmentPolicyOn('2026-01-01').reconfirmation, rule);
  });

  it('opens 7 days and closes 4 days before the start, to the millisecond', () => {
    assert.deepEqual(reconfirmationWindow(start, rule), {
      askFrom: at('2026-12-14T09:00:00Z'),
      dueAt: at('2026-12-17T09:00:00Z'),
    });
  });

  it('is not yet asked, then open, then overdue at the due time', () => {
    assert.equal(reconfirmationStatus(start, null, at('2026-12-14T08:59:59.999Z'), rule), 'not-yet');
    assert.equal(reconfirmationStatus(start, null, at('2026-12-14T09:00:00Z'), rule), 'open');
    assert.equal(reconfirmationStatus(start, null, at('2026-12-17T08:59:59.999Z'), rule), 'open');
    assert.equal(reconfirmationStatus(start, null, at('2026-12-17T09:00:00Z'), rule), 'overdue');
  });

  it('stays confirmed once confirmed', () => {
    const confirmed = at('2026-12-15T10:00:00Z');
    assert.equal(reconfirmationStatus(start, confirmed, at('2026-12-20T10:00:00Z'), rule), 'confirmed');
  });

  it('takes agreeing inside the window as the confirmation', () => {
    assert.equal(agreedCountsAsConfirmed(start, at('2026-12-14T09:00:00Z'), rule), true);
    assert.equal(agreedCountsAsConfirmed(start, at('2026-12-14T08:59:00Z'), rule), false);
  });
});
