/**
 * The part of THE policy table (policy-table.ts) for joint virtual job fairs (issue 16, V4): kept in its own file
 * so that each stays readable; policy-table.ts spreads it into `POLICY`.
 */
import { OWN } from './policy-rules.ts';
import type { PolicyTable } from './policy-table.ts';

const EMPLOYER_PEOPLE = {
  'employer-admin': ['own-organisation'],
  'employer-member': ['own-organisation'],
} as const;

export const FAIR_RULES = {
  /**
   * A joint fair: an officer of a state creates it for their own state (within-jurisdiction) and names other
   * states as co-organisers; the officers of an organising state (within-jurisdiction) change it, approve
   * exhibitors and add sessions; every state's officers read it (other). The public fair page reads nothing personal.
   */
  fair: {
    read: { 'ministry-officer': ['within-jurisdiction', 'other'] },
    create: { 'ministry-officer': ['within-jurisdiction'] },
    update: { 'ministry-officer': ['within-jurisdiction'] },
  },
  /** A co-organising state's agreement to a fair: only the officers of that state answer for it. */
  'fair-agreement': { update: { 'ministry-officer': ['within-jurisdiction'] } },
  /**
   * An employer's place at a fair: its administrators and members apply and publish meeting slots (own
   * organisation); the officers of an organising state read the applications and approve or refuse them.
   */
  'fair-exhibitor': {
    create: EMPLOYER_PEOPLE,
    read: { ...EMPLOYER_PEOPLE, 'ministry-officer': ['within-jurisdiction'] },
    update: { ...EMPLOYER_PEOPLE, 'ministry-officer': ['within-jurisdiction'] },
  },
  /**
   * An applicant's registration for a fair and their 1:1 bookings: the applicant registers, books and reads their
   * own; the exhibitor's people read who booked them (name and email, which the applicant is told when booking),
   * record attendance and the outcome, and hand an offer over into a journey.
   */
  'fair-booking': {
    create: { applicant: OWN },
    read: { applicant: OWN, ...EMPLOYER_PEOPLE },
    update: EMPLOYER_PEOPLE,
  },
  /** The figures of a fair (counts only, small counts suppressed): the officers of every state, page and CSV. */
  'fair-figures': {
    read: { 'ministry-officer': ['within-jurisdiction', 'other'] },
    export: { 'ministry-officer': ['within-jurisdiction', 'other'] },
  },
} satisfies Partial<PolicyTable>;
