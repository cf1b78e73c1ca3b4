import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluatePathways, type PathwayProfile } from '../law/index.ts';
import { type AdFacts, JOB_PATHWAYS, jobPathwaysOf, withAdJob } from './pathways.ts';

const AD: AdFacts = {
  salaryMinEur: 60000,
  weeklyHours: 40,
  contractMonths: null,
  germanLevel: 'A1',
  englishLevel: 'B2',
  startDate: '2027-03-01',
  isco08: '2512',
  regulated: false,
  collectiveAgreement: false,
};

/** A software developer abroad with a recognised degree, as the questionnaire would give them. */
const DEVELOPER: PathwayProfile = {
  date: '2026-12-07',
  person: {
    birthDate: '1994-05-01',
    location: 'abroad',
    status: 'none',
    statusSince: null,
    qualification: {
      kind: 'academic',
      trainingYears: 4,
      stateRecognizedAbroad: true,
      recognitionInGermany: 'equivalent',
      completedOn: '2018-07-01',
      isco08: '2512',
    },
    languages: { german: 'A1', english: 'C1' },
  },
};

const outcome = (profile: PathwayProfile, id: string) =>
  evaluatePathways(profile).pathways.find((p) => p.id === id)?.outcome;

describe('could this job work for me (the ad as the person’s own job offer)', () => {
  it('evaluates on the start date when it lies ahead, else today', () => {
    assert.equal(withAdJob(DEVELOPER, AD, '2026-12-07').date, '2027-03-01');
    assert.equal(withAdJob(DEVELOPER, { ...AD, startDate: '2026-01-01' }, '2026-12-07').date, '2026-12-07');
  });

  it('keeps the person’s own facts and puts the ad’s salary, hours and contract in the job', () => {
    const p = withAdJob(DEVELOPER, { ...AD, contractMonths: 24, weeklyHours: 30 }, '2026-12-07');
    assert.deepEqual(p.person, DEVELOPER.person);
    assert.equal(p.job?.annualSalaryEur, 60000);
    assert.equal(p.job?.contractMonths, 24);
    assert.equal(p.job?.weeklyHours, 30);
    assert.equal(p.job?.isco08, '2512');
  });

  it('a developer with a recognised degree gets the Blue Card for a well-paid developer job', () => {
    const soon = { ...AD, startDate: '2026-12-20' };
    assert.equal(outcome(withAdJob(DEVELOPER, soon, '2026-12-07'), 'aufenthg-18g'), 'eligible');
  });

  it('a start in a year whose thresholds are not published leaves the Blue Card open, not granted', () => {
    assert.equal(outcome(withAdJob(DEVELOPER, AD, '2026-12-07'), 'aufenthg-18g'), 'needs-review');
  });

  it('a job in another occupation group leaves the match with the qualification open, never "eligible" by guess', () => {
    const nurseAd = { ...AD, isco08: '2221', regulated: true };
    const p = withAdJob(DEVELOPER, nurseAd, '2026-12-07');
    assert.equal(p.job?.matchesQualification, undefined);
    assert.equal(p.job?.regulatedPermit, 'missing');
    assert.notEqual(outcome(p, 'aufenthg-18g'), 'eligible');
    assert.notEqual(outcome(p, 'aufenthg-18b'), 'eligible');
  });

  it('a regulated job counts the permit as granted only with a recognised qualification', () => {
    const careAd = { ...AD, isco08: '2221', regulated: true };
    const nurse = (recognitionInGermany: 'equivalent' | 'not-applied'): PathwayProfile => ({
      ...DEVELOPER,
      person: {
        ...DEVELOPER.person,
        qualification: { ...DEVELOPER.person.qualification, isco08: '2221', recognitionInGermany },
      },
    });
    assert.equal(withAdJob(nurse('equivalent'), careAd, '2026-12-07').job?.regulatedPermit, 'granted');
    assert.equal(withAdJob(nurse('not-applied'), careAd, '2026-12-07').job?.regulatedPermit, 'missing');
  });

  it('picks out the job pathways in their fixed order', () => {
    const all = evaluatePathways(withAdJob(DEVELOPER, AD, '2026-12-07')).pathways;
    const ids = jobPathwaysOf(all).map((p) => p.id);
    assert.deepEqual(
      ids,
      JOB_PATHWAYS.filter((id) => all.some((p) => p.id === id)),
    );
    assert.ok(ids.length > 0);
  });
});
