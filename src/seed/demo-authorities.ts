/** The demo's authorities outside Saxony (recognition, central and local foreigners offices) and the ZAB. */
import { SIX_STATES } from '../domain/recognition/portability.ts';
import type { NewOrganisation } from '../features/identity/index.ts';
import { healthAuthoritiesOf, ZAB_BODY_ID } from '../features/registry/index.ts';

/** One district per state where the demo's authorities and journeys are placed (shared with seed --scale). */
export const DEMO_DISTRICTS: Record<string, string> = {
  SN: '14626',
  BE: '11000',
  BB: '12054',
  MV: '13003',
  ST: '15003',
  TH: '16051',
};

const STATE_NAMES: Record<string, string> = {
  BE: 'Berlin',
  BB: 'Brandenburg',
  MV: 'Mecklenburg-Vorpommern',
  SN: 'Sachsen',
  ST: 'Sachsen-Anhalt',
  TH: 'Thüringen',
};

/** The ZAB: statements of comparability for foreign degrees in non-regulated professions, nationwide. */
const DEMO_ZAB: NewOrganisation = {
  slug: 'demo-kmk-zab',
  name: 'Zentralstelle für ausländisches Bildungswesen (Demo)',
  kind: 'recognition-authority',
  jurisdictions: [{ scope: 'nationwide' }],
  registryBodies: [{ table: 'nationwide-body', id: ZAB_BODY_ID }],
};

/** Authorities for the states other than Saxony (the identity demo made Saxony's); no accounts sign in for them. */
function stateOrganisations(state: string): NewOrganisation[] {
  const lower = state.toLowerCase();
  return [
    {
      slug: `demo-anerkennung-${lower}`,
      name: `Anerkennungsstelle ${STATE_NAMES[state]} (Demo)`,
      kind: 'recognition-authority',
      seat: { stateCode: state },
      jurisdictions: [{ scope: 'state', stateCode: state }],
      registryBodies: healthAuthoritiesOf(state),
    },
    {
      slug: `demo-zab-${lower}`,
      name: `Zentrale Ausländerbehörde ${STATE_NAMES[state]} (Demo)`,
      kind: 'central-foreigners-office',
      seat: { stateCode: state },
      jurisdictions: [{ scope: 'state', stateCode: state }],
    },
    {
      slug: `demo-abh-${lower}`,
      name: `Ausländerbehörde ${STATE_NAMES[state]} (Demo)`,
      kind: 'foreigners-office',
      seat: { stateCode: state, districtAgs: DEMO_DISTRICTS[state] as string },
      jurisdictions: [{ scope: 'district', ags: DEMO_DISTRICTS[state] as string }],
    },
  ];
}

/** Every authority the journey demo adds (the identity demo made Saxony's). */
export function demoAuthorities(): NewOrganisation[] {
  return [...SIX_STATES.filter((s) => s !== 'SN').flatMap(stateOrganisations), DEMO_ZAB];
}
