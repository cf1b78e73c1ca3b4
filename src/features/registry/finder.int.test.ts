import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { STATES } from '../regions/seed.ts';
import type { FinderAnswer } from './finder.ts';
import { PROFESSIONS } from './seed-bodies.ts';
import { readCsv } from './seed-csv.ts';

/** One occupation (KldB) per profession of recognition-authorities.csv. */
const KLDB_OF: Record<string, string> = {
  nurse: '81302',
  physician: '81404',
  dentist: '81474',
  pharmacist: '81804',
  physiotherapist: '81713',
  midwife: '81352',
  psychotherapist: '81634',
  teacher: '84124',
  erzieher: '83113',
  'social-worker': '83124',
  engineer: '31104',
  architect: '31114',
};

describe('recognition finder', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const finder = async (query: string) => {
    const res = await get(`/api/v1/recognition/finder?${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as FinderAnswer;
  };

  it('answers each of the twelve professions in each of the six states with the authority of the research table', async () => {
    const rows = readCsv('recognition-authorities.csv').filter((r) => r.state !== '(nationwide)');
    assert.equal(rows.length, 72);
    for (const row of rows) {
      const profession = PROFESSIONS[row.profession as keyof typeof PROFESSIONS];
      const state = STATES.find((s) => s.nameDe === row.state)?.code;
      const kldb = KLDB_OF[profession];
      const answer = await finder(`kldb=${kldb}&state=${state}`);
      const label = `${profession} in ${state}`;
      assert.equal(answer.regulated, true, label);
      assert.equal(answer.authorities.length, 1, label);
      const a = answer.authorities[0];
      assert.equal(a?.name, row.authority, label);
      assert.equal(a?.legalBasis, row.legal_basis, label);
      assert.equal(answer.legalBasis, row.legal_basis, label);
      assert.equal(a?.verified, !Object.values(row).some((v) => v.includes('UNVERIFIED')), label);
      assert.ok(a?.source && a.asOf && a.confidence, label);
      assert.equal(answer.legalBasisType, row.legal_basis_type, label);
      assert.equal(answer.procedure.deadlines.decisionMonths, 3);
      assert.equal(answer.procedure.deadlines.receiptConfirmationMonths, 1);
      assert.equal(
        answer.procedure.deadlines.acceleratedDecisionMonths,
        row.legal_basis_type === 'federal' ? 2 : null,
      );
      assert.equal(answer.purpose, null, label);
    }
  });

  it('names fees where the research found them', async () => {
    const answer = await finder('kldb=81302&state=SN');
    assert.match(answer.procedure.fees ?? '', /100-650 EUR/);
    assert.equal(answer.authorities[0]?.address, 'Humboldtstraße 18, 04105 Leipzig');
    assert.ok(answer.procedure.documents.some((d) => d.code === 'good-conduct' && d.label.de && d.label.en));
  });

  it('answers a district with its state, and crafts occupations with the chamber of that district', async () => {
    const leipzig = await finder('kldb=26212&district=14713');
    assert.equal(leipzig.place.state.code, 'SN');
    assert.deepEqual(
      leipzig.authorities.map((a) => a.name),
      ['Handwerkskammer zu Leipzig'],
    );
    assert.equal(leipzig.regulated, false);
    assert.equal(leipzig.purpose?.statement, 'hwk-equivalence');
    const rostock = await finder('kldb=26212&district=13072');
    assert.equal(rostock.authorities.length, 2, 'the Landkreis Rostock is split between two chambers');
    assert.ok(rostock.authorities.every((a) => a.partOfDistrict));
    const saxony = await finder('kldb=26212&state=SN');
    assert.equal(saxony.authorities.length, 3);
  });

  it('sends academic non-regulated occupations to the ZAB and IHK occupations to IHK FOSA', async () => {
    const dev = await finder('kldb=43414&state=BE');
    assert.equal(dev.regulated, false);
    assert.equal(dev.authorities[0]?.id, 'zab');
    assert.equal(dev.purpose?.statement, 'zab-comparability');
    assert.deepEqual(dev.purpose?.uses, ['residence-title', 'pay', 'career']);
    const cook = await finder('kldb=29302&state=TH');
    assert.equal(cook.authorities[0]?.id, 'ihk-fosa');
    assert.equal(cook.purpose?.statement, 'ihk-equivalence');
    assert.equal(cook.counselling?.id, 'zsba');
  });

  it('finds the occupation by ISCO-08 code and lists the other occupations with that code', async () => {
    const answer = await finder('isco=3221&state=MV');
    assert.equal(answer.occupation.kldb, '81302');
    assert.deepEqual(
      answer.alternatives.map((a) => a.kldb),
      ['81313', '82102'],
    );
  });

  const problem = async (url: string, status: number, field: string) => {
    const res = await get(url);
    assert.equal(res.statusCode, status, `${url}: ${res.body}`);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    const body = res.json() as { errors?: { field: string }[] };
    assert.ok(
      body.errors?.some((e) => e.field === field),
      `${url} names ${field}: ${res.body}`,
    );
  };

  it('answers bad or unknown input with problem+json naming the parameter', async () => {
    await problem('/api/v1/recognition/finder', 400, 'query.kldb');
    await problem('/api/v1/recognition/finder?kldb=81302', 400, 'query.state');
    await problem('/api/v1/recognition/finder?kldb=8130&state=SN', 400, 'query.kldb');
    await problem('/api/v1/recognition/finder?kldb=99999&state=SN', 404, 'query.kldb');
    await problem('/api/v1/recognition/finder?isco=0000&state=SN', 404, 'query.isco');
    await problem('/api/v1/recognition/finder?kldb=81302&state=BY', 400, 'query.state');
    await problem('/api/v1/recognition/finder?kldb=81302&district=09162', 404, 'query.district');
    await problem('/api/v1/recognition/finder?kldb=81302&state=SN&district=14713', 400, 'query.state');
    await problem('/api/v1/recognition/finder?kldb=81302&kldb=81404&state=SN', 400, 'query.kldb');
    await problem('/api/v1/occupations', 400, 'query.q');
    await problem('/api/v1/occupations?q=a', 400, 'query.q');
    await problem('/api/v1/occupations?q=nurse&limit=0', 400, 'query.limit');
    await problem('/api/v1/missions?country=Atlantis', 404, 'query.country');
    // Names that every object has are countries like any other unknown one, not lookups of its prototype.
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
      await problem(`/api/v1/missions?country=${name}`, 404, 'query.country');
    await problem('/api/v1/foreigners-offices?place=Qwxzyv', 404, 'query.place');
    await problem('/api/v1/foreigners-offices?district=1', 400, 'query.district');
    await problem('/api/v1/foreigners-offices', 400, 'query.district');
  });
});

describe('occupation search', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  const examples: [string, string][] = [
    ['Krankenschwester', '81302'],
    ['nurse', '81302'],
    ['Softwareentwickler', '43414'],
    ['sofware developer', '43414'],
    ['Elektrker', '26212'],
    ['Bauingeneur', '31104'],
  ];
  for (const [q, kldb] of examples) {
    it(`finds ${kldb} in the top three for "${q}"`, async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/occupations?q=${encodeURIComponent(q)}`,
      });
      assert.equal(res.statusCode, 200);
      const body = res.json() as { occupations: { kldb: string }[] };
      assert.ok(
        body.occupations.slice(0, 3).some((o) => o.kldb === kldb),
        `${q}: ${JSON.stringify(body.occupations.slice(0, 3))}`,
      );
    });
  }
});

describe("foreigners' office and mission finders", () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it("names the district's office and the state's central office for the accelerated procedure", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/foreigners-offices?district=12061' });
    assert.equal(res.statusCode, 200);
    const body = res.json() as {
      offices: { localOffice: { name: string }; centralOffice: { name: string } | null }[];
    };
    assert.equal(body.offices[0]?.localOffice.name, 'Landkreis Dahme-Spreewald – Ausländerbehörde');
    assert.match(
      body.offices[0]?.centralOffice?.name ?? '',
      /Zentrale Ausländerbehörde für Fachkräfteeinwanderung/,
    );
    const sn = await t.app.inject({ method: 'GET', url: '/api/v1/foreigners-offices?place=Leipzig' });
    const leipzig = sn.json() as { offices: { district: { ags: string }; centralOffice: unknown }[] };
    assert.deepEqual(leipzig.offices.map((o) => o.district.ags).sort(), ['14713', '14729']);
    assert.ok(
      leipzig.offices.every((o) => o.centralOffice === null),
      'Saxony has no central office',
    );
  });

  it('names the missions of a country, in English or German, with their visa section', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/missions?country=Indien' });
    assert.equal(res.statusCode, 200);
    const body = res.json() as { country: string; missions: { city: string; visaSection: boolean }[] };
    assert.equal(body.country, 'India');
    assert.ok(body.missions.some((m) => m.city === 'New Delhi' && m.visaSection));
    const ua = await t.app.inject({ method: 'GET', url: '/api/v1/missions?country=ukraine' });
    const ukraine = ua.json() as { missions: { city: string; visaSection: boolean }[] };
    assert.equal(ukraine.missions.find((m) => m.city === 'Dnipro')?.visaSection, false);
  });
});
