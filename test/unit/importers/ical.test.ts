import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { importStats } from '../../../src/core/importers/common';
import { importIcal } from '../../../src/core/importers/ical';
import { ImportError } from '../../../src/core/importers/types';

// Tests run from the project root (the bundle itself lives in out/ or $RECAP_OUT).
const fixture = (name: string) => readFileSync(join(process.cwd(), 'test', 'fixtures', 'ical', name), 'utf8');

test('Sched-style calendar: speakers in DESCRIPTION, escaped text, folded lines, time zones', () => {
  const result = importIcal(fixture('sched-sample.ics'), { fileName: 'all.ics' });
  assert.equal(result.format, 'ical');
  assert.deepEqual(result.warnings, []);
  assert.deepEqual(importStats(result.files), { events: 1, sessions: 6, speakers: 10, sessionsWithVideo: 1, sessionsWithSlides: 1 });
  const { event, sessions } = result.files[0]!;
  assert.deepEqual(event, { id: 'example-open-source-summit-2024', name: 'Example Open Source Summit 2024', start: '2024-06-04', end: '2024-06-05' });
  assert.deepEqual(
    sessions.map((s) => s.start),
    ['2024-06-04T09:00', '2024-06-04T10:00', '2024-06-04T12:30', '2024-06-04T14:00', '2024-06-05T14:00', '2024-06-05T16:30'],
  );

  const keynote = sessions[0];
  assert.deepEqual(keynote, {
    id: 'keynote-welcome-to-the-example-summit',
    title: 'Keynote: Welcome to the Example Summit',
    // "Speakers: Alice Example\, Bob Sample" on a folded line.
    speakers: [{ name: 'Alice Example' }, { name: 'Bob Sample' }],
    // The only category went to the type, so there is no track.
    type: 'keynote',
    start: '2024-06-04T09:00',
    duration: 30,
    room: 'Forum Hall',
    schedule: 'https://sched.example.org/event/1Ab2/keynote-welcome-to-the-example-summit',
  });

  const o11y = sessions.find((s) => s.title === 'Observability for the Rest of Us');
  assert.deepEqual(o11y?.speakers, [{ name: 'Carol Doe', affiliation: 'Example Corp' }]);
  assert.equal(o11y?.video, 'https://www.youtube.com/watch?v=exampleVid01');
  assert.equal(o11y?.slides, 'https://example.org/slides/observability-for-the-rest-of-us.pdf');
  assert.equal(o11y?.links, undefined, 'other description URLs are not collected');
  assert.equal(o11y?.type, 'talk');
  assert.equal(o11y?.track, 'Observability');

  const workshop = sessions.find((s) => s.id === 'hands-on-building-operators-with-kubebuilder');
  assert.deepEqual(workshop?.speakers, [{ name: 'Dana Roe' }, { name: 'Eve Poe' }, { name: 'František Löwe' }]);
  assert.equal(workshop?.type, 'workshop');
  assert.equal(workshop?.track, 'Cloud Native');
  assert.equal(workshop?.duration, 90);

  // DTSTART:20240605T120000Z is 14:00 in Prague (CEST), converted through the calendar's VTIMEZONE.
  const rust = sessions.find((s) => s.title === 'Rust, Go; and the Quest for Safe Systems');
  assert.equal(rust?.start, '2024-06-05T14:00');
  assert.equal(rust?.duration, 45);
  assert.equal(rust?.id, 'rust-go-and-the-quest-for-safe-systems');

  // A readable UID is the id; semicolons separate the speakers.
  const lightning = sessions.find((s) => s.title === 'Lightning Talks');
  assert.equal(lightning?.id, 'lightning-talks-day-two');
  assert.equal(lightning?.type, 'lightning');
  assert.deepEqual(
    lightning?.speakers.map((s) => s.name),
    ['Heidi Moe', 'Ivan Koe', 'Judy Zoe'],
  );

  const lunch = sessions.find((s) => s.title === 'Lunch');
  assert.deepEqual(lunch?.speakers, []);
  assert.equal(lunch?.type, undefined);
  assert.equal(lunch?.track, 'Breaks');
});

test('pretalx-style calendar: speakers in SUMMARY after the last " - "', () => {
  const result = importIcal(fixture('pretalx-sample.ics'), { fileName: 'schedule.ics' });
  assert.deepEqual(result.warnings, []);
  assert.deepEqual(importStats(result.files), { events: 1, sessions: 4, speakers: 4, sessionsWithVideo: 1, sessionsWithSlides: 0 });
  const { event, sessions } = result.files[0]!;
  // No X-WR-CALNAME: the event slug comes from pretalx's PRODID.
  assert.deepEqual(event, { id: 'examplecamp-2024', name: 'Examplecamp 2024', start: '2024-08-15', end: '2024-08-16' });

  assert.deepEqual(sessions[0], {
    id: 'mesh-networks-a-field-report',
    title: 'Mesh Networks - a Field Report',
    speakers: [{ name: 'Ada Example' }, { name: 'Ben Example' }],
    start: '2024-08-15T11:00',
    duration: 45,
    room: 'Main Stage',
    schedule: 'https://pretalx.example.org/examplecamp-2024/talk/QX7PLM/',
  });
  const soldering = sessions.find((s) => s.title === 'Soldering After Dark');
  assert.equal(soldering?.start, '2024-08-15T23:45');
  assert.equal(soldering?.duration, 45, 'across midnight');
  assert.equal(soldering?.video, 'https://video.example.org/w/9kLmNoPqRsTuVwXyZ1a2b3');
  assert.deepEqual(soldering?.speakers, [{ name: 'Chris Sample' }]);
  const closing = sessions.find((s) => s.id === 'closing');
  assert.equal(closing?.title, 'Closing');
  assert.deepEqual(closing?.speakers, []);
});

test('" - " in a title is left alone outside pretalx calendars; eventId overrides', () => {
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Example//Schedule//EN',
    'BEGIN:VEVENT',
    'UID:1@example.org',
    'DTSTAMP:20240101T000000Z',
    'DTSTART:20240301T100000',
    'DTEND:20240301T103000',
    'SUMMARY:Fomu - an FPGA inside your USB port',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  const result = importIcal(ics, { fileName: 'tiny-fest.ics', eventId: 'tiny-2024' });
  const s = result.files[0]!.sessions[0]!;
  assert.equal(s.title, 'Fomu - an FPGA inside your USB port');
  assert.deepEqual(s.speakers, []);
  assert.equal(s.start, '2024-03-01T10:00', 'floating time is kept as written');
  assert.deepEqual(result.files[0]!.event, { id: 'tiny-2024', name: 'Tiny Fest', start: '2024-03-01', end: '2024-03-01' });
});

test('UTC times without a calendar time zone are kept, with a warning', () => {
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Example//EN',
    'X-WR-CALNAME:Utc Con',
    'BEGIN:VEVENT',
    'UID:a',
    'DTSTAMP:20240101T000000Z',
    'DTSTART:20240301T100000Z',
    'DURATION:PT50M',
    'SUMMARY:Talk',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  const result = importIcal(ics);
  assert.equal(result.files[0]!.sessions[0]!.start, '2024-03-01T10:00');
  assert.equal(result.files[0]!.sessions[0]!.duration, 50);
  assert.match(result.warnings.join('\n'), /times are in UTC/);
});

test('X-WR-TIMEZONE without a VTIMEZONE converts UTC times through the IANA database', () => {
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sched.com Tokyo Example//EN',
    'X-WR-CALNAME:Tokyo Example',
    'X-WR-TIMEZONE:Asia/Tokyo',
    'BEGIN:VEVENT',
    'UID:a',
    'DTSTAMP:20240101T000000Z',
    'DTSTART:20240301T233000Z',
    'DTEND:20240302T000000Z',
    'SUMMARY:Late talk',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  const result = importIcal(ics);
  assert.deepEqual(result.warnings, []);
  assert.equal(result.files[0]!.sessions[0]!.start, '2024-03-02T08:30');
  assert.equal(result.files[0]!.event.start, '2024-03-02');
});

test('a VEVENT without a SUMMARY is skipped with a warning', () => {
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Example//EN',
    'X-WR-CALNAME:Gaps\\, Inc.',
    'BEGIN:VEVENT',
    'UID:no-title@example.org',
    'DTSTAMP:20240101T000000Z',
    'DTSTART:20240301T100000',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:b',
    'DTSTAMP:20240101T000000Z',
    'DTSTART:20240301T110000',
    'SUMMARY:Kept',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  const result = importIcal(ics);
  assert.deepEqual(
    result.files[0]!.sessions.map((s) => s.title),
    ['Kept'],
  );
  assert.equal(result.files[0]!.event.name, 'Gaps, Inc.', 'X-WR-CALNAME is unescaped');
  assert.equal(result.warnings.length, 1);
  assert.match(result.warnings[0]!, /UID no-title@example\.org\) has no SUMMARY; skipped/);
});

test('bad input raises ImportError with a helpful message', () => {
  assert.throws(
    () => importIcal('this is not a calendar'),
    (err: unknown) => err instanceof ImportError && /not valid iCalendar/.test(err.message) && /ical/.test(err.message),
  );
  assert.throws(
    () => importIcal(''),
    (err: unknown) => err instanceof ImportError && /no BEGIN:VCALENDAR/.test(err.message),
  );
  assert.throws(() => importIcal('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VCALENDAR\r\n'), ImportError);
  assert.throws(() => importIcal('{"schedule": {}}'), ImportError);
  assert.throws(
    () => importIcal('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ann\r\nEND:VCARD\r\n'),
    (err: unknown) => err instanceof ImportError && /no BEGIN:VCALENDAR/.test(err.message),
  );
});
