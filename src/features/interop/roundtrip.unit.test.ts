import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import {
  type Application81a,
  export130401,
  splitName,
} from '../../domain/interop/xauslaender/fachkraefte-130401.ts';
import { DESTATIS_NATIONALITY } from '../../domain/interop/xauslaender/staatsangehoerigkeit.ts';
import { ACCELERATED_PROCEDURE_PATHWAYS } from '../../domain/law/outlook/procedure-81a.ts';
import { isDatatypeC } from './din91379.ts';
import { operatorAddress } from './service.ts';
import { validateXAuslaender } from './xsd.ts';

const EXAMPLES = path.join(import.meta.dirname, '../../../standards/xauslaender/examples');

/** Words in Latin letters (DIN 91379 allows them, and German umlauts). */
const word = fc
  .array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäöüßéñ'.split('')), { minLength: 2, maxLength: 10 })
  .map((cs) => (cs[0] as string).toUpperCase() + cs.slice(1).join(''));
const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));
const address = fc.record({
  street: fc
    .tuple(word, fc.option(fc.integer({ min: 1, max: 999 })))
    .map(([s, n]) => (n ? `${s}straße ${n}` : s)),
  postcode: fc.integer({ min: 1000, max: 99999 }).map((n) => String(n).padStart(5, '0')),
  town: word,
});
const doc = (category: string) =>
  fc.record({
    id: fc.uuid(),
    fileName: word.map((w) => `${w}.pdf`),
    mediaType: fc.constantFrom('application/pdf', 'image/jpeg'),
    category: fc.constant(category),
    label: word,
  });

const application_: fc.Arbitrary<Application81a> = fc.record({
  journeyId: fc.uuid(),
  messageId: fc.uuid(),
  createdAt: fc
    .date({ min: new Date('2025-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  appliedOn: fc
    .date({ min: new Date('2025-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  pathway: fc.constantFrom(...ACCELERATED_PROCEDURE_PATHWAYS),
  reader: fc.record({
    name,
    ags: fc.option(fc.constantFrom('14626', '12054', '16053')),
    organisationId: fc.uuid(),
  }),
  author: fc.record({ name, email: fc.constant('betrieb@example.org'), address: address }),
  employer: fc.record({ name: word.map((w) => `${w} GmbH`), address }),
  representative: fc.record({ name }),
  skilledWorker: fc.record({ name, nationality: fc.constantFrom(...Object.keys(DESTATIS_NATIONALITY)) }),
  documents: fc
    .tuple(doc('power-of-attorney'), fc.array(doc('employment-contract'), { minLength: 1, maxLength: 3 }))
    .map(([attorney, rest]) => [attorney, ...rest]),
});

const parser = new XMLParser({
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (n) => n === 'nachweis',
});

describe('XAusländer 130401: round trip against the official XSD', () => {
  it('accepts the official example (the validator set-up is right)', async () => {
    const xml = readFileSync(path.join(EXAMPLES, 'ozg-fachkraefte-130401.xml'), 'utf8');
    assert.deepEqual(await validateXAuslaender(xml), { valid: true });
  });

  it('rejects a changed example naming the element and the reason (libxml2)', async () => {
    const xml = readFileSync(path.join(EXAMPLES, 'ozg-fachkraefte-130401.xml'), 'utf8').replace(
      '<code>LD</code>',
      '<code>XX</code>',
    );
    const verdict = await validateXAuslaender(xml);
    assert.equal(verdict.valid, false);
    assert.equal(verdict.valid ? '' : verdict.errors[0]?.element, 'code');
    assert.match(
      verdict.valid ? '' : (verdict.errors[0]?.message ?? ''),
      /'XX' is not an element of the set/,
    );
  });

  it('exports generated journeys as valid messages that parse back to the same key fields', async () => {
    await fc.assert(
      fc.asyncProperty(application_, async (a) => {
        const made = export130401(a);
        assert.ok(made.ok);
        const verdict = await validateXAuslaender(made.xml);
        assert.deepEqual(verdict, { valid: true }, made.xml);
        const m = parser.parse(made.xml)['OZG.Fachkraefte.130401'];
        assert.equal(m.antragsidentifikation, a.journeyId);
        assert.equal(m['nachrichtenkopf.g2g']['identifikation.nachricht'].nachrichtenUUID, a.messageId);
        assert.equal(m.antragsdatum, a.appliedOn);
        assert.equal(m.arbeitgeber.firma, a.employer?.name);
        assert.equal(
          m.arbeitgeber.anschriftBetriebsstaette.gebaeude.postleitzahl,
          a.employer?.address?.postcode,
        );
        assert.equal(m.fachkraft.familienname.name, splitName(a.skilledWorker.name).family);
        assert.equal(
          m.fachkraft.staatsangehoerigkeit.staatsangehoerigkeit.code,
          DESTATIS_NATIONALITY[a.skilledWorker.nationality as string],
        );
        assert.deepEqual(
          m.nachweis.map(
            (n: { dokumentOderReferenz: { dokumentuuid: string } }) => n.dokumentOderReferenz.dokumentuuid,
          ),
          a.documents.slice(1).map((d) => d.id),
        );
      }),
      { numRuns: 30 },
    );
  });

  it('reads the author address from OPERATOR_ADDRESS (lines separated by semicolons or commas)', () => {
    assert.deepEqual(operatorAddress('Chancenregion Betrieb; Hauptstraße 5; 01067 Dresden'), {
      street: 'Hauptstraße 5',
      postcode: '01067',
      town: 'Dresden',
    });
    assert.deepEqual(operatorAddress('Am Markt 1, 02826 Görlitz')?.town, 'Görlitz');
    assert.equal(operatorAddress('Postfach 12'), null);
    assert.equal(operatorAddress(undefined), null);
  });

  it('knows the letters of DIN 91379 from the schema: a name in another script is named as missing', () => {
    assert.ok(isDatatypeC('Ngô Bảo Châu'));
    assert.ok(isDatatypeC('Müller-Lüdenscheidt'));
    assert.ok(!isDatatypeC('रवि कुमार'));
    const application = fc.sample(application_, 1)[0] as Application81a;
    const made = export130401(
      { ...application, skilledWorker: { name: 'रवि कुमार', nationality: 'IN' } },
      { textAllowed: isDatatypeC },
    );
    assert.deepEqual(made, { ok: false, missing: ['name-not-latin'] });
  });
});
