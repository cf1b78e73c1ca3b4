import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCsvTable } from '../interop/csv-table.ts';
import { MISSION_COLUMNS, MISSION_LIMITS, type MissionValues, missionImportReport } from './mission-csv.ts';

const delhi: MissionValues = {
  country: 'India',
  name: 'Embassy of Germany New Delhi',
  city: 'New Delhi',
  visaSection: true,
  region: 'Delhi',
  notes: null,
  source: 'https://india.diplo.de',
  asOf: '2026-11-01',
  confidence: 'high',
  verified: true,
};
const current = new Map([['embassy-of-germany-new-delhi', delhi]]);
const HEADER = 'Kennung;Land;Name;Ort;Visastelle;Quelle;Stand;Verlässlichkeit;Geprüft\n';
const report = (text: string) => {
  const t = readCsvTable(new TextEncoder().encode(text), MISSION_COLUMNS, MISSION_LIMITS);
  return missionImportReport(t, current, new Set(t.ok ? t.columns : []));
};

describe('the missions of the registry as a CSV file', () => {
  it('tells new, changed and unchanged missions apart; left-out optional columns keep their values', () => {
    const r = report(
      HEADER +
        'embassy-of-germany-new-delhi;India;Embassy of Germany New Delhi;New Delhi;ja;https://india.diplo.de;01.11.2026;hoch;ja\n' +
        'embassy-of-germany-new-delhi-2;India;Generalkonsulat Mumbai;Mumbai;nein;https://india.diplo.de;2026-12-01;mittel;nein\n',
    );
    assert.deepEqual(
      r.rows.map((x) => x.outcome),
      ['unchanged', 'new'],
    );
    const changed = report(
      `${HEADER.trim()};Amtsbezirk\nembassy-of-germany-new-delhi;India;Embassy of Germany New Delhi;Neu-Delhi;yes;https://india.diplo.de;2026-11-01;high;true;\n`,
    ).rows[0];
    assert.ok(changed?.outcome === 'changed');
    assert.deepEqual(changed.change.before, { city: 'New Delhi', region: 'Delhi' });
    assert.equal(changed.change.values.region, null);
  });

  it('names each problem with its column and rule', () => {
    const r = report(
      HEADER +
        'Delhi Embassy;India;;New Delhi;vielleicht;;gestern;sehr;ja\n' +
        'embassy-of-germany-new-delhi;Nepal;Embassy;New Delhi;ja;Quelle;2026-11-01;hoch;ja\n' +
        'embassy-of-germany-new-delhi;India;Embassy;New Delhi;ja;Quelle;2026-11-01;hoch;ja\n',
    );
    const rules = r.rows.map((x) =>
      x.outcome === 'problem' ? x.problems.map((p) => `${p.column}:${p.rule}`) : [],
    );
    assert.deepEqual(rules, [
      [
        'name:required',
        'source:required',
        'id:key-format',
        'visaSection:yes-no',
        'confidence:choice',
        'asOf:date',
      ],
      ['country:fixed'],
      ['id:duplicate'],
    ]);
  });
});
