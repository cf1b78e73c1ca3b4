import type { FeaturePlugin } from '../../app-deps.ts';

// The public surface of this feature: what other features and the composition root may use.
export {
  AccountError,
  createOrganisation,
  createUser,
  grantRole,
  type NewOrganisation,
} from './accounts/service.ts';
export { Checkbox, ChoiceFieldset } from './admin/organisation-form.tsx';
export { organisationsOfBodies, withUntakenBodies } from './admin/registry-bodies.ts';
export { findOrInvitePerson } from './admin/service.ts';
export { href as identityHref } from './admin/views.tsx';
export { createAfterAnswer } from './after-answer.ts';
export { grantConsent } from './consent/service.ts';
export { totpFor } from './credentials.ts';
export type { IdentityDeps } from './deps.ts';
export {
  authorizeOrganisation,
  type CookieNames,
  cookieNames,
  createAccessControl,
  requireActor,
} from './http.ts';
export { IDENTITY_PATHS } from './paths.ts';

/** Accounts, sign-in, sessions, passkeys, OIDC, consent and administration, as an encapsulated feature plugin (ADR 0015). */
export const identityPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerIdentity } = await import('./routes.ts');
  registerIdentity(app, deps, services);
};
