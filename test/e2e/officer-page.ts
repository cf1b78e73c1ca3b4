import type { BrowserContext, Page } from 'playwright-core';
import type { Role } from '../../src/domain/access/roles.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../support/identity.ts';
import type { Harness } from './harness.ts';

/**
 * A page without JavaScript signed in as the person in `role`; its context is added to `contexts` (the test closes
 * them at the end).
 */
export async function signedInPage(
  h: Harness,
  contexts: BrowserContext[],
  personId: string,
  role: Role = 'ministry-officer',
): Promise<Page> {
  const s = await sessionFor(h.app, h.testApp.database.db, personId, role);
  const context = await h.axeContext(false);
  contexts.push(context);
  await context.addCookies(
    s.cookie.split('; ').map((c) => {
      const i = c.indexOf('=');
      return { name: c.slice(0, i), value: c.slice(i + 1), url: h.base };
    }),
  );
  return context.newPage();
}

/** A page signed in as a new ministry officer of a new ministry of `state` (slug `<prefix>-<state>`). */
export async function ministryOfficerPage(
  h: Harness,
  contexts: BrowserContext[],
  state: string,
  prefix: string,
): Promise<Page> {
  const db = h.testApp.database.db;
  const slug = `${prefix}-${state.toLowerCase()}`;
  await makeOrganisation(db, {
    slug,
    name: `Ministerium ${state} Axe`,
    kind: 'state-ministry',
    jurisdictions: [{ scope: 'state', stateCode: state }],
  });
  const officer = await makeAccount(db, 'ministry-officer', slug);
  return signedInPage(h, contexts, officer.personId);
}
