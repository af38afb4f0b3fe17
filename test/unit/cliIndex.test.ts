import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { loadIndexFile } from '../../src/core/index/loadIndexFile';
import { sharedFile, skipUnlessShared } from './support/sharedData';

// The CLI finds the bundled index beside its own bundle (dist/..); tests run from elsewhere.
process.env.RECAP_BUNDLED_INDEX = join(process.cwd(), 'data', 'bundled', 'index.bin');

function capture(cwd: string): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, cwd, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}
async function run(args: string[], cwd = dir) {
  const io = capture(cwd);
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}
interface Hit {
  id: string;
  title: string;
  event: string;
  speakers: { name: string; affiliation?: string }[];
  video?: string;
  score: number;
}

const PIG = 'kubecon-eu-2024/sometimes-lipstick-is-exactly-what-a-pig-needs';
const FOSDEM_2023 = ['schedules', 'fosdem', 'fosdem-2023.xml'];
const ICS = join(process.cwd(), 'test', 'fixtures', 'ical', 'sched-sample.ics');

const dir = mkdtempSync(join(tmpdir(), 'recap-cli-index-'));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};

// A workspace index: overrides the bundled pig talk (same full id) and the bundled event's name.
write(
  'kubecon.yaml',
  [
    'event:',
    '  id: kubecon-eu-2024',
    '  name: KubeCon EU 2024 (my notes)',
    'sessions:',
    '  - id: sometimes-lipstick-is-exactly-what-a-pig-needs',
    '    title: Lipstick on the Pig, my notes',
    '    speakers: [Abby Bangser, Whitney Lee]',
    '    video: https://example.org/pig.mp4',
    '',
  ].join('\n'),
);
// Broken: a bad video (field dropped), an entry without a title (skipped), a good entry.
write(
  'broken.yaml',
  [
    'event:',
    '  id: quokka-meetup-2024',
    '  name: Quokka Meetup 2024',
    'sessions:',
    '  - title: Quokka Appreciation Workshop',
    '    video: not-a-url',
    '  - speakers: [Nobody]',
    '  - title: Wombat Burrow Engineering',
    '    colour: brown',
    '',
  ].join('\n'),
);
write('good.yaml', 'event:\n  id: demo-2024\n  name: Demo 2024\nsessions:\n  - title: One\n  - title: Two\n    type: keynote\n');
write('info-only.yaml', 'event:\n  id: demo-2024\n  name: Demo 2024\nsessions:\n  - title: One\n    type: fireside\n');
write('warning-only.yaml', 'event:\n  id: demo-2024\nsessions:\n  - title: One\n');
write('notes.md', '# Notes from KubeCon\n\nGreat talks.\n');

test('search lipstik pig --limit 3 --json: the KubeCon talk first, typos and all', async () => {
  const { code, stdout, stderr } = await run(['search', 'lipstik', 'pig', '--limit', '3', '--json']);
  assert.equal(code, 0);
  assert.deepEqual(stderr, []);
  const hits = JSON.parse(stdout.join('\n')) as Hit[];
  assert.equal(hits.length, 3);
  assert.equal(hits[0]!.id, PIG);
  assert.equal(hits[0]!.title, 'Sometimes, Lipstick Is Exactly What a Pig Needs!');
  assert.equal(hits[0]!.event, 'kubecon-eu-2024');
  assert.deepEqual(hits[0]!.speakers, [
    { name: 'Abby Bangser', affiliation: 'Syntasso' },
    { name: 'Whitney Lee', affiliation: 'VMware' },
  ]);
  assert.ok(hits[0]!.score > hits[1]!.score && hits[1]!.score >= hits[2]!.score, JSON.stringify(hits.map((h) => h.score)));
});

test('search --queries FILE prints one JSON line per query (blank lines skipped)', async () => {
  write('queries.txt', 'lipstik pig\n\ncontainer developer tooling\r\nzzzzqqqq xxyyzz\ncontainers\n');
  const { code, stdout, stderr } = await run(['search', '--queries', 'queries.txt', '--limit', '2']);
  assert.equal(code, 0);
  assert.deepEqual(stderr, []);
  assert.equal(stdout.length, 4);
  const lines = stdout.map((l) => JSON.parse(l) as { query: string; results: Hit[] });
  assert.deepEqual(
    lines.map((l) => l.query),
    ['lipstik pig', 'container developer tooling', 'zzzzqqqq xxyyzz', 'containers'],
  );
  assert.equal(lines[0]!.results.length, 2);
  assert.equal(lines[0]!.results[0]!.id, PIG);
  assert.equal(lines[1]!.results[0]!.id, 'fosdem-2023/container_developer_tooling');
  assert.deepEqual(lines[2]!.results, []);
  // Without --event, "containers" is led by another FOSDEM year (compare the --event test).
  assert.equal(lines[3]!.results.length, 2);
  assert.notEqual(lines[3]!.results[0]!.event, 'fosdem-2023');
  for (const l of stdout) assert.ok(!l.includes('\n'), 'one line each');
});

// Loading the bundled index takes ~0.4 s, so three tests share one search: a clean file overriding a
// bundled talk, then a broken file that adds an event, with --event fosdem-2023.
let workspaceRun: ReturnType<typeof run> | undefined;
const workspaceSearch = () => {
  write('ws-queries.txt', 'lipstik pig\nquokka appreciation\nwombat\ncontainers\n');
  return (workspaceRun ??= run([
    'search',
    '--queries',
    'ws-queries.txt',
    '--index',
    'kubecon.yaml',
    '--index',
    'broken.yaml',
    '--event',
    'fosdem-2023',
    '--limit',
    '3',
  ]));
};

test("search --event fosdem-2023 ranks that event's sessions first", async () => {
  const { code, stdout } = await workspaceSearch();
  assert.equal(code, 0);
  const containers = JSON.parse(stdout[3]!) as { query: string; results: Hit[] };
  assert.equal(containers.query, 'containers');
  // Without --event the best "containers" match is from another year (see the --queries test); with it,
  // all three are from FOSDEM 2023.
  assert.equal(containers.results.length, 3);
  for (const h of containers.results) {
    assert.equal(h.event, 'fosdem-2023');
    assert.match(h.id, /^fosdem-2023\//);
    assert.match(h.title, /container/i);
  }
});

test('search --index: workspace sessions are added, and a bundled full id is overridden', async () => {
  const { code, stdout } = await workspaceSearch();
  assert.equal(code, 0);
  const [pig, quokka, wombat] = stdout.map((l) => JSON.parse(l) as { query: string; results: Hit[] });
  // Same full id, the workspace file's content; and only once.
  assert.equal(pig!.results.filter((h) => h.id === PIG).length, 1);
  const mine = pig!.results.find((h) => h.id === PIG)!;
  assert.equal(mine.title, 'Lipstick on the Pig, my notes');
  assert.equal(mine.video, 'https://example.org/pig.mp4');
  assert.deepEqual(mine.speakers, [{ name: 'Abby Bangser' }, { name: 'Whitney Lee' }]);
  assert.equal(quokka!.results[0]!.id, 'quokka-meetup-2024/quokka-appreciation-workshop');
  assert.equal(quokka!.results[0]!.event, 'quokka-meetup-2024');
  assert.equal(wombat!.results[0]!.id, 'quokka-meetup-2024/wombat-burrow-engineering');
});

test('search --index with a broken file: located problems on stderr, the rest still loads', async () => {
  const { code, stdout, stderr } = await workspaceSearch();
  assert.equal(code, 0);
  assert.deepEqual(stderr, [
    "broken.yaml:6:12 error sessions[0].video: expected an http(s) URL, got 'not-a-url'",
    'broken.yaml:7:5 error sessions[1].title: missing: every session needs a title; this entry is skipped',
    'broken.yaml:9:5 warning sessions[2].colour: unknown field (expected one of: id, title, speakers, type, track, start, duration, end, room, video, slides, schedule, links, aliases)',
  ]);
  const quokka = (JSON.parse(stdout[1]!) as { results: Hit[] }).results[0]!;
  // The entry with the bad video is kept, without it.
  assert.equal(quokka.title, 'Quokka Appreciation Workshop');
  assert.equal(quokka.video, undefined);
  assert.equal(stdout.length, 4);
});

test('stats --index: parent chains span files; each file reports its own problems first, then its parent problem at its parent: line', async () => {
  const event = (id: string, parent: string, extra = '') => `event:\n  id: ${id}\n  name: ${id}\n  parent: ${parent}\nsessions:\n  - title: Hello${extra}\n`;
  write('loop-a.yaml', event('loop-a', 'loop-b', '\n    video: nope'));
  write('loop-b.yaml', event('loop-b', 'loop-a'));
  write('orphan.yaml', event('orphan-2025', 'nowhere-2025'));
  const { code, stderr } = await run(['stats', '--index', 'loop-a.yaml', '--index', 'orphan.yaml', '--index', 'loop-b.yaml']);
  assert.equal(code, 1, 'the loop is an error');
  assert.deepEqual(
    stderr.map((line) => line.replace(/: the parent chain.*|: event 'orphan.*/, '')),
    [
      "loop-a.yaml:7:12 error sessions[0].video: expected an http(s) URL, got 'nope'",
      'loop-a.yaml:4:3 error event.parent',
      'orphan.yaml:4:3 warning event.parent',
      'loop-b.yaml:4:3 error event.parent',
    ],
  );
  assert.match(stderr[1]!, /the parent chain of event 'loop-a' loops back on itself \('loop-a' → 'loop-b' → 'loop-a'\)/);
  assert.match(stderr[2]!, /names 'nowhere-2025' as its parent/);
});

test('search: a missing --index file, --limit 0 and no query are errors (exit 2)', async () => {
  let r = await run(['search', 'x', '--limit', '0']);
  assert.equal(r.code, 2);
  assert.match(r.stderr[0]!, /^recap search: --limit takes a whole number from 1 to 1000, got '0'\n\nUsage: recap search/);
  assert.deepEqual(r.stdout, []);
  r = await run(['search', 'x', '--limit', 'ten']);
  assert.equal(r.code, 2);
  r = await run(['search']);
  assert.equal(r.code, 2);
  assert.match(r.stderr[0]!, /give a query, or --queries FILE/);
  r = await run(['search', 'x', '--index', 'missing.yaml']);
  assert.equal(r.code, 2);
  assert.deepEqual(r.stderr, ['recap search: missing.yaml: cannot read: ENOENT']);
});

// Expected numbers counted independently with python3 on the raw XML: fosdem-2023 has 780 <event>s and
// 787 distinct person names, fosdem-2007 215 and 204; videos and slides as in importers/frabXml.test.ts.
const STATS_2023 = 'frab-xml: 1 event(s), 780 sessions, 787 speakers, 647 sessions with video, 505 with slides';
const STATS_2007 = 'frab-xml: 1 event(s), 215 sessions, 204 speakers, 55 sessions with video, 42 with slides';
const FOSDEM_2007 = ['schedules', 'fosdem', 'fosdem-2007.xml'];

test('import a FOSDEM year to stdout: the YAML on stdout, the stats line on stderr', { skip: skipUnlessShared(...FOSDEM_2023) }, async () => {
  const { code, stdout, stderr } = await run(['import', sharedFile(...FOSDEM_2023)]);
  assert.equal(code, 0);
  assert.deepEqual(stderr, [STATS_2023]);
  assert.equal(stdout.length, 1);
  const yaml = stdout[0]!;
  assert.ok(
    yaml.startsWith(
      [
        '# Recap Writer session index, imported from fosdem-2023.xml (frab-xml) by recap import.',
        '# Written whole by Recap Writer: the last line is "# end of index". Without it, the file was cut short.',
        'event:',
        '  id: fosdem-2023',
        '  name: FOSDEM 2023',
        '  location: ULB (Université Libre de Bruxelles), Brussels',
        '  start: 2023-02-04',
        '  end: 2023-02-05',
        'sessions:',
        '  - id: keynotes_welcome',
        '    title: Welcome to FOSDEM 2023',
        '',
      ].join('\n'),
    ),
    yaml.slice(0, 400),
  );
  // One entry per session.
  assert.equal((yaml.match(/^ {2}- id: /gm) ?? []).length, 780);
  assert.ok(yaml.endsWith('\n# end of index: 780 sessions'), yaml.slice(-100));
  assert.ok(
    yaml.includes('\n  - id: container_kubernetes_multi_cloud\n    title: Deploying Kubernetes across Hybrid and Multi-Cloud Environments Using OpenNebula\n'),
  );
  assert.ok(yaml.includes('\n    video: https://video.fosdem.org/2023/UB2.252A%20(Lameere)/container_kubernetes_multi_cloud.mp4\n'));
});

test('import a FOSDEM year with -o: the file is written and loads back with the same sessions', { skip: skipUnlessShared(...FOSDEM_2007) }, async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'recap-import-')), 'fosdem-2007.yaml');
  const { code, stdout, stderr } = await run(['import', sharedFile(...FOSDEM_2007), '-o', out]);
  assert.equal(code, 0);
  assert.deepEqual(stdout, []);
  // 2007 repeats six titles: one warning each, then the stats.
  assert.equal(stderr.length, 7);
  assert.ok(
    stderr.slice(0, 6).every((l) => l.startsWith("warning: fosdem-2007: two sessions share the id '")),
    stderr.join('\n'),
  );
  assert.equal(stderr[6], STATS_2007);
  const written = readFileSync(out, 'utf8');
  assert.ok(
    written.startsWith(
      '# Recap Writer session index, imported from fosdem-2007.xml (frab-xml) by recap import.\n# Written whole by Recap Writer: the last line is "# end of index". Without it, the file was cut short.\nevent:\n  id: fosdem-2007\n',
    ),
  );
  assert.ok(written.endsWith('\n# end of index: 215 sessions\n'));
  const loaded = loadIndexFile(out, written);
  assert.deepEqual(loaded.problems, []);
  assert.equal(loaded.sessions.length, 215);
  assert.equal(loaded.sessions.filter((s) => s.video).length, 55);
  assert.equal(loaded.sessions.filter((s) => s.slides).length, 42);
  assert.deepEqual(loaded.event, {
    id: 'fosdem-2007',
    name: 'FOSDEM 2007',
    location: 'ULB (Université Libre de Bruxelles), Brussels',
    start: '2007-02-25',
    end: '2007-02-26',
  });
});

test('import -o refuses to overwrite without --force (exit 2, file unchanged); --force replaces it', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'recap-import-')), 'existing.yaml');
  writeFileSync(out, 'keep me\n');
  const refused = await run(['import', ICS, '-o', out]);
  assert.equal(refused.code, 2);
  assert.deepEqual(refused.stderr, [`${out} exists; not overwritten (use --force to replace it)`]);
  assert.equal(readFileSync(out, 'utf8'), 'keep me\n');

  const forced = await run(['import', ICS, '-o', out, '--force']);
  assert.equal(forced.code, 0);
  assert.deepEqual(forced.stderr, ['ical: 1 event(s), 6 sessions, 10 speakers, 1 sessions with video, 1 with slides']);
  const text = readFileSync(out, 'utf8');
  assert.ok(text.startsWith('# Recap Writer session index, imported from sched-sample.ics (ical) by recap import.\n'), text.slice(0, 120));
  const loaded = loadIndexFile(out, text);
  assert.deepEqual(loaded.problems, []);
  assert.equal(loaded.sessions.length, 6);
  assert.equal(loaded.event?.id, 'example-open-source-summit-2024');
});

test('import -o into a directory that does not exist is an error, not a crash', async () => {
  const out = join(dir, 'no', 'such', 'dir', 'x.yaml');
  const r = await run(['import', ICS, '-o', out]);
  assert.equal(r.code, 2);
  assert.match(r.stderr.join('\n'), /ENOENT/);
  assert.equal(existsSync(out), false);
});

test('import of something that is no schedule: exit 2, naming the formats', async () => {
  const r = await run(['import', 'notes.md']);
  assert.equal(r.code, 2);
  assert.deepEqual(r.stdout, []);
  assert.equal(r.stderr.length, 1);
  assert.match(
    r.stderr[0]!,
    /^notes\.md: .*not a schedule format Recap Writer reads\. Supported: frab XML \(schedule\.xml\), frab\/pretalx JSON \(schedule\.json\), Sessionize "All Data" JSON, iCalendar \(\.ics\)\. If it is one of these, name it with --format \(frab-xml, frab-json, sessionize, ical\)\.$/,
  );
});

test('import names the file once in its error', async () => {
  const r = await run(['import', 'notes.md']);
  assert.match(r.stderr[0]!, /^notes\.md: not a schedule format/);
});

test('import --format: an unknown name exits 2 naming the formats; a known one is used as given', async () => {
  let r = await run(['import', 'notes.md', '--format', 'nope']);
  assert.equal(r.code, 2);
  assert.deepEqual(r.stderr, ["notes.md: unknown format 'nope': use one of frab-xml, frab-json, sessionize, ical"]);
  // The .ics named as frab XML goes to the XML importer.
  r = await run(['import', ICS, '--format', 'frab-xml']);
  assert.equal(r.code, 2);
  assert.deepEqual(r.stderr, [`${ICS}: not well-formed XML: char 'B' is not expected. (line 1, column 1)`]);
  r = await run(['import', ICS, '--format', 'ical', '--event-id', 'oss-2024']);
  assert.equal(r.code, 0);
  assert.match(r.stdout[0]!, /\nevent:\n {2}id: oss-2024\n/);
});

test('import usage errors exit 2', async () => {
  let r = await run(['import']);
  assert.equal(r.code, 2);
  assert.match(r.stderr[0]!, /^recap import: name one schedule file or URL\n\nUsage: recap import FILE\|FOLDER\|URL/);
  r = await run(['import', 'missing.xml']);
  assert.equal(r.code, 2);
  assert.deepEqual(r.stderr, ['missing.xml: cannot read: ENOENT']);
  r = await run(['import', 'notes.md', '--bogus']);
  assert.equal(r.code, 2);
  assert.match(r.stderr[0]!, /^recap import: Unknown option '--bogus'/);
});

test('validate a good file: exit 0, a summary line', async () => {
  const { code, stdout, stderr } = await run(['validate', 'good.yaml']);
  assert.equal(code, 0);
  assert.deepEqual(stderr, []);
  assert.deepEqual(stdout, ['good.yaml: event demo-2024, 2 sessions loaded']);
});

test('validate a broken file: exit 1, file:line:col severity field: message', async () => {
  const { code, stdout } = await run(['validate', 'good.yaml', 'broken.yaml']);
  assert.equal(code, 1);
  assert.deepEqual(stdout, [
    'good.yaml: event demo-2024, 2 sessions loaded',
    "broken.yaml:6:12 error sessions[0].video: expected an http(s) URL, got 'not-a-url'",
    'broken.yaml:7:5 error sessions[1].title: missing: every session needs a title; this entry is skipped',
    'broken.yaml:9:5 warning sessions[2].colour: unknown field (expected one of: id, title, speakers, type, track, start, duration, end, room, video, slides, schedule, links, aliases)',
    'broken.yaml: event quokka-meetup-2024, 2 sessions loaded',
  ]);
  for (const line of stdout.slice(1, -1)) assert.match(line, /^[^:]+:\d+:\d+ (error|warning|info) \S+: .+/);
});

test('validate: warnings fail (exit 1), info alone passes (exit 0); nothing loaded is said', async () => {
  let r = await run(['validate', 'warning-only.yaml']);
  assert.equal(r.code, 1);
  assert.deepEqual(r.stdout, [
    "warning-only.yaml:2:3 warning event.name: missing: give the event a name; 'demo-2024' is used meanwhile",
    'warning-only.yaml: event demo-2024, 1 sessions loaded',
  ]);
  r = await run(['validate', 'info-only.yaml']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout.length, 2);
  assert.match(r.stdout[0]!, /^info-only\.yaml:6:11 info sessions\[0\]\.type: unknown session type 'fireside'/);
  write('no-event.yaml', 'sessions:\n  - title: A\n');
  r = await run(['validate', 'no-event.yaml']);
  assert.equal(r.code, 1);
  assert.deepEqual(r.stdout, ['no-event.yaml:1:1 error event: missing: every index file describes one event under `event:`', 'no-event.yaml: nothing loaded']);
});

test('validate: an unreadable file exits 2, the others are still checked; no file is a usage error', async () => {
  let r = await run(['validate', 'missing.yaml', 'good.yaml']);
  assert.equal(r.code, 2);
  assert.deepEqual(r.stderr, ['missing.yaml: cannot read: ENOENT']);
  assert.deepEqual(r.stdout, ['good.yaml: event demo-2024, 2 sessions loaded']);
  r = await run(['validate']);
  assert.equal(r.code, 2);
  assert.match(r.stderr[0]!, /^recap validate: name one or more index files/);
});
