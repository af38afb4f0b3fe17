import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { addRecordings } from '../../../src/core/importers/mergeEvents';
import { isNotATalk, withoutRepeats } from '../../../src/core/importers/talksOnly';
import type { EventFile, Session } from '../../../src/core/index/model';

// Titles, speakers, slots and links as the real sources have them (FOSDEM's exports, EuroPython 2024's site, pyvideo).
const s = (id: string, title: string, more: Partial<Session> = {}): Session => ({ id, title, speakers: [], ...more });
const file = (id: string, sessions: Session[]): EventFile => ({ event: { id, name: id }, sessions });

test('breaks, registration desks and cancelled slots are no talks; with a recording they are kept', () => {
  for (const title of [
    'Short break',
    'Lunch Break',
    'Coffee Break!',
    'XMPP Lunch Break',
    'Informal Discussion & Lunch Break',
    'Networking (lunch)',
    'Monday Registration & Welcome @ Forum Hall Foyer 1st Floor',
    "Friday's Morning Announcement",
    'CANCELLED Simulating Multilevel Caches in Cachegrind',
    'CANCELLED: openSUSE: Engineering Stable Rolling Releases with OBS and openQA',
    '[CANCELED] Carving JSON in heap dumps',
    'CANCELLED - DRI3000 and Compositing CANCELLED',
    'Informal discussion (original talk cancelled)',
  ])
    assert.ok(isNotATalk({ title }), title);
  for (const title of [
    'This is not a lunch break',
    'Break your BSD kernel',
    'Break the Messaging Silos with COI',
    'Opening Session',
    'Is Big DNS Taking Over? (REPLACES CANCELLED TALK)',
    'From "Free-Lunch" to Dog-Fooding: A Culinary Journey in Crafting IaC for Kairos Testing and Building',
  ])
    assert.equal(isNotATalk({ title }), false, title);
  // Something was recorded in that slot: the replacement panel, the AMA held instead.
  assert.equal(
    isNotATalk({ title: '(CANCELLED) Funding the FOSS Ecosystem - (AMA with Devroom Organisers Instead)', video: 'https://video.fosdem.org/x.mp4' }),
    false,
  );
});

test('a talk listed twice in the same slot, or the same recording twice, is kept once; its other id becomes an alias', () => {
  const fosdem2008 = file('fosdem-2008', [
    s('perl_6', 'Perl 6', { start: '2008-02-23T14:00', room: 'Janson', speakers: [{ name: 'Patrick Michaud' }] }),
    s('welcome', 'Welcome', { start: '2008-02-23T10:00', room: 'Janson' }),
    s('perl_6_2', 'Perl 6', { start: '2008-02-23T14:00', room: 'Janson', speakers: [{ name: 'Patrick Michaud' }], slides: 'https://example.org/perl6.pdf' }),
    // KDE's own welcome, another room and time: another session.
    s('kde_welcome', 'Welcome', { start: '2008-02-23T14:00', room: 'H.1301' }),
  ]);
  const scipy = file('scipy-2013', [
    s('sunpy-python-for-solar-physicists-0', 'SunPy - Python for Solar Physicists', { video: 'https://www.youtube.com/watch?v=bXPPTCkaVu8' }),
    s('sunpy-python-for-solar-physicists-scipy-2013-p', 'SunPy - Python for Solar Physicists; SciPy 2013 Presentation', {
      video: 'https://www.youtube.com/watch?v=bXPPTCkaVu8',
    }),
  ]);
  const europython = file('europython-2018', [
    s('stephane-wirtel-what-s-new-in-python-3-7', "Stephane Wirtel - What's new in Python 3 7", {
      speakers: [{ name: 'Stephane Wirtel' }],
      video: 'https://www.youtube.com/watch?v=uSp0-TkGx3c',
    }),
    s('stephane-wirtel-whats-new-in-python-3-7', "What's new in Python 3.7", {
      speakers: [{ name: 'Stephane Wirtel' }],
      video: 'https://youtu.be/uSp0-TkGx3c',
    }),
  ]);
  const { files, report } = withoutRepeats([fosdem2008, scipy, europython]);
  assert.deepEqual(
    files.map((f) => f.sessions.map((x) => x.id)),
    [['perl_6', 'welcome', 'kde_welcome'], ['sunpy-python-for-solar-physicists-0'], ['stephane-wirtel-what-s-new-in-python-3-7']],
  );
  assert.deepEqual(files[0]!.sessions[0]!.aliases, ['perl_6_2']);
  assert.equal(files[0]!.sessions[0]!.slides, 'https://example.org/perl6.pdf', "the repeat's links fill the kept session's gaps");
  assert.equal(report.repeats.length, 3);
  assert.equal(fosdem2008.sessions[0]!.aliases, undefined, 'the input is not changed');
});

test('not repeats: different talks on one channel or mislabelled file, or the same talk held twice with two recordings', () => {
  const fosdem2021 = file('fosdem-2021', [
    s('appinventor_codi_mash1', 'Minigame: Codi Mash', { speakers: [{ name: 'Peter' }], video: 'https://www.twitch.tv/peterblocks' }),
    s('appinventor_codi_clicker2', 'Minigame: Codi Clicker', { speakers: [{ name: 'Peter' }], video: 'https://www.twitch.tv/peterblocks' }),
  ]);
  const fosdem2011 = file('fosdem-2011', [
    s('0mq-multithreading-magic', '0MQ: Multithreading magic', {
      speakers: [{ name: 'Pieter Hintjens' }],
      video: 'http://video.fosdem.org/2011/lightningtalks/0mq.xvid.avi',
    }),
    s('aalto-1-a-nanosatellite-using-open-source', 'Aalto-1: A nanosatellite using open source', {
      speakers: [{ name: 'Jaan Praks' }],
      video: 'http://video.fosdem.org/2011/lightningtalks/0mq.xvid.avi',
    }),
  ]);
  const fosdem2018 = file('fosdem-2018', [
    s('observability', 'Google’s approach to distributed systems observability for Go', {
      start: '2018-02-03T14:30',
      room: 'H.1308 (Rolin)',
      video: 'https://video.fosdem.org/2018/H.1308/observability.mp4',
    }),
    s('google_go', 'Google’s approach to distributed systems observability for Go', {
      start: '2018-02-03T12:30',
      room: 'UD2.120 (Chavanne)',
      video: 'https://video.fosdem.org/2018/UD2.120/google_go.mp4',
    }),
  ]);
  const { report } = withoutRepeats([fosdem2021, fosdem2011, fosdem2018], { acrossEvents: true });
  assert.deepEqual(report.repeats, []);
});

test('across events only when asked: pyvideo files EuroSciPy 2017 recordings under 2018 too', () => {
  const y2017 = file('euroscipy-2017', [s('euroscipy-2017-cython', 'Intro to Cython', { video: 'https://www.youtube.com/watch?v=vl9La7wH7QI' })]);
  const y2018 = file('euroscipy-2018', [
    s('euroscipy-2017-cython', 'EuroSciPy 2017: Cython', { video: 'https://www.youtube.com/watch?v=vl9La7wH7QI' }),
    s('a-2018-talk', 'A 2018 talk', { video: 'https://www.youtube.com/watch?v=aaaaaaaaaaa' }),
  ]);
  assert.equal(withoutRepeats([y2017, y2018]).report.repeats.length, 0);
  const { files, report } = withoutRepeats([y2017, y2018], { acrossEvents: true });
  assert.deepEqual(report.repeats, [{ removed: 'euroscipy-2018/euroscipy-2017-cython', kept: 'euroscipy-2017/euroscipy-2017-cython' }]);
  assert.deepEqual(
    files[1]!.sessions.map((x) => x.id),
    ['a-2018-talk'],
  );
  assert.equal(files[0]!.sessions[0]!.aliases, undefined, 'no alias across events');
});

test("a pyvideo recording whose title runs FOSDEM's title and subtitle together finds its session by a shared speaker", () => {
  const schedule = file('fosdem-2017', [
    s('python_raspberrypi', 'Python and Raspberry Pi', { speakers: [{ name: 'Ben Nuttall' }] }),
    s('python_pandas', 'Introduction to Pandas', { speakers: [{ name: 'Sahil Dua' }] }),
  ]);
  const recordings = file('fosdem-2017', [
    s('a', 'Python and Raspberry PiPhysical computing, GPIO, HATs and IoT with Python', {
      speakers: [{ name: 'Ben Nuttall' }],
      video: 'https://www.youtube.com/watch?v=bbbbbbbbbbb',
    }),
    // Same start, another speaker: not this talk.
    s('b', 'Introduction to Pandas. Introduction to the open source data analysis and manipulation library', {
      speakers: [{ name: 'Someone Else' }],
      video: 'https://www.youtube.com/watch?v=ccccccccccc',
    }),
  ]);
  const merged = addRecordings(schedule, recordings);
  assert.equal(merged.added, 1);
  assert.equal(schedule.sessions[0]!.video, 'https://www.youtube.com/watch?v=bbbbbbbbbbb');
  assert.equal(schedule.sessions[1]!.video, undefined);
  assert.deepEqual(
    merged.unmatched.map((r) => r.id),
    ['b'],
  );
});
