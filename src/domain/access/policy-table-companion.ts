/**
 * The part of THE policy table (policy-table.ts) for the § 104c companion's employer confirmation and statistics
 * (issue 18): kept in its own file so that each stays readable; policy-table.ts spreads it into `POLICY`.
 */
import { OWN } from './policy-rules.ts';

const EMPLOYER_STAFF = ['shared-by-consent'] as const;

export const COMPANION_RULES = {
  /**
   * A holder's consent that one employer may confirm their employment, and that employer's confirmation
   * (livelihood evidence). The holder grants, withdraws and reads their own; the employer's people read and
   * confirm while the consent names their organisation and is not withdrawn.
   */
  'companion-employment': {
    grant: { applicant: OWN },
    withdraw: { applicant: OWN },
    read: {
      applicant: OWN,
      'employer-admin': [...EMPLOYER_STAFF],
      'employer-member': [...EMPLOYER_STAFF],
    },
    update: { 'employer-admin': [...EMPLOYER_STAFF], 'employer-member': [...EMPLOYER_STAFF] },
  },
  /**
   * The companion statistics per state and district (issue 18): aggregate counts under the disclosure rule, no
   * personal data. Every ministry officer reads the comparison of the six states; the district table only for
   * the officer's own state (the page checks the jurisdiction). The municipalities read it through their
   * foreigners' offices: a caseworker sees the comparison and the district table of the office's state.
   */
  'companion-statistics': {
    read: {
      'ministry-officer': ['within-jurisdiction', 'other'],
      'foreigners-office-caseworker': ['within-jurisdiction', 'other'],
    },
  },
} as const;
