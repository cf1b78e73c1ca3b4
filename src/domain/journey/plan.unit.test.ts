import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PATHWAY_IDS } from '../law/index.ts';
import { planJourney } from './plan.ts';
import { buildFacts } from './testing.ts';
import { type JourneyFacts, STEP_KINDS, type StepKind } from './types.ts';

const DATE = '2026-03-02';

function required(facts: JourneyFacts): StepKind[] {
  return planJourney(facts, DATE)
    .filter((s) => s.required)
    .map((s) => s.kind);
}

function reasonOf(facts: JourneyFacts, kind: StepKind): string {
  const step = planJourney(facts, DATE).find((s) => s.kind === kind);
  assert.ok(step);
  return step.reason.key;
}

const ALWAYS: StepKind[] = ['orientation', 'residence-permit', 'integration'];
const ABROAD: StepKind[] = ['visa-appointment', 'visa-decision', 'entry-registration'];

describe('plan per pathway and facts', () => {
  const table: [string, Partial<JourneyFacts>, StepKind[]][] = [
    [
      'a vocational skilled worker abroad (§ 18a, not regulated) needs job offer, recognition, BA approval and the visa',
      {},
      ['job-offer', 'recognition', 'ba-approval', ...ABROAD],
    ],
    [
      'an academic in a non-regulated profession (§ 18b) needs a ZAB statement instead of recognition',
      { pathway: 'aufenthg-18b', qualification: { kind: 'academic', regulation: 'not-regulated' } },
      ['job-offer', 'zab-statement', 'ba-approval', ...ABROAD],
    ],
    [
      'a doctor (federally regulated, § 18b) needs recognition, not a ZAB statement',
      { pathway: 'aufenthg-18b', qualification: { kind: 'academic', regulation: 'federal' } },
      ['job-offer', 'recognition', 'ba-approval', ...ABROAD],
    ],
    [
      'a teacher (state-regulated, § 18b) needs recognition',
      { pathway: 'aufenthg-18b', qualification: { kind: 'academic', regulation: 'state' } },
      ['job-offer', 'recognition', 'ba-approval', ...ABROAD],
    ],
    [
      'a Blue Card at the general threshold needs no BA approval',
      {
        pathway: 'aufenthg-18g',
        variant: 'general',
        qualification: { kind: 'academic', regulation: 'not-regulated' },
      },
      ['job-offer', 'zab-statement', ...ABROAD],
    ],
    [
      'a Blue Card at the reduced threshold for a shortage occupation needs BA approval',
      {
        pathway: 'aufenthg-18g',
        variant: 'reduced-shortage',
        qualification: { kind: 'academic', regulation: 'not-regulated' },
      },
      ['job-offer', 'zab-statement', 'ba-approval', ...ABROAD],
    ],
    [
      'the engine’s baApproval overrides the table (Blue Card with baApproval false)',
      {
        pathway: 'aufenthg-18g',
        variant: 'reduced-shortage',
        baApproval: false,
        qualification: { kind: 'academic', regulation: 'not-regulated' },
      },
      ['job-offer', 'zab-statement', ...ABROAD],
    ],
    [
      'an IT specialist without a degree (§ 18g Abs. 2) needs no recognition but BA approval',
      { pathway: 'aufenthg-18g-it', qualification: { kind: 'none', regulation: 'not-regulated' } },
      ['job-offer', 'ba-approval', ...ABROAD],
    ],
    [
      'the experience pillar (§ 19c Abs. 2) needs no recognition in a non-regulated profession',
      { pathway: 'aufenthg-19c-2' },
      ['job-offer', 'ba-approval', ...ABROAD],
    ],
    [
      'the experience pillar (§ 19c Abs. 2) needs recognition in a regulated profession',
      { pathway: 'aufenthg-19c-2', qualification: { kind: 'vocational', regulation: 'state' } },
      ['job-offer', 'recognition', 'ba-approval', ...ABROAD],
    ],
    [
      'the Chancenkarte needs neither job offer, recognition nor BA approval',
      { pathway: 'aufenthg-20a', qualification: { kind: 'vocational', regulation: 'federal' } },
      [...ABROAD],
    ],
    [
      'the recognition partnership (§ 16d Abs. 3) needs the partnership job and the recognition procedure',
      { pathway: 'aufenthg-16d-3', qualification: { kind: 'vocational', regulation: 'federal' } },
      ['job-offer', 'recognition', 'ba-approval', ...ABROAD],
    ],
    [
      'a qualification measure (§ 16d Abs. 1) keeps BA approval in the plan to be checked',
      { pathway: 'aufenthg-16d-1', qualification: { kind: 'vocational', regulation: 'federal' } },
      ['recognition', 'ba-approval', ...ABROAD],
    ],
    [
      'in-company training (§ 16a) needs a training contract and BA approval, no recognition',
      { pathway: 'aufenthg-16a', qualification: { kind: 'none', regulation: 'not-regulated' } },
      ['job-offer', 'ba-approval', ...ABROAD],
    ],
    ['study (§ 16b) needs only the visa', { pathway: 'aufenthg-16b' }, [...ABROAD]],
    [
      'the Western Balkans rule needs a job offer and BA approval, no qualification',
      { pathway: 'beschv-26-2', qualification: { kind: 'none', regulation: 'not-regulated' } },
      ['job-offer', 'ba-approval', ...ABROAD],
    ],
    [
      'a person in Germany (§ 25b) needs no visa, entry or job offer',
      {
        pathway: 'aufenthg-25b',
        location: 'germany',
        qualification: { kind: 'none', regulation: 'not-regulated' },
      },
      [],
    ],
    [
      'a skilled worker already in Germany needs no visa steps',
      { location: 'germany' },
      ['job-offer', 'recognition', 'ba-approval'],
    ],
    [
      'the accelerated procedure is planned when the employer uses it for a worker abroad',
      { employerUses81a: true },
      ['job-offer', 'recognition', 'accelerated-procedure', 'ba-approval', ...ABROAD],
    ],
    [
      'the accelerated procedure is not available in Germany even when the employer wants it',
      { employerUses81a: true, location: 'germany' },
      ['job-offer', 'recognition', 'ba-approval'],
    ],
    [
      'the accelerated procedure is not available for the Chancenkarte',
      { employerUses81a: true, pathway: 'aufenthg-20a' },
      [...ABROAD],
    ],
    [
      'a family member’s linked journey needs only the visa and the permit (with the § 81a procedure if used)',
      { linkedTo: 'journey-principal', employerUses81a: true },
      ['accelerated-procedure', ...ABROAD],
    ],
  ];
  for (const [name, overrides, expected] of table) {
    it(name, () => {
      const want = new Set<StepKind>([...ALWAYS, ...expected]);
      assert.deepEqual(
        required(buildFacts(overrides)),
        STEP_KINDS.filter((k) => want.has(k)),
      );
    });
  }
});

describe('plan reasons', () => {
  it('lists every step kind once, in order, each with a journey.plan key', () => {
    for (const pathway of PATHWAY_IDS) {
      const plan = planJourney(buildFacts({ pathway }), DATE);
      assert.deepEqual(
        plan.map((s) => s.kind),
        [...STEP_KINDS],
      );
      for (const s of plan)
        assert.match(s.reason.key, new RegExp(`^journey\\.plan\\.${s.kind}\\.[a-z0-9-]+$`));
    }
  });

  it('says why recognition is required for a regulated profession and names the regulation', () => {
    const plan = planJourney(buildFacts({ qualification: { kind: 'academic', regulation: 'state' } }), DATE);
    const recognition = plan.find((s) => s.kind === 'recognition');
    assert.deepEqual(recognition?.reason, {
      key: 'journey.plan.recognition.regulated',
      values: { regulation: 'state' },
    });
    assert.equal(
      reasonOf(buildFacts({ qualification: { kind: 'academic', regulation: 'state' } }), 'zab-statement'),
      'journey.plan.zab-statement.not-required-recognition',
    );
  });

  it('shows the § 81a fee of the parameter table in the reason', () => {
    const plan = planJourney(buildFacts({ employerUses81a: true }), DATE);
    assert.deepEqual(plan.find((s) => s.kind === 'accelerated-procedure')?.reason.values, { fee: 411 });
  });

  it('says the BA approval is still to be checked when the Blue Card variant is unknown', () => {
    assert.equal(
      reasonOf(
        buildFacts({
          pathway: 'aufenthg-18g',
          qualification: { kind: 'academic', regulation: 'not-regulated' },
        }),
        'ba-approval',
      ),
      'journey.plan.ba-approval.to-check',
    );
  });

  it('gives the reason for a step that is not required (in Germany: no visa)', () => {
    assert.equal(
      reasonOf(buildFacts({ location: 'germany' }), 'visa-decision'),
      'journey.plan.visa-decision.not-required-in-germany',
    );
    assert.equal(
      reasonOf(buildFacts({ linkedTo: 'j-1' }), 'job-offer'),
      'journey.plan.job-offer.not-required-family',
    );
  });
});
