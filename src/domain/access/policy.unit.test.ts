import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withinJurisdiction } from './jurisdiction.ts';
import {
  type Actor,
  decide,
  decideFor,
  isKnownPair,
  mayAttempt,
  type PersonalObject,
  personalRelations,
  policyRows,
  RELATIONS,
  RESOURCES,
  type Relation,
} from './policy.ts';
import { POLICY } from './policy-table.ts';
import { ROLES, requiresSecondFactor, strictestClass } from './roles.ts';

const caseworker: Actor = {
  personId: 'p-case',
  memberships: [
    {
      role: 'foreigners-office-caseworker',
      organisationId: 'abh-leipzig',
      jurisdictions: [{ scope: 'district', ags: '14713' }],
    },
  ],
};

const applicantIn = (ags: string, state: string, extra: Partial<PersonalObject> = {}): PersonalObject => ({
  subjectPersonId: 'p-app',
  subjectOrganisationIds: [],
  consentedOrganisationIds: [],
  location: { districtAgs: ags, stateCode: state, countryCode: 'IN' },
  ...extra,
});

describe('authorisation policy', () => {
  it('names a rule for every role on every (action, resource) pair it lists, possibly empty', () => {
    for (const row of policyRows()) {
      for (const r of row.relations) assert.ok(RELATIONS.includes(r));
    }
    assert.equal(policyRows().length % ROLES.length, 0);
  });

  it('lets a foreigners-office caseworker read an applicant living in the office district', () => {
    const d = decideFor(caseworker, 'read', 'applicant-profile', (m) =>
      personalRelations(caseworker, m, applicantIn('14713', 'SN')),
    );
    assert.deepEqual(
      { allow: d.allow, relation: d.allow ? d.relation : null },
      { allow: true, relation: 'within-jurisdiction' },
    );
  });

  it('answers 404 for an applicant in another district (no existence oracle)', () => {
    const d = decideFor(caseworker, 'read', 'applicant-profile', (m) =>
      personalRelations(caseworker, m, applicantIn('14612', 'SN')),
    );
    assert.deepEqual(d, { allow: false, status: 404, reason: 'object' });
  });

  it('answers 403 when the role may not perform the function at all', () => {
    assert.equal(mayAttempt(['applicant'], 'read', 'outbox'), false);
    assert.deepEqual(
      decide(['applicant'], 'read', 'outbox', () => new Set<Relation>(['other'])),
      { allow: false, status: 403, reason: 'function' },
    );
  });

  it('grants a counsellor access only while the applicant consents to that centre', () => {
    const counsellor: Actor = {
      personId: 'p-c',
      memberships: [{ role: 'counsellor', organisationId: 'centre-a', jurisdictions: [] }],
    };
    const withConsent = applicantIn('14713', 'SN', { consentedOrganisationIds: ['centre-a'] });
    const otherCentre = applicantIn('14713', 'SN', { consentedOrganisationIds: ['centre-b'] });
    assert.equal(
      decideFor(counsellor, 'read', 'applicant-profile', (m) => personalRelations(counsellor, m, withConsent))
        .allow,
      true,
    );
    assert.equal(
      decideFor(counsellor, 'read', 'applicant-profile', (m) => personalRelations(counsellor, m, otherCentre))
        .allow,
      false,
    );
  });

  it('keeps memberships apart: consent to one organisation does not extend to another role', () => {
    const actor: Actor = {
      personId: 'p-x',
      memberships: [
        { role: 'counsellor', organisationId: 'centre-a', jurisdictions: [] },
        {
          role: 'foreigners-office-caseworker',
          organisationId: 'abh-dresden',
          jurisdictions: [{ scope: 'district', ags: '14612' }],
        },
      ],
    };
    const consentedToAbh = applicantIn('14713', 'SN', { consentedOrganisationIds: ['abh-dresden'] });
    const d = decideFor(actor, 'read', 'applicant-profile', (m) =>
      personalRelations(actor, m, consentedToAbh),
    );
    assert.equal(d.allow, false);
  });

  it('never lets an administrator read applicant data that is not their own', () => {
    const admin: Actor = {
      personId: 'p-admin',
      memberships: [
        { role: 'administrator', organisationId: 'op', jurisdictions: [{ scope: 'nationwide' }] },
      ],
    };
    const d = decideFor(admin, 'read', 'applicant-profile', (m) =>
      personalRelations(admin, m, applicantIn('14713', 'SN', { consentedOrganisationIds: ['op'] })),
    );
    assert.equal(d.allow, false);
  });

  it('knows which (action, resource) pairs exist', () => {
    assert.equal(isKnownPair('read', 'applicant-profile'), true);
    assert.equal(isKnownPair('delete', 'applicant-profile'), false);
    assert.equal(isKnownPair('read', 'pathway'), false);
    for (const resource of RESOURCES) assert.ok(Object.keys(POLICY[resource]).length > 0);
  });

  it('is monotone: adding a relation never removes access', () => {
    for (const row of policyRows()) {
      for (const held of RELATIONS) {
        const one = decide([row.role], row.action, row.resource, () => new Set([held]));
        const more = decide([row.role], row.action, row.resource, () => new Set<Relation>([held, 'own']));
        if (one.allow) assert.equal(more.allow, true);
      }
    }
  });
});

describe('jurisdiction', () => {
  it('matches states, districts, countries and nationwide scope', () => {
    const loc = { stateCode: 'SN', districtAgs: '14713', countryCode: 'VN' };
    assert.equal(withinJurisdiction([{ scope: 'state', stateCode: 'SN' }], loc), true);
    assert.equal(withinJurisdiction([{ scope: 'state', stateCode: 'TH' }], loc), false);
    assert.equal(withinJurisdiction([{ scope: 'district', ags: '14713' }], loc), true);
    assert.equal(withinJurisdiction([{ scope: 'country', countryCode: 'VN' }], loc), true);
    assert.equal(withinJurisdiction([{ scope: 'country', countryCode: 'IN' }], loc), false);
    assert.equal(withinJurisdiction([{ scope: 'nationwide' }], loc), true);
    assert.equal(withinJurisdiction([{ scope: 'nationwide' }], { countryCode: 'VN' }), false);
    assert.equal(withinJurisdiction([], loc), false);
  });
});

describe('roles', () => {
  it('requires a second factor for authority, ministry and administrator roles only', () => {
    assert.equal(requiresSecondFactor(['applicant']), false);
    assert.equal(requiresSecondFactor(['employer-admin', 'counsellor']), false);
    assert.equal(requiresSecondFactor(['ministry-officer']), true);
    assert.equal(requiresSecondFactor(['applicant', 'mission-officer']), true);
    assert.equal(requiresSecondFactor(['administrator']), true);
  });

  it('handles a person by the strictest class of their roles', () => {
    assert.equal(strictestClass([]), 'personal');
    assert.equal(strictestClass(['applicant', 'recognition-officer']), 'authority');
    assert.equal(strictestClass(['employer-member']), 'organisation');
  });
});
