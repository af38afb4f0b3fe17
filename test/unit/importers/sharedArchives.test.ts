import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { tarGzFiles } from '../../../scripts/tarGz';
import { importStats } from '../../../src/core/importers/common';
import { importEuroPythonSite } from '../../../src/core/importers/europythonSite';
import { addRecordings } from '../../../src/core/importers/mergeEvents';
import { importPyvideo, type PyvideoFolder } from '../../../src/core/importers/pyvideo';
import { importSchedScrape } from '../../../src/core/importers/schedScrape';
import { sharedFile } from '../support/sharedData';

// The full shared archives, counted. These read ../shared/data (or RECAP_SHARED_DATA)
// and FAIL when it is missing: the bundled index is generated from exactly these files.
const json = (...path: string[]) => JSON.parse(readFileSync(sharedFile(...path), 'utf8')) as unknown;

let pyvideoTree: { folders: PyvideoFolder[]; noPublish: unknown } | undefined;
function pyvideo() {
  if (pyvideoTree) return pyvideoTree;
  const folders = new Map<string, PyvideoFolder>();
  let noPublish: unknown;
  for (const { name, data } of tarGzFiles(sharedFile('pyvideo', 'pyvideo-data.tar.gz'))) {
    if (name === 'NO_PUBLISH.json') noPublish = JSON.parse(data.toString('utf8'));
    const m = /^([^./][^/]*)\/(category\.json|videos\/[^/]+\.json)$/.exec(name);
    if (!m) continue;
    const f = folders.get(m[1]!) ?? { folder: m[1]!, videos: [] };
    folders.set(m[1]!, f);
    if (m[2] === 'category.json') f.category = JSON.parse(data.toString('utf8'));
    else f.videos.push({ file: m[2]!, data: JSON.parse(data.toString('utf8')) });
  }
  return (pyvideoTree = { folders: [...folders.values()], noPublish });
}

test('pyvideo archive: every event folder, every talk but the NO_PUBLISH ones', () => {
  const tree = pyvideo();
  assert.deepEqual(tree.noPublish, [2845, 5984]);
  const result = importPyvideo(tree.folders, { noPublish: tree.noPublish });
  const stats = importStats(result.files.filter((f) => f.sessions.length > 0));
  assert.deepEqual(stats, EXPECTED_PYVIDEO);
  const ids = new Set(result.files.map((f) => f.event.id));
  for (const id of ['pycon-us-2024', 'europython-2024', 'fosdem-2017', 'pydata-berlin-2023']) assert.ok(ids.has(id), id);
  assert.equal(result.files.find((f) => f.event.id === 'pycon-us-2024')!.event.name, 'PyCon US 2024');
  const withheld = result.files.flatMap((f) => f.sessions).filter((s) => /diversity-in-tech/.test(s.id) && s.start?.startsWith('2014'));
  assert.deepEqual(withheld, [], "PyOhio 2014's NO_PUBLISH talk is left out");
});

test('KubeCon EU 2024 Sched scrape: breaks out, YouTube on the pages that embed one, speakers from titles', () => {
  const result = importSchedScrape(json('schedules', 'sched', 'kubecon-eu-2024-slidefetcher.json'), {
    eventId: 'kubecon-eu-2024',
    tracks: json('schedules', 'sched', 'kubecon-eu-2024-second-brain.json'),
  });
  const sessions = result.files[0]!.sessions;
  assert.deepEqual(importStats(result.files), EXPECTED_KUBECON);
  assert.equal(sessions.filter((s) => s.speakers.length > 0).length, EXPECTED_KUBECON_WITH_SPEAKERS);
  assert.equal(sessions.filter((s) => s.track).length, EXPECTED_KUBECON_WITH_TRACK);
  assert.equal(result.warnings.filter((w) => /cancelled/.test(w)).length, 5);
  assert.ok(!sessions.some((s) => /kiosks|canceled/i.test(s.title)));
  // A talk only the notes have, with their speakers, track, page and confident recording.
  const otel = sessions.find((s) => s.id === 'opentelemetry-project-updates-next-steps-and-ama')!;
  assert.equal(otel.track, 'Maintainer Track');
  assert.equal(otel.speakers[0]!.name, 'Severin Neumann');
  assert.match(otel.schedule!, /kccnceu2024\.sched\.com\/event\/1Yhf8\//);
  assert.match(otel.video!, /youtube\.com/);
});

test('EuroPython 2024: 172 sessions, 135 recordings, affiliations; pyvideo adds no recording the site lacks', () => {
  const result = importEuroPythonSite(
    json('schedules', 'europython', 'europython-2024-sessions.json'),
    json('schedules', 'europython', 'europython-2024-speakers.json'),
    { eventId: 'europython-2024' },
  );
  assert.deepEqual(result.warnings, []);
  const stats = importStats(result.files);
  assert.equal(stats.sessions, 172);
  assert.equal(stats.sessionsWithVideo, 135);
  const file = result.files[0]!;
  assert.ok(file.sessions.every((s) => s.start && s.room && s.schedule));
  assert.equal(file.sessions.flatMap((s) => s.speakers).filter((s) => s.affiliation).length, EXPECTED_EP_AFFILIATED);
  const recordings = importPyvideo(pyvideo().folders.filter((f) => f.folder === 'europython-2024')).files[0]!;
  const merged = addRecordings(file, recordings);
  // FOUND.md: all 131 pyvideo records agree with the site's links; a few titles differ in wording.
  assert.equal(merged.added, 0);
  assert.equal(merged.alreadyThere + merged.unmatched.length, 131);
});

// 21,712 talk files in 539 non-empty folders, less the two NO_PUBLISH ids; slides are related URLs labelled so.
const EXPECTED_PYVIDEO = { events: 539, sessions: 21710, speakers: 13004, sessionsWithVideo: 21710, sessionsWithSlides: 1937 };
// 495 items less 32 breaks, meals, badge desks, kiosk hours and showcases and 5 cancelled slots, plus the 15 talks
// only the second-brain notes list (their Sched pages are not in the scrape); YouTube on the 336 pages that embed
// one and 11 confident second-brain matches.
const EXPECTED_KUBECON = { events: 1, sessions: 473, speakers: 589, sessionsWithVideo: 347, sessionsWithSlides: 208 };
// Speakers from the title's tail where it names them, read with the whole schedule's evidence (schedSpeakers.ts).
const EXPECTED_KUBECON_WITH_SPEAKERS = 325;
const EXPECTED_KUBECON_WITH_TRACK = 413;
const EXPECTED_EP_AFFILIATED = 178;
