/**
 * The demo's activity register (issue 17): a year of activities of all six states with overlaps that look real —
 * Saxony and Thuringia both recruiting nurses in Vietnam, Brandenburg and Saxony-Anhalt both after IT people in
 * India, a virtual fair of all states. Titles, budgets, people and addresses are invented; the same every run.
 * A state without a demo ministry gets one (no accounts: Saxony's demo officer sees the others' entries).
 */
import { count } from 'drizzle-orm';
import type { ActivityKind, ActivityStatus } from '../domain/workspace/activity.ts';
import { stateActivity } from '../features/activities/index.ts';
import { createOrganisation } from '../features/identity/index.ts';
import { findOrganisationBySlug } from '../features/people/index.ts';
import type { DbOrTx } from '../platform/db/client.ts';

const MINISTRIES = [
  {
    code: 'BE',
    slug: 'demo-ministerium-berlin',
    name: 'Senatsverwaltung Berlin für Arbeit (Demo)',
    ags: '11000',
  },
  {
    code: 'BB',
    slug: 'demo-ministerium-brandenburg',
    name: 'Ministerium Brandenburg für Arbeit (Demo)',
    ags: '12054',
  },
  {
    code: 'MV',
    slug: 'demo-ministerium-mv',
    name: 'Ministerium Mecklenburg-Vorpommern für Arbeit (Demo)',
    ags: '13004',
  },
  {
    code: 'SN',
    slug: 'demo-ministerium-sachsen',
    name: 'Sächsisches Staatsministerium für Wirtschaft und Arbeit (Demo)',
    ags: '14612',
  },
  {
    code: 'ST',
    slug: 'demo-ministerium-sachsen-anhalt',
    name: 'Ministerium Sachsen-Anhalt für Arbeit (Demo)',
    ags: '15003',
  },
  {
    code: 'TH',
    slug: 'demo-ministerium-thueringen',
    name: 'Ministerium Thüringen für Arbeit (Demo)',
    ags: '16051',
  },
] as const;

const CONTACTS: Record<string, [string, string, string]> = {
  BE: ['Miriam Schäfer', 'miriam.schaefer@senat-berlin.example', '+49 30 9013 0'],
  BB: ['Tobias Lange', 'tobias.lange@mwae-brandenburg.example', '+49 331 866 0'],
  MV: ['Katrin Möller', 'katrin.moeller@wm-mv.example', '+49 385 588 0'],
  SN: ['Andrea Wolf', 'andrea.wolf@smwa-sachsen.example', '+49 351 564 0'],
  ST: ['Stefan Richter', 'stefan.richter@mw-sachsen-anhalt.example', '+49 391 567 0'],
  TH: ['Jens Keller', 'jens.keller@tmasgff-thueringen.example', '+49 361 573 0'],
};

/**
 * State | kind | title | countries | occupations (KldB) | start | end | budget in euros | status | public or internal.
 */
const ACTIVITIES = `
SN | recruitment-project   | Pflegefachkräfte aus Vietnam                         | VN       | 81302 82102 | 2026-01-15 | 2026-12-31 | 480000 | running  | public
SN | fair                  | Ausbildungsmesse Hanoi                               | VN       |             | 2026-10-05 | 2026-10-07 | 60000  | finished | internal
SN | recruitment-project   | Berufskraftfahrer aus Usbekistan                     | UZ       | 52122       | 2026-04-01 | 2027-03-31 | 210000 | running  | internal
SN | fair                  | Fachkräfte-Reise Indien 2027                         | IN       | 26112       | 2027-02-10 | 2027-02-14 | 45000  | planned  | internal
TH | recruitment-project   | Thüringer Pflegeoffensive Vietnam                    | VN       | 81302       | 2026-03-01 | 2027-02-28 | 390000 | running  | public
TH | partnership           | Pflegepartnerschaft mit Kerala                       | IN       | 81302       | 2026-06-01 | 2027-05-31 | 150000 | running  | internal
TH | campaign              | Handwerk in Thüringen: Marokko                       | MA       | 26212 32122 | 2026-09-01 | 2026-12-31 | 80000  | running  | public
TH | partnership           | Mechatronik-Partnerschaft Pune                       | IN       | 26112       | 2027-01-01 | 2027-12-31 | 120000 | planned  | internal
BB | recruitment-project   | IT-Fachkräfte aus Indien                             | IN       | 43414 43104 | 2026-02-01 | 2026-12-31 | 320000 | running  | public
BB | counselling-programme | Beratung für Pflegekräfte von den Philippinen        | PH       | 81302       | 2026-01-01 | 2026-06-30 | 95000  | finished | internal
ST | recruitment-project   | Digitalstandort Sachsen-Anhalt: Talente aus Indien   | IN       | 43414       | 2026-05-01 | 2027-04-30 | 260000 | running  | public
ST | partnership           | Kochausbildung mit Vietnam                           | VN       | 29302       | 2026-08-01 | 2027-07-31 | 70000  | running  | internal
MV | campaign              | Gastgewerbe an der Küste: Philippinen                | PH       | 63222 29302 | 2026-03-01 | 2026-10-31 | 110000 | finished | public
MV | recruitment-project   | Ärztinnen und Ärzte aus Tunesien                     | TN       | 81404       | 2026-07-01 | 2027-06-30 | 180000 | running  | internal
BE | campaign              | Berlin Tech Talent: Brasilien und Indien             | BR IN    | 43414       | 2026-04-15 | 2026-11-30 | 240000 | finished | public
BE | recruitment-project   | Erzieherinnen und Erzieher aus Spanien               | ES       | 83113       | 2026-02-01 | 2026-12-31 | 130000 | running  | internal
BE | fair                  | Virtuelle Jobmesse Ost                               | IN VN PH |             | 2026-11-18 | 2026-11-19 | 90000  | finished | public
`;

const words = (s: string) => s.split(' ').filter(Boolean);

/** The table's rows as values of the register (without state ministry). */
function demoRows() {
  return ACTIVITIES.trim()
    .split('\n')
    .map((line) => {
      const [code, kind, title, countries, occupations, start, end, euros, status, visibility] = line
        .split('|')
        .map((c) => c.trim()) as [
        string,
        ActivityKind,
        string,
        string,
        string,
        string,
        string,
        string,
        ActivityStatus,
        string,
      ];
      return { code, kind, title, countries, occupations, start, end, euros, status, visibility };
    });
}

/** Adds the demo activities once (nothing when the register has entries); returns how many were made. */
export async function seedActivityDemo(tx: DbOrTx, now: Date): Promise<number> {
  const [existing] = await tx.select({ n: count() }).from(stateActivity);
  if ((existing?.n ?? 0) > 0) return 0;
  const ministry = new Map<string, string>();
  for (const m of MINISTRIES) {
    const found = await findOrganisationBySlug(tx, m.slug);
    const id =
      found?.id ??
      (await createOrganisation(
        tx,
        {
          slug: m.slug,
          name: m.name,
          kind: 'state-ministry',
          seat: { stateCode: m.code, districtAgs: m.ags },
          jurisdictions: [{ scope: 'state', stateCode: m.code }],
        },
        now,
        null,
      ));
    ministry.set(m.code, id);
  }
  const rows = demoRows().flatMap((r) => {
    const organisationId = ministry.get(r.code);
    const [name, email, phone] = CONTACTS[r.code] ?? ['', '', ''];
    if (!organisationId) return [];
    return [
      {
        stateCode: r.code,
        organisationId,
        kind: r.kind,
        title: r.title,
        description: '',
        countries: words(r.countries).sort(),
        occupations: words(r.occupations).sort(),
        periodStart: r.start,
        periodEnd: r.end,
        budgetCents: Number(r.euros) * 100,
        fundingSource: 'Landeshaushalt (Demo)',
        contactName: name,
        contactEmail: email,
        contactPhone: phone,
        status: r.status,
        outcomes: r.status === 'finished' ? 'Abgeschlossen; Auswertung folgt (Demo).' : '',
        isPublic: r.visibility === 'public',
        createdAt: now,
        updatedAt: now,
      },
    ];
  });
  if (rows.length > 0) await tx.insert(stateActivity).values(rows);
  return rows.length;
}
