/**
 * XAusländer 26.11, message 130401 `OZG.Fachkraefte.130401` (application that opens the accelerated skilled-worker
 * procedure, § 81a AufenthG), made from what the platform holds of a journey. Pure: the caller gathers the data
 * (`Application81a`); this file decides what goes where and names what is missing. The XML is built with
 * xmlbuilder2 (no string concatenation); whether it is valid is decided by the official XSD (the interop feature's
 * validator), never here. docs/xauslaender.md lists every field.
 */
import { create } from 'xmlbuilder2';
import type { IsoDate } from '../../calendar.ts';
import { DESTATIS_NATIONALITY, STAATSANGEHOERIGKEIT_LIST_VERSION } from './staatsangehoerigkeit.ts';

export const XAUSLAENDER_NS = 'http://www.osci.de/xauslaender2611';
export const XAUSLAENDER_VERSION = '26.11';
/** Version of the code list Nachrichtentyp that holds the OZG codes (README of the schema set). */
const NACHRICHTENTYP_LIST_VERSION = '19';

export interface PostalAddress {
  readonly street: string;
  readonly postcode: string;
  readonly town: string;
}

export interface ExportDocument {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  /** A category of the documents checklist (`power-of-attorney`, `employment-contract` …). */
  readonly category: string;
  /** The category's name in German, for `bezeichnung`. */
  readonly label: string;
}

/** Everything the message is made of; null where the platform does not hold it (then named as missing). */
export interface Application81a {
  readonly journeyId: string;
  readonly messageId: string;
  /** Instant the message is made, ISO 8601 with offset. */
  readonly createdAt: string;
  /** Day the employer started the § 81a procedure on the platform; null when it was not started. */
  readonly appliedOn: IsoDate | null;
  readonly pathway: string;
  readonly reader: { readonly name: string; readonly ags: string | null; readonly organisationId: string };
  readonly author: {
    readonly name: string;
    readonly email: string | null;
    readonly address: PostalAddress | null;
  };
  readonly employer: { readonly name: string; readonly address: PostalAddress | null } | null;
  /** The employer's person who started the procedure (power of attorney given on the platform). */
  readonly representative: { readonly name: string } | null;
  readonly skilledWorker: { readonly name: string; readonly nationality: string | null };
  /** Documents attached to the journey's § 81a step. */
  readonly documents: readonly ExportDocument[];
}

/** What the platform lacks for a valid message; each has a sentence on the error page. */
export const MISSING_FIELDS = [
  'procedure-not-started',
  'employer',
  'employer-address',
  'representative',
  'power-of-attorney',
  'evidence',
  'nationality',
  'nationality-not-listed',
  'operator-address',
  'operator-email',
  'name-not-latin',
] as const;
export type MissingField = (typeof MISSING_FIELDS)[number];

export type Export130401 =
  | { readonly ok: true; readonly xml: string }
  | { readonly ok: false; readonly missing: readonly MissingField[] };

/** `grundDesAufenthalts81a`: the section of the residence title, from the journey's pathway. */
export function grundDesAufenthalts(pathway: string): string {
  const section = pathway.replace(/^aufenthg-/, '');
  return /^\d+[a-z]?/.exec(section)?.[0] ?? section;
}

/**
 * A display name split as XInneres `AllgemeinerName` wants it: the last word is the family name, the words before
 * it the given names; a single word is the family name with no given name (`nichtVorhanden`), as the schema allows
 * for foreign names without a given name. The platform keeps one name field, so this is a best effort (docs).
 */
export function splitName(name: string): { given: string | null; family: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { given: null, family: words[0] ?? '' };
  return { given: words.slice(0, -1).join(' '), family: words[words.length - 1] as string };
}

/** A German address as `PostalischeInlandsanschrift`: the house number apart when the street line ends in one. */
export function gebaeude(address: PostalAddress) {
  const m = /^(.*\S)\s+(\d{1,4})\s*([a-zA-Z])?$/.exec(address.street.trim());
  return {
    gebaeude: {
      ...(m ? { hausnummer: m[2] } : {}),
      ...(m?.[3] ? { hausnummerBuchstabeZusatzziffer: m[3] } : {}),
      postleitzahl: address.postcode,
      strasse: m ? m[1] : address.street.trim(),
      wohnort: address.town,
    },
  };
}

const X = (name: string) => `xauslaender:${name}`;
const code = (value: string, listVersionID?: string) => ({
  ...(listVersionID ? { '@listVersionID': listVersionID } : {}),
  code: value,
});
const allgemeinerName = (value: string | null) => (value ? { name: value } : { nichtVorhanden: 'true' });

/** PDF → 1, JPEG → 2 (Code.Dokumentformat); other formats have no code and are not sent. */
export function dokumentformat(mediaType: string): string | null {
  if (mediaType === 'application/pdf') return '1';
  if (mediaType === 'image/jpeg') return '2';
  return null;
}

/** A document by reference (`dokumentuuid`): the platform's document id; the file is fetched separately. */
function documentRef(d: ExportDocument) {
  return {
    [X('dokumentOderReferenz')]: { [X('dokumentuuid')]: d.id },
    [X('dokumententyp')]: code(dokumentformat(d.mediaType) as string),
    [X('dateiname')]: d.fileName,
    [X('bezeichnung')]: d.label,
  };
}

/** What the caller knows of the schema's text rule (DIN 91379 datatypeC); everything passes when not given. */
export interface ExportOptions {
  readonly textAllowed?: (text: string) => boolean;
}

function missingOf(
  a: Application81a,
  sendable: readonly ExportDocument[],
  textAllowed: (text: string) => boolean,
): MissingField[] {
  const missing: MissingField[] = [];
  if (a.appliedOn === null) missing.push('procedure-not-started');
  if (a.employer === null) missing.push('employer');
  else if (a.employer.address === null) missing.push('employer-address');
  if (a.representative === null) missing.push('representative');
  if (!sendable.some((d) => d.category === 'power-of-attorney')) missing.push('power-of-attorney');
  if (!sendable.some((d) => d.category !== 'power-of-attorney')) missing.push('evidence');
  const nationality = a.skilledWorker.nationality;
  if (nationality === null) missing.push('nationality');
  else if (!(nationality in DESTATIS_NATIONALITY)) missing.push('nationality-not-listed');
  if (a.author.address === null) missing.push('operator-address');
  // `autor` needs a way to reach it (`erreichbarkeit`): the operator's e-mail address.
  if (a.author.email === null) missing.push('operator-email');
  // Names must be in the letters of DIN 91379 (as in the passport's machine-readable zone), not e.g. Devanagari.
  if ([a.skilledWorker.name, a.representative?.name ?? ''].some((n) => !textAllowed(n)))
    missing.push('name-not-latin');
  return missing;
}

/** The message 130401 for the journey, or the fields the platform lacks for it. */
export function export130401(a: Application81a, opts: ExportOptions = {}): Export130401 {
  const sendable = a.documents.filter((d) => dokumentformat(d.mediaType) !== null);
  const missing = missingOf(a, sendable, opts.textAllowed ?? (() => true));
  if (missing.length > 0) return { ok: false, missing };
  const employer = a.employer as NonNullable<Application81a['employer']>;
  const representative = splitName((a.representative as { name: string }).name);
  const worker = splitName(a.skilledWorker.name);
  const attorney = sendable.find((d) => d.category === 'power-of-attorney') as ExportDocument;
  const evidence = sendable.filter((d) => d.category !== 'power-of-attorney');
  const kennung = a.reader.ags
    ? `ags:${a.reader.ags.padEnd(8, '0')}`
    : `chancenregion:${a.reader.organisationId}`;
  const message = {
    [X('OZG.Fachkraefte.130401')]: {
      '@xmlns:xauslaender': XAUSLAENDER_NS,
      '@produkt': 'Chancenregion',
      '@produkthersteller': a.author.name,
      '@standard': 'XAusländer',
      '@version': XAUSLAENDER_VERSION,
      'nachrichtenkopf.g2g': {
        'identifikation.nachricht': {
          nachrichtenUUID: a.messageId,
          nachrichtentyp: {
            '@listURI': 'urn:de:xauslaender:codelist:nachrichtentyp',
            '@listVersionID': NACHRICHTENTYP_LIST_VERSION,
            code: '130401',
          },
          erstellungszeitpunkt: a.createdAt,
        },
        leser: { verzeichnisdienst: code('DVDV', '2'), kennung, name: a.reader.name },
        autor: {
          verzeichnisdienst: code('DVDV', '2'),
          kennung: 'ozg:chancenregion',
          name: a.author.name,
          ...(a.author.email ? { erreichbarkeit: { kanal: code('01', '3'), kennung: a.author.email } } : {}),
        },
      },
      'anschrift.autor': gebaeude(a.author.address as PostalAddress),
      [X('antragsidentifikation')]: a.journeyId,
      [X('rueckkanalVorhanden')]: 'true',
      [X('antragsdatum')]: a.appliedOn as string,
      [X('grundDesAufenthalts81a')]: code(grundDesAufenthalts(a.pathway), '1'),
      [X('arbeitgeber')]: {
        [X('firma')]: employer.name,
        [X('anschriftBetriebsstaette')]: gebaeude(employer.address as PostalAddress),
        [X('vertreter')]: {
          [X('vorname')]: allgemeinerName(representative.given),
          [X('familienname')]: allgemeinerName(representative.family),
          [X('geschlecht')]: {},
          [X('anlageVertreter')]: documentRef(attorney),
        },
      },
      [X('fachkraft')]: {
        [X('vorname')]: allgemeinerName(worker.given),
        [X('familienname')]: allgemeinerName(worker.family),
        [X('geschlecht')]: {},
        [X('geburt')]: {
          [X('geburtsort')]: { [X('unbekannt')]: 'true' },
          [X('tagDerGeburt')]: { unbekannt: 'true' },
        },
        [X('familienstand')]: { [X('familienstand')]: code('NB') },
        [X('staatsangehoerigkeit')]: {
          [X('staatsangehoerigkeit')]: code(
            DESTATIS_NATIONALITY[a.skilledWorker.nationality as string] as string,
            STAATSANGEHOERIGKEIT_LIST_VERSION,
          ),
        },
      },
      [X('nachweis')]: evidence.map(documentRef),
    },
  };
  return { ok: true, xml: create({ version: '1.0', encoding: 'UTF-8' }, message).end({ prettyPrint: true }) };
}
