/**
 * Citations and URLs for the parameter table, taken from shared/research/legal-rules.md.
 * Quality tags follow the memo: [LAW] statute, [GOV] authority, [3P] third party.
 */

export type Source = { readonly citation: string; readonly url: string };

export const SOURCES = {
  bbg2022: {
    citation: 'BBG West 2022 (monthly 7 050 €; yearly value derived) [3P] epd/evangelisch.de',
    url: 'https://evangelisch.de/inhalte/206859/12-10-2022/bundeskabinett-beschliesst-sozialversicherungsrechengroessen-2023',
  },
  bbg2023: {
    citation: 'BBG West 2023, Kabinettsbeschluss 12.10.2022 [3P] evangelisch.de',
    url: 'https://evangelisch.de/inhalte/206859/12-10-2022/bundeskabinett-beschliesst-sozialversicherungsrechengroessen-2023',
  },
  bbg2024: {
    citation: 'BBG West 2024 [3P] autohaus.de (Sozialversicherungsrechengrößen)',
    url: 'https://autohaus.de/recht-steuern/steuerluchs/autohaus-steuerluchs-voraussichtliche-sozialversicherungswerte-2025-3588938',
  },
  bbg2025: {
    citation: 'BBG 2025, bundeseinheitlich [GOV] BMAS Rentenlexikon; [3P] steuerkanzlei-kelbel.de',
    url: 'https://www.bmas.de/DE/Themen/Rente/Rentenlexikon/B/beitragsbemessungsgrenze.html',
  },
  bbg2026: {
    citation: 'SV-Rechengrößenverordnung 2026 v. 24.11.2025, BGBl. 2025 I Nr. 278 [GOV] IHK Halle',
    url: 'https://www.ihk.de/halle/recht/arbeits-und-sozialrecht/sozialversicherung/rechengroessen-in-der-sozialversicherung-2026-6826376',
  },
  blueCardOld2023: {
    citation: '§ 18b Abs. 2 AufenthG a.F. (bis 17.11.2023) [GOV] TK Firmenkunden',
    url: 'https://www.tk.de/firmenkunden/service/fachthemen/ausland/blaue-karte-eu-mindestgehalt-2056938',
  },
  blueCardNew2023: {
    citation: '§ 18g Abs. 1 AufenthG (ab 18.11.2023) [3P] rtpartner.de; noerr.com',
    url: 'https://www.rtpartner.de/immigration/blaue-karte-eu-gehaltsgrenze-2023/',
  },
  thresholds2024: {
    citation:
      'Bekanntmachungen BMI im Bundesanzeiger 17.11.2023 und 4.1.2024 [3P] netzwerk-grossbeerenstrasse.de; [GOV] GTAI',
    url: 'https://netzwerk-grossbeerenstrasse.de/news/allgemein/1484-erwerbsmigration-jaehrliche-anpassung-der-mindestgehaelter',
  },
  experience2024: {
    citation: '§ 6 BeschV (ab 1.3.2024), BMWK-Pressemitteilung [GOV-near] imove-germany.de',
    url: 'https://imove-germany.de/en/Further-provisions-of-new-legislation-on-skilled-immigration-enter-into-force.htm',
  },
  blueCard2025: {
    citation: '§ 18g Abs. 1 AufenthG, Werte 2025 [3P] rtpartner.de, anders-relocation.de, jig.world',
    url: 'https://www.rtpartner.de/immigration/blaue-karte-eu-mindestgehalt-2025/',
  },
  age45in2025: {
    citation: '§ 18 Abs. 2 Nr. 5 AufenthG, Wert 2025 [3P] alternativkraft.com (4 427,50 €/Monat)',
    url: 'https://alternativkraft.com/',
  },
  thresholds2026: {
    citation: 'Bekanntmachung BMI im Bundesanzeiger Dezember 2025 [GOV] Handwerkskammer Chemnitz',
    url: 'https://www.hwk-chemnitz.de/magazin/betriebsfuehrung/2026/neue-mindestgehaelter-fuer-auslaendische-fachkraefte-ab-2026',
  },
  age45in2022: {
    citation:
      '§ 18 Abs. 2 Nr. 5 AufenthG / § 1 Abs. 2 BeschV, Wert 2022 (3 877,50 €/Monat) [GOV] tirana.diplo.de',
    url: 'https://tirana.diplo.de/al-de/service/visa-de/-/2307854',
  },
  derived: {
    citation: 'DERIVED: Prozentsatz × BBG West, nicht veröffentlicht gefunden (legal-rules.md § 2)',
    url: 'https://www.gesetze-im-internet.de/aufenthg_2004/',
  },
  aufenthgLaw: {
    citation: 'AufenthG (Gesetzestext)',
    url: 'https://www.gesetze-im-internet.de/aufenthg_2004/',
  },
  beschvLaw: {
    citation: 'BeschV (Gesetzestext)',
    url: 'https://www.gesetze-im-internet.de/beschv_2013/',
  },
  chancenkarte2024: {
    citation: '§ 20a Abs. 1 AufenthG, Lebensunterhalt 2024 [GOV] ljubljana.diplo.de',
    url: 'https://ljubljana.diplo.de/si-de/service/-/2664210',
  },
  chancenkarte2025: {
    citation: '§ 20a Abs. 1 AufenthG, Lebensunterhalt 2025 [GOV] rabat.diplo.de, accra.diplo.de',
    url: 'https://rabat.diplo.de/ma-de/service/05-visaeinreise/2715670-2715670',
  },
  chancenkarte2026: {
    citation: 'UNVERIFIED: nur Drittanbieter (khedma.pro, dev.to) nennen 1 091 €/Monat für 2026',
    url: 'https://rabat.diplo.de/ma-de/service/05-visaeinreise/2715670-2715670',
  },
  chancenkartePoints: {
    citation: 'Anlage zu § 20a Abs. 3 Nr. 2, § 20b AufenthG [LAW] buzer.de',
    url: 'https://www.buzer.de/Anlage_AufenthG.htm',
  },
  student2023: {
    citation: '§ 16b AufenthG, Sperrkonto 2023 (11 208 €) [GOV] seoul.diplo.de',
    url: 'https://www.auswaertiges-amt.de/de/service/visa-und-aufenthalt/nationale-visa/visa-schule-studium-sprachkurs/sperrkonto',
  },
  student2024: {
    citation: '§ 16b AufenthG, Sperrkonto 11 904 € ab 1.9.2024 [GOV] auswaertiges-amt.de',
    url: 'https://www.auswaertiges-amt.de/de/service/visa-und-aufenthalt/nationale-visa/visa-schule-studium-sprachkurs/sperrkonto',
  },
  student2026: {
    citation: 'UNVERIFIED: Sperrkonto Studium 2026 nicht bestätigt (Wert von 2025 fortgeschrieben)',
    url: 'https://www.auswaertiges-amt.de/de/service/visa-und-aufenthalt/nationale-visa/visa-schule-studium-sprachkurs/sperrkonto',
  },
  bqfg: {
    citation: '§ 6 Abs. 2, 3 / § 13 Abs. 2, 3 BQFG [LAW]',
    url: 'https://www.gesetze-im-internet.de/bqfg/',
  },
  bqfg14a: {
    citation:
      '§ 14a BQFG (beschleunigtes Fachkräfteverfahren) [GOV] ZAB Dahme-Spreewald; fachkraefte.zuwanderung.sachsen.de',
    url: 'https://zab.dahme-spreewald.de/zab/faq',
  },
  beschv36: {
    citation: '§ 36 Abs. 2 BeschV [LAW]',
    url: 'https://www.gesetze-im-internet.de/beschv_2013/__36.html',
  },
  aufenthv31a: {
    citation: '§ 31a AufenthV (Fassung V v. 29.10.2025, BGBl. 2025 I Nr. 260) [LAW]',
    url: 'https://www.gesetze-mit-links.de/aufenthv/_31a.html',
  },
  fee81a: {
    citation: '§ 47 Abs. 1 Nr. 15 AufenthV [GOV] make-it-in-germany; ZAB Dahme-Spreewald',
    url: 'https://zab.dahme-spreewald.de/zab/faq',
  },
  feeVisa: {
    citation: '§ 46 Abs. 2 Nr. 1 AufenthV (seit 1.9.2017) [LAW]; [GOV] tunis.diplo.de, nikosia.diplo.de',
    url: 'https://www.gesetze-im-internet.de/aufenthv/__46.html',
  },
  westbalkanQuota: {
    citation: '§ 26 Abs. 2 BeschV [LAW]; Kontingent [3P] dpa/wallstreet-online; DEHOGA Bayern',
    url: 'https://www.gesetze-im-internet.de/beschv_2013/__26.html',
  },
  westbalkanQuota2026: {
    citation: 'UNVERIFIED: Kontingent 2026 (50 000 oder geplant 25 000); keine Änderungsverordnung gefunden',
    url: 'https://www.gesetze-im-internet.de/beschv_2013/__26.html',
  },
  settlementOld: {
    citation: '§ 18c AufenthG a.F. (bis 29.2.2024) [LAW] AufenthG XML 2024-01-10',
    url: 'https://www.gesetze-im-internet.de/aufenthg_2004/__18c.html',
  },
  settlementNew: {
    citation:
      '§ 18c AufenthG (ab 1.3.2024, Art. 2 G v. 16.08.2023) [LAW] buzer; [GOV] Hamburg Welcome Center',
    url: 'https://buzer.de/gesetz/4752/al0-186939.htm',
  },
  chancenAufenthaltsrecht: {
    citation: '§ 104c AufenthG (G v. 21.12.2022, BGBl. I S. 2847) [LAW] buzer',
    url: 'https://www.buzer.de/gesetz/15683/a293517.htm',
  },
  chancenAufenthaltsrechtEnd: {
    citation: 'Art. 5 ChAufenthG: § 104c als Übergangsregelung ab 31.12.2025 [LAW] buzer',
    url: 'https://www.buzer.de/gesetz/15683/a293517.htm',
  },
  integration: {
    citation: '§§ 25a, 25b AufenthG [LAW] AufenthG XML 2024-01-10',
    url: 'https://www.gesetze-im-internet.de/aufenthg_2004/__25b.html',
  },
  feg2023: {
    citation:
      'Gesetz zur Weiterentwicklung der Fachkräfteeinwanderung v. 16.08.2023 (BGBl. 2023 I Nr. 217) [LAW]',
    url: 'https://www.gesetze-im-internet.de/aufenthg_2004/',
  },
  spurwechsel: {
    citation:
      '§ 10 Abs. 3 S. 5, § 5 Abs. 3 S. 5 AufenthG (ab 23.12.2023) [3P] paritaet-hamburg.de, zuflucht-bremen.de',
    url: 'https://www.gesetze-im-internet.de/aufenthg_2004/__10.html',
  },
  parents: {
    citation: '§ 36 Abs. 3 AufenthG (ab 1.3.2024) [3P] familiennachzug-visum.de',
    url: 'https://www.bamf.de/EN/Themen/MigrationAufenthalt/ZuwandererDrittstaaten/Familie/NachzugZuDrittstaatlern/nachzug-zu-drittstaatlern-node.html',
  },
  parentsEnd: {
    citation: 'UNVERIFIED: Befristung § 36 Abs. 3 bis 31.12.2028 [3P] envoy, jaberilawyers',
    url: 'https://www.bamf.de/EN/Themen/MigrationAufenthalt/ZuwandererDrittstaaten/Familie/NachzugZuDrittstaatlern/nachzug-zu-drittstaatlern-node.html',
  },
  student140: {
    citation: '§ 16b Abs. 3 AufenthG (ab 1.3.2024) [GOV] frankfurt.de, nuernberg.de',
    url: 'https://frankfurt.de/auslaenderangelegenheiten/aktuelle-meldungen/april-2024/aenderung-bei-studienaufenthalten',
  },
  training17: {
    citation:
      '§ 17 Abs. 1 AufenthG (ab 1.3.2024) [GOV] kommune365 (Stadt Dinklage); a.F. [LAW] AufenthG XML 2024-01-10',
    url: 'https://www.gesetze-im-internet.de/aufenthg_2004/__17.html',
  },
} as const satisfies Record<string, Source>;
