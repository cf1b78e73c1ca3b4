import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { day, fairWorld, german, type Who } from '../../../test/support/fairs.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { journey } from '../journey/index.ts';
import { fair, fairBooking, fairExhibitor, fairSlot, fairState } from './schema.ts';

describe('joint virtual job fairs (issue 16, V4)', () => {
  let w: Awaited<ReturnType<typeof fairWorld>>;
  let fairId = '';
  const get = (name: string, url: string) => w.get(name, url);
  const post = (name: string, url: string, fields: Record<string, string | string[]> = {}) =>
    w.post(name, url, fields);

  before(async () => {
    w = await fairWorld();
  });
  after(() => w.t.close());

  const FAIR = () => ({
    title: 'Pflege in Sachsen und Thüringen',
    description: 'Online-Messe für Pflegekräfte',
    startsOn: german(day(30)),
    endsOn: german(day(31)),
    timeZone: 'Europe/Berlin',
    states: ['SN', 'TH'],
    countries: ['IN', 'PH'],
    occupation1: 'Softwareentwickler',
  });

  it('refuses a bad fair with 422 naming each field and stores nothing', async () => {
    const res = await post('sn', '/de/jobmessen/neu', {
      ...FAIR(),
      title: 'x',
      endsOn: german(day(29)),
      timeZone: 'Mars/Olympus',
      countries: ['XX'],
      occupation1: '',
    });
    assert.equal(res.statusCode, 422, res.body);
    for (const f of ['title', 'endsOn', 'timeZone', 'countries', 'occupation1'])
      assert.match(res.body, new RegExp(`href="#field-${f}"`), f);
    assert.equal((await w.db.select().from(fair)).length, 0);
  });

  it('lets Saxony create a fair with Thuringia, which agrees for itself only', async () => {
    const form = await get('sn', '/en/job-fairs/new');
    assert.equal(form.statusCode, 200);
    assert.doesNotMatch(form.body, /Europe\/Berlin</, 'zones shown by place name');
    const res = await post('sn', '/de/jobmessen/neu', FAIR());
    assert.equal(res.statusCode, 303, res.body);
    fairId = /jobmessen\/([0-9a-f-]{36})\/organisation/.exec(res.headers.location ?? '')?.[1] ?? '';
    assert.ok(fairId);
    const page = await get('sn', `/en/job-fairs/${fairId}/organise`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /India/);
    assert.doesNotMatch(page.body, />IN</);
    assert.equal(
      (await get('ana', `/de/jobmessen/${fairId}`)).statusCode,
      404,
      'not public before every answer',
    );
    const berlin = await post('be', `/de/jobmessen/${fairId}/antwort`, { state: 'TH', answer: 'agreed' });
    assert.equal(berlin.statusCode, 403, 'Berlin answers for nobody else');
    const bad = await post('th', `/de/jobmessen/${fairId}/antwort`, { state: 'TH', answer: 'maybe' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /href="#field-answer"/);
    const ok = await post('th', `/de/jobmessen/${fairId}/antwort`, { state: 'TH', answer: 'agreed' });
    assert.equal(ok.statusCode, 303, ok.body);
    const states = await w.db.select().from(fairState).where(eq(fairState.fairId, fairId));
    assert.deepEqual(states.map((s) => [s.stateCode, s.answer]).sort(), [
      ['SN', 'agreed'],
      ['TH', 'agreed'],
    ]);
    const talk = await post('th', `/de/jobmessen/${fairId}/vortraege`, {
      title: 'Pflege in Deutschland',
      link: 'https://example.org/talk',
      capacity: '200',
      day: german(day(30)),
      start: '10:00',
      end: '09:00',
    });
    assert.equal(talk.statusCode, 422);
    assert.match(talk.body, /href="#field-end"/);
    const talk2 = await post('th', `/de/jobmessen/${fairId}/vortraege`, {
      title: 'Pflege in Deutschland',
      link: 'https://example.org/talk',
      capacity: '200',
      day: german(day(30)),
      start: '10:00',
      end: '11:00',
    });
    assert.equal(talk2.statusCode, 303, talk2.body);
    const pub = await get('ana', `/en/job-fairs/${fairId}`);
    assert.equal(pub.statusCode, 200);
    assert.match(pub.body, /Pflege in Deutschland/);
  });

  it('lets the confirmed employer apply, an organiser approve, and the employer publish a slot', async () => {
    const apply = await post('firm', `/de/jobmessen/${fairId}/stand/${w.employerId}/bewerben`);
    assert.equal(apply.statusCode, 303, apply.body);
    const again = await post('firm', `/de/jobmessen/${fairId}/stand/${w.employerId}/bewerben`);
    assert.equal(again.statusCode, 409);
    const early = await post('firm', `/de/jobmessen/${fairId}/stand/${w.employerId}/termine`, {
      day: german(day(30)),
      start: '09:00',
      minutes: '30',
    });
    assert.equal(early.statusCode, 409, 'no slots before approval');
    assert.equal(
      (await post('be', `/de/jobmessen/${fairId}/aussteller/${w.employerId}`, { to: 'approved' })).statusCode,
      403,
    );
    const ok = await post('sn', `/de/jobmessen/${fairId}/aussteller/${w.employerId}`, { to: 'approved' });
    assert.equal(ok.statusCode, 303, ok.body);
    const bad = await post('firm', `/de/jobmessen/${fairId}/stand/${w.employerId}/termine`, {
      day: german(day(40)),
      start: '25:00',
      minutes: '500',
    });
    assert.equal(bad.statusCode, 422);
    for (const f of ['start', 'minutes']) assert.match(bad.body, new RegExp(`href="#field-${f}"`), f);
    for (const start of ['09:00', '09:30']) {
      const slot = await post('firm', `/de/jobmessen/${fairId}/stand/${w.employerId}/termine`, {
        day: german(day(30)),
        start,
        minutes: '30',
      });
      assert.equal(slot.statusCode, 303, slot.body);
    }
    const pub = await get('ana', `/de/jobmessen/${fairId}`);
    assert.match(pub.body, /Pflege Leipzig GmbH/);
    assert.match(pub.body, new RegExp(`/de/stellen/${w.adId}`));
  });

  it('registers the applicant in their time zone, books once per slot, and gives the calendar file', async () => {
    const [slot] = await w.db
      .select()
      .from(fairSlot)
      .where(eq(fairSlot.fairId, fairId))
      .orderBy(fairSlot.startsAt);
    assert.ok(slot);
    const before = await post('ana', `/de/jobmessen/${fairId}/termine/${slot.id}`);
    assert.equal(before.statusCode, 422, 'register first');
    const bad = await post('ana', `/en/job-fairs/${fairId}/registration`, {
      timeZone: 'Nowhere',
      countryCode: 'ZZ',
    });
    assert.equal(bad.statusCode, 422);
    for (const f of ['timeZone', 'countryCode']) assert.match(bad.body, new RegExp(`href="#field-${f}"`), f);
    for (const name of ['ana', 'ben'])
      assert.equal(
        (
          await post(name, `/en/job-fairs/${fairId}/registration`, {
            timeZone: 'Asia/Kolkata',
            countryCode: 'IN',
          })
        ).statusCode,
        303,
      );
    const page = await get('ana', `/en/job-fairs/${fairId}/registration`);
    assert.match(page.body, /GMT\+5:30/, 'times in the applicant’s own zone');
    assert.match(page.body, /name and email address/);
    const [a, b] = await Promise.all([
      post('ana', `/en/job-fairs/${fairId}/slots/${slot.id}`),
      post('ben', `/en/job-fairs/${fairId}/slots/${slot.id}`),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [303, 409]);
    const bookings = await w.db.select().from(fairBooking).where(eq(fairBooking.slotId, slot.id));
    assert.equal(bookings.length, 1);
    if (bookings[0]?.personId !== (w.who.ana as Who).personId) {
      // Ben won the race: Ana takes the second slot so that the walk goes on with her.
      await w.db
        .update(fairBooking)
        .set({ personId: (w.who.ana as Who).personId })
        .where(eq(fairBooking.slotId, slot.id));
    }
    const ics = await get('ana', `/de/jobmessen/gespraeche/${bookings[0]?.id}/kalender.ics`);
    assert.equal(ics.statusCode, 200);
    assert.match(ics.headers['content-type'] as string, /text\/calendar/);
    assert.match(ics.body, /BEGIN:VEVENT/);
    assert.match(ics.body, /Pflege Leipzig GmbH/);
    assert.equal(
      (await get('ben', `/de/jobmessen/gespraeche/${bookings[0]?.id}/kalender.ics`)).statusCode,
      404,
    );
  });

  it('records an offer and hands it off into the candidate’s journey with the employer invited, once', async () => {
    const [b] = await w.db.select().from(fairBooking).where(eq(fairBooking.fairId, fairId));
    assert.ok(b);
    const stand = await get('firm', `/en/job-fairs/${fairId}/stand/${w.employerId}`);
    assert.equal(stand.statusCode, 200);
    assert.match(stand.body, /Ana Beispiel/);
    const audited = await w.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.objectType, 'fair-booking'), eq(auditEntry.action, 'read')));
    assert.ok(
      audited.some((e) => e.subjectPersonId === (w.who.ana as Who).personId),
      'the read is audited',
    );
    assert.equal((await get('ana', `/en/job-fairs/${fairId}/stand/${w.employerId}`)).statusCode, 403);
    const early = await post('firm', `/de/jobmessen/gespraeche/${b.id}/uebergabe`, { adId: w.adId });
    assert.equal(early.statusCode, 409, 'no hand-off before an offer');
    const bad = await post('firm', `/de/jobmessen/gespraeche/${b.id}/ergebnis`, {
      attendance: 'attended',
      outcome: 'great',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /href="#field-outcome"/);
    const rec = await post('firm', `/de/jobmessen/gespraeche/${b.id}/ergebnis`, {
      attendance: 'attended',
      outcome: 'offer',
    });
    assert.equal(rec.statusCode, 303, rec.body);
    const hand = await post('firm', `/de/jobmessen/gespraeche/${b.id}/uebergabe`, { adId: w.adId });
    assert.equal(hand.statusCode, 303, hand.body);
    const [done] = await w.db.select().from(fairBooking).where(eq(fairBooking.id, b.id));
    assert.ok(done?.journeyId);
    const [j] = await w.db.select().from(journey).where(eq(journey.id, done.journeyId));
    assert.equal(j?.applicantId, (w.who.ana as Who).personId);
    assert.equal(j?.employerId, w.employerId, 'the employer is invited');
    const twice = await post('firm', `/de/jobmessen/gespraeche/${b.id}/uebergabe`, { adId: w.adId });
    assert.equal(twice.statusCode, 409);
    assert.equal(
      (
        await w.db
          .select()
          .from(journey)
          .where(eq(journey.applicantId, (w.who.ana as Who).personId))
      ).length,
      1,
    );
    const ex = await w.db.select().from(fairExhibitor).where(eq(fairExhibitor.fairId, fairId));
    assert.equal(ex[0]?.status, 'approved');
  });
  it('shows the figures to every state’s officers as a page and CSV, small counts hidden', async () => {
    const page = await get('be', `/en/job-fairs/${fairId}/figures`);
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /India/);
    assert.match(page.body, /not shown/);
    const csv = await get('be', `/en/job-fairs/${fairId}/figures.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.body, /country,IN,registrations,,true/);
    assert.equal((await get('ana', `/en/job-fairs/${fairId}/figures`)).statusCode, 403);
  });
});
