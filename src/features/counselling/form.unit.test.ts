import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from './service.ts';

const valid = {
  stateCode: 'SN',
  openedOn: '2024-02-29',
  topic: 'recognition',
  applicantPersonId: '',
  referrals: [],
  outcome: 'open',
  closedOn: '',
} as unknown as Parameters<typeof validate>[0];

describe('counselling case form: dates', () => {
  it('refuses a day the calendar does not have (2023-02-30), in openedOn and closedOn', () => {
    const fields = validate({ ...valid, openedOn: '2023-02-30' }, true).map((p) => p.field);
    assert.ok(fields.includes('openedOn'), JSON.stringify(fields));
    const closed = validate({ ...valid, closedOn: '2024-04-31' }, false).map((p) => p.field);
    assert.ok(closed.includes('closedOn'), JSON.stringify(closed));
  });

  it('accepts 29 February of a leap year', () => {
    assert.ok(!validate(valid, true).some((p) => p.field === 'openedOn'));
  });
});
