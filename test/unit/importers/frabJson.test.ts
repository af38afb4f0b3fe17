import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { importStats } from '../../../src/core/importers/common';
import { importFrabJson } from '../../../src/core/importers/frabJson';
import { ImportError } from '../../../src/core/importers/types';
import { sharedFile, skipUnlessShared } from '../support/sharedData';

const voc = (name: string) => ['schedules', 'voc', name];
const load = (name: string) => importFrabJson(readFileSync(sharedFile(...voc(name)), 'utf8'), { fileName: name });
const session = (result: ReturnType<typeof importFrabJson>, id: string) => {
  const found = result.files[0]!.sessions.find((s) => s.id === id);
  assert.ok(found, `no session ${id}`);
  return found;
};

// Expected numbers were counted from the raw files with jq/python, not with this importer:
// jq '[.schedule.conference.days[].rooms[][]] | length'; videos = events with a YouTube/media link.

test('frab schema 1: Camp 2019', { skip: skipUnlessShared(...voc('frab-camp2019.json')) }, () => {
  const result = load('frab-camp2019.json');
  assert.equal(result.format, 'frab-json');
  assert.deepEqual(result.warnings, []);
  assert.deepEqual(importStats(result.files), { events: 1, sessions: 79, speakers: 89, sessionsWithVideo: 1, sessionsWithSlides: 8 });
  // conference.end says 08-26, the morning after the last day; the days list ends on 08-25.
  assert.deepEqual(result.files[0]!.event, { id: 'camp2019', name: 'Chaos Communication Camp 2019', start: '2019-08-21', end: '2019-08-25' });

  const robotron = session(result, 'Camp2019-10293-robotron_-_a_tech_opera');
  assert.equal(robotron.title, 'Robotron - a tech opera');
  assert.deepEqual(robotron.speakers, [{ name: 'Nadja Buttendorf' }]);
  assert.equal(robotron.start, '2019-08-22T18:00');
  assert.equal(robotron.duration, 45);
  assert.equal(robotron.room, 'Meitner');
  assert.equal(robotron.track, 'Art & Culture');
  assert.equal(robotron.type, 'talk');
  assert.equal(robotron.schedule, 'https://fahrplan.events.ccc.de/camp/2019/Fahrplan/events/10293.html');
  // The first YouTube link wins; the other three stay among the links.
  assert.equal(robotron.video, 'https://www.youtube.com/watch?v=SAVEQbWXwzs&list=PLqjISv13g0qqmBFCW4lHb6LPOtRHgqqFA');
  assert.equal(robotron.links?.filter((l) => l.url.includes('youtube.com')).length, 3);
  assert.ok(robotron.links?.some((l) => l.url === 'http://nadjabuttendorf.com/' && l.title === 'artists website'));

  // Relative attachment URLs are resolved against the site, and the title trimmed.
  const containers = session(result, 'Camp2019-10178-hacking_containers_and_kubernetes');
  assert.equal(containers.title, 'Hacking Containers and Kubernetes');
  assert.equal(
    containers.slides,
    'https://fahrplan.events.ccc.de/system/event_attachments/attachments/000/003/792/original/Hacking_Containers_and_Kubernetes.pdf?1566398735',
  );

  // A bare host name gets a scheme; a linked paper (PDF without "slides" in its title) is a link, not slides.
  const libra = session(result, 'Camp2019-10317-fighting_back_against_libra_-_decentralizing_facebook_connect');
  assert.equal(libra.slides, undefined);
  assert.ok(libra.links?.some((l) => l.url === 'https://nymtech.net/'));
  assert.ok(libra.links?.some((l) => l.url === 'http://www0.cs.ucl.ac.uk/staff/G.Danezis/papers/UnlimitID_WPES16.pdf'));
  // frab's placeholder for a missing attachment is dropped; the linked "Foliensatz" PDF is the slides.
  const kritis = session(result, 'Camp2019-10208-defensive_statt_offensive_am_beispiel_von_kritis');
  assert.equal(kritis.slides, 'https://www.blablasecurity.de/20190601_Berlinsides_HonkHase.pdf');
  assert.ok(!kritis.links?.some((l) => l.url.includes('missing.png')));
});

test('pretalx schema 1: rC3 channels', { skip: skipUnlessShared(...voc('pretalx-rc3.json')) }, () => {
  const result = load('pretalx-rc3.json');
  assert.deepEqual(importStats(result.files), { events: 1, sessions: 48, speakers: 56, sessionsWithVideo: 0, sessionsWithSlides: 0 });
  assert.deepEqual(result.files[0]!.event, { id: 'rc3-channels-2020', name: 'rC3 Channels', start: '2020-12-27', end: '2020-12-30' });
  const gluon = session(result, 'MJA8QY');
  assert.deepEqual(gluon, {
    id: 'MJA8QY',
    title: 'Der faule Admin automatisiert: Gluon auf echter Hardware testen',
    speakers: [{ name: 'Chris Fiege' }, { name: 'Kasa' }],
    type: 'talk',
    track: 'MON r3s Rhein VHS',
    start: '2020-12-27T11:30',
    duration: 40,
    room: 'r3s - Monheim/Rhein',
    schedule: 'https://pretalx.rc3.studio/rc3-channels-2020/talk/MJA8QY/',
  });
  const types = new Set(result.files[0]!.sessions.map((s) => s.type));
  assert.deepEqual([...types].sort(), ['lightning', 'other', 'talk', 'workshop']);
});

test('pretalx schema 1: DemoCon', { skip: skipUnlessShared(...voc('pretalx-democon.json')) }, () => {
  const result = load('pretalx-democon.json');
  assert.deepEqual(importStats(result.files), { events: 1, sessions: 36, speakers: 27, sessionsWithVideo: 0, sessionsWithSlides: 0 });
  const workshop = session(result, 'democon-14-managed-stable-function');
  assert.equal(workshop.title, 'Managed stable function');
  assert.deepEqual(workshop.speakers, [{ name: 'Jeremy Beck' }]);
  assert.equal(workshop.type, 'workshop');
  assert.equal(workshop.start, '2020-12-14T09:00');
  assert.equal(workshop.duration, 90);
  assert.equal(workshop.room, 'Tan Room');
  assert.equal(result.files[0]!.event.id, 'democon');
  assert.equal(importFrabJson(readFileSync(sharedFile(...voc('pretalx-democon.json')), 'utf8'), { eventId: 'demo-2020' }).files[0]!.event.id, 'demo-2020');
});

test('frab schema 2: 38C3 hub export with typed links', { skip: skipUnlessShared(...voc('hub-schedule2.json')) }, () => {
  const result = load('hub-schedule2.json');
  assert.deepEqual(importStats(result.files), { events: 1, sessions: 2, speakers: 3, sessionsWithVideo: 0, sessionsWithSlides: 1 });
  assert.deepEqual(result.files[0]!.event, { id: '38c3', name: '38C3', start: '2024-12-27', end: '2024-12-30', url: 'https://events.ccc.de/congress/2024/' });

  const opening = session(result, '38c3-opening-ceremony');
  assert.equal(opening.title, '38C3: Opening Ceremony');
  // CONTRIBUTOR participants were not on stage.
  assert.deepEqual(opening.speakers, [{ name: 'Gabriela Bogk' }, { name: 'Aline Blankertz' }]);
  assert.equal(opening.type, 'other');
  assert.equal(opening.track, 'CCC');
  assert.equal(opening.start, '2024-12-27T10:30');
  assert.equal(opening.duration, 30);
  assert.equal(opening.room, 'Saal 1');
  assert.equal(opening.slides, 'https://example.net/foo/bar/1235.pdf');
  // FEEDBACK links are dropped, ORIGIN kept.
  assert.deepEqual(opening.links, [
    { url: 'https://example.net/', title: 'foo bar' },
    { url: 'https://fahrplan.events.ccc.de/congress/2024/fahrplan/talk/HQCCYH/', title: 'Original schedule entry' },
  ]);

  const nfs = session(result, '38c3-a-competitive-time-trial-ai-for-need-for-speed');
  assert.equal(nfs.title, 'A Competitive Time-Trial AI for Need for Speed:', 'the subtitle is not appended');
  assert.deepEqual(nfs.speakers, [{ name: 'Sebastian Schwarz' }]);
  assert.equal(nfs.start, '2024-12-28T00:15');
  assert.equal(nfs.duration, 40);
  // The room reference has no slug, the track reference no name: both are looked up.
  assert.equal(nfs.room, 'Saal ZIGZAG');
  assert.equal(nfs.track, 'Hardware & Making');
});

const minimal = (events: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    schedule: {
      version: '1',
      conference: {
        acronym: 'tinycon',
        title: 'TinyCon',
        start: '2024-01-01',
        end: '2024-01-01',
        days: [{ index: 1, date: '2024-01-01', rooms: { 'Room A': events } }],
        ...extra,
      },
    },
  });

test('schema 2 typed links: MEDIA is the video, SLIDES the slides, whatever the URL', () => {
  const text = JSON.stringify({
    schedule: {
      version: '2',
      conference: { acronym: 'tinycon', title: 'TinyCon', start: '2024-01-01T09:00:00+01:00', end: '2024-01-01T18:00:00+01:00', days: [] },
      events: [
        {
          guid: 'x',
          title: 'Typed',
          start: '2024-01-01T10:00:00+01:00',
          end: '2024-01-01T10:25:00+01:00',
          room: { guid: 'r' },
          track: { slug: 'main' },
          type: 'TALK',
          participants: [{ guid: 'p', name: 'Ann Example', role: 'SPEAKER' }],
          links: [
            { type: 'MEDIA', url: 'https://cdn.example.org/recordings/typed' },
            { type: 'PAPER', url: 'https://example.org/paper.pdf' },
          ],
          attachments: [{ type: 'SLIDES', url: 'https://example.org/deck' }],
        },
        { type: 'BREAK', title: 'Coffee', start: '2024-01-01T10:30:00+01:00', end: '2024-01-01T11:00:00+01:00' },
      ],
    },
  });
  const result = importFrabJson(text);
  const s = result.files[0]!.sessions[0]!;
  assert.equal(result.files[0]!.sessions.length, 1);
  assert.equal(s.video, 'https://cdn.example.org/recordings/typed');
  assert.equal(s.slides, 'https://example.org/deck');
  assert.deepEqual(s.links, [{ url: 'https://example.org/paper.pdf', title: 'Paper' }]);
  assert.equal(s.duration, 25);
  assert.equal(s.track, 'main');
  assert.match(result.warnings.join('\n'), /skipped 1 break\/meta entries \(Coffee\)/);
});

test('a recording field counts as the video', () => {
  const ev = {
    id: 1,
    guid: 'g',
    title: 'Recorded',
    date: '2024-01-01T10:00:00+01:00',
    start: '10:00',
    duration: '00:30',
    room: 'Room A',
    slug: 'recorded',
    persons: [],
    links: [],
    attachments: [],
    recording: { url: 'https://media.ccc.de/v/tinycon-1-recorded' },
  };
  const s = importFrabJson(minimal([ev])).files[0]!.sessions[0]!;
  assert.equal(s.video, 'https://media.ccc.de/v/tinycon-1-recorded');
  const t = importFrabJson(minimal([{ ...ev, recording: undefined, video_download_url: 'https://cdn.example.org/tinycon-1.mp4' }])).files[0]!.sessions[0]!;
  assert.equal(t.video, 'https://cdn.example.org/tinycon-1.mp4');
});

test('a session without a title is skipped with a warning; duplicate ids get a suffix', () => {
  const base = {
    date: '2024-01-01T10:00:00+01:00',
    start: '10:00',
    duration: '00:30',
    room: 'Room A',
    persons: [{ id: 1, public_name: 'Ann' }],
    links: [],
    attachments: [],
  };
  const result = importFrabJson(
    minimal([
      { ...base, id: 1, guid: 'a', title: '  ', slug: 'untitled' },
      { ...base, id: 2, guid: 'b', title: 'Same', slug: '' },
      { ...base, id: 3, guid: 'c', title: 'Same', slug: '' },
    ]),
  );
  assert.deepEqual(
    result.files[0]!.sessions.map((s) => s.id),
    ['same', 'same-2'],
  );
  assert.equal(result.warnings.length, 2);
  assert.match(result.warnings[0]!, /event a on 2024-01-01 has no title; skipped/);
  assert.match(result.warnings[1]!, /two sessions share the id 'same'/);
});

test('bad input: invalid JSON and the wrong shape raise ImportError with a helpful message', () => {
  assert.throws(
    () => importFrabJson('{"schedule": '),
    (err: unknown) => err instanceof ImportError && /not valid JSON/.test(err.message) && /frab-json/.test(err.message),
  );
  assert.throws(
    () => importFrabJson('{"schedule": {"version": "1"}}'),
    (err: unknown) => err instanceof ImportError && /no schedule\.conference/.test(err.message),
  );
  assert.throws(() => importFrabJson('[]'), ImportError);
  assert.throws(
    () => importFrabJson('{"sessions": [], "speakers": [], "rooms": []}'),
    (err: unknown) => err instanceof ImportError && /Sessionize/.test(err.message),
  );
});
