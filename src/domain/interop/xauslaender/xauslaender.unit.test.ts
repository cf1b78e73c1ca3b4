import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandsFor, readAnswer } from './answers.ts';
import {
  type Application81a,
  export130401,
  gebaeude,
  grundDesAufenthalts,
  splitName,
} from './fachkraefte-130401.ts';

const APPLICATION: Application81a = {
  journeyId: 'a4c1e1a2-1111-4222-8333-444455556666',
  messageId: '3f2b8c4e-1a2b-8c3d-8e9f-0a1b2c3d4e5f',
  createdAt: '2026-11-02T10:15:00.000Z',
  appliedOn: '2026-11-01',
  pathway: 'aufenthg-18a',
  reader: { name: 'Zentrale Ausländerbehörde', ags: '14626', organisationId: 'org-1' },
  author: {
    name: 'Chancenregion Betrieb',
    email: 'betrieb@example.org',
    address: { street: 'Hauptstraße 5a', postcode: '01067', town: 'Dresden' },
  },
  employer: { name: 'Pflege GmbH', address: { street: 'Am Markt 3', postcode: '02826', town: 'Görlitz' } },
  representative: { name: 'Erika Musterfrau' },
  skilledWorker: { name: 'Ravi Kumar', nationality: 'IN' },
  documents: [
    {
      id: '0b2b8c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
      fileName: 'vollmacht.pdf',
      mediaType: 'application/pdf',
      category: 'power-of-attorney',
      label: 'Vollmacht',
    },
    {
      id: '1b2b8c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
      fileName: 'vertrag.jpg',
      mediaType: 'image/jpeg',
      category: 'employment-contract',
      label: 'Arbeitsvertrag',
    },
  ],
};

describe('XAusländer 130401: the mapping', () => {
  it('splits a display name into given names and family name; one word has no given name', () => {
    assert.deepEqual(splitName('Ravi Shankar Kumar'), { given: 'Ravi Shankar', family: 'Kumar' });
    assert.deepEqual(splitName('  Suharto '), { given: null, family: 'Suharto' });
  });

  it('takes the house number apart when the street line ends in one', () => {
    assert.deepEqual(gebaeude({ street: 'Hauptstraße 5a', postcode: '01067', town: 'Dresden' }).gebaeude, {
      hausnummer: '5',
      hausnummerBuchstabeZusatzziffer: 'a',
      postleitzahl: '01067',
      strasse: 'Hauptstraße',
      wohnort: 'Dresden',
    });
    assert.equal(
      gebaeude({ street: 'Am Markt', postcode: '02826', town: 'Görlitz' }).gebaeude.strasse,
      'Am Markt',
    );
  });

  it('names the section of the residence title as the reason of stay', () => {
    assert.equal(grundDesAufenthalts('aufenthg-18a'), '18a');
    assert.equal(grundDesAufenthalts('aufenthg-18g-it'), '18g');
    assert.equal(grundDesAufenthalts('aufenthg-16d-3'), '16d');
  });

  it('builds the message when everything is there', () => {
    const made = export130401(APPLICATION);
    assert.ok(made.ok);
    assert.match(
      made.xml,
      /<xauslaender:OZG\.Fachkraefte\.130401 xmlns:xauslaender="http:\/\/www\.osci\.de\/xauslaender2611"/,
    );
    assert.match(made.xml, /<code>436<\/code>/);
  });

  it('names every field the platform lacks instead of making a message', () => {
    const made = export130401({
      ...APPLICATION,
      appliedOn: null,
      employer: { name: 'Pflege GmbH', address: null },
      representative: null,
      skilledWorker: { name: 'Ravi Kumar', nationality: 'FR' },
      author: { ...APPLICATION.author, address: null, email: null },
      documents: [
        { ...(APPLICATION.documents[1] as Application81a['documents'][number]), mediaType: 'image/png' },
      ],
    });
    assert.deepEqual(made, {
      ok: false,
      missing: [
        'procedure-not-started',
        'employer-address',
        'representative',
        'power-of-attorney',
        'evidence',
        'nationality-not-listed',
        'operator-address',
        'operator-email',
      ],
    });
    assert.deepEqual(
      export130401({ ...APPLICATION, employer: null, skilledWorker: { name: 'A B', nationality: null } }),
      {
        ok: false,
        missing: ['employer', 'nationality'],
      },
    );
  });
});

const answer = (element: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<abh:${element} xmlns:abh="http://www.osci.de/xauslaender2611">
  <nachrichtenkopf.g2g><identifikation.nachricht><nachrichtenUUID>m-1</nachrichtenUUID></identifikation.nachricht></nachrichtenkopf.g2g>
  <abh:antragsidentifikation>j-1</abh:antragsidentifikation>
  <abh:ausloeserUUID>t-1</abh:ausloeserUUID>
  ${body}
</abh:${element}>`;

describe('XAusländer answers: read back and moved into the journey', () => {
  it('reads the key fields whatever prefix the sender uses', () => {
    const a = readAnswer(answer('OZG.Vorabzustimmung.130407', '<abh:vorabzustimmung/>'));
    assert.deepEqual(a, {
      element: 'OZG.Vorabzustimmung.130407',
      messageId: 'm-1',
      applicationId: 'j-1',
      triggerId: 't-1',
      kind: 'prior-approval',
    });
    assert.deepEqual(commandsFor(a, 'in-review'), [
      {
        type: 'decide',
        step: 'accelerated-procedure',
        outcome: 'positive',
        reason: 'Vorabzustimmung (XAusländer 130407)',
      },
    ]);
  });

  it('decides negative on a termination, with the reason of the code list', () => {
    const a = readAnswer(answer('OZG.Beendigung.130402', '<abh:anlass><code>03</code></abh:anlass>'));
    const [command] = commandsFor(a, 'submitted');
    assert.equal(command?.type, 'decide');
    assert.match(command?.type === 'decide' ? command.reason : '', /fehlender Erteilungsvoraussetzungen/);
  });

  it('asks for documents with the question; starts the review first when the step was only submitted', () => {
    const a = readAnswer(
      answer(
        'OZG.RueckkanalFrage.130102',
        '<abh:frage>Bitte Zeugnis nachreichen.</abh:frage><abh:fristdatum>2026-12-24</abh:fristdatum>',
      ),
    );
    assert.deepEqual(
      commandsFor(a, 'submitted').map((c) => c.type),
      ['start-review', 'request-documents'],
    );
    const [ask] = commandsFor(a, 'in-review');
    assert.deepEqual(ask?.type === 'request-documents' ? ask.missing : [], [
      'Bitte Zeugnis nachreichen. (Frist: 24.12.2026)',
    ]);
  });

  it('takes no other message as an answer', () => {
    const a = readAnswer(answer('OZG.Statusmeldung.130104', ''));
    assert.equal(a.kind, 'not-an-answer');
    assert.deepEqual(commandsFor(a, 'in-review'), []);
  });
});
