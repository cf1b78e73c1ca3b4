import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'preact-render-to-string';
import type { OwnerCandidate } from '../../domain/journey/index.ts';
import type { DistrictRow } from '../regions/index.ts';
import type { OfficeFigures } from './waiting.ts';
import { type MapPlaces, overloadMap, type TileStatus, tileStatus } from './waiting-map.ts';
import { TileMap, tileLines } from './waiting-map-chart.tsx';

const district = (ags: string, stateCode: string, name: string): DistrictRow =>
  ({ ags, stateCode, name, kind: 'landkreis', foreignersOffice: '' }) as DistrictRow;
const candidate = (id: string, kind: string, scope: 'district' | 'state', where: string): OwnerCandidate => ({
  id,
  slug: id,
  kind,
  scope,
  stateCode: scope === 'state' ? where : null,
  districtAgs: scope === 'district' ? where : null,
  countryCode: null,
});
const figures = (id: string, kind: string, status: OfficeFigures['status']): OfficeFigures =>
  ({ office: { id, slug: id, name: id, kind }, status, forecast: {} }) as unknown as OfficeFigures;

describe('overload map tiles', () => {
  const places: MapPlaces = {
    districts: [
      district('14626', 'SN', 'Görlitz'),
      district('14713', 'SN', 'Leipzig'),
      district('12054', 'BB', 'Potsdam'),
      district('16051', 'TH', 'Erfurt'),
    ],
    candidates: [
      candidate('abh-goerlitz', 'foreigners-office', 'district', '14626'),
      candidate('zab-sn', 'central-foreigners-office', 'state', 'SN'),
      candidate('abh-potsdam', 'foreigners-office', 'district', '12054'),
    ],
    missionCountries: new Map([
      ['m-delhi', ['IN']],
      ['m-hanoi', ['VN', 'LA']],
      ['m-nowhere', []],
    ]),
  };
  const offices = [
    figures('abh-goerlitz', 'foreigners-office', 'red'),
    figures('zab-sn', 'central-foreigners-office', 'amber'),
    figures('abh-potsdam', 'foreigners-office', null),
    figures('m-delhi', 'mission', 'green'),
    figures('m-hanoi', 'mission', 'red'),
    figures('m-nowhere', 'mission', null),
  ];
  const map = overloadMap(places, offices, (a, b) => a.localeCompare(b));
  const status = (ags: string) =>
    tileStatus(map.states.flatMap((s) => s.tiles).find((d) => d.ags === ags)?.figures ?? null);

  it("colours a district by its own office, else by the state's central office, else shows no figures", () => {
    const table: [string, TileStatus][] = [
      ['14626', 'red'],
      ['14713', 'amber'],
      ['12054', 'none'],
      ['16051', 'off-platform'],
    ];
    for (const [ags, want] of table) assert.equal(status(ags), want, ags);
  });

  it('puts every district in its state and every state in the map, even one without districts', () => {
    assert.deepEqual(
      map.states.map((s) => [s.state, s.tiles.map((d) => d.ags)]),
      [
        ['BE', []],
        ['BB', ['12054']],
        ['MV', []],
        ['SN', ['14626', '14713']],
        ['ST', []],
        ['TH', ['16051']],
      ],
    );
  });

  it('lists a mission under every country it serves, and one without a country last', () => {
    assert.deepEqual(
      map.countries.map((c) => [c.country, c.missions.map((f) => f.office.id)]),
      [
        ['IN', ['m-delhi']],
        ['LA', ['m-hanoi']],
        ['VN', ['m-hanoi']],
        ['', ['m-nowhere']],
      ],
    );
  });

  it('draws each status with its own pattern and word, so colour is never the only carrier', () => {
    const statuses: TileStatus[] = ['red', 'amber', 'green', 'none', 'off-platform'];
    const svg = render(
      <TileMap
        label="Karte"
        groups={[
          { heading: null, tiles: statuses.map((s) => ({ key: s, label: s, status: s, word: `word-${s}` })) },
        ]}
      />,
    );
    assert.match(svg, /role="img" aria-label="Karte"/);
    for (const s of statuses) assert.match(svg, new RegExp(`>word-${s}<`));
    for (const p of ['map-red', 'map-amber', 'map-none'])
      assert.match(svg, new RegExp(`fill="url\\(#${p}\\)"`));
    assert.match(svg, /stroke-dasharray="5 4"/, 'no office: a dashed border, no stripe');
  });

  it('breaks long names after a hyphen or at a space, on two lines at most', () => {
    assert.deepEqual(tileLines('Görlitz'), ['Görlitz']);
    assert.deepEqual(tileLines('Sächsische Schweiz-Osterzgebirge'), ['Sächsische Schweiz-', 'Osterzgebirge']);
    assert.deepEqual(tileLines('Mecklenburgische Seenplatte'), ['Mecklenburgische', 'Seenplatte']);
    assert.deepEqual(tileLines('Botschaft der Bundesrepublik Deutschland in Neu-Delhi'), [
      'Botschaft der',
      'Bundesrepublik Deuts…',
    ]);
  });
});
