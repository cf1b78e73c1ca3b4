import type { LocalizedPath } from '../../web/paths.ts';

/** The identity pages in each language. */
export const IDENTITY_PATHS = {
  signIn: { de: '/anmelden', en: '/sign-in' },
  secondFactor: { de: '/anmelden/zweiter-faktor', en: '/sign-in/second-factor' },
  signOut: { de: '/abmelden', en: '/sign-out' },
  account: { de: '/konto', en: '/account' },
  sessions: { de: '/konto/sitzungen', en: '/account/sessions' },
  accessLog: { de: '/konto/zugriffe', en: '/account/access-log' },
  data: { de: '/konto/daten', en: '/account/data' },
  outbox: { de: '/verwaltung/postausgang', en: '/admin/outbox' },
  forgotPassword: { de: '/passwort-vergessen', en: '/forgot-password' },
  newPassword: { de: '/passwort-neu', en: '/new-password' },
  unlock: { de: '/konto-entsperren', en: '/unlock-account' },
  verifyEmail: { de: '/konto/email-bestaetigen', en: '/account/verify-email' },
  register: { de: '/registrieren', en: '/register' },
  password: { de: '/konto/passwort', en: '/account/password' },
  consents: { de: '/konto/einwilligungen', en: '/account/consents' },
  consentsWithdraw: { de: '/konto/einwilligungen/widerrufen', en: '/account/consents/withdraw' },
  erasure: { de: '/konto/loeschung', en: '/account/erasure' },
  organisations: { de: '/verwaltung/organisationen', en: '/admin/organisations' },
  organisationsInvite: { de: '/verwaltung/organisationen/einladen', en: '/admin/organisations/invite' },
  organisationsRevoke: { de: '/verwaltung/organisationen/entziehen', en: '/admin/organisations/revoke' },
  organisationsNew: { de: '/verwaltung/organisationen/neu', en: '/admin/organisations/new' },
  organisationJurisdiction: {
    de: '/verwaltung/organisationen/:id/zustaendigkeit',
    en: '/admin/organisations/:id/jurisdiction',
  },
  apiTokens: {
    de: '/verwaltung/organisationen/:id/api-schluessel',
    en: '/admin/organisations/:id/api-tokens',
  },
  apiTokensNew: {
    de: '/verwaltung/organisationen/:id/api-schluessel/neu',
    en: '/admin/organisations/:id/api-tokens/new',
  },
  apiTokenRevoke: {
    de: '/verwaltung/organisationen/:id/api-schluessel/:tokenId/widerrufen',
    en: '/admin/organisations/:id/api-tokens/:tokenId/revoke',
  },
  webhooks: {
    de: '/verwaltung/organisationen/:id/webhooks',
    en: '/admin/organisations/:id/webhooks',
  },
  webhooksNew: {
    de: '/verwaltung/organisationen/:id/webhooks/neu',
    en: '/admin/organisations/:id/webhooks/new',
  },
  webhook: {
    de: '/verwaltung/organisationen/:id/webhooks/:hookId',
    en: '/admin/organisations/:id/webhooks/:hookId',
  },
  webhookSwitch: {
    de: '/verwaltung/organisationen/:id/webhooks/:hookId/schalten',
    en: '/admin/organisations/:id/webhooks/:hookId/switch',
  },
  webhookDelete: {
    de: '/verwaltung/organisationen/:id/webhooks/:hookId/loeschen',
    en: '/admin/organisations/:id/webhooks/:hookId/delete',
  },
  webhookRedeliver: {
    de: '/verwaltung/organisationen/:id/webhooks/:hookId/zustellungen/:deliveryId/erneut',
    en: '/admin/organisations/:id/webhooks/:hookId/deliveries/:deliveryId/redeliver',
  },
  endSessions: { de: '/verwaltung/sitzungen-beenden', en: '/admin/end-sessions' },
  passkeys: { de: '/konto/passkeys', en: '/account/passkeys' },
  passkeysRemove: { de: '/konto/passkeys/entfernen', en: '/account/passkeys/remove' },
  email: { de: '/konto/email', en: '/account/email' },
  emailConfirm: { de: '/konto/neue-email-bestaetigen', en: '/account/confirm-new-email' },
  erasureRequests: { de: '/verwaltung/loeschantraege', en: '/admin/erasure-requests' },
} as const satisfies Record<string, LocalizedPath>;
