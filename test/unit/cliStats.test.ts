import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { readBundle } from '../../src/core/index/binaryBundle';
import { indexStatistics, statisticsSummary } from '../../src/core/index/indexStatistics';
import { SessionIndex } from '../../src/core/index/sessionIndex';
import { readFileSync } from 'node:fs';

process.env.RECAP_BUNDLED_INDEX = join(process.cwd(), 'data', 'bundled', 'index.bin');
const dir = mkdtempSync(join(tmpdir(), 'recap-cli-stats-'));
writeFileSync(
  join(dir, 'meetup.yaml'),
  [
    'event: {id: tiny-meetup-2025, name: Tiny Meetup 2025}',
    'sessions:',
    '  - {id: a, title: A talk, speakers: [Ann], video: "https://media.ccc.de/v/a"}',
    '  - {id: b, title: B talk, speakers: [Ann, Bo], slides: "https://example.org/b.pdf"}',
    '',
  ].join('\n'),
);

async function run(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { cwd: dir, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
  const code = await main(args, io);
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

test('indexStatistics: totals and per event', () => {
  const index = new SessionIndex([
    {
      origin: { file: 'b', bundled: true },
      event: { id: 'e1', name: 'E1' },
      sessions: [
        { id: 'x', title: 'X', speakers: [{ name: 'Ann' }], video: 'https://example.org/v' },
        { id: 'y', title: 'Y', speakers: [{ name: 'ann' }], slides: 'https://example.org/s' },
      ],
    },
    { origin: { file: 'w.yaml' }, event: { id: 'e2', name: 'E2' }, sessions: [] },
  ]);
  const stats = indexStatistics(index);
  assert.deepEqual(stats, {
    events: 2,
    sessions: 2,
    speakers: 1,
    sessionsWithVideo: 1,
    sessionsWithSlides: 1,
    workspaceFiles: 1,
    perEvent: { e1: { sessions: 2, withVideo: 1 }, e2: { sessions: 0, withVideo: 0 } },
  });
  assert.equal(statisticsSummary(stats), '2 events, 2 sessions (1 with video, 1 with slides), 1 speakers');
});

test('recap stats --json: the bundled index plus --index files, per event', async () => {
  const bundled = indexStatistics(new SessionIndex(readBundle(readFileSync(process.env.RECAP_BUNDLED_INDEX!), 'b')));
  const { code, stdout, stderr } = await run(['stats', '--index', 'meetup.yaml', '--json']);
  assert.equal(stderr, '');
  assert.equal(code, 0);
  const json = JSON.parse(stdout) as typeof bundled;
  assert.deepEqual(Object.keys(json), ['events', 'sessions', 'sessionsWithVideo', 'sessionsWithSlides', 'speakers', 'workspaceFiles', 'perEvent']);
  assert.equal(json.events, bundled.events + 1);
  assert.equal(json.sessions, bundled.sessions + 2);
  assert.equal(json.sessionsWithVideo, bundled.sessionsWithVideo + 1);
  assert.equal(json.sessionsWithSlides, bundled.sessionsWithSlides + 1);
  assert.equal(json.workspaceFiles, 1);
  assert.deepEqual(json.perEvent['tiny-meetup-2025'], { sessions: 2, withVideo: 1 });
  assert.deepEqual(json.perEvent['fosdem-2024'], bundled.perEvent['fosdem-2024']);
  // The bundled index as generated from ../shared/data (see the README's index section).
  assert.deepEqual(json.perEvent['fosdem-2024'], { sessions: 874, withVideo: 842 });
  // EuroPython 2024's 172 sessions less its 5 registration desks and 2 morning announcements (talks only).
  assert.deepEqual(json.perEvent['europython-2024'], { sessions: 165, withVideo: 135 });
  assert.ok(json.perEvent['pycon-us-2024']!.withVideo > 100);
  // The other real schedules in ../shared/data, whole (not the 38C3 sample nor the generated DemoCon).
  assert.deepEqual(json.perEvent['camp2019'], { sessions: 79, withVideo: 1 });
  assert.deepEqual(json.perEvent['rc3-channels-2020'], { sessions: 48, withVideo: 0 });
  assert.deepEqual(json.perEvent['global-azure-linz-2024'], { sessions: 15, withVideo: 15 });
  assert.deepEqual(json.perEvent['global-azure-linz-2025'], { sessions: 13, withVideo: 13 });
  assert.equal(json.perEvent['38c3'], undefined);
  assert.equal(json.perEvent['democon'], undefined);
});

test('recap stats: a summary line and the per-event table; problems in --index files give exit 1', async () => {
  const { code, stdout } = await run(['stats', '--index', 'meetup.yaml']);
  assert.equal(code, 0);
  assert.match(stdout, /^Session index: [\d,]+ events, [\d,]+ sessions \([\d,]+ with video, [\d,]+ with slides\), [\d,]+ speakers; 1 index file\(s\)/);
  assert.match(stdout, /\ntiny-meetup-2025 +2 +1\n/);
  writeFileSync(join(dir, 'bad.yaml'), 'event: {id: bad-2025, name: Bad}\nsessions:\n  - {title: T, video: nope}\n');
  const bad = await run(['stats', '--index', 'bad.yaml']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /bad\.yaml:3/);
  assert.equal((await run(['stats', 'extra'])).code, 2);
});
