/**
 * The effective-dated parameter table: every number of the law that changes over time.
 * Source of every value: shared/research/legal-rules.md (sections 0–16). `verified: false` marks values the
 * memo calls UNVERIFIED or DERIVED (`derived: true`); they are listed in docs/law-engine.md.
 *
 * `validFrom: '2022-01-01'` with `sinceHorizon: true` means "in force at least since the start of the engine's
 * horizon" — the memo does not give an earlier start and the engine does not evaluate earlier dates.
 */
import type { IsoDate } from '../../calendar.ts';
import { SOURCES, type Source } from './sources.ts';

export const ENGINE_HORIZON_START: IsoDate = '2022-01-01';

export const PARAMETER_UNITS = [
  'EUR/year',
  'EUR/month',
  'EUR',
  'share-of-bbg',
  'years',
  'months',
  'weeks',
  'days',
  'points',
  'persons/year',
  'daily-rates',
  'age',
  'date',
] as const;
export type ParameterUnit = (typeof PARAMETER_UNITS)[number];

export type ParameterPeriod<V extends number | string = number | string> = {
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  readonly value: V;
  readonly source: Source;
  readonly verified: boolean;
  readonly derived?: boolean;
  readonly sinceHorizon?: boolean;
  readonly note?: string;
};

export type ParameterDefinition<V extends number | string = number | string> = {
  readonly unit: ParameterUnit;
  readonly description: string;
  readonly periods: readonly ParameterPeriod<V>[];
};

type Quality = { verified?: boolean; derived?: boolean; note?: string };

function period<V extends number | string>(
  validFrom: IsoDate,
  validTo: IsoDate | null,
  value: V,
  source: Source,
  quality: Quality = {},
): ParameterPeriod<V> {
  const verified = quality.verified ?? !quality.derived;
  return {
    validFrom,
    validTo,
    value,
    source,
    verified,
    ...(quality.derived ? { derived: true } : {}),
    ...(validFrom === ENGINE_HORIZON_START ? { sinceHorizon: true } : {}),
    ...(quality.note === undefined ? {} : { note: quality.note }),
  };
}

function year<V extends number | string>(y: number, value: V, source: Source, quality?: Quality) {
  return period(`${y}-01-01`, `${y}-12-31`, value, source, quality);
}

/** A fixed value (statutory number or switch date) that holds through the engine's horizon. */
function fixed<V extends number | string>(
  value: V,
  source: Source,
  quality?: Quality,
  from = ENGINE_HORIZON_START,
) {
  return [period(from, null, value, source, quality)];
}

const S = SOURCES;

export const PARAMETER_DEFINITIONS = {
  // ---- Salary base ------------------------------------------------------------------------------------------
  'bbg.annual': {
    unit: 'EUR/year',
    description:
      'Beitragsbemessungsgrenze der allgemeinen Rentenversicherung (West bis 2024, bundeseinheitlich ab 2025)',
    periods: [
      year(2022, 84_600, S.bbg2022, {
        derived: true,
        note: 'Yearly value derived from the monthly 7 050 €.',
      }),
      year(2023, 87_600, S.bbg2023),
      year(2024, 90_600, S.bbg2024),
      year(2025, 96_600, S.bbg2025),
      year(2026, 101_400, S.bbg2026),
    ],
  },
  // ---- Shares of the BBG (statutory percentages; the consistency test checks amount = round2(share × BBG)) ----
  'blue-card.general.share': {
    unit: 'share-of-bbg',
    description: 'Blaue Karte EU, allgemeine Gehaltsschwelle (Anteil an der BBG)',
    periods: [
      period(ENGINE_HORIZON_START, '2023-11-17', 2 / 3, S.aufenthgLaw, {
        note: '§ 18b Abs. 2 S. 1 AufenthG a.F.',
      }),
      period('2023-11-18', null, 0.5, S.aufenthgLaw, { note: '§ 18g Abs. 1 S. 1 AufenthG' }),
    ],
  },
  'blue-card.reduced.share': {
    unit: 'share-of-bbg',
    description: 'Blaue Karte EU, abgesenkte Gehaltsschwelle (Anteil an der BBG)',
    periods: [
      period(ENGINE_HORIZON_START, '2023-11-17', 0.52, S.aufenthgLaw, {
        note: '§ 18b Abs. 2 S. 2 AufenthG a.F.',
      }),
      period('2023-11-18', null, 0.453, S.aufenthgLaw, { note: '§ 18g Abs. 1 S. 2, Abs. 2 AufenthG' }),
    ],
  },
  'age-45.share': {
    unit: 'share-of-bbg',
    description: 'Gehaltsschwelle ab dem 45. Geburtstag (§ 18 Abs. 2 Nr. 5 AufenthG, § 1 Abs. 2 BeschV)',
    periods: fixed(0.55, S.aufenthgLaw),
  },
  'experience.share': {
    unit: 'share-of-bbg',
    description: 'Erfahrungssäule § 6 BeschV (ab 1.3.2024)',
    periods: [period('2024-03-01', null, 0.45, S.beschvLaw)],
  },
  'it-specialist-old.share': {
    unit: 'share-of-bbg',
    description: 'IT-Spezialisten nach § 6 BeschV a.F. (bis 29.2.2024)',
    periods: [period(ENGINE_HORIZON_START, '2024-02-29', 0.6, S.beschvLaw)],
  },
  // ---- Yearly salary thresholds (published amounts are the ground truth) ------------------------------------
  'blue-card.salary.general': {
    unit: 'EUR/year',
    description: 'Blaue Karte EU: Mindestgehalt (allgemein)',
    periods: [
      period('2023-01-01', '2023-11-17', 58_400, S.blueCardOld2023),
      period('2023-11-18', '2023-12-31', 43_800, S.blueCardNew2023),
      year(2024, 45_300, S.thresholds2024),
      year(2025, 48_300, S.blueCard2025),
      year(2026, 50_700, S.thresholds2026),
    ],
  },
  'blue-card.salary.reduced': {
    unit: 'EUR/year',
    description:
      'Blaue Karte EU: abgesenktes Mindestgehalt (Engpassberufe, Berufsanfänger, IT ohne Abschluss)',
    periods: [
      period('2023-01-01', '2023-11-17', 45_552, S.blueCardOld2023),
      period('2023-11-18', '2023-12-31', 39_682.8, S.blueCardNew2023),
      year(2024, 41_041.8, S.thresholds2024),
      year(2025, 43_759.8, S.blueCard2025),
      year(2026, 45_934.2, S.thresholds2026),
    ],
  },
  'age-45.salary': {
    unit: 'EUR/year',
    description:
      'Mindestgehalt bei erstmaliger Erteilung nach dem 45. Geburtstag (ohne angemessene Altersversorgung)',
    periods: [
      year(2022, 46_530, S.age45in2022, { note: 'Published as 3 877.50 €/month.' }),
      year(2023, 48_180, S.derived, { derived: true }),
      year(2024, 49_830, S.thresholds2024),
      year(2025, 53_130, S.age45in2025),
      year(2026, 55_770, S.thresholds2026),
    ],
  },
  'experience.salary': {
    unit: 'EUR/year',
    description: 'Erfahrungssäule § 19c Abs. 2 AufenthG i.V.m. § 6 BeschV: Mindestgehalt ohne Tarifbindung',
    periods: [
      period('2024-03-01', '2024-12-31', 40_770, S.experience2024),
      year(2025, 43_470, S.derived, { derived: true }),
      year(2026, 45_630, S.thresholds2026),
    ],
  },
  'it-specialist-old.salary': {
    unit: 'EUR/year',
    description: 'IT-Spezialisten ohne Abschluss nach § 6 BeschV a.F. (nur informativ)',
    periods: [
      year(2023, 52_560, S.derived, { derived: true }),
      period('2024-01-01', '2024-02-29', 54_360, S.thresholds2024),
    ],
  },
  // ---- Livelihood -------------------------------------------------------------------------------------------
  'chancenkarte.funds.monthly': {
    unit: 'EUR/month',
    description: 'Chancenkarte: nachzuweisender Lebensunterhalt pro Monat',
    periods: [
      period('2024-06-01', '2024-12-31', 1_027, S.chancenkarte2024),
      year(2025, 1_091, S.chancenkarte2025),
      year(2026, 1_091, S.chancenkarte2026, { verified: false }),
    ],
  },
  'student.funds.monthly': {
    unit: 'EUR/month',
    description: 'Studium § 16b: Sperrkonto pro Monat (Jahresbetrag / 12)',
    periods: [
      year(2023, 934, S.student2023),
      period('2024-09-01', '2025-12-31', 992, S.student2024),
      year(2026, 992, S.student2026, { verified: false }),
    ],
  },
  // ---- Chancenkarte points ----------------------------------------------------------------------------------
  'chancenkarte.points.minimum': {
    unit: 'points',
    description: 'Chancenkarte: Mindestpunktzahl (Anlage zu § 20a)',
    periods: [period('2024-06-01', null, 6, S.chancenkartePoints)],
  },
  // ---- Statutory deadlines ----------------------------------------------------------------------------------
  'deadline.recognition.receipt': {
    unit: 'months',
    description: 'Anerkennung: Eingangsbestätigung und Nachforderung fehlender Unterlagen',
    periods: fixed(1, S.bqfg),
  },
  'deadline.recognition.receipt-81a': {
    unit: 'weeks',
    description:
      'Anerkennung im beschleunigten Fachkräfteverfahren: Eingangsbestätigung (bundesrechtlich geregelte Berufe)',
    periods: fixed(2, S.bqfg14a, {
      note: 'legal-rules.md § 11.1: Eingangsbestätigung binnen 2 Wochen (§ 14a BQFG; Land analog Art. 14a BayBQFG).',
    }),
  },
  'deadline.recognition.decision': {
    unit: 'months',
    description: 'Anerkennung: Entscheidung nach vollständigen Unterlagen (einmal verlängerbar)',
    periods: fixed(3, S.bqfg),
  },
  'deadline.recognition.decision-81a': {
    unit: 'months',
    description: 'Anerkennung im beschleunigten Fachkräfteverfahren (bundesrechtlich geregelte Berufe)',
    periods: fixed(2, S.bqfg14a),
  },
  'deadline.ba-approval.deemed': {
    unit: 'weeks',
    description: 'Zustimmung der Bundesagentur für Arbeit gilt als erteilt (Zustimmungsfiktion)',
    periods: fixed(2, S.beschv36),
  },
  'deadline.ba-approval.deemed-81a': {
    unit: 'weeks',
    description: 'Zustimmungsfiktion im beschleunigten Fachkräfteverfahren und bei § 18g Abs. 4',
    periods: fixed(1, S.beschv36),
  },
  'deadline.visa-appointment-81a': {
    unit: 'weeks',
    description: 'Termin zur Visumantragstellung nach Vorabzustimmung (beschleunigtes Verfahren)',
    periods: fixed(3, S.aufenthv31a),
  },
  'deadline.visa-decision-81a': {
    unit: 'weeks',
    description: 'Entscheidung über den Visumantrag in der Regel (beschleunigtes Verfahren)',
    periods: fixed(3, S.aufenthv31a),
  },
  // ---- Fees -------------------------------------------------------------------------------------------------
  'fee.81a': {
    unit: 'EUR',
    description: 'Gebühr beschleunigtes Fachkräfteverfahren',
    periods: fixed(411, S.fee81a),
  },
  'fee.national-visa': {
    unit: 'EUR',
    description: 'Gebühr nationales Visum (D)',
    periods: fixed(75, S.feeVisa, {}, '2017-09-01'),
  },
  'fee.national-visa-minor': {
    unit: 'EUR',
    description: 'Gebühr nationales Visum für Minderjährige (Praxis der Auslandsvertretungen)',
    periods: fixed(37.5, S.feeVisa),
  },
  // ---- Quota ------------------------------------------------------------------------------------------------
  'westbalkan.quota': {
    unit: 'persons/year',
    description: 'Westbalkanregelung: Zustimmungen pro Jahr',
    periods: [
      period('2021-01-01', '2024-05-31', 25_000, S.westbalkanQuota),
      period('2024-06-01', '2025-12-31', 50_000, S.westbalkanQuota),
      period('2026-01-01', null, 50_000, S.westbalkanQuota2026, { verified: false }),
    ],
  },
  // ---- Settlement (§ 18c) -----------------------------------------------------------------------------------
  'settlement.fachkraft.months': {
    unit: 'months',
    description: '§ 18c Abs. 1: Monate Besitz des Titels und Pflichtbeiträge zur Rentenversicherung',
    periods: [
      period(ENGINE_HORIZON_START, '2024-02-29', 48, S.settlementOld),
      period('2024-03-01', null, 36, S.settlementNew),
    ],
  },
  'settlement.blue-card-a1.months': {
    unit: 'months',
    description: '§ 18c Abs. 2: Monate Beschäftigung mit Blauer Karte bei einfachen Deutschkenntnissen (A1)',
    periods: [
      period(ENGINE_HORIZON_START, '2024-02-29', 33, S.settlementOld),
      period('2024-03-01', null, 27, S.settlementNew),
    ],
  },
  'settlement.blue-card-b1.months': {
    unit: 'months',
    description:
      '§ 18c Abs. 2: Monate Beschäftigung mit Blauer Karte bei ausreichenden Deutschkenntnissen (B1)',
    periods: fixed(21, S.settlementNew),
  },
  // ---- Chancen-Aufenthaltsrecht and §§ 25a/25b --------------------------------------------------------------
  'chancen-aufenthaltsrecht.reference-date': {
    unit: 'date',
    description: '§ 104c: Stichtag, an dem 5 Jahre ununterbrochener Aufenthalt erreicht sein mussten',
    periods: [period('2022-12-31', null, '2022-10-31', S.chancenAufenthaltsrecht)],
  },
  'chancen-aufenthaltsrecht.years': {
    unit: 'years',
    description: '§ 104c: erforderliche Jahre ununterbrochenen Aufenthalts am Stichtag',
    periods: [period('2022-12-31', null, 5, S.chancenAufenthaltsrecht)],
  },
  'chancen-aufenthaltsrecht.fine-limit': {
    unit: 'daily-rates',
    description: '§ 104c: außer Betracht bleibende Geldstrafen (Tagessätze, insgesamt)',
    periods: [period('2022-12-31', null, 50, S.chancenAufenthaltsrecht)],
  },
  'chancen-aufenthaltsrecht.fine-limit-residence-law': {
    unit: 'daily-rates',
    description: '§ 104c: Geldstrafen für Straftaten, die nur Ausländer begehen können (Tagessätze)',
    periods: [period('2022-12-31', null, 90, S.chancenAufenthaltsrecht)],
  },
  'chancen-aufenthaltsrecht.duration': {
    unit: 'months',
    description: '§ 104c Abs. 3: Geltungsdauer, nicht verlängerbar',
    periods: [period('2022-12-31', null, 18, S.chancenAufenthaltsrecht)],
  },
  'integration-25b.years': {
    unit: 'years',
    description: '§ 25b Abs. 1 Nr. 1: Voraufenthalt',
    periods: fixed(6, S.integration),
  },
  'integration-25b.years-with-child': {
    unit: 'years',
    description: '§ 25b Abs. 1 Nr. 1: Voraufenthalt bei Zusammenleben mit einem minderjährigen ledigen Kind',
    periods: fixed(4, S.integration),
  },
  'integration-25a.years': {
    unit: 'years',
    description: '§ 25a Abs. 1: ununterbrochener Aufenthalt',
    periods: fixed(3, S.integration),
  },
  'integration-25a.age-min': {
    unit: 'age',
    description: '§ 25a Abs. 1: Mindestalter',
    periods: fixed(14, S.integration),
  },
  'integration-25a.age-max': {
    unit: 'age',
    description: '§ 25a Abs. 1: Antrag vor Vollendung dieses Lebensjahres',
    periods: fixed(27, S.integration),
  },
  // ---- Education routes -------------------------------------------------------------------------------------
  'student.work-days': {
    unit: 'days',
    description: '§ 16b Abs. 3: Beschäftigung bis zu ganzen Tagen pro Jahr',
    periods: [period('2024-03-01', null, 140, S.student140)],
  },
  'training-search.age-limit': {
    unit: 'age',
    description: '§ 17 Abs. 1: Suche eines Ausbildungsplatzes nur vor Vollendung dieses Lebensjahres',
    periods: [
      period(ENGINE_HORIZON_START, '2024-02-29', 25, S.training17),
      period('2024-03-01', null, 35, S.training17),
    ],
  },
  'family.parents.until': {
    unit: 'date',
    description: '§ 36 Abs. 3: Elternnachzug befristet bis',
    periods: [period('2024-03-01', null, '2028-12-31', S.parentsEnd, { verified: false })],
  },
  // ---- Rule switch dates ------------------------------------------------------------------------------------
  'switch.feg-stage-1': {
    unit: 'date',
    description:
      'FEG Stufe 1: Blaue Karte § 18g, §§ 18a/18b als Anspruch auf jede qualifizierte Beschäftigung',
    periods: fixed('2023-11-18', S.feg2023),
  },
  'switch.spurwechsel': {
    unit: 'date',
    description: 'Spurwechsel für Asylsuchende (§ 10 Abs. 3 S. 5 AufenthG) in Kraft',
    periods: fixed('2023-12-23', S.spurwechsel),
  },
  'switch.spurwechsel-entry-before': {
    unit: 'date',
    description: 'Spurwechsel: Einreise vor diesem Tag',
    periods: fixed('2023-03-29', S.spurwechsel),
  },
  'switch.feg-stage-2': {
    unit: 'date',
    description: 'FEG Stufe 2: Erfahrungssäule, Anerkennungspartnerschaft, § 18c neu, Elternnachzug',
    periods: fixed('2024-03-01', S.feg2023),
  },
  'switch.feg-stage-3': {
    unit: 'date',
    description: 'FEG Stufe 3: Chancenkarte §§ 20a/20b',
    periods: fixed('2024-06-01', S.feg2023),
  },
  'switch.chancen-aufenthaltsrecht-start': {
    unit: 'date',
    description: '§ 104c in Kraft',
    periods: fixed('2022-12-31', S.chancenAufenthaltsrecht),
  },
  'switch.chancen-aufenthaltsrecht-end': {
    unit: 'date',
    description: '§ 104c nur noch Übergangsregelung: keine neue Erteilung ab diesem Tag',
    periods: fixed('2025-12-31', S.chancenAufenthaltsrechtEnd),
  },
} as const satisfies Record<string, ParameterDefinition>;

export type ParameterId = keyof typeof PARAMETER_DEFINITIONS;

type Widen<T> = T extends number ? number : T extends string ? string : never;

/** The value type of a parameter: `number` for amounts and counts, `string` (ISO date) for dates. */
export type ParameterValueOf<Id extends ParameterId> = Widen<
  (typeof PARAMETER_DEFINITIONS)[Id]['periods'][number]['value']
>;
