/**
 * Sources of the rules on moving on from one stay to the next: the end of the Chancen-Aufenthaltsrecht
 * (§ 104c) and its holders' move to §§ 25a/25b, and the job search after a stay in Germany (§ 20).
 * Same shape and rules as sources.ts: the title and address are public, the research note is for reviewers.
 */
import { type Source, source } from './source.ts';

export const TRANSITION_SOURCES = {
  chancenHolderRulesEnd: source(
    '§§ 25a und 25b Aufenthaltsgesetz (Übergang vom Chancen-Aufenthaltsrecht)',
    'Sections 25a and 25b Residence Act (move on from the opportunity residence right)',
    'https://www.gesetze-im-internet.de/aufenthg_2004/__25b.html',
    'UNVERIFIED: Sonderregeln für Inhaber nach § 104c (§ 25a Abs. 5, 6 und § 25b Abs. 7, 8 AufenthG) ' +
      'entfallen erst zum 1.7.2027; Anträge nach §§ 25a/25b bis 30.6.2027. Nur Sekundärquellen: [3P] ' +
      'asyl.net "Gesetzesänderungen zum Jahreswechsel"; Flüchtlingsrat NRW; Ausschussdrucksache 21(4)110 ' +
      '(laut Issue 18). Das ändernde Gesetz selbst ist in legal-rules.md nicht belegt; legal-rules.md § 0 ' +
      'und § 14.2 nennen noch die Aufhebung zum 31.12.2025 durch Art. 5 ChAufenthG.',
    'https://www.asyl.net/view/gesetzesaenderungen-zum-jahreswechsel',
  ),
  jobSearch20: source(
    '§ 20 Aufenthaltsgesetz',
    'Section 20 Residence Act',
    'https://www.gesetze-im-internet.de/aufenthg_2004/__20.html',
    '§ 20 Abs. 1 Nr. 1, 3, 4 und Abs. 2 S. 2 AufenthG (ab 1.6.2024, G v. 16.08.2023, BGBl. 2023 I Nr. 217): ' +
      'bis zu 18 Monate [LAW] lexetius, AOK-Rechtsdatenbank (legal-rules.md § 8.1)',
    'https://lexetius.com/AufenthG/20/arbeitsplatzsuche-im-anschluss-an-aufenthalte-im-bundesgebiet',
  ),
  jobSearch20Old: source(
    '§ 20 Abs. 3 Aufenthaltsgesetz in der Fassung bis 31. Mai 2024',
    'Section 20 (3) Residence Act as in force until 31 May 2024',
    'https://www.gesetze-im-internet.de/aufenthg_2004/__20.html',
    'UNVERIFIED: § 20 Abs. 3 AufenthG a.F. (bis 31.5.2024): Studium bis zu 18, qualifizierte ' +
      'Berufsausbildung bis zu 12, Anerkennung (§ 16d) bis zu 12 Monate. Nicht in legal-rules.md (dort nur ' +
      'die Fassung ab 1.6.2024); Ausbildung "bis zu einem Jahr" [GOV] landkreis-ansbach.de',
    'https://www.landkreis-ansbach.de/index.php?ModID=7&FID=3797.5720.1&object=tx%7C3797.5720.1',
  ),
} as const satisfies Record<string, Source>;
