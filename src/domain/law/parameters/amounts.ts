/**
 * Amounts of the parameter table: the salary base (BBG), the statutory shares of it, the yearly salary
 * thresholds, the funds for one's livelihood and the Chancenkarte's points. Sources: see data.ts.
 */
import { ENGINE_HORIZON_START, fixed, type ParameterDefinition, period, year } from './periods.ts';
import { SOURCES } from './sources.ts';

const S = SOURCES;

export const AMOUNT_PARAMETERS = {
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
} as const satisfies Record<string, ParameterDefinition>;
