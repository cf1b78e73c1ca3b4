/** Property tests over seeded random profiles (generate.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chancenkartePoints } from './chancenkarte-points.ts';
import { evaluatePathways, evaluateSomePathways } from './engine.ts';
import { createRandom, generateProfiles } from './generate.ts';
import { LANGUAGE_LEVELS, type PathwayId, type PathwayProfile } from './types.ts';

const N = 3000;
const SALARY_PATHWAYS: PathwayId[] = [
  'aufenthg-18a',
  'aufenthg-18b',
  'aufenthg-18g',
  'aufenthg-18g-it',
  'aufenthg-19c-2',
  'beschv-26-2',
];

/**
 * Removable facts: leaf paths. A fact with a fallback is removed together with its fallback (derivation
 * group): isco08 + shortageOccupation, inGermanySince + statusSince.
 */
const FACTS: string[][] = [
  ['person.citizenship'],
  ['person.location'],
  ['person.status'],
  ['person.statusSince'],
  ['person.inGermanySince', 'person.statusSince'],
  ['person.qualification'],
  ['person.qualification.kind'],
  ['person.qualification.trainingYears'],
  ['person.qualification.stateRecognizedAbroad'],
  ['person.qualification.recognitionInGermany'],
  ['person.qualification.completedOn'],
  ['person.qualification.isco08', 'person.qualification.shortageOccupation'],
  ['person.experience'],
  ['person.languages'],
  ['person.languages.german'],
  ['person.languages.english'],
  ['person.germanStayMonths'],
  ['person.adequatePensionProvision'],
  ['person.spouseAppliesForChancenkarte'],
  ['person.monthlyFundsEur'],
  ['person.pensionContributionMonths'],
  ['person.fines'],
  ['person.livelihoodMainlyFromWork'],
  ['person.livesWithMinorChild'],
  ['job'],
  ['job.isco08'],
  ['job.annualSalaryEur'],
  ['job.qualified'],
  ['job.matchesQualification'],
  ['job.employerCollectiveAgreement'],
  ['job.contractMonths'],
  ['job.regulatedPermit'],
  ['job.recognitionPartnershipAgreement'],
  ['education'],
  ['education.trainingPlaceOffer'],
  ['education.studyAdmission'],
  ['education.universityEntranceQualification'],
  ['education.qualificationMeasureOffer'],
  ['education.germanSchoolOrQualification'],
];

function remove(profile: PathwayProfile, paths: string[]): PathwayProfile {
  const copy = structuredClone(profile) as unknown as Record<string, Record<string, unknown>>;
  for (const path of paths) {
    const parts = path.split('.');
    let node: Record<string, unknown> | undefined = copy;
    for (const part of parts.slice(0, -1)) node = node?.[part] as Record<string, unknown> | undefined;
    if (node !== undefined) delete node[parts[parts.length - 1] as string];
  }
  return copy as unknown as PathwayProfile;
}

const RANK: Record<string, number> = { eligible: 2, 'needs-review': 1, 'not-eligible': 0 };

describe('properties', () => {
  it('raising the salary never turns a salary-based pathway from eligible to not-eligible', () => {
    const r = createRandom(101);
    for (const profile of generateProfiles(N, 5)) {
      if (profile.job?.annualSalaryEur === undefined) continue;
      const raised = structuredClone(profile);
      if (raised.job !== undefined)
        raised.job.annualSalaryEur =
          (profile.job.annualSalaryEur ?? 0) + r.pick([0.01, 1, 500, 5_000, 30_000]);
      const before = evaluatePathways(profile);
      const after = evaluatePathways(raised);
      for (const id of SALARY_PATHWAYS) {
        const b = before.pathways.find((p) => p.id === id)?.outcome ?? '';
        const a = after.pathways.find((p) => p.id === id)?.outcome ?? '';
        assert.ok((RANK[a] ?? 0) >= (RANK[b] ?? 0), `${id}: ${b} → ${a} for ${JSON.stringify(profile)}`);
      }
    }
  });

  it('a higher language level never lowers Chancenkarte points', () => {
    const r = createRandom(202);
    for (const profile of generateProfiles(N, 6)) {
      const base = chancenkartePoints(profile).total;
      const which = r.chance(0.5) ? 'german' : 'english';
      const current = profile.person.languages?.[which];
      const from = current === undefined ? 0 : LANGUAGE_LEVELS.indexOf(current);
      const higher = LANGUAGE_LEVELS[r.int(from, LANGUAGE_LEVELS.length - 1)];
      if (current === undefined || higher === undefined) continue;
      const raised = structuredClone(profile);
      raised.person.languages = { ...raised.person.languages, [which]: higher };
      assert.ok(chancenkartePoints(raised).total >= base, `${which} ${current} → ${higher}`);
    }
  });

  it('removing a fact never turns unknown or unmet into met, nor an outcome into a better one', () => {
    const r = createRandom(303);
    for (const profile of generateProfiles(N, 7)) {
      const fact = r.pick(FACTS);
      const reduced = remove(profile, fact);
      const before = evaluatePathways(profile).pathways;
      const after = evaluatePathways(reduced).pathways;
      for (const b of before) {
        const a = after.find((p) => p.id === b.id);
        assert.ok(a !== undefined);
        if (b.outcome !== 'eligible')
          assert.notEqual(a.outcome, 'eligible', `${b.id} after removing ${fact.join('+')}`);
        for (const c of a.criteria) {
          const prior = b.criteria.find((x) => x.id === c.id);
          if (prior !== undefined && prior.status !== 'met') {
            assert.notEqual(
              c.status,
              'met',
              `${b.id}/${c.id} ${prior.status} → met after removing ${fact.join('+')}`,
            );
          }
        }
      }
    }
  });

  it('evaluating some pathways gives exactly what evaluating all gives for them', () => {
    const r = createRandom(404);
    for (const profile of generateProfiles(N / 3, 11)) {
      const all = evaluatePathways(profile).pathways;
      const ids = new Set(all.filter(() => r.chance(0.3)).map((p) => p.id));
      assert.deepEqual(
        evaluateSomePathways(profile, ids),
        all.filter((p) => ids.has(p.id)),
      );
    }
  });

  it('generates the same profiles for the same seed', () => {
    assert.deepEqual(generateProfiles(50, 9), generateProfiles(50, 9));
    assert.notDeepEqual(generateProfiles(50, 9), generateProfiles(50, 10));
  });
});
