import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IndexProblem } from '../../src/core/index/indexProblem';
import { loadIndexFile } from '../../src/core/index/loadIndexFile';

/** `line:column severity field: message` without the file, for compact assertions. */
const brief = (p: IndexProblem) => `${p.line}:${p.column} ${p.severity} ${p.field}: ${p.message}`;
const lines = (...l: string[]) => l.join('\n') + '\n';

const GOOD_YAML = lines(
  '# A hand-written index file',
  'event:',
  '  id: demo-2024',
  '  name: Demo Conference 2024',
  '  location: Brussels',
  '  start: 2024-05-01',
  '  end: 2024-05-02',
  '  url: https://demo.example.org/',
  '  parent: umbrella-2024',
  'sessions:',
  '  - id: opening',
  '    title: Opening Keynote',
  '    type: keynote',
  '    track: Main',
  '    speakers:',
  '      - name: Ada Lovelace',
  '        affiliation: Analytical Engines',
  '      - Grace Hopper',
  '    start: 2024-05-01T09:00',
  '    duration: 30',
  '    room: Main Hall',
  '    video: https://www.youtube.com/watch?v=abc123',
  '    slides: https://demo.example.org/slides/opening.pdf',
  '    links:',
  '      - url: https://code.example.org/demo/opening',
  '        title: Code',
  '      - https://demo.example.org/notes',
  '  - title: Closing Remarks & Thanks',
  '    speakers: [Alan Turing]',
  '    duration: "1:15"',
);

const GOOD_JSON = JSON.stringify(
  {
    event: {
      id: 'demo-2024',
      name: 'Demo Conference 2024',
      location: 'Brussels',
      start: '2024-05-01',
      end: '2024-05-02',
      url: 'https://demo.example.org/',
      parent: 'umbrella-2024',
    },
    sessions: [
      {
        id: 'opening',
        title: 'Opening Keynote',
        type: 'keynote',
        track: 'Main',
        speakers: [{ name: 'Ada Lovelace', affiliation: 'Analytical Engines' }, 'Grace Hopper'],
        start: '2024-05-01T09:00',
        duration: 30,
        room: 'Main Hall',
        video: 'https://www.youtube.com/watch?v=abc123',
        slides: 'https://demo.example.org/slides/opening.pdf',
        links: [{ url: 'https://code.example.org/demo/opening', title: 'Code' }, 'https://demo.example.org/notes'],
      },
      { title: 'Closing Remarks & Thanks', speakers: ['Alan Turing'], duration: '1:15' },
    ],
  },
  null,
  2,
);

const EXPECTED_EVENT = {
  id: 'demo-2024',
  name: 'Demo Conference 2024',
  location: 'Brussels',
  start: '2024-05-01',
  end: '2024-05-02',
  url: 'https://demo.example.org/',
  parent: 'umbrella-2024',
};
const EXPECTED_SESSIONS = [
  {
    id: 'opening',
    title: 'Opening Keynote',
    speakers: [{ name: 'Ada Lovelace', affiliation: 'Analytical Engines' }, { name: 'Grace Hopper' }],
    type: 'keynote',
    track: 'Main',
    start: '2024-05-01T09:00',
    room: 'Main Hall',
    duration: 30,
    video: 'https://www.youtube.com/watch?v=abc123',
    slides: 'https://demo.example.org/slides/opening.pdf',
    links: [{ url: 'https://code.example.org/demo/opening', title: 'Code' }, { url: 'https://demo.example.org/notes' }],
  },
  // No id: derived from the title; "1:15" is HH:MM.
  { id: 'closing-remarks-thanks', title: 'Closing Remarks & Thanks', speakers: [{ name: 'Alan Turing' }], duration: 75 },
];

test('a good YAML file loads every field, with no problems', () => {
  const loaded = loadIndexFile('demo.yaml', GOOD_YAML);
  assert.deepEqual(loaded.problems, []);
  assert.equal(loaded.path, 'demo.yaml');
  assert.deepEqual(loaded.event, EXPECTED_EVENT);
  assert.deepEqual(loaded.sessions, EXPECTED_SESSIONS);
  // Each entry's first line: the `- id:` line and the `- title:` line.
  assert.deepEqual(loaded.sessionLines, [11, 28]);
});

test('the same content as JSON loads identically', () => {
  const yaml = loadIndexFile('demo.yaml', GOOD_YAML);
  const json = loadIndexFile('demo.json', GOOD_JSON);
  assert.deepEqual(json.problems, []);
  assert.deepEqual(json.event, yaml.event);
  assert.deepEqual(json.sessions, yaml.sessions);
  // Lines follow the JSON layout: `{` of each session object.
  const jsonLines = GOOD_JSON.split('\n');
  assert.deepEqual(
    json.sessionLines.map((l) => jsonLines[l - 1]!.trim()),
    ['{', '{'],
  );
  assert.equal(json.sessionLines.length, 2);
  assert.ok(json.sessionLines[0]! < json.sessionLines[1]!);
});

test('a problem in JSON is located too (line and column of the value)', () => {
  const text = '{\n  "event": {"id": "j-1", "name": "J"},\n  "sessions": [\n    {"title": "A", "video": "nope"}\n  ]\n}\n';
  const loaded = loadIndexFile('j.json', text);
  assert.deepEqual(loaded.problems.map(brief), ["4:29 error sessions[0].video: expected an http(s) URL, got 'nope'"]);
  assert.deepEqual(loaded.sessions, [{ id: 'a', title: 'A', speakers: [] }]);
});

test('invalid YAML is located; the rest of the file still loads', () => {
  const text = lines('event:', '  id: demo-2024', '  name: Demo 2024', 'sessions:', '  - title: First', '  - title: Second: with a colon', '  - title: Third');
  const loaded = loadIndexFile('bad.yaml', text);
  const syntax = loaded.problems.filter((p) => p.message.startsWith('not valid YAML/JSON'));
  assert.equal(syntax.length, 1, loaded.problems.map(brief).join('\n'));
  assert.equal(syntax[0]!.file, 'bad.yaml');
  assert.equal(syntax[0]!.severity, 'error');
  // Line 6, column 12: where `Second: …` starts.
  assert.equal(syntax[0]!.line, 6);
  assert.equal(syntax[0]!.column, 12);
  assert.match(syntax[0]!.message, /Nested mappings are not allowed/);
  // The message carries no "at line…" of its own: the location is in line/column.
  assert.doesNotMatch(syntax[0]!.message, /at line \d+/);
  assert.deepEqual(loaded.event, { id: 'demo-2024', name: 'Demo 2024' });
  assert.deepEqual(
    loaded.sessions.map((s) => s.id),
    ['first', 'third'],
  );
  assert.deepEqual(loaded.sessionLines, [5, 7]);
  // The broken entry itself is reported as skipped.
  assert.ok(loaded.problems.some((p) => p.field === 'sessions[1].title' && /skipped/.test(p.message)));
});

test('an unclosed flow mapping is reported where the parser gave up; what it recovered still loads', () => {
  const loaded = loadIndexFile('x.yaml', 'event: {id: a\n');
  assert.deepEqual(loaded.problems.map(brief), [
    // At the end of the text (line 2, column 1): where the closing brace was expected.
    '2:1 error : not valid YAML/JSON: Flow map in block collection must be sufficiently indented and end with a }',
    "1:8 warning event.name: missing: give the event a name; 'a' is used meanwhile",
  ]);
  assert.deepEqual(loaded.event, { id: 'a', name: 'a' });
  assert.deepEqual(loaded.sessions, []);
});

test('a file that is not a mapping, or has no event:, says what an index file is', () => {
  let loaded = loadIndexFile('list.yaml', '- a\n- b\n');
  assert.deepEqual(loaded.problems.map(brief), ['1:1 error : an index file is a mapping with `event:` (the event) and `sessions:` (a list of sessions)']);
  loaded = loadIndexFile('noevent.yaml', 'sessions: []\n');
  assert.equal(loaded.event, undefined);
  assert.deepEqual(loaded.problems.map(brief), ['1:1 error event: missing: every index file describes one event under `event:`']);
  loaded = loadIndexFile('scalar-event.yaml', 'event: demo\n');
  assert.deepEqual(loaded.problems.map(brief), ['1:8 error event: expected a mapping with id, name, start, end…']);
});

test('a missing event id loads nothing and says so', () => {
  const text = lines('event:', '  name: No Id Conf', 'sessions:', '  - title: A talk');
  const loaded = loadIndexFile('noid.yaml', text);
  assert.equal(loaded.event, undefined);
  assert.deepEqual(loaded.sessions, []);
  assert.deepEqual(loaded.sessionLines, []);
  assert.equal(loaded.problems.length, 1);
  const [p] = loaded.problems;
  assert.equal(p!.file, 'noid.yaml');
  assert.equal(p!.field, 'event.id');
  assert.equal(p!.severity, 'error');
  // At the event mapping's first key.
  assert.equal(p!.line, 2);
  assert.equal(p!.column, 3);
  assert.match(p!.message, /^missing: the event needs an id such as kubecon-eu-2024; nothing in this file is loaded/);
});

test('an event id with a slash is rejected with what is expected', () => {
  const loaded = loadIndexFile('slash.yaml', lines('event:', '  id: demo/2024', '  name: D', 'sessions:', '  - title: A'));
  assert.equal(loaded.event, undefined);
  assert.deepEqual(loaded.sessions, []);
  assert.deepEqual(loaded.problems.map(brief), [
    "2:7 error event.id: expected an id of letters, digits, dots, dashes or underscores (no slash), e.g. kubecon-eu-2024, got 'demo/2024'",
  ]);
});

test('a missing event name is a warning and the id stands in', () => {
  const loaded = loadIndexFile('noname.yaml', lines('event:', '  id: demo-2024', 'sessions:', '  - title: A talk'));
  assert.deepEqual(loaded.event, { id: 'demo-2024', name: 'demo-2024' });
  assert.deepEqual(
    loaded.sessions.map((s) => s.id),
    ['a-talk'],
  );
  assert.deepEqual(loaded.problems.map(brief), ["2:3 warning event.name: missing: give the event a name; 'demo-2024' is used meanwhile"]);
});

test('a session without a title is skipped, the others load', () => {
  const text = lines('event:', '  id: demo-2024', '  name: Demo', 'sessions:', '  - title: One', '  - id: two', '    speakers: [Somebody]', '  - title: Three');
  const loaded = loadIndexFile('notitle.yaml', text);
  assert.deepEqual(
    loaded.sessions.map((s) => s.id),
    ['one', 'three'],
  );
  assert.deepEqual(loaded.sessionLines, [5, 8]);
  assert.deepEqual(loaded.problems.map(brief), ['6:5 error sessions[1].title: missing: every session needs a title; this entry is skipped']);
  assert.equal(loaded.problems[0]!.file, 'notitle.yaml');
});

test("a duplicate session id skips the second entry and names the first one's line", () => {
  const text = lines(
    'event:',
    '  id: demo-2024',
    '  name: Demo',
    'sessions:',
    '  - id: talk',
    '    title: The first',
    '  - title: Between',
    '  - id: talk',
    '    title: The second',
    '  - title: Between',
  );
  const loaded = loadIndexFile('dup.yaml', text);
  assert.deepEqual(
    loaded.sessions.map((s) => s.title),
    ['The first', 'Between'],
  );
  assert.deepEqual(loaded.sessionLines, [5, 7]);
  assert.deepEqual(loaded.problems.map(brief), [
    // At the second `id:` value.
    "8:9 error sessions[2].id: duplicate session id 'talk' (first used on line 5); this entry is skipped",
    // A derived id collides too; with no id: key the entry itself is the location.
    "10:5 error sessions[3].id: duplicate session id 'between' (first used on line 7); this entry is skipped",
  ]);
});

test('wrong types: each reported with field path and what is expected', () => {
  const text = lines(
    'event:',
    '  id: demo-2024',
    '  name: Demo',
    'sessions:',
    '  - title: 42',
    '    speakers: "a string"',
    '  - title: Two',
    '    duration: "abc"',
    '  - title: Three',
    '    video: not-a-url',
    '    room: Room 1',
    '  - title: Four',
    '    track: [a, b]',
    '    start: tomorrow',
    '    links: https://example.org',
    '  - title: Five',
    '    duration: -5',
    '    speakers:',
    '      - affiliation: Nowhere Inc',
    '      - 7',
    '      - name: Eve',
  );
  const loaded = loadIndexFile('types.yaml', text);
  assert.deepEqual(loaded.problems.map(brief), [
    '6:15 error sessions[0].speakers: expected a list of speakers (`- name: …` with an optional `affiliation: …`)',
    '8:15 error sessions[1].duration: expected minutes (e.g. 30) or HH:MM',
    "10:12 error sessions[2].video: expected an http(s) URL, got 'not-a-url'",
    '13:12 error sessions[3].track: expected text',
    "14:12 error sessions[3].start: expected a date or date-time, YYYY-MM-DD or YYYY-MM-DDTHH:MM, got 'tomorrow'",
    '15:12 error sessions[3].links: expected a list of links (`- url: …` with an optional `title: …`)',
    // Speakers are read before the duration, so their problems come first.
    '19:9 error sessions[4].speakers[0].name: missing: a speaker needs a name; this speaker is skipped',
    '20:9 error sessions[4].speakers[1]: expected a speaker: a name, or a mapping with name and affiliation',
    '17:15 error sessions[4].duration: expected minutes (e.g. 30) or HH:MM',
  ]);
  // A bare number is taken as its text (str() keeps numbers and dates written bare); the id is its slug.
  assert.deepEqual(loaded.sessions[0], { id: '42', title: '42', speakers: [] });
  assert.deepEqual(loaded.sessions[1], { id: 'two', title: 'Two', speakers: [] });
  // The bad video is dropped, the entry and its other fields kept.
  assert.deepEqual(loaded.sessions[2], { id: 'three', title: 'Three', speakers: [], room: 'Room 1' });
  assert.deepEqual(loaded.sessions[3], { id: 'four', title: 'Four', speakers: [] });
  assert.deepEqual(loaded.sessions[4], { id: 'five', title: 'Five', speakers: [{ name: 'Eve' }] });
  assert.equal(loaded.sessions.length, 5);
  for (const p of loaded.problems) {
    assert.equal(p.file, 'types.yaml');
    assert.ok(p.endLine > p.line || (p.endLine === p.line && p.endColumn > p.column), `${brief(p)} has an empty range`);
  }
});

test('title: true is not text: the entry is skipped', () => {
  const loaded = loadIndexFile('bool.yaml', lines('event:', '  id: d', '  name: D', 'sessions:', '  - title: true', '  - title: Kept'));
  assert.deepEqual(
    loaded.sessions.map((s) => s.id),
    ['kept'],
  );
  const problems = loaded.problems.map(brief);
  assert.ok(problems.includes('5:12 error sessions[0].title: expected text; this entry is skipped'), problems.join('\n'));
  assert.ok(
    problems.every((p) => p.startsWith('5:12 error sessions[0].title: ')),
    problems.join('\n'),
  );
});

test('title: true is reported once, not also as "missing"', () => {
  const loaded = loadIndexFile('bool.yaml', lines('event:', '  id: d', '  name: D', 'sessions:', '  - title: true'));
  assert.equal(loaded.problems.length, 1, loaded.problems.map(brief).join('\n'));
  assert.doesNotMatch(loaded.problems[0]!.message, /missing/);
});

test('bare numbers written as text keep the text as written', () => {
  const loaded = loadIndexFile('num.yaml', lines('event:', '  id: d', '  name: D', 'sessions:', '  - id: 2.0', '    title: 1e3', '    room: 1.10'));
  assert.deepEqual(loaded.sessions, [{ id: '2.0', title: '1e3', speakers: [], room: '1.10' }]);
});

test('an unknown field is a warning naming the allowed fields; the entry loads', () => {
  const text = lines('event:', '  id: demo-2024', '  name: Demo', '  venue: ULB', 'sessions:', '  - title: Talk', '    abstract: Something long', 'extra: 1');
  const loaded = loadIndexFile('unknown.yaml', text);
  assert.deepEqual(loaded.problems.map(brief), [
    '4:3 warning event.venue: unknown field (expected one of: id, name, location, start, end, url, recordings, parent)',
    '8:1 warning extra: unknown top-level key (expected event, sessions)',
    '7:5 warning sessions[0].abstract: unknown field (expected one of: id, title, speakers, type, track, start, duration, end, room, video, slides, schedule, links, aliases)',
  ]);
  assert.deepEqual(loaded.sessions, [{ id: 'talk', title: 'Talk', speakers: [] }]);
  assert.deepEqual(loaded.event, { id: 'demo-2024', name: 'Demo' });
});

test('an unknown session type is info and kept as written', () => {
  const loaded = loadIndexFile('type.yaml', lines('event:', '  id: d', '  name: D', 'sessions:', '  - title: T', '    type: fireside chat'));
  assert.deepEqual(loaded.sessions, [{ id: 't', title: 'T', speakers: [], type: 'fireside chat' }]);
  assert.deepEqual(loaded.problems.map(brief), [
    "6:11 info sessions[0].type: unknown session type 'fireside chat' (known: keynote, talk, panel, lightning, workshop, bof, meetup, other); kept as written",
  ]);
});

test('speakers as plain strings, in block and flow lists, trimmed', () => {
  const text = lines(
    'event:',
    '  id: d',
    '  name: D',
    'sessions:',
    '  - title: Block',
    '    speakers:',
    '      - Ada Lovelace',
    '      - "  Grace Hopper  "',
    '  - title: Flow',
    '    speakers: [Alan Turing, {name: Barbara Liskov, affiliation: MIT}]',
  );
  const loaded = loadIndexFile('speakers.yaml', text);
  assert.deepEqual(loaded.problems, []);
  assert.deepEqual(
    loaded.sessions.map((s) => s.speakers),
    [
      [{ name: 'Ada Lovelace' }, { name: 'Grace Hopper' }],
      [{ name: 'Alan Turing' }, { name: 'Barbara Liskov', affiliation: 'MIT' }],
    ],
  );
});

test('an id is derived from the title when missing (a slug)', () => {
  const text = lines(
    'event:',
    '  id: d',
    '  name: D',
    'sessions:',
    '  - title: "Sometimes Lipstick Is Exactly What a Pig Needs!"',
    '  - title: "Développeurs\' café: Ça marche?"',
  );
  const loaded = loadIndexFile('slug.yaml', text);
  assert.deepEqual(loaded.problems, []);
  assert.deepEqual(
    loaded.sessions.map((s) => s.id),
    ['sometimes-lipstick-is-exactly-what-a-pig-needs', 'developpeurs-cafe-ca-marche'],
  );
});

test('an invalid explicit id skips the entry (no slug fallback)', () => {
  const loaded = loadIndexFile('badid.yaml', lines('event:', '  id: d', '  name: D', 'sessions:', '  - id: a/b', '    title: Slashed', '  - title: Fine'));
  assert.deepEqual(
    loaded.sessions.map((s) => s.id),
    ['fine'],
  );
  assert.deepEqual(loaded.problems.map(brief), [
    "5:9 error sessions[0].id: expected an id of letters, digits, dots, dashes or underscores (no slash), got 'a/b'",
  ]);
});

test("sessionLines is parallel to sessions and points at each entry's first line", () => {
  const text = lines(
    'event:',
    '  id: d',
    '  name: D',
    'sessions:',
    '  # a comment line',
    '  - title: A',
    '    room: R',
    '',
    '  - speakers: [X]',
    '    title: B',
    '  - title: [broken]',
    '  - id: c',
    '    title: C',
  );
  const loaded = loadIndexFile('lines.yaml', text);
  assert.deepEqual(
    loaded.sessions.map((s) => s.id),
    ['a', 'b', 'c'],
  );
  assert.equal(loaded.sessionLines.length, loaded.sessions.length);
  assert.deepEqual(loaded.sessionLines, [6, 9, 12]);
  const all = text.split('\n');
  for (const [i, line] of loaded.sessionLines.entries()) assert.match(all[line - 1]!, /^ {2}- /, `session ${i} line ${line}`);
});

test('a CRLF file gives the same lines and columns', () => {
  const text = lines('event:', '  id: d', '  name: D', 'sessions:', '  - title: A', '    video: nope').replace(/\n/g, '\r\n');
  const loaded = loadIndexFile('crlf.yaml', text);
  assert.deepEqual(loaded.problems.map(brief), ["6:12 error sessions[0].video: expected an http(s) URL, got 'nope'"]);
  assert.deepEqual(loaded.sessionLines, [5]);
});

test('event fields: bad dates and URLs are dropped with a message', () => {
  const text = lines(
    'event:',
    '  id: d',
    '  name: D',
    '  start: 1 May',
    '  url: ftp://example.org',
    '  recordings: https://youtube.com/playlist?list=x',
    'sessions: []',
  );
  const loaded = loadIndexFile('event.yaml', text);
  assert.deepEqual(loaded.event, { id: 'd', name: 'D', recordings: 'https://youtube.com/playlist?list=x' });
  assert.deepEqual(loaded.problems.map(brief), [
    "4:10 error event.start: expected a date YYYY-MM-DD, got '1 May'",
    "5:8 error event.url: expected an http(s) URL, got 'ftp://example.org'",
  ]);
  assert.deepEqual(loaded.sessions, []);
});

test('sessions: that is not a list is an error; no sessions: at all is fine', () => {
  let loaded = loadIndexFile('s.yaml', lines('event:', '  id: d', '  name: D', 'sessions:', '  title: A'));
  assert.deepEqual(loaded.problems.map(brief), ['5:3 error sessions: expected a list of sessions (each item starting with `- id:` or `- title:`)']);
  assert.deepEqual(loaded.event, { id: 'd', name: 'D' });
  loaded = loadIndexFile('s.yaml', lines('event:', '  id: d', '  name: D'));
  assert.deepEqual(loaded.problems, []);
  assert.deepEqual(loaded.sessions, []);
  loaded = loadIndexFile('s.yaml', lines('event:', '  id: d', '  name: D', 'sessions:', '  - just text', '  - title: T'));
  assert.deepEqual(loaded.problems.map(brief), ['5:5 error sessions[0]: expected a session: a mapping with title, speakers, video…']);
  assert.deepEqual(
    loaded.sessions.map((s) => s.id),
    ['t'],
  );
  assert.deepEqual(loaded.sessionLines, [6]);
});
