/**
 * Statutory numbers and dates of the parameter table: deadlines, fees, the Western Balkans quota, settlement,
 * the Chancen-Aufenthaltsrecht and §§ 25a/25b, the education routes and the dates rules switched. Sources: see
 * data.ts.
 */
import { ENGINE_HORIZON_START, fixed, type ParameterDefinition, period } from './periods.ts';
import { SOURCES } from './sources.ts';

const S = SOURCES;

export const STATUTORY_PARAMETERS = {
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
  'switch.chancen-aufenthaltsrecht-holder-rules-end': {
    unit: 'date',
    description:
      'Sonderregeln für Inhaber nach § 104c (§ 25a Abs. 5, 6, § 25b Abs. 7, 8) entfallen; Antrag nach §§ 25a/25b bis zum Vortag',
    periods: fixed('2027-07-01', S.chancenHolderRulesEnd, { verified: false }),
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
  'job-search-20.months.degree': {
    unit: 'months',
    description: '§ 20: Aufenthaltserlaubnis zur Arbeitsplatzsuche nach einem Studium in Deutschland, bis zu',
    periods: [
      period(ENGINE_HORIZON_START, '2024-05-31', 18, S.jobSearch20Old, { verified: false }),
      period('2024-06-01', null, 18, S.jobSearch20),
    ],
  },
  'job-search-20.months.training': {
    unit: 'months',
    description:
      '§ 20: Aufenthaltserlaubnis zur Arbeitsplatzsuche nach einer qualifizierten Berufsausbildung in Deutschland, bis zu',
    periods: [
      period(ENGINE_HORIZON_START, '2024-05-31', 12, S.jobSearch20Old, { verified: false }),
      period('2024-06-01', null, 18, S.jobSearch20),
    ],
  },
  'job-search-20.months.recognition': {
    unit: 'months',
    description:
      '§ 20: Aufenthaltserlaubnis zur Arbeitsplatzsuche nach der Anerkennung (§ 16d) in Deutschland, bis zu',
    periods: [
      period(ENGINE_HORIZON_START, '2024-05-31', 12, S.jobSearch20Old, { verified: false }),
      period('2024-06-01', null, 18, S.jobSearch20),
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
    description:
      '§ 104c nur noch Übergangsregelung: keine neue Erteilung ab diesem Tag; Verlängerung nur als § 25a oder § 25b',
    periods: fixed('2025-12-31', S.chancenAufenthaltsrechtEnd),
  },
} as const satisfies Record<string, ParameterDefinition>;
