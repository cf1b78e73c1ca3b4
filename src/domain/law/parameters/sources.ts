/**
 * The sources of the parameter table. Each has a public side, shown on every page: a title in German and
 * English and the address of the statute or the authority's page. Its research note (with the memo's
 * quality tags [LAW] statute, [GOV] authority, [3P] third party, and UNVERIFIED/DERIVED marks; from
 * shared/research/legal-rules.md) and the address the research read are for reviewers only.
 */

export type Source = {
  /** The public source's title in the page's language. */
  readonly title: { readonly de: string; readonly en: string };
  /** Address of the statute or the authority's page. */
  readonly url: string;
  /** Research note for reviewers (administrators); never shown to applicants. */
  readonly researchNote: string;
  /** Address the research read the value from (may be a third party); for reviewers only. */
  readonly researchUrl: string;
};

function source(de: string, en: string, url: string, researchNote: string, researchUrl = url): Source {
  return { title: { de, en }, url, researchNote, researchUrl };
}

export const SOURCES = {
  bbg2022: source(
    'Beitragsbemessungsgrenze 2022 (Bundesministerium für Arbeit und Soziales)',
    'Contribution ceiling 2022 (Federal Ministry of Labour and Social Affairs)',
    'https://www.bmas.de/DE/Themen/Rente/Rentenlexikon/B/beitragsbemessungsgrenze.html',
    'BBG West 2022 (monthly 7 050 €; yearly value derived) [3P] epd/evangelisch.de',
    'https://evangelisch.de/inhalte/206859/12-10-2022/bundeskabinett-beschliesst-sozialversicherungsrechengroessen-2023',
  ),
  bbg2023: source(
    'Beitragsbemessungsgrenze 2023 (Bundesministerium für Arbeit und Soziales)',
    'Contribution ceiling 2023 (Federal Ministry of Labour and Social Affairs)',
    'https://www.bmas.de/DE/Themen/Rente/Rentenlexikon/B/beitragsbemessungsgrenze.html',
    'BBG West 2023, Kabinettsbeschluss 12.10.2022 [3P] evangelisch.de',
    'https://evangelisch.de/inhalte/206859/12-10-2022/bundeskabinett-beschliesst-sozialversicherungsrechengroessen-2023',
  ),
  bbg2024: source(
    'Beitragsbemessungsgrenze 2024 (Bundesministerium für Arbeit und Soziales)',
    'Contribution ceiling 2024 (Federal Ministry of Labour and Social Affairs)',
    'https://www.bmas.de/DE/Themen/Rente/Rentenlexikon/B/beitragsbemessungsgrenze.html',
    'BBG West 2024 [3P] autohaus.de (Sozialversicherungsrechengrößen)',
    'https://autohaus.de/recht-steuern/steuerluchs/autohaus-steuerluchs-voraussichtliche-sozialversicherungswerte-2025-3588938',
  ),
  bbg2025: source(
    'Beitragsbemessungsgrenze 2025 (Bundesministerium für Arbeit und Soziales)',
    'Contribution ceiling 2025 (Federal Ministry of Labour and Social Affairs)',
    'https://www.bmas.de/DE/Themen/Rente/Rentenlexikon/B/beitragsbemessungsgrenze.html',
    'BBG 2025, bundeseinheitlich [GOV] BMAS Rentenlexikon; [3P] steuerkanzlei-kelbel.de',
  ),
  bbg2026: source(
    'Sozialversicherungs-Rechengrößenverordnung 2026 (BGBl. 2025 I Nr. 278)',
    'Social insurance calculation values ordinance 2026 (Federal Law Gazette 2025 I No. 278)',
    'https://www.recht.bund.de/bgbl/1/2025/278/VO.html',
    'SV-Rechengrößenverordnung 2026 v. 24.11.2025, BGBl. 2025 I Nr. 278 [GOV] IHK Halle',
    'https://www.ihk.de/halle/recht/arbeits-und-sozialrecht/sozialversicherung/rechengroessen-in-der-sozialversicherung-2026-6826376',
  ),
  blueCardOld2023: source(
    '§ 18b Abs. 2 Aufenthaltsgesetz in der Fassung bis 17. November 2023',
    'Section 18b (2) Residence Act as in force until 17 November 2023',
    'https://www.gesetze-im-internet.de/aufenthg_2004/',
    '§ 18b Abs. 2 AufenthG a.F. (bis 17.11.2023) [GOV] TK Firmenkunden',
    'https://www.tk.de/firmenkunden/service/fachthemen/ausland/blaue-karte-eu-mindestgehalt-2056938',
  ),
  blueCardNew2023: source(
    '§ 18g Abs. 1 Aufenthaltsgesetz',
    'Section 18g (1) Residence Act',
    'https://www.gesetze-im-internet.de/aufenthg_2004/__18g.html',
    '§ 18g Abs. 1 AufenthG (ab 18.11.2023) [3P] rtpartner.de; noerr.com',
    'https://www.rtpartner.de/immigration/blaue-karte-eu-gehaltsgrenze-2023/',
  ),
  thresholds2024: source(
    '§ 18g Aufenthaltsgesetz; Mindestgehälter 2024 nach Bekanntmachung des Bundesinnenministeriums',
    'Section 18g Residence Act; minimum salaries 2024 as announced by the Federal Ministry of the Interior',
    'https://www.gesetze-im-internet.de/aufenthg_2004/__18g.html',
    'Bekanntmachungen BMI im Bundesanzeiger 17.11.2023 und 4.1.2024 [3P] netzwerk-grossbeerenstrasse.de; [GOV] GTAI',
    'https://netzwerk-grossbeerenstrasse.de/news/allgemein/1484-erwerbsmigration-jaehrliche-anpassung-der-mindestgehaelter',
  ),
  experience2024: source(
    '§ 6 Beschäftigungsverordnung',
    'Section 6 Employment Ordinance',
    'https://www.gesetze-im-internet.de/beschv_2013/__6.html',
    '§ 6 BeschV (ab 1.3.2024), BMWK-Pressemitteilung [GOV-near] imove-germany.de',
    'https://imove-germany.de/en/Further-provisions-of-new-legislation-on-skilled-immigration-enter-into-force.htm',
  ),
  blueCard2025: source(
    '§ 18g Abs. 1 Aufenthaltsgesetz; Mindestgehälter 2025',
    'Section 18g (1) Residence Act; minimum salaries 2025',
    'https://www.gesetze-im-internet.de/aufenthg_2004/__18g.html',
    '§ 18g Abs. 1 AufenthG, Werte 2025 [3P] rtpartner.de, anders-relocation.de, jig.world',
    'https://www.rtpartner.de/immigration/blaue-karte-eu-mindestgehalt-2025/',
  ),
  age45in2025: source(
    '§ 18 Abs. 2 Nr. 5 Aufenthaltsgesetz; Mindestgehalt 2025',
    'Section 18 (2) no. 5 Residence Act; minimum salary 2025',
    'https://www.gesetze-im-internet.de/aufenthg_2004/__18.html',
    '§ 18 Abs. 2 Nr. 5 AufenthG, Wert 2025 [3P] alternativkraft.com (4 427,50 €/Monat)',
    'https://alternativkraft.com/',
  ),
  thresholds2026: source(
    '§ 18g Aufenthaltsgesetz; Mindestgehälter 2026 nach Bekanntmachung des Bundesinnenministeriums',
    'Section 18g Residence Act; minimum salaries 2026 as announced by the Federal Ministry of the Interior',
    'https://www.gesetze-im-internet.de/aufenthg_2004/__18g.html',
    'Bekanntmachung BMI im Bundesanzeiger Dezember 2025 [GOV] Handwerkskammer Chemnitz',
    'https://www.hwk-chemnitz.de/magazin/betriebsfuehrung/2026/neue-mindestgehaelter-fuer-auslaendische-fachkraefte-ab-2026',
  ),
  age45in2022: source(
    '§ 18 Abs. 2 Nr. 5 Aufenthaltsgesetz; Mindestgehalt 2022',
    'Section 18 (2) no. 5 Residence Act; minimum salary 2022',
    'https://www.gesetze-im-internet.de/aufenthg_2004/__18.html',
    '§ 18 Abs. 2 Nr. 5 AufenthG / § 1 Abs. 2 BeschV, Wert 2022 (3 877,50 €/Monat) [GOV] tirana.diplo.de',
    'https://tirana.diplo.de/al-de/service/visa-de/-/2307854',
  ),
  derived: source(
    'Aufenthaltsgesetz; berechnet aus dem gesetzlichen Anteil an der Beitragsbemessungsgrenze',
    'Residence Act; calculated from the statutory share of the contribution ceiling',
    'https://www.gesetze-im-internet.de/aufenthg_2004/',
    'DERIVED: Prozentsatz × BBG West, nicht veröffentlicht gefunden (legal-rules.md § 2)',
  ),
  aufenthgLaw: source(
    'Aufenthaltsgesetz',
    'Residence Act',
    'https://www.gesetze-im-internet.de/aufenthg_2004/',
    'AufenthG (Gesetzestext)',
  ),
  beschvLaw: source(
    'Beschäftigungsverordnung',
    'Employment Ordinance',
    'https://www.gesetze-im-internet.de/beschv_2013/',
    'BeschV (Gesetzestext)',
  ),
  chancenkarte2024: source(
    'Chancenkarte: Merkblatt der deutschen Auslandsvertretung (2024)',
    'Opportunity Card: information sheet of the German mission abroad (2024)',
    'https://ljubljana.diplo.de/si-de/service/-/2664210',
    '§ 20a Abs. 1 AufenthG, Lebensunterhalt 2024 [GOV] ljubljana.diplo.de',
  ),
  chancenkarte2025: source(
    'Chancenkarte: Merkblatt der deutschen Auslandsvertretung (2025)',
    'Opportunity Card: information sheet of the German mission abroad (2025)',
    'https://rabat.diplo.de/ma-de/service/05-visaeinreise/2715670-2715670',
    '§ 20a Abs. 1 AufenthG, Lebensunterhalt 2025 [GOV] rabat.diplo.de, accra.diplo.de',
  ),
  chancenkarte2026: source(
    'Chancenkarte: Merkblatt der deutschen Auslandsvertretung',
    'Opportunity Card: information sheet of the German mission abroad',
    'https://rabat.diplo.de/ma-de/service/05-visaeinreise/2715670-2715670',
    'UNVERIFIED: nur Drittanbieter (khedma.pro, dev.to) nennen 1 091 €/Monat für 2026',
  ),
  chancenkartePoints: source(
    '§ 20b Aufenthaltsgesetz (Punkte der Chancenkarte)',
    'Section 20b Residence Act (Opportunity Card points)',
    'https://www.gesetze-im-internet.de/aufenthg_2004/__20b.html',
    'Anlage zu § 20a Abs. 3 Nr. 2, § 20b AufenthG [LAW] buzer.de',
    'https://www.buzer.de/Anlage_AufenthG.htm',
  ),
  student2023: source(
    'Auswärtiges Amt: Sperrkonto',
    'Federal Foreign Office: blocked account',
    'https://www.auswaertiges-amt.de/de/service/visa-und-aufenthalt/nationale-visa/visa-schule-studium-sprachkurs/sperrkonto',
    '§ 16b AufenthG, Sperrkonto 2023 (11 208 €) [GOV] seoul.diplo.de',
  ),
  student2024: source(
    'Auswärtiges Amt: Sperrkonto',
    'Federal Foreign Office: blocked account',
    'https://www.auswaertiges-amt.de/de/service/visa-und-aufenthalt/nationale-visa/visa-schule-studium-sprachkurs/sperrkonto',
    '§ 16b AufenthG, Sperrkonto 11 904 € ab 1.9.2024 [GOV] auswaertiges-amt.de',
  ),
  student2026: source(
    'Auswärtiges Amt: Sperrkonto',
    'Federal Foreign Office: blocked account',
    'https://www.auswaertiges-amt.de/de/service/visa-und-aufenthalt/nationale-visa/visa-schule-studium-sprachkurs/sperrkonto',
    'UNVERIFIED: Sperrkonto Studium 2026 nicht bestätigt (Wert von 2025 fortgeschrieben)',
  ),
  bqfg: source(
    '§§ 6 und 13 Berufsqualifikationsfeststellungsgesetz',
    'Sections 6 and 13 Professional Qualifications Assessment Act',
    'https://www.gesetze-im-internet.de/bqfg/',
    '§ 6 Abs. 2, 3 / § 13 Abs. 2, 3 BQFG [LAW]',
  ),
  bqfg14a: source(
    '§ 14a Berufsqualifikationsfeststellungsgesetz',
    'Section 14a Professional Qualifications Assessment Act',
    'https://www.gesetze-im-internet.de/bqfg/__14a.html',
    '§ 14a BQFG (beschleunigtes Fachkräfteverfahren) [GOV] ZAB Dahme-Spreewald; fachkraefte.zuwanderung.sachsen.de',
    'https://zab.dahme-spreewald.de/zab/faq',
  ),
  beschv36: source(
    '§ 36 Abs. 2 Beschäftigungsverordnung',
    'Section 36 (2) Employment Ordinance',
    'https://www.gesetze-im-internet.de/beschv_2013/__36.html',
    '§ 36 Abs. 2 BeschV [LAW]',
  ),
  aufenthv31a: source(
    '§ 31a Aufenthaltsverordnung',
    'Section 31a Residence Ordinance',
    'https://www.gesetze-im-internet.de/aufenthv/__31a.html',
    '§ 31a AufenthV (Fassung V v. 29.10.2025, BGBl. 2025 I Nr. 260) [LAW]',
    'https://www.gesetze-mit-links.de/aufenthv/_31a.html',
  ),
  fee81a: source(
    '§ 47 Abs. 1 Nr. 15 Aufenthaltsverordnung',
    'Section 47 (1) no. 15 Residence Ordinance',
    'https://www.gesetze-im-internet.de/aufenthv/__47.html',
    '§ 47 Abs. 1 Nr. 15 AufenthV [GOV] make-it-in-germany; ZAB Dahme-Spreewald',
    'https://zab.dahme-spreewald.de/zab/faq',
  ),
  feeVisa: source(
    '§ 46 Abs. 2 Nr. 1 Aufenthaltsverordnung',
    'Section 46 (2) no. 1 Residence Ordinance',
    'https://www.gesetze-im-internet.de/aufenthv/__46.html',
    '§ 46 Abs. 2 Nr. 1 AufenthV (seit 1.9.2017) [LAW]; [GOV] tunis.diplo.de, nikosia.diplo.de',
  ),
  westbalkanQuota: source(
    '§ 26 Abs. 2 Beschäftigungsverordnung',
    'Section 26 (2) Employment Ordinance',
    'https://www.gesetze-im-internet.de/beschv_2013/__26.html',
    '§ 26 Abs. 2 BeschV [LAW]; Kontingent [3P] dpa/wallstreet-online; DEHOGA Bayern',
  ),
  westbalkanQuota2026: source(
    '§ 26 Abs. 2 Beschäftigungsverordnung',
    'Section 26 (2) Employment Ordinance',
    'https://www.gesetze-im-internet.de/beschv_2013/__26.html',
    'UNVERIFIED: Kontingent 2026 (50 000 oder geplant 25 000); keine Änderungsverordnung gefunden',
  ),
  settlementOld: source(
    '§ 18c Aufenthaltsgesetz in der Fassung bis 29. Februar 2024',
    'Section 18c Residence Act as in force until 29 February 2024',
    'https://www.gesetze-im-internet.de/aufenthg_2004/__18c.html',
    '§ 18c AufenthG a.F. (bis 29.2.2024) [LAW] AufenthG XML 2024-01-10',
  ),
  settlementNew: source(
    '§ 18c Aufenthaltsgesetz',
    'Section 18c Residence Act',
    'https://www.gesetze-im-internet.de/aufenthg_2004/__18c.html',
    '§ 18c AufenthG (ab 1.3.2024, Art. 2 G v. 16.08.2023) [LAW] buzer; [GOV] Hamburg Welcome Center',
    'https://buzer.de/gesetz/4752/al0-186939.htm',
  ),
  chancenAufenthaltsrecht: source(
    '§ 104c Aufenthaltsgesetz',
    'Section 104c Residence Act',
    'https://www.gesetze-im-internet.de/aufenthg_2004/__104c.html',
    '§ 104c AufenthG (G v. 21.12.2022, BGBl. I S. 2847) [LAW] buzer',
    'https://www.buzer.de/gesetz/15683/a293517.htm',
  ),
  chancenAufenthaltsrechtEnd: source(
    '§ 104c Aufenthaltsgesetz',
    'Section 104c Residence Act',
    'https://www.gesetze-im-internet.de/aufenthg_2004/__104c.html',
    'Art. 5 ChAufenthG: § 104c als Übergangsregelung ab 31.12.2025 [LAW] buzer',
    'https://www.buzer.de/gesetz/15683/a293517.htm',
  ),
  integration: source(
    '§§ 25a und 25b Aufenthaltsgesetz',
    'Sections 25a and 25b Residence Act',
    'https://www.gesetze-im-internet.de/aufenthg_2004/__25b.html',
    '§§ 25a, 25b AufenthG [LAW] AufenthG XML 2024-01-10',
  ),
  feg2023: source(
    'Gesetz zur Weiterentwicklung der Fachkräfteeinwanderung (BGBl. 2023 I Nr. 217)',
    'Act on the Further Development of Skilled Immigration (Federal Law Gazette 2023 I No. 217)',
    'https://www.recht.bund.de/bgbl/1/2023/217/VO.html',
    'Gesetz zur Weiterentwicklung der Fachkräfteeinwanderung v. 16.08.2023 (BGBl. 2023 I Nr. 217) [LAW]',
    'https://www.gesetze-im-internet.de/aufenthg_2004/',
  ),
  spurwechsel: source(
    '§ 10 Abs. 3 Aufenthaltsgesetz',
    'Section 10 (3) Residence Act',
    'https://www.gesetze-im-internet.de/aufenthg_2004/__10.html',
    '§ 10 Abs. 3 S. 5, § 5 Abs. 3 S. 5 AufenthG (ab 23.12.2023) [3P] paritaet-hamburg.de, zuflucht-bremen.de',
  ),
  parents: source(
    '§ 36 Abs. 3 Aufenthaltsgesetz',
    'Section 36 (3) Residence Act',
    'https://www.gesetze-im-internet.de/aufenthg_2004/__36.html',
    '§ 36 Abs. 3 AufenthG (ab 1.3.2024) [3P] familiennachzug-visum.de',
    'https://www.bamf.de/EN/Themen/MigrationAufenthalt/ZuwandererDrittstaaten/Familie/NachzugZuDrittstaatlern/nachzug-zu-drittstaatlern-node.html',
  ),
  parentsEnd: source(
    '§ 36 Abs. 3 Aufenthaltsgesetz',
    'Section 36 (3) Residence Act',
    'https://www.gesetze-im-internet.de/aufenthg_2004/__36.html',
    'UNVERIFIED: Befristung § 36 Abs. 3 bis 31.12.2028 [3P] envoy, jaberilawyers',
    'https://www.bamf.de/EN/Themen/MigrationAufenthalt/ZuwandererDrittstaaten/Familie/NachzugZuDrittstaatlern/nachzug-zu-drittstaatlern-node.html',
  ),
  student140: source(
    '§ 16b Abs. 3 Aufenthaltsgesetz',
    'Section 16b (3) Residence Act',
    'https://www.gesetze-im-internet.de/aufenthg_2004/__16b.html',
    '§ 16b Abs. 3 AufenthG (ab 1.3.2024) [GOV] frankfurt.de, nuernberg.de',
    'https://frankfurt.de/auslaenderangelegenheiten/aktuelle-meldungen/april-2024/aenderung-bei-studienaufenthalten',
  ),
  training17: source(
    '§ 17 Abs. 1 Aufenthaltsgesetz',
    'Section 17 (1) Residence Act',
    'https://www.gesetze-im-internet.de/aufenthg_2004/__17.html',
    '§ 17 Abs. 1 AufenthG (ab 1.3.2024) [GOV] kommune365 (Stadt Dinklage); a.F. [LAW] AufenthG XML 2024-01-10',
  ),
} as const satisfies Record<string, Source>;
