import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { importEuroPythonSite } from '../../../src/core/importers/europythonSite';
import { addRecordings, mergeCurated, normaliseTitle } from '../../../src/core/importers/mergeEvents';
import { importPyvideo } from '../../../src/core/importers/pyvideo';

// Four real sessions and their speakers cut from EuroPython/website's 2024 data.
const dir = join(process.cwd(), 'test', 'fixtures', 'europython');
const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown;
const load = () =>
  importEuroPythonSite(read('europython-2024-sessions.json'), read('europython-2024-speakers.json'), { eventId: 'europython-2024', name: 'EuroPython 2024' });

test('EuroPython website data: times, room, track, speakers with affiliations, video, slides, page', () => {
  const result = load();
  assert.deepEqual(result.warnings, []);
  const file = result.files[0]!;
  assert.deepEqual(file.event, { id: 'europython-2024', name: 'EuroPython 2024', start: '2024-07-08', end: '2024-07-12' });
  assert.deepEqual(
    file.sessions.find((s) => s.id === 'edges-of-python-three-radical-python-hacks-for-fun-and-profit'),
    {
      id: 'edges-of-python-three-radical-python-hacks-for-fun-and-profit',
      title: 'Edges of Python: Three Radical Python Hacks for Fun and Profit',
      speakers: [{ name: 'Elvis Pranskevichus', affiliation: 'EdgeDB Inc.' }],
      type: 'sponsored',
      track: 'Software Engineering & Architecture',
      start: '2024-07-12T11:20',
      duration: 30,
      end: '2024-07-12T11:50',
      room: 'South Hall 2A',
      video: 'https://youtube.com/watch?v=i-rZlnfGUaE',
      schedule: 'https://ep2024.europython.eu/session/edges-of-python-three-radical-python-hacks-for-fun-and-profit',
    },
  );
  assert.match(
    file.sessions.find((s) => s.id === 'streamlining-testing-in-a-large-python-codebase')!.slides!,
    /pretalx\.com\/media\/europython-2024\/.*\.pdf$/,
  );
});

test('pyvideo recordings join the schedule by title, only where a session has none', () => {
  const schedule = load().files[0]!;
  const tale = schedule.sessions.find((s) => s.id === 'a-tale-of-scaling-observability')!;
  const before = tale.video;
  delete tale.video;
  const pyvideo = importPyvideo([
    {
      folder: 'europython-2024',
      videos: [
        { file: 'videos/t.json', data: { title: 'A Tale of Scaling  Observability', videos: [{ url: 'https://www.youtube.com/watch?v=2noRXtnCb_U' }] } },
        {
          file: 'videos/u.json',
          data: { title: 'Edges of Python: three radical Python hacks for fun and profit', videos: [{ url: 'https://www.youtube.com/watch?v=other' }] },
        },
      ],
    },
  ]).files[0]!;
  const merged = addRecordings(schedule, pyvideo);
  assert.deepEqual({ added: merged.added, alreadyThere: merged.alreadyThere, unmatched: merged.unmatched.length }, { added: 1, alreadyThere: 1, unmatched: 0 });
  assert.equal(tale.video, 'https://www.youtube.com/watch?v=2noRXtnCb_U');
  assert.equal(before, 'https://youtube.com/watch?v=2noRXtnCb_U', 'the same recording as the site links');
  assert.equal(schedule.sessions[0]!.video, 'https://youtube.com/watch?v=i-rZlnfGUaE', "the schedule's own link stays");
  assert.equal(normaliseTitle('Keynote: Édges — of Python!'), normaliseTitle('edges of python'));
});

test('a curated event wins for its ids and fields; an imported duplicate by title only fills gaps', () => {
  const curated = { event: { id: 'k', name: 'Curated' }, sessions: [{ id: 'mine', title: 'Keynote: Same Talk', speakers: [{ name: 'A' }] }] };
  const imported = {
    event: { id: 'k', name: 'Imported', url: 'https://example.org/' },
    sessions: [
      { id: 'same-talk', title: 'Same Talk', speakers: [{ name: 'A', affiliation: 'X' }], video: 'https://example.org/v' },
      { id: 'mine', title: 'Other Talk', speakers: [] },
    ],
  };
  const { file, duplicates } = mergeCurated(curated, imported);
  assert.equal(duplicates, 1);
  assert.deepEqual(file.event, { id: 'k', name: 'Curated', url: 'https://example.org/' });
  assert.deepEqual(
    file.sessions.map((s) => [s.id, s.title, s.video]),
    [
      ['mine', 'Keynote: Same Talk', 'https://example.org/v'],
      ['mine-2', 'Other Talk', undefined],
    ],
  );
  assert.deepEqual(file.sessions[0]!.speakers, [{ name: 'A' }]);
});
