import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { importStats } from '../../../src/core/importers/common';
import { readableName } from '../../../src/core/importers/common';
import { affiliationFromTagLine, importSessionize } from '../../../src/core/importers/sessionize';
import { ImportError } from '../../../src/core/importers/types';
import { sharedFile, skipUnlessShared } from '../support/sharedData';

const file = (year: number) => ['schedules', 'sessionize', `global-azure-linz-${year}.json`];
const load = (year: number) => importSessionize(readFileSync(sharedFile(...file(year)), 'utf8'), { fileName: `global-azure-linz-${year}.json` });

// Expected numbers were counted with jq on the raw files, e.g.
// jq '[.sessions[] | select(any(.questionAnswers[]; .answerValue | test("youtu")))] | length'.

test('Global Azure Linz 2024: YouTube links in questionAnswers become videos', { skip: skipUnlessShared(...file(2024)) }, () => {
  const result = load(2024);
  assert.equal(result.format, 'sessionize');
  assert.deepEqual(result.warnings, []);
  assert.deepEqual(importStats(result.files), { events: 1, sessions: 15, speakers: 16, sessionsWithVideo: 15, sessionsWithSlides: 0 });
  assert.deepEqual(result.files[0]!.event, { id: 'global-azure-linz-2024', name: 'Global Azure Linz 2024', start: '2024-04-20', end: '2024-04-20' });

  const keynote = result.files[0]!.sessions.find((s) => s.id === 'keynote-pioneering-the-future-of-java-with-intelligent-apps');
  // recordingUrl is null here: the link is the answer to the "YouTube Video" question.
  assert.deepEqual(keynote, {
    id: 'keynote-pioneering-the-future-of-java-with-intelligent-apps',
    title: 'Keynote: Pioneering the Future of Java with Intelligent Apps',
    speakers: [
      { name: 'Ed Burns', affiliation: 'Microsoft' },
      { name: 'Sandra Ahlgrimm', affiliation: 'Microsoft' },
    ],
    start: '2024-04-20T09:00',
    duration: 45,
    room: 'Aula',
    video: 'https://youtube.com/live/mIguuYMFbh0',
  });
  const starts = result.files[0]!.sessions.map((s) => s.start ?? '');
  assert.deepEqual(starts, [...starts].sort(), 'sessions come in time order');
});

test('Global Azure Linz 2025', { skip: skipUnlessShared(...file(2025)) }, () => {
  const result = load(2025);
  assert.deepEqual(result.warnings, []);
  // 12 speaker entries, but Rainer Stropek is listed twice (two ids, two tagLines).
  assert.deepEqual(importStats(result.files), { events: 1, sessions: 13, speakers: 11, sessionsWithVideo: 13, sessionsWithSlides: 0 });
  const sessions = result.files[0]!.sessions;
  const welcome = sessions.find((s) => s.title === 'Welcome');
  assert.ok(welcome);
  assert.equal(welcome.start, '2025-05-10T09:00');
  assert.equal(welcome.duration, 10);
  assert.equal(welcome.room, 'Saal 9');
  assert.deepEqual(welcome.speakers, [{ name: 'Rainer Stropek', affiliation: 'Software Engineer, Microsoft Regional Director | software architects' }]);
  // The welcome and the talk after it share one stream recording.
  const austria = sessions.find((s) => s.id === 'empowering-austria-with-azure-innovation-trust-in-the-age-of-ai');
  assert.equal(welcome.video, 'https://www.youtube.com/live/Bq7ETjLpY1w?si=RpkiI0YGb7Jl2sW6');
  assert.equal(austria?.video, welcome.video);
  const sick = sessions.find((s) => s.speakers.some((p) => p.name === 'Katharina Sick'));
  assert.deepEqual(sick?.speakers, [{ name: 'Katharina Sick', affiliation: 'Dynatrace' }], '"DevRel @Dynatrace"');
  assert.equal(importSessionize(readFileSync(sharedFile(...file(2025)), 'utf8')).files[0]!.event.id, 'sessionize-import');
});

test('affiliation from a tagLine: the part after the last at/@, else the whole tagLine', () => {
  assert.equal(affiliationFromTagLine('Software Engineer at Dynatrace'), 'Dynatrace');
  assert.equal(affiliationFromTagLine('Principal Architect on the Java Tooling and Experiences team at Microsoft'), 'Microsoft');
  assert.equal(affiliationFromTagLine('Head Trainer @ DATA story LAB'), 'DATA story LAB');
  assert.equal(affiliationFromTagLine('Cloud Native & Open Source Enthusiast | DevRel @Dynatrace'), 'Dynatrace');
  assert.equal(affiliationFromTagLine('Lehrer für Mathematik, KI und Advanced Algorithms an der HTL Leonding'), 'HTL Leonding');
  assert.equal(affiliationFromTagLine('Dynatrace'), 'Dynatrace');
  assert.equal(affiliationFromTagLine('CTO atwork, Microsoft MVP'), 'CTO atwork, Microsoft MVP', '"atwork" is a company, not "at work"');
  assert.equal(affiliationFromTagLine('MVP | ACP IT Solutions GMBH, Lead Cloud Architect '), 'MVP | ACP IT Solutions GMBH, Lead Cloud Architect');
  assert.equal(affiliationFromTagLine('  '), undefined);
  assert.equal(affiliationFromTagLine(undefined), undefined);
});

test('event name from the file name', () => {
  assert.equal(readableName('global-azure-linz-2024'), 'Global Azure Linz 2024');
  const result = importSessionize(JSON.stringify({ sessions: [], speakers: [] }), { fileName: '/tmp/exports/my_conf-2025.json' });
  assert.deepEqual(result.files[0]!.event, { id: 'my-conf-2025', name: 'My Conf 2025' });
});

const speakers = [{ id: 's1', fullName: 'Ann Example', tagLine: 'Engineer at Example Corp' }];
const questions = [
  { id: 1, question: 'Slides' },
  { id: 2, question: 'Recording' },
  { id: 3, question: 'Code' },
];
const categories = [
  { id: 10, title: 'Session format', items: [{ id: 11, name: 'Workshop' }] },
  { id: 20, title: 'Track', items: [{ id: 21, name: 'Cloud' }] },
];
const session = (over: Record<string, unknown>) => ({
  id: '1',
  title: 'A talk',
  startsAt: '2024-03-31T01:30:00',
  endsAt: '2024-03-31T03:30:00',
  isServiceSession: false,
  speakers: ['s1'],
  categoryItems: [],
  questionAnswers: [],
  roomId: null,
  recordingUrl: null,
  ...over,
});

test('recordingUrl wins; slides and other links come from questionAnswers; categories give type and track', () => {
  const result = importSessionize(
    JSON.stringify({
      sessions: [
        session({
          recordingUrl: 'https://vimeo.com/123456',
          categoryItems: [11, 21],
          questionAnswers: [
            { questionId: 1, answerValue: 'https://example.org/deck.pdf' },
            { questionId: 2, answerValue: 'Stream: https://www.youtube.com/live/abc' },
            { questionId: 3, answerValue: 'See https://example.org/repo.' },
          ],
        }),
      ],
      speakers,
      questions,
      categories,
      rooms: [],
    }),
  );
  const s = result.files[0]!.sessions[0]!;
  assert.equal(s.video, 'https://vimeo.com/123456');
  assert.equal(s.slides, 'https://example.org/deck.pdf');
  assert.equal(s.type, 'workshop');
  assert.equal(s.track, 'Cloud');
  // Naive local times across the spring DST change still give the scheduled length.
  assert.equal(s.duration, 120);
  assert.deepEqual(s.speakers, [{ name: 'Ann Example', affiliation: 'Example Corp' }]);
  assert.deepEqual(s.links, [
    { url: 'https://www.youtube.com/live/abc', title: 'Recording' },
    { url: 'https://example.org/repo', title: 'Code' },
  ]);
});

test('service sessions without speakers are skipped; untitled sessions warn', () => {
  const result = importSessionize(
    JSON.stringify({
      sessions: [
        session({ id: '1', title: 'Lunch', isServiceSession: true, speakers: [] }),
        session({ id: '2', title: 'Welcome', isServiceSession: true }),
        session({ id: '3', title: '' }),
        session({ id: '4', title: 'Ghost', speakers: ['nobody'] }),
      ],
      speakers,
    }),
  );
  assert.deepEqual(
    result.files[0]!.sessions.map((s) => s.title),
    ['Welcome', 'Ghost'],
  );
  assert.deepEqual(result.files[0]!.sessions[1]!.speakers, []);
  assert.equal(result.warnings.length, 3);
  assert.match(result.warnings.join('\n'), /session 3 has no title; skipped/);
  assert.match(result.warnings.join('\n'), /speaker nobody, who is not in the speakers list/);
  assert.match(result.warnings.join('\n'), /skipped 1 service session\(s\) without speakers \(Lunch\)/);
});

test('bad input: invalid JSON and the wrong shape raise ImportError with a helpful message', () => {
  assert.throws(
    () => importSessionize('not json'),
    (err: unknown) => err instanceof ImportError && /not valid JSON/.test(err.message) && /sessionize/.test(err.message),
  );
  assert.throws(
    () => importSessionize('{"speakers": []}'),
    (err: unknown) => err instanceof ImportError && /no "sessions" list/.test(err.message),
  );
  assert.throws(
    () => importSessionize('{"schedule": {"conference": {}}}'),
    (err: unknown) => err instanceof ImportError && /frab-json/.test(err.message),
  );
});
