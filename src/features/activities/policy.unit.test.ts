import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor } from '../../domain/access/policy.ts';
import { mayEdit, officerState } from './service.ts';

const officer = (stateCode: string): Actor => ({
  personId: 'p',
  memberships: [
    { role: 'ministry-officer', organisationId: 'o', jurisdictions: [{ scope: 'state', stateCode }] },
  ],
});

describe('who may record and change a state’s activities', () => {
  it('lets a ministry officer record and change the activities of their own state only', () => {
    assert.ok(mayEdit(officer('SN'), 'SN', 'create'));
    assert.ok(mayEdit(officer('SN'), 'SN'));
    assert.ok(!mayEdit(officer('TH'), 'SN'));
    assert.ok(!mayEdit(officer('TH'), 'SN', 'create'));
  });

  it('gives no other role a say, and knows the officer’s state', () => {
    const counsellor: Actor = {
      personId: 'c',
      memberships: [
        { role: 'counsellor', organisationId: 'o', jurisdictions: [{ scope: 'state', stateCode: 'SN' }] },
      ],
    };
    assert.ok(!mayEdit(counsellor, 'SN'));
    assert.equal(officerState(counsellor), null);
    assert.equal(officerState(officer('TH'))?.stateCode, 'TH');
  });
});
