/**
 * The part of THE policy table (policy-table.ts) for back-office interoperability (issue 20): API tokens, webhooks
 * and XAusländer messages, kept in their own file so that each stays readable; policy-table.ts spreads it into
 * `POLICY`.
 */
import { WEBHOOK_RULES } from './policy-table-states.ts';

export const INTEROP_RULES = {
  /** An organisation's API tokens (issue 20): managed by those who invite its members (`role-assignment`). */
  'api-token': {
    create: { administrator: ['own-organisation', 'other'], 'employer-admin': ['own-organisation'] },
    read: { administrator: ['own-organisation', 'other'], 'employer-admin': ['own-organisation'] },
    revoke: { administrator: ['own-organisation', 'other'], 'employer-admin': ['own-organisation'] },
  },
  /**
   * An organisation's webhook subscriptions and their delivery log (issue 20): the platform's administrators for
   * every organisation, the officers of a service authority for their own (authorities have no admin role).
   */
  webhook: { create: WEBHOOK_RULES, read: WEBHOOK_RULES, update: WEBHOOK_RULES, delete: WEBHOOK_RULES },
  /**
   * XAusländer messages of a journey's § 81a procedure (issue 20): the caseworkers of the foreigners' office that
   * owns the journey's § 81a step download message 130401 (`export`) and bring in its answers (`create`). The
   * object check is the step's (`journey-step` × update): another office gets 404, like any journey out of reach.
   */
  'xauslaender-message': {
    export: { 'foreigners-office-caseworker': ['own-organisation'] },
    create: { 'foreigners-office-caseworker': ['own-organisation'] },
  },
} as const;
