import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Actor, decideFor } from '../../domain/access/policy.ts';
import { answerRelations, projectRelations } from '../joint-projects/index.ts';

const officer = (
  stateCode: string,
  role: Actor['memberships'][number]['role'] = 'ministry-officer',
): Actor => ({
  personId: 'p',
  memberships: [{ role, organisationId: 'o', jurisdictions: [{ scope: 'state', stateCode }] }],
});

const signOff = (a: Actor, state: string) =>
  decideFor(a, 'update', 'joint-draft-sign-off', (m) => answerRelations(m, state)).allow;
const draft = (a: Actor, action: 'read' | 'export' | 'update' | 'create', states: string[]) =>
  decideFor(a, action, 'joint-draft', (m) => projectRelations(m, states)).allow;

describe('who may do what with a joint draft (declared policy)', () => {
  it("signs off for a state only by that state's ministry officers", () => {
    assert.ok(signOff(officer('SN'), 'SN'));
    assert.ok(!signOff(officer('TH'), 'SN'));
    assert.ok(!signOff(officer('SN', 'counsellor'), 'SN'));
  });
  it('lets every state read and export, and only participating states write', () => {
    assert.ok(draft(officer('BE'), 'read', ['SN', 'TH']));
    assert.ok(draft(officer('BE'), 'export', ['SN', 'TH']));
    assert.ok(!draft(officer('BE'), 'update', ['SN', 'TH']));
    assert.ok(!draft(officer('BE'), 'create', ['SN', 'TH']));
    assert.ok(draft(officer('TH'), 'update', ['SN', 'TH']));
    assert.ok(!draft(officer('SN', 'counsellor'), 'read', ['SN', 'TH']));
  });
});
