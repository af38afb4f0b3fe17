import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readPyvideoFolder } from '../../../src/cli/pyvideoFolder';
import { importStats } from '../../../src/core/importers/common';
import { importPyvideo, noPublishIds, type PyvideoFolder } from '../../../src/core/importers/pyvideo';
import { ImportError } from '../../../src/core/importers/types';

// Real records cut from pyvideo/data (CC0, commit 8d373502): two EuroPython 2024 talks and one of PyOhio 2014.
const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'pyvideo');
const folder = (name: string): PyvideoFolder => ({
  folder: name,
  category: JSON.parse(readFileSync(join(FIXTURES, name, 'category.json'), 'utf8')),
  videos: readdirSync(join(FIXTURES, name, 'videos')).map((f) => ({
    file: `videos/${f}`,
    data: JSON.parse(readFileSync(join(FIXTURES, name, 'videos', f), 'utf8')),
  })),
});

test('an event folder: id from the folder name, name from category.json, one session per talk', () => {
  const result = importPyvideo([folder('europython-2024')]);
  assert.equal(result.format, 'pyvideo');
  assert.deepEqual(result.warnings, []);
  assert.deepEqual(result.files[0]!.event, { id: 'europython-2024', name: 'EuroPython 2024', start: '2024-07-08', end: '2024-07-08' });
  const talk = result.files[0]!.sessions.find((s) => s.id === 'a-tale-of-scaling-observability-toomas-ormisson');
  assert.equal(talk?.title, 'A Tale of Scaling Observability');
  assert.deepEqual(talk?.speakers, [{ name: 'Toomas Ormisson' }]);
  assert.equal(talk?.video, 'https://www.youtube.com/watch?v=2noRXtnCb_U');
  assert.equal(talk?.start, '2024-07-08');
  assert.equal(talk?.duration, 29, '1723 seconds');
  assert.deepEqual(importStats(result.files), { events: 1, sessions: 2, speakers: 2, sessionsWithVideo: 2, sessionsWithSlides: 0 });
});

test('talks on the NO_PUBLISH list are left out entirely', () => {
  const all = importPyvideo([folder('pyohio-2014')]);
  assert.equal(all.files[0]!.sessions.length, 1);
  const withheld = importPyvideo([folder('pyohio-2014')], { noPublish: [2841] });
  assert.equal(withheld.files[0]!.sessions.length, 0);
  assert.match(withheld.warnings.join('\n'), /NO_PUBLISH/);
  assert.ok(!JSON.stringify(withheld.files).includes('youtube'));
  assert.deepEqual([...noPublishIds([2845, '5984', 'x', null])], [2845, 5984]);
});

test('the whole tree: one event per folder; an event folder alone; the tree NO_PUBLISH.json is read', () => {
  const tree = readPyvideoFolder(FIXTURES)!;
  assert.deepEqual(
    tree.folders.map((f) => f.folder),
    ['europython-2024', 'pyohio-2014'],
  );
  assert.deepEqual(tree.noPublish, [2845, 5984]);
  const one = readPyvideoFolder(join(FIXTURES, 'europython-2024'))!;
  assert.deepEqual(
    one.folders.map((f) => f.folder),
    ['europython-2024'],
  );
  assert.deepEqual(one.noPublish, [2845, 5984], 'the NO_PUBLISH.json beside the event folder');
  assert.equal(readPyvideoFolder(join(process.cwd(), 'test', 'fixtures', 'ical')), undefined);
  assert.deepEqual(
    importPyvideo(tree.folders, { noPublish: tree.noPublish }).files.map((f) => f.event.id),
    ['europython-2024', 'pyohio-2014'],
  );
});

test('records without a title are skipped with a warning; no folders is an error', () => {
  const result = importPyvideo([
    {
      folder: 'x-2020',
      videos: [
        { file: 'videos/a.json', data: { videos: [] } },
        { file: 'videos/b.json', data: { title: 'B', videos: [{ url: 'javascript:alert(1)' }] } },
      ],
    },
  ]);
  assert.deepEqual(result.files[0]!.event, { id: 'x-2020', name: 'X 2020' });
  assert.deepEqual(result.files[0]!.sessions, [{ id: 'b', title: 'B', speakers: [] }]);
  assert.match(result.warnings[0]!, /a\.json has no title/);
  assert.throws(() => importPyvideo([]), ImportError);
});
