import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { familyFacts, familyProblems } from './family.ts';
import { planJourney } from './plan.ts';
import { buildFacts } from './testing.ts';

describe('a family member’s linked journey', () => {
  const principal = buildFacts({
    pathway: 'aufenthg-18b',
    qualification: { kind: 'academic', regulation: 'federal' },
    employerUses81a: true,
    location: 'abroad',
    variant: 'general',
  });

  it('follows the principal’s pathway and § 81a procedure when travelling together, with no qualification of its own', () => {
    assert.deepEqual(familyFacts(principal, 'j-principal', 'with-principal'), {
      pathway: 'aufenthg-18b',
      qualification: { kind: 'none', regulation: 'not-regulated' },
      employerUses81a: true,
      location: 'abroad',
      linkedTo: 'j-principal',
    });
  });

  it('comes from abroad outside the § 81a procedure when travelling later, even when the principal is in Germany', () => {
    const facts = familyFacts({ ...principal, location: 'germany' }, 'j-principal', 'later');
    assert.equal(facts.location, 'abroad');
    assert.equal(facts.employerUses81a, false);
    const required = planJourney(facts, '2026-03-02')
      .filter((s) => s.required)
      .map((s) => s.kind);
    assert.deepEqual(required, [
      'orientation',
      'visa-appointment',
      'visa-decision',
      'entry-registration',
      'residence-permit',
      'integration',
    ]);
  });

  for (const [relationship, birthDate, expected] of [
    ['child', '2010-03-03', []],
    ['child', '2008-03-02', ['minor']],
    ['child', '2008-03-03', []],
    ['spouse', '2008-03-02', []],
    ['spouse', '2008-03-03', ['adult']],
    ['child', '2026-03-03', ['not-in-future']],
    ['spouse', '1990-01-01', []],
  ] as const) {
    it(`${expected.length === 0 ? 'accepts' : `refuses (${expected.join()})`} a ${relationship} born ${birthDate}, on 2026-03-02`, () => {
      assert.deepEqual(
        familyProblems({ relationship, birthDate }, '2026-03-02').map((p) => p.rule),
        expected,
      );
    });
  }
});
