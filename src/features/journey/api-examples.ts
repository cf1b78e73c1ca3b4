/**
 * Examples of the journey API for the OpenAPI document and the reference page (issue 20): invented people and
 * identifiers, nobody's data. The bodies are checked against their schemas (openapi-examples.int.test.ts).
 */
import { withExample } from '../../platform/http/route-schema.ts';
import { commandSchema, familyMemberSchema, openSchema } from './input.ts';

const JOURNEY_ID = '3f1c2a9e-5b7d-4c1e-9a2b-7d8e6f5a4b3c';
const APPLICANT_ID = '8a6b4c2d-1e3f-4a5b-8c7d-9e0f1a2b3c4d';
const AUTHORITY_ID = '5c4b3a29-1807-4f6e-9d5c-4b3a29180706';

export const openBody = withExample(openSchema, {
  facts: {
    pathway: 'aufenthg-18a',
    qualification: { kind: 'vocational', regulation: 'federal' },
    employerUses81a: false,
    location: 'abroad',
  },
  occupation: 'Pflegefachfrau',
  place: { stateCode: 'SN', districtAgs: '14626', countryCode: 'IN' },
});

export const familyMemberBody = withExample(familyMemberSchema, {
  relationship: 'spouse',
  name: 'Mira Beispiel',
  birthDate: '1992-04-18',
  travel: 'with-principal',
  email: 'mira.beispiel@example.org',
});

export const commandBody = withExample(commandSchema, { type: 'submit', step: 'recognition' });

export const OPENED = {
  journeyId: JOURNEY_ID,
  version: 3,
  events: ['journey-opened', 'step-planned', 'owner-assigned'],
};

export const LISTED = {
  journeys: [
    {
      id: JOURNEY_ID,
      applicantId: APPLICANT_ID,
      applicantName: 'Ana Beispiel',
      pathway: 'aufenthg-18a',
      occupation: 'Pflegefachfrau',
      targetStateCode: 'SN',
      status: 'open',
      updatedAt: '2026-11-02T09:15:00.000Z',
    },
  ],
};

export const COMMANDED = {
  journeyId: JOURNEY_ID,
  version: 5,
  events: ['step-submitted', 'deadline-started'],
};

export const JOURNEY = {
  id: JOURNEY_ID,
  applicantId: APPLICANT_ID,
  linkedTo: null,
  status: 'open',
  version: 5,
  pathway: 'aufenthg-18a',
  occupation: 'Pflegefachfrau',
  place: { stateCode: 'SN', districtAgs: '14626', countryCode: 'IN' },
  facts: {
    pathway: 'aufenthg-18a',
    location: 'abroad',
    qualification: { kind: 'vocational', regulation: 'federal' },
    employerUses81a: false,
  },
  employer: null,
  openedAt: '2026-11-02T09:15:00.000Z',
  steps: [
    {
      kind: 'recognition',
      required: true,
      status: 'submitted',
      outcome: null,
      owner: { id: AUTHORITY_ID, name: 'Anerkennungsstelle Beispielland', kind: 'recognition-authority' },
      ownerRole: 'recognition-officer',
      dueAt: '2026-12-02',
      effectiveDueAt: '2026-12-02',
      pausedSince: null,
      deadlineStatus: 'on-time',
      missing: [],
      documents: [],
    },
  ],
};

export const QUEUE = {
  total: 1,
  totalIsLowerBound: false,
  limit: 50,
  offset: 0,
  items: [
    {
      journeyId: JOURNEY_ID,
      kind: 'recognition',
      status: 'submitted',
      dueAt: '2026-12-02',
      pausedSince: null,
      ownerId: AUTHORITY_ID,
      applicantName: 'Ana Beispiel',
      pathway: 'aufenthg-18a',
      effectiveDueAt: '2026-12-02',
      deadline: 'on-time',
      overdue: false,
    },
  ],
  onTime: [
    {
      organisationId: AUTHORITY_ID,
      name: 'Anerkennungsstelle Beispielland',
      closedOnTime: 41,
      closedLate: 3,
      runningBreached: 1,
      total: 45,
      rate: 0.91,
    },
  ],
};
