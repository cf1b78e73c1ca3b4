/**
 * Test support for the journey: organisations for one whole way (Saxony, district of Görlitz, applying from
 * India), one signed-in browser per party, and helpers to open journeys and send commands through the API.
 */
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/domain/access/roles.ts';
import type { NewOrganisation } from '../../src/features/identity/accounts/service.ts';
import type { Database } from '../../src/platform/db/client.ts';

export const WAY_ORGANISATIONS: readonly NewOrganisation[] = [
  {
    slug: 'jt-employer',
    name: 'Pflegeheim Neiße GmbH',
    kind: 'employer',
    seat: { stateCode: 'SN', districtAgs: '14626' },
    jurisdictions: [],
  },
  {
    slug: 'jt-other-employer',
    name: 'Andere GmbH',
    kind: 'employer',
    jurisdictions: [],
  },
  {
    slug: 'jt-centre',
    name: 'Beratung Sachsen',
    kind: 'counselling-centre',
    jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
  },
  {
    slug: 'jt-recognition',
    name: 'Anerkennungsstelle Sachsen',
    kind: 'recognition-authority',
    jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
    // The registry's authority for nurses in Saxony: the whole way's occupation is "Pflegefachfrau".
    registryBodies: [{ table: 'recognition-authority', id: 'SN:nurse' }],
  },
  {
    slug: 'jt-recognition-th',
    name: 'Anerkennungsstelle Thüringen',
    kind: 'recognition-authority',
    jurisdictions: [{ scope: 'state', stateCode: 'TH' }],
    registryBodies: [{ table: 'recognition-authority', id: 'TH:nurse' }],
  },
  {
    slug: 'jt-zab',
    name: 'Zentrale Ausländerbehörde Sachsen',
    kind: 'central-foreigners-office',
    jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
  },
  {
    slug: 'jt-abh',
    name: 'Ausländerbehörde Görlitz',
    kind: 'foreigners-office',
    jurisdictions: [{ scope: 'district', ags: '14626' }],
  },
  {
    slug: 'jt-mission',
    name: 'Botschaft New Delhi',
    kind: 'mission',
    jurisdictions: [{ scope: 'country', countryCode: 'IN' }],
  },
  { slug: 'jt-ba', name: 'ZAV', kind: 'employment-agency', jurisdictions: [{ scope: 'nationwide' }] },
  {
    slug: 'jt-ministry',
    name: 'Ministerium',
    kind: 'state-ministry',
    jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
  },
  { slug: 'jt-operator', name: 'Betrieb', kind: 'operator', jurisdictions: [{ scope: 'nationwide' }] },
];

export const WAY_ROLES: readonly { name: string; role: Role; org?: string }[] = [
  { name: 'applicant', role: 'applicant' },
  { name: 'stranger', role: 'applicant' },
  { name: 'employer', role: 'employer-admin', org: 'jt-employer' },
  { name: 'other-employer', role: 'employer-member', org: 'jt-other-employer' },
  { name: 'counsellor', role: 'counsellor', org: 'jt-centre' },
  { name: 'recognition', role: 'recognition-officer', org: 'jt-recognition' },
  { name: 'recognition-th', role: 'recognition-officer', org: 'jt-recognition-th' },
  { name: 'zab', role: 'foreigners-office-caseworker', org: 'jt-zab' },
  { name: 'abh', role: 'foreigners-office-caseworker', org: 'jt-abh' },
  { name: 'mission', role: 'mission-officer', org: 'jt-mission' },
  { name: 'ba', role: 'employment-agency-officer', org: 'jt-ba' },
  { name: 'family', role: 'family-member' },
  { name: 'ministry', role: 'ministry-officer', org: 'jt-ministry' },
  { name: 'admin', role: 'administrator', org: 'jt-operator' },
];

export const OPEN_BODY = {
  facts: {
    pathway: 'aufenthg-18a',
    qualification: { kind: 'vocational', regulation: 'federal' },
    employerUses81a: false,
    location: 'abroad',
  },
  occupation: 'Pflegefachfrau',
  place: { stateCode: 'SN', districtAgs: '14626', countryCode: 'IN' },
} as const;

export interface Browser {
  personId: string;
  cookie: string;
  csrfToken: string;
  organisationId: string | null;
}

export function apiClient(app: FastifyInstance) {
  const send = async (
    b: Browser,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url,
      headers: {
        cookie: b.cookie,
        ...(method === 'GET' ? {} : { 'x-csrf-token': b.csrfToken }),
        ...headers,
      },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  return {
    send,
    open: (b: Browser, body: unknown = OPEN_BODY, key?: string) =>
      send(b, 'POST', '/api/v1/journeys', body, key ? { 'idempotency-key': key } : {}),
    command: (b: Browser, id: string, body: unknown, key?: string) =>
      send(b, 'POST', `/api/v1/journeys/${id}/commands`, body, key ? { 'idempotency-key': key } : {}),
    get: (b: Browser, id: string) => send(b, 'GET', `/api/v1/journeys/${id}`),
  };
}

/** A party's browser without JavaScript: GET a page, POST a form (urlencoded, with the CSRF token). */
export function pageClient(app: FastifyInstance, b: (name: string) => Browser) {
  return {
    get: (who: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: b(who).cookie } }),
    /** A field with several values (checkboxes) is sent once per value. */
    form: (who: string, url: string, fields: Record<string, string | readonly string[]>) =>
      app.inject({
        method: 'POST',
        url,
        headers: { cookie: b(who).cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams([
          ['_csrf', b(who).csrfToken],
          ...Object.entries(fields).flatMap(([k, v]) => [v].flat().map((x): [string, string] => [k, x])),
        ]).toString(),
      }),
  };
}

/** Organisation ids by slug after `setUpWay`. */
export type WayOrganisations = Record<string, string>;

export async function setUpWay(
  app: FastifyInstance,
  db: Database,
  helpers: {
    makeOrganisation: (db: Database, org: NewOrganisation) => Promise<string>;
    makeAccount: (db: Database, role: Role, org?: string) => Promise<{ personId: string }>;
    sessionFor: (
      app: FastifyInstance,
      db: Database,
      personId: string,
      role: Role,
    ) => Promise<{ cookie: string; csrfToken: string }>;
  },
) {
  const orgs: WayOrganisations = {};
  for (const o of WAY_ORGANISATIONS) orgs[o.slug] = await helpers.makeOrganisation(db, o);
  const browsers: Record<string, Browser> = {};
  for (const r of WAY_ROLES) {
    const account = await helpers.makeAccount(db, r.role, r.org);
    const s = await helpers.sessionFor(app, db, account.personId, r.role);
    browsers[r.name] = {
      personId: account.personId,
      cookie: s.cookie,
      csrfToken: s.csrfToken,
      organisationId: r.org ? (orgs[r.org] ?? null) : null,
    };
  }
  const b = (name: string): Browser => {
    const x = browsers[name];
    if (!x) throw new Error(`no browser ${name}`);
    return x;
  };
  return { orgs, b };
}
