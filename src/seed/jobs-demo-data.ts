/**
 * The demo's job ads (issue 16): invented employers, two per state (plus the Leipzig care service of the identity
 * demo), and the kinds of job they advertise. Names, register numbers and pay are invented; pay lies in the usual
 * range of the occupation so that the pathways come out as they would for real ads.
 */

export type DemoEmployer = {
  slug: string;
  name: string;
  state: string;
  districtAgs: string;
  street: string;
  postcode: string;
  town: string;
  /** A trade register number at this court, or a public employer's kind. */
  register: { court: string; number: string } | { publicKind: 'public-hospital' | 'municipality' };
  sizeBand: '10-49' | '50-249' | '250+';
  /** Indexes into DEMO_JOBS. */
  jobs: readonly number[];
};

export type DemoJob = {
  kldb: string;
  titleDe: string;
  titleEn: string;
  salary: readonly [number, number];
  german: readonly ('none' | 'A1' | 'A2' | 'B1' | 'B2' | 'C1')[];
  english: readonly ('none' | 'A2' | 'B1' | 'B2' | 'C1')[];
  agreement: string;
};

/** kldb | German title | English title | salary range | German levels | English levels | collective agreement */
const JOB_TABLE = `
43414 | Softwareentwickler/in (m/w/d) | Software developer | 52000-76000 | none A1 B1 | B2 C1 | 
43104 | IT-Systemadministrator/in (m/w/d) | IT systems administrator | 46000-62000 | A1 A2 B1 | B2 | 
81302 | Pflegefachkraft (m/w/d) | Registered nurse | 40000-48000 | B1 B2 | none B1 | TVöD-P
82102 | Altenpflegefachkraft (m/w/d) | Geriatric nurse | 38000-45000 | B1 B2 | none | AVR Diakonie
81404 | Assistenzärztin / Assistenzarzt | Resident physician | 62000-76000 | C1 | B2 | TV-Ärzte/VKA
26212 | Elektroniker/in Energie- und Gebäudetechnik | Building electrician | 36000-44000 | A2 B1 | none A2 | 
34212 | Anlagenmechaniker/in SHK | Plumber / HVAC installer | 35000-43000 | A2 B1 | none A2 | 
25212 | Kfz-Mechatroniker/in | Car mechatronics technician | 34000-42000 | B1 | none | 
52122 | Berufskraftfahrer/in (CE) | Truck driver (CE licence) | 33000-39000 | A1 A2 | B1 | Tarifvertrag Spedition und Logistik
29302 | Koch / Köchin | Cook | 30000-36000 | A1 A2 | B1 | DEHOGA-Tarifvertrag
63222 | Hotelfachkraft | Hotel service staff | 29000-34000 | none A2 | B2 | 
31104 | Bauingenieur/in | Civil engineer | 55000-68000 | B2 | B1 | 
24412 | Metallbauer/in | Metal construction worker | 34000-41000 | A2 | none A2 | IG Metall Flächentarif
83113 | Erzieher/in | Early childhood educator | 38000-44000 | B2 C1 | none | TVöD-SuE
81713 | Physiotherapeut/in | Physiotherapist | 36000-42000 | B2 | none B1 | 
26112 | Mechatroniker/in | Mechatronics technician | 38000-47000 | A2 B1 | B1 | IG Metall Flächentarif
`;

const levels = <T extends string>(s: string) => s.split(' ').filter(Boolean) as T[];

export const DEMO_JOBS: readonly DemoJob[] = JOB_TABLE.trim()
  .split('\n')
  .map((line) => {
    const [kldb = '', titleDe = '', titleEn = '', pay = '', german = '', english = '', agreement = ''] = line
      .split('|')
      .map((c) => c.trim());
    const [low, high] = pay.split('-').map(Number);
    return {
      kldb,
      titleDe,
      titleEn,
      salary: [low ?? 0, high ?? 0] as const,
      german: levels<DemoJob['german'][number]>(german),
      english: levels<DemoJob['english'][number]>(english),
      agreement,
    };
  });

/** slug | name | state | district | street | postcode | town | "court: number" or public kind | size | job indexes */
const EMPLOYER_TABLE = `
demo-software-dresden | Softwarehaus Elbtal GmbH, Dresden (Demo) | SN | 14612 | Königsbrücker Straße 40 | 01099 | Dresden | Amtsgericht Dresden: HRB 61001 | 50-249 | 0 0 1
demo-klinikum-chemnitz | Klinikum Chemnitzer Land (Demo) | SN | 14511 | Flemmingstraße 2 | 09116 | Chemnitz | public-hospital | 250+ | 2 4 14
demo-spree-digital | Spree Digital GmbH, Berlin (Demo) | BE | 11000 | Schlesische Straße 28 | 10997 | Berlin | Amtsgericht Charlottenburg: HRB 230001 B | 50-249 | 0 1 10
demo-pflege-berlin | Pflegedienst Kiez Berlin gGmbH (Demo) | BE | 11000 | Sonnenallee 120 | 12045 | Berlin | Amtsgericht Charlottenburg: HRB 230002 B | 50-249 | 2 3 13
demo-lausitz-technik | Lausitz Energie Technik GmbH, Cottbus (Demo) | BB | 12052 | Bahnhofstraße 12 | 03046 | Cottbus | Amtsgericht Cottbus: HRB 12001 | 50-249 | 5 15 11
demo-havel-logistik | Havelland Logistik GmbH, Potsdam (Demo) | BB | 12054 | Friedrich-Engels-Straße 22 | 14473 | Potsdam | Amtsgericht Potsdam: HRB 34001 | 250+ | 8 7 1
demo-ostsee-hotels | Ostsee Hotels GmbH, Rostock (Demo) | MV | 13003 | Am Strande 3 | 18055 | Rostock | Amtsgericht Rostock: HRB 15001 | 50-249 | 9 10 10
demo-werft-wismar | Werft Technik Wismar GmbH (Demo) | MV | 13074 | Am Alten Hafen 9 | 23966 | Wismar | Amtsgericht Schwerin: HRB 16001 | 250+ | 12 15 5 11
demo-elbe-bau | Elbe Bau GmbH, Magdeburg (Demo) | ST | 15003 | Otto-von-Guericke-Straße 50 | 39104 | Magdeburg | Amtsgericht Stendal: HRB 27001 | 50-249 | 11 6 5
demo-klinikum-halle | Stadtklinikum Halle (Saale) (Demo) | ST | 15002 | Ernst-Grube-Straße 40 | 06120 | Halle (Saale) | public-hospital | 250+ | 2 3 4
demo-metallbau-erfurt | Thüringer Metallbau GmbH, Erfurt (Demo) | TH | 16051 | Stauffenbergallee 5 | 99085 | Erfurt | Amtsgericht Jena: HRB 50001 | 10-49 | 12 6 7
demo-optik-jena | Saale Optik Software GmbH, Jena (Demo) | TH | 16053 | Carl-Zeiss-Platz 3 | 07743 | Jena | Amtsgericht Jena: HRB 50002 | 50-249 | 0 15 1
`;

export const DEMO_EMPLOYERS: readonly DemoEmployer[] = EMPLOYER_TABLE.trim()
  .split('\n')
  .map((line) => {
    const [
      slug = '',
      name = '',
      state = '',
      districtAgs = '',
      street = '',
      postcode = '',
      town = '',
      reg = '',
    ] = line.split('|').map((c) => c.trim());
    const [size = '', jobs = ''] = line
      .split('|')
      .slice(8)
      .map((c) => c.trim());
    const [court, number] = reg.split(': ');
    return {
      ...{ slug, name, state, districtAgs, street, postcode, town },
      register: number ? { court: court ?? '', number } : { publicKind: reg as 'public-hospital' },
      sizeBand: size as DemoEmployer['sizeBand'],
      jobs: jobs.split(' ').map(Number),
    };
  });

/** The demo's care service in Leipzig (identity demo) advertises care jobs too. */
export const CARE_LEIPZIG_JOBS: readonly number[] = [2, 3, 14];

export const STATE_NAMES: Record<string, string> = {
  BE: 'Berlin',
  BB: 'Brandenburg',
  MV: 'Mecklenburg-Vorpommern',
  SN: 'Sachsen',
  ST: 'Sachsen-Anhalt',
  TH: 'Thüringen',
};
