/** Example of the self-check API for the OpenAPI document: an invented person's facts and the answer (shortened). */
import { withExample } from '../../platform/http/route-schema.ts';
import { evaluateRequest } from './input.ts';

export const evaluateBody = withExample(evaluateRequest, {
  date: '2026-12-01',
  person: {
    birthDate: '1994-05-14',
    citizenship: 'IN',
    location: 'abroad',
    qualification: { kind: 'vocational', recognitionInGermany: 'equivalent' },
    languages: { german: 'B1' },
  },
  job: { isco08: '3221', annualSalaryEur: 43_000, qualified: true, matchesQualification: true },
});

export const EVALUATED = {
  date: '2026-12-01',
  pathways: [
    {
      id: 'aufenthg-18a',
      title: 'Skilled workers with vocational training (Section 18a Residence Act)',
      citation: '§ 18a AufenthG',
      outcome: 'needs-review',
      variant: null,
      baApproval: true,
      points: null,
      criteria: [
        {
          id: 'fachkraft',
          status: 'met',
          citation: '§ 18 Abs. 3 Nr. 1 AufenthG',
          value: null,
          threshold: null,
          verified: true,
          message: 'Your vocational qualification is recognised as equivalent in Germany.',
        },
        {
          id: 'regulated-permit',
          status: 'unknown',
          citation: '§ 18 Abs. 2 Nr. 3 AufenthG',
          value: null,
          threshold: null,
          verified: true,
          message: 'We do not know yet whether your profession needs a permit to practise.',
        },
      ],
      nextSteps: ['Apply for the permit to practise your profession.'],
    },
  ],
  procedures: {
    'aufenthg-81a': {
      available: true,
      title: 'Fast-track procedure for skilled workers (Section 81a Residence Act)',
      fee: 411,
    },
  },
  settlement: {
    applicable: false,
    title: 'Settlement permit (Section 18c Residence Act)',
    route: null,
    status: null,
    earliestDate: null,
    criteria: [],
  },
  family: {},
  parameters: {
    'age-45.salary': { id: 'age-45.salary', value: 55_770, unit: 'EUR/year', validFrom: '2026-01-01' },
  },
};
