import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { actorOf, clockedJourneys } from '../../../test/support/clocked-journeys.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { type Browser, OPEN_BODY, setUpWay } from '../../../test/support/journey.ts';
import { momentOf } from '../../domain/journey/index.ts';
import { listDistricts, STATE_CODES } from '../regions/index.ts';
import { computeWaitingTimes } from './waiting.ts';
import { overloadMap, readMapPlaces } from './waiting-map.ts';

/** The overload map on the reference districts and the way's organisations (test/support/journey.ts). */
describe('the overload map of districts and missions', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  let orgs: Record<string, string>;

  before(async () => {
    t = await buildTestApp();
    ({ b, orgs } = await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor }));
  });
  after(() => t.close());

  const build = async () => {
    const db = t.database.db;
    const [places, figures] = await Promise.all([
      readMapPlaces(db),
      computeWaitingTimes(db, momentOf(new Date().toISOString()).date),
    ]);
    return overloadMap(places, figures.offices, (a, b) => a.localeCompare(b));
  };

  it('shows every district of the six states exactly once, in its own state', async () => {
    const map = await build();
    const districts = await listDistricts(t.database.db);
    assert.ok(districts.length >= 76, 'the reference data hold every district');
    assert.deepEqual(
      map.states.map((s) => s.state),
      [...STATE_CODES],
    );
    const shown = map.states.flatMap((s) => s.tiles.map((d) => d.ags));
    assert.equal(new Set(shown).size, shown.length, 'no district twice');
    assert.deepEqual([...shown].sort(), districts.map((d) => d.ags).sort());
    for (const s of map.states)
      for (const d of s.tiles)
        assert.equal(districts.find((x) => x.ags === d.ags)?.stateCode, s.state, `${d.ags} in ${s.state}`);
  });

  it("gives each district the office a resident's permit goes to: its own office, else the state's central one", async () => {
    const map = await build();
    const tile = (ags: string) => map.states.flatMap((s) => s.tiles).find((d) => d.ags === ags);
    assert.equal(tile('14626')?.figures?.office.slug, 'jt-abh', 'Görlitz has its own office on the platform');
    assert.equal(tile('14713')?.figures?.office.slug, 'jt-zab', 'Leipzig: the Saxon central office');
    assert.equal(tile('11000')?.figures, null, 'Berlin: no office on the platform');
    assert.equal(tile('16051')?.figures, null);
    assert.deepEqual(
      map.countries.map((c) => [c.country, c.missions.map((f) => f.office.slug)]),
      [['IN', ['jt-mission']]],
    );
  });

  it('makes an office red for an open § 81a deadline alert, even below 30 cases; other deadlines do not', async () => {
    const clock = new Date(Date.now() - 40 * 86_400_000);
    const service = clockedJourneys(t.database.db, () => clock);
    const applicant = actorOf(b('applicant').personId, 'applicant');
    const employer = actorOf(b('employer').personId, 'employer-admin', orgs['jt-employer'] ?? null);
    // Two recognition applications filed 40 days ago, their receipt deadlines past; one in the § 81a procedure.
    for (const accelerated of [true, false]) {
      const id = (await service.open(applicant, OPEN_BODY)).body.journeyId;
      if (accelerated) {
        await service.command(applicant, id, {
          type: 'invite-employer',
          employerId: orgs['jt-employer'] as string,
        });
        await service.command(employer, id, { type: 'start-accelerated-procedure', powerOfAttorney: true });
      }
      await service.command(applicant, id, { type: 'submit', step: 'recognition' });
    }
    const { offices } = await computeWaitingTimes(t.database.db, momentOf(new Date().toISOString()).date);
    const rec = offices.find((f) => f.office.slug === 'jt-recognition');
    assert.equal(rec?.openDeadlineAlerts, 1, 'only the accelerated one counts');
    assert.equal(rec?.forecast.insufficient, true);
    assert.equal(rec?.status, 'red');
    assert.equal(
      offices.find((f) => f.office.slug === 'jt-abh')?.status,
      null,
      'no alert, too few cases: no colour',
    );
  });

  it('publishes the map in both languages with an image and a table per state, linked from the overview', async () => {
    const de = await t.app.inject({ method: 'GET', url: '/de/wartezeiten/karte' });
    assert.equal(de.statusCode, 200);
    assert.equal((de.body.match(/<svg[^>]*role="img"[^>]*aria-label="Karte /g) ?? []).length, 7);
    assert.match(
      de.body,
      /aria-label="Karte von Sachsen mit 13 Kreisen und kreisfreien Städten\. Überlastet: 0\./,
    );
    assert.equal((de.body.match(/<table class="kern-table pathways-reflow"/g) ?? []).length, 7);
    assert.match(de.body, /Sachsen: Kreise und zuständige Ausländerbehörde/);
    assert.match(de.body, /Leipzig \(Stadt\)/);
    assert.match(de.body, /Leipzig \(Landkreis\)/);
    assert.match(de.body, /href="\/de\/wartezeiten\/jt-abh">Ausländerbehörde Görlitz<\/a>/);
    assert.match(de.body, /Noch nicht auf der Plattform/);
    assert.match(de.body, /Indien/);
    assert.doesNotMatch(de.body, />IN</, 'no country code on the page');
    const en = await t.app.inject({ method: 'GET', url: '/en/waiting-times/map' });
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /Map of waiting times/);
    assert.match(en.body, /India/);
    const overview = await t.app.inject({ method: 'GET', url: '/de/wartezeiten' });
    assert.match(overview.body, /href="\/de\/wartezeiten\/karte"/);
    assert.match(
      overview.body,
      /Beschleunigtes Fachkräfteverfahren: Bei 1 Antrag ist die gesetzliche Frist fast/,
    );
  });
});
