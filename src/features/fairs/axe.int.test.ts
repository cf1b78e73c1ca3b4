import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import {
  checkPage,
  type Harness,
  pageWithCookies,
  SKIP_REASON,
  startHarness,
} from '../../../test/e2e/harness.ts';
import { sessionFor } from '../../../test/support/identity.ts';
import type { Role } from '../../domain/access/roles.ts';
import { seedFairsDemo } from '../../seed/fairs-demo.ts';
import { DEMO_DOMAIN, seedDemo } from '../../seed/identity-demo.ts';
import { seedJobsDemo } from '../../seed/jobs-demo.ts';
import { seedTalentPoolDemo } from '../../seed/talent-pool-demo.ts';
import { findOrganisationBySlug, person } from '../people/index.ts';
import { fair } from './schema.ts';

/** The fair pages with the demo's data, in a browser without JavaScript: axe-clean, no sideways scrolling at 390 px. */
describe('job fair pages in the browser', { skip: SKIP_REASON }, () => {
  let h: Harness;
  const contexts: BrowserContext[] = [];

  async function demo(local: string, role: Role): Promise<Page> {
    const db = h.testApp.database.db;
    const [p] = await db
      .select({ id: person.id })
      .from(person)
      .where(eq(person.email, `${local}@${DEMO_DOMAIN}`));
    assert.ok(p, local);
    const s = await sessionFor(h.app, db, p.id, role);
    return pageWithCookies(h, s.cookie, contexts);
  }

  before(async () => {
    h = await startHarness();
    const db = h.testApp.database.db;
    const now = new Date();
    await seedDemo(db, 'test', now);
    await seedJobsDemo(db, now);
    await seedTalentPoolDemo(db, now);
    await seedFairsDemo(db, now);
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await h?.close();
  });

  it('shows the demo fairs to everyone, the applicant, the exhibitor and the organisers, every page clean', async () => {
    const db = h.testApp.database.db;
    const fairs = await db.select().from(fair).orderBy(fair.startsOn);
    const [past, soon] = fairs;
    assert.ok(past && soon);
    const context = await h.axeContext(false);
    contexts.push(context);
    const visitor = await context.newPage();
    for (const path of ['/en/job-fairs', `/en/job-fairs/${soon.id}`, `/de/jobmessen/${past.id}`]) {
      await visitor.goto(`${h.base}${path}`);
      await checkPage(visitor, `fairs-visitor${path.replaceAll('/', '-')}`, false);
    }
    const priya = await demo('antragstellerin', 'applicant');
    await priya.goto(`${h.base}/en/job-fairs/${soon.id}/registration`);
    assert.match(await priya.content(), /Your conversations/);
    await checkPage(priya, 'fairs-priya', false);
    const leipzig = await findOrganisationBySlug(db, 'demo-pflege-leipzig');
    const katrin = await demo('arbeitgeber-admin', 'employer-admin');
    for (const f of [soon, past]) {
      await katrin.goto(`${h.base}/en/job-fairs/${f.id}/stand/${leipzig?.id}`);
      await checkPage(katrin, `fairs-stand-${f.id}`, false);
    }
    const andrea = await demo('ministerium', 'ministry-officer');
    for (const path of [
      '/de/jobmessen',
      `/de/jobmessen/${soon.id}/organisation`,
      `/en/job-fairs/${past.id}/figures`,
    ]) {
      await andrea.goto(`${h.base}${path}`);
      await checkPage(andrea, `fairs-officer${path.replaceAll('/', '-')}`, false);
    }
  });
});
