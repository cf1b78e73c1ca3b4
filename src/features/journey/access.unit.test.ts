import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideFor, type Membership } from '../../domain/access/policy.ts';
import { type JourneyObject, stepRelations } from './access.ts';

const journey: JourneyObject = {
  applicantId: 'p-applicant',
  principalApplicantId: 'p-principal',
  employerId: 'org-employer',
  ownerIds: ['org-recognition', 'org-abh', 'org-employer'],
  consentedIds: ['org-centre'],
};
const member = (role: Membership['role'], organisationId: string | null): Membership => ({
  role,
  organisationId,
  jurisdictions: [],
});
const readsStep = (personId: string, m: Membership, owner: string | null) =>
  decideFor({ personId, memberships: [m] }, 'read', 'journey-step', (x) =>
    stepRelations(personId, x, journey, owner),
  );

describe('the relations of a journey step (journey-step)', () => {
  it('own-organisation is the organisation owning this step, not the employer named nor another step’s owner', () => {
    const officer = member('recognition-officer', 'org-recognition');
    assert.ok(stepRelations('p-o', officer, journey, 'org-recognition').has('own-organisation'));
    assert.ok(!stepRelations('p-o', officer, journey, 'org-abh').has('own-organisation'));
    const employer = member('employer-admin', 'org-employer');
    assert.ok(!stepRelations('p-e', employer, journey, 'org-recognition').has('own-organisation'));
    assert.ok(stepRelations('p-e', employer, journey, 'org-employer').has('own-organisation'));
  });

  it('opens a step page to its owner, the applicant and a consenting centre; 404 to the others', () => {
    assert.equal(
      readsStep('p-o', member('recognition-officer', 'org-recognition'), 'org-recognition').allow,
      true,
    );
    assert.equal(readsStep('p-applicant', member('applicant', null), 'org-recognition').allow, true);
    assert.equal(readsStep('p-c', member('counsellor', 'org-centre'), 'org-recognition').allow, true);
    for (const [person, m] of [
      ['p-e', member('employer-admin', 'org-employer')],
      ['p-a', member('foreigners-office-caseworker', 'org-abh')],
      ['p-principal', member('applicant', null)],
    ] as const)
      assert.deepEqual(readsStep(person, m, 'org-recognition'), {
        allow: false,
        status: 404,
        reason: 'object',
      });
    assert.deepEqual(readsStep('p-m', member('ministry-officer', 'org-ministry'), 'org-recognition'), {
      allow: false,
      status: 403,
      reason: 'function',
    });
  });
});
