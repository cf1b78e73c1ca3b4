import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  chooseOwners,
  OWNER_RULES,
  type OwnerCandidate,
  type OwnerFacts,
  stateOfDistrict,
} from './owners.ts';

const org = (
  id: string,
  kind: string,
  where: { state?: string; district?: string; country?: string } = {},
): OwnerCandidate => ({
  id,
  slug: id,
  kind,
  scope: where.district ? 'district' : where.state ? 'state' : where.country ? 'country' : 'nationwide',
  stateCode: where.state ?? null,
  districtAgs: where.district ?? null,
  countryCode: where.country ?? null,
});

const CANDIDATES: readonly OwnerCandidate[] = [
  org('be-anerkennung', 'recognition-authority', { state: 'BE' }),
  org('be-zab', 'central-foreigners-office', { state: 'BE' }),
  org('be-abh', 'foreigners-office', { district: '11000' }),
  org('be-beratung', 'counselling-centre', { state: 'BE' }),
  org('sn-anerkennung', 'recognition-authority', { state: 'SN' }),
  org('sn-zab', 'central-foreigners-office', { state: 'SN' }),
  org('sn-abh-leipzig', 'foreigners-office', { district: '14713' }),
  org('sn-abh-goerlitz', 'foreigners-office', { district: '14626' }),
  org('sn-beratung', 'counselling-centre', { state: 'SN' }),
  org('th-zab', 'central-foreigners-office', { state: 'TH' }),
  org('mission-in', 'mission', { country: 'IN' }),
  org('mission-vn', 'mission', { country: 'VN' }),
  org('ba', 'employment-agency'),
  org('zab', 'recognition-authority'),
];

const facts = (over: Partial<OwnerFacts> = {}): OwnerFacts => ({
  jobStateCode: 'SN',
  jobDistrictAgs: '14713',
  residenceAgs: null,
  countryCode: 'IN',
  competent: { recognition: null, 'zab-statement': ['zab'] },
  ...over,
});

describe('chooseOwners: the owner of each step follows the job and the residence', () => {
  it('gives a job in Leipzig to Saxon bodies', () => {
    const owners = chooseOwners(facts(), CANDIDATES);
    assert.deepEqual(owners, {
      orientation: 'sn-beratung',
      recognition: 'sn-anerkennung',
      'zab-statement': 'zab',
      'accelerated-procedure': 'sn-zab',
      'ba-approval': 'ba',
      'visa-appointment': 'mission-in',
      'visa-decision': 'mission-in',
      'entry-registration': 'sn-abh-leipzig',
      'residence-permit': 'sn-abh-leipzig',
      integration: 'sn-beratung',
    });
  });

  it('gives a job in Berlin to Berlin bodies, whatever order the candidates come in', () => {
    const owners = chooseOwners(
      facts({ jobStateCode: 'BE', jobDistrictAgs: '11000', countryCode: 'VN' }),
      [...CANDIDATES].reverse(),
    );
    assert.equal(owners.recognition, 'be-anerkennung');
    assert.equal(owners['accelerated-procedure'], 'be-zab');
    assert.equal(owners['residence-permit'], 'be-abh');
    assert.equal(owners.orientation, 'be-beratung');
    assert.equal(owners['visa-decision'], 'mission-vn');
  });

  it('gives the residence permit to the office of the district where the person will live', () => {
    const owners = chooseOwners(facts({ residenceAgs: '14626' }), CANDIDATES);
    assert.equal(owners['residence-permit'], 'sn-abh-goerlitz');
    assert.equal(owners['entry-registration'], 'sn-abh-goerlitz');
    assert.equal(owners['accelerated-procedure'], 'sn-zab', '§ 81a stays with the state of the job');
    assert.equal(owners.recognition, 'sn-anerkennung', 'recognition stays with the state of the job');
  });

  it('falls back to the central office of the residence state when its district has no office on the platform', () => {
    const owners = chooseOwners(facts({ residenceAgs: '16051' }), CANDIDATES);
    assert.equal(owners['residence-permit'], 'th-zab');
    assert.equal(owners['accelerated-procedure'], 'sn-zab');
  });

  it('takes the local office of the job for § 81a when the state has no central office', () => {
    const owners = chooseOwners(
      facts(),
      CANDIDATES.filter((c) => c.id !== 'sn-zab'),
    );
    assert.equal(owners['accelerated-procedure'], 'sn-abh-leipzig');
  });

  it('follows the registry for recognition: its organisation, or nobody when none of its bodies is on the platform', () => {
    const named = chooseOwners(
      facts({ competent: { recognition: ['sn-nurse'], 'zab-statement': ['zab'] } }),
      CANDIDATES,
    );
    assert.equal(named.recognition, 'sn-nurse');
    const absent = chooseOwners(facts({ competent: { recognition: [], 'zab-statement': [] } }), CANDIDATES);
    assert.equal(absent.recognition, undefined);
    assert.equal(absent['zab-statement'], undefined);
  });

  it('leaves the visa unowned without a country, and never gives a step to a body of another state', () => {
    const owners = chooseOwners(
      facts({ countryCode: null, jobStateCode: 'MV', jobDistrictAgs: '13003' }),
      CANDIDATES,
    );
    assert.equal(owners['visa-appointment'], undefined);
    assert.equal(owners.recognition, undefined);
    assert.equal(owners['accelerated-procedure'], undefined);
    assert.equal(owners['residence-permit'], undefined);
    assert.equal(owners['ba-approval'], 'ba');
  });

  it('names a legal basis for every owned step, and the state of a district key', () => {
    for (const [kind, rule] of Object.entries(OWNER_RULES)) assert.ok(rule.basis.length > 10, kind);
    assert.equal(stateOfDistrict('14713'), 'SN');
    assert.equal(stateOfDistrict('11000'), 'BE');
    assert.equal(stateOfDistrict('99000'), null);
  });
});
