import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { tarGzFiles } from '../../scripts/tarGz';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { applyVideos, attachVideos, youtubeId } from '../../src/core/attach/attachVideos';
import { recordingsFromFile, recordingsFromPyvideo, recordingsFromTable, recordingsFromYtDlp, type Recording } from '../../src/core/attach/recordingSources';
import { importEuroPythonSite } from '../../src/core/importers/europythonSite';
import type { PyvideoFolder } from '../../src/core/importers/pyvideo';
import { loadIndexFile } from '../../src/core/index/loadIndexFile';
import type { EventFile } from '../../src/core/index/model';
import { writeIndexFile } from '../../src/core/index/writeIndexFile';
import { sharedFile, skipUnlessShared } from './support/sharedData';

const event = { id: 'conf-2024', name: 'Conf 2024' };
const rec = (title: string, url: string, speakers: string[] = []): Recording => ({ title, url, speakers });
const file = (): EventFile => ({
  event,
  sessions: [
    { id: 'lightning-1', title: 'Lightning Talks', speakers: [] },
    { id: 'lightning-2', title: 'Lightning Talks', speakers: [] },
    { id: 'typing', title: 'Gradual Typing in Large Python Codebases', speakers: [{ name: 'Ana Pérez' }] },
    { id: 'async', title: 'Async IO Under the Hood', speakers: [{ name: 'Bo Li' }], video: 'https://www.youtube.com/watch?v=OLDOLDOLD01' },
    { id: 'rust', title: 'Writing Python Extensions in Rust', speakers: [{ name: 'Cy Doe' }, { name: 'Di Roe' }] },
  ],
});

test('a reworded title with its speaker is matched; an identical pair of titles is ambiguous; a stranger is unmatched', () => {
  const report = attachVideos(file(), [
    rec('Gradual typing in large Python code bases', 'https://youtu.be/AAAAAAAAAA1', ['Ana Perez']),
    rec('Lightning Talks', 'https://www.youtube.com/watch?v=BBBBBBBBBB1'),
    rec('Knitting for Beginners', 'https://www.youtube.com/watch?v=CCCCCCCCCC1'),
  ]);
  assert.deepEqual(
    report.matched.map((m) => [m.sessionId, m.status]),
    [['typing', 'added']],
  );
  assert.deepEqual(
    report.ambiguous.map((a) => a.candidates.map((c) => c.sessionId)),
    [['lightning-1', 'lightning-2']],
  );
  assert.deepEqual(
    report.unmatched.map((u) => u.title),
    ['Knitting for Beginners'],
  );
  assert.deepEqual([...report.changes], [['typing', 'https://youtu.be/AAAAAAAAAA1']]);
});

test('the speakers tell apart two sessions of the same title', () => {
  const f = file();
  f.sessions[0]!.speakers = [{ name: 'Eve Stone' }];
  f.sessions[1]!.speakers = [{ name: 'Fay Moss' }];
  const report = attachVideos(f, [rec('Lightning talks', 'https://www.youtube.com/watch?v=BBBBBBBBBB1', ['Fay Moss'])]);
  assert.deepEqual(
    report.matched.map((m) => m.sessionId),
    ['lightning-2'],
  );
});

test('an existing video is replaced only with force; the same one is left as it is', () => {
  const other = rec('Async IO under the hood', 'https://www.youtube.com/watch?v=NEWNEWNEW01', ['Bo Li']);
  const kept = attachVideos(file(), [other]);
  assert.deepEqual(
    kept.matched.map((m) => m.status),
    ['kept'],
  );
  assert.equal(kept.changes.size, 0);
  const forced = attachVideos(file(), [other], { force: true });
  assert.deepEqual(
    forced.matched.map((m) => [m.status, m.previous]),
    [['replaced', 'https://www.youtube.com/watch?v=OLDOLDOLD01']],
  );
  assert.deepEqual([...forced.changes], [['async', other.url]]);
  const same = attachVideos(file(), [rec('Async IO Under the Hood', 'https://youtu.be/OLDOLDOLD01')], { force: true });
  assert.deepEqual(
    same.matched.map((m) => m.status),
    ['unchanged'],
  );
});

test('applyVideos sets video in the YAML and keeps comments; the result loads', () => {
  const text = writeIndexFile(file(), 'a comment to keep');
  const out = applyVideos(
    text,
    new Map([
      ['typing', 'https://youtu.be/AAAAAAAAAA1'],
      ['async', 'https://youtu.be/NEWNEWNEW01'],
    ]),
  );
  assert.match(out, /^# a comment to keep/);
  assert.match(out, /# end of index: 5 sessions\n$/);
  const loaded = loadIndexFile('x.yaml', out);
  assert.deepEqual(loaded.problems, []);
  assert.equal(loaded.sessions.find((s) => s.id === 'typing')!.video, 'https://youtu.be/AAAAAAAAAA1');
  assert.equal(loaded.sessions.find((s) => s.id === 'async')!.video, 'https://youtu.be/NEWNEWNEW01');
});

test('CSV with quoted fields (commas, doubled quotes, newlines), TSV, and a missing column', () => {
  const csv =
    'Title,URL,Speakers\n"Writing Python Extensions in Rust, Fast","https://youtu.be/DDDDDDDDDD1","Cy Doe; Di Roe"\n"She said ""hi""\nthen left",https://youtu.be/EEEEEEEEEE1,\nno url,,\n';
  assert.deepEqual(recordingsFromFile(csv), [
    rec('Writing Python Extensions in Rust, Fast', 'https://youtu.be/DDDDDDDDDD1', ['Cy Doe', 'Di Roe']),
    rec('She said "hi" then left', 'https://youtu.be/EEEEEEEEEE1'),
  ]);
  assert.deepEqual(recordingsFromTable('url\ttitle\nhttps://youtu.be/FFFFFFFFFF1\tA, B\n'), [rec('A, B', 'https://youtu.be/FFFFFFFFFF1')]);
  assert.throws(() => recordingsFromTable('name,link\na,b\n'), /'title' and 'url'/);
  const report = attachVideos(file(), recordingsFromFile(csv));
  assert.deepEqual(
    report.matched.map((m) => m.sessionId),
    ['rust'],
  );
});

test('yt-dlp --flat-playlist -J: watch URLs, bare ids, private videos skipped', () => {
  const playlist = JSON.stringify({
    _type: 'playlist',
    entries: [
      {
        _type: 'url',
        ie_key: 'Youtube',
        id: 'GGGGGGGGGG1',
        url: 'https://www.youtube.com/watch?v=GGGGGGGGGG1',
        title: 'Gradual Typing in Large Python Codebases — Ana Pérez',
      },
      { _type: 'url', ie_key: 'Youtube', id: 'HHHHHHHHHH1', url: 'HHHHHHHHHH1', title: 'Writing Python Extensions in Rust' },
      { _type: 'url', id: 'IIIIIIIIII1', title: '[Private video]' },
    ],
  });
  const recordings = recordingsFromFile(playlist);
  assert.deepEqual(
    recordings.map((r) => r.url),
    ['https://www.youtube.com/watch?v=GGGGGGGGGG1', 'https://www.youtube.com/watch?v=HHHHHHHHHH1'],
  );
  assert.throws(() => recordingsFromYtDlp({ title: 'x' }), /yt-dlp/);
  const report = attachVideos(file(), recordings);
  assert.deepEqual(report.matched.map((m) => m.sessionId).sort(), ['rust', 'typing']);
  assert.equal(youtubeId('https://youtube.com/watch?v=i-rZlnfGUaE'), 'i-rZlnfGUaE');
});

async function cli(args: string[], cwd: string) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { cwd, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
  const code = await main(args, io);
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

test('recap attach-videos: a dry run by default, -o writes, never over the input, --json, a pyvideo folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'recap-attach-'));
  writeFileSync(join(dir, 'conf.yaml'), writeIndexFile(file()));
  writeFileSync(
    join(dir, 'videos.csv'),
    'title,url,speakers\n"Gradual Typing in Large Python Codebases",https://youtu.be/AAAAAAAAAA1,Ana Pérez\n"Async IO under the hood",https://youtu.be/NEWNEWNEW01,Bo Li\n',
  );
  const dry = await cli(['attach-videos', 'conf.yaml', '--from', 'videos.csv'], dir);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /matched {3}typing .*attached/);
  assert.match(dry.stdout, /2 matched \(1 attached, 0 replaced, 0 already there, 1 kept\), 0 ambiguous, 0 unmatched$/);
  assert.match(dry.stderr, /dry run/);
  assert.equal((await cli(['attach-videos', 'conf.yaml', '--from', 'videos.csv', '-o', 'conf.yaml', '--force'], dir)).code, 2, 'never over the input');
  const wrote = await cli(['attach-videos', 'conf.yaml', '--from', 'videos.csv', '-o', 'out.yaml', '--json'], dir);
  assert.equal(wrote.code, 0, wrote.stderr);
  const json = JSON.parse(wrote.stdout) as { matched: { sessionId: string; status: string }[]; changes: Record<string, string> };
  assert.deepEqual(
    json.matched.map((m) => [m.sessionId, m.status]),
    [
      ['typing', 'added'],
      ['async', 'kept'],
    ],
  );
  const out = loadIndexFile('out.yaml', readFileSync(join(dir, 'out.yaml'), 'utf8'));
  assert.equal(out.sessions.find((s) => s.id === 'typing')!.video, 'https://youtu.be/AAAAAAAAAA1');
  assert.equal(out.sessions.find((s) => s.id === 'async')!.video, 'https://www.youtube.com/watch?v=OLDOLDOLD01');
  const again = await cli(['attach-videos', 'conf.yaml', '--from', 'videos.csv', '-o', 'out.yaml'], dir);
  assert.equal(again.code, 2, 'an existing OUT needs --force');
  assert.match(again.stderr, /exists/);
  const forced = await cli(['attach-videos', 'conf.yaml', '--from', 'videos.csv', '-o', 'out.yaml', '--force'], dir);
  assert.equal(forced.code, 0, forced.stderr);
  assert.equal(
    loadIndexFile('out.yaml', readFileSync(join(dir, 'out.yaml'), 'utf8')).sessions.find((s) => s.id === 'async')!.video,
    'https://youtu.be/NEWNEWNEW01',
  );
  mkdirSync(join(dir, 'ev', 'videos'), { recursive: true });
  writeFileSync(join(dir, 'ev', 'category.json'), '{"title": "Conf 2024"}');
  writeFileSync(
    join(dir, 'ev', 'videos', 'rust.json'),
    JSON.stringify({
      title: 'Writing Python extensions in Rust',
      speakers: ['Cy Doe'],
      videos: [{ type: 'youtube', url: 'https://www.youtube.com/watch?v=JJJJJJJJJJ1' }],
    }),
  );
  const folder = await cli(['attach-videos', 'conf.yaml', '--from', 'ev', '--json'], dir);
  assert.equal(folder.code, 0, folder.stderr);
  assert.deepEqual((JSON.parse(folder.stdout) as { changes: unknown }).changes, { rust: 'https://www.youtube.com/watch?v=JJJJJJJJJJ1' });
  assert.equal((await cli(['attach-videos', 'conf.yaml'], dir)).code, 2, '--from is required');
});

const EP = ['schedules', 'europython', 'europython-2024-sessions.json'];
test(
  "EuroPython 2024: pyvideo recordings attached to the site's sessions, checked against the site's own links",
  { skip: skipUnlessShared(...EP) || skipUnlessShared('pyvideo', 'pyvideo-data.tar.gz') },
  () => {
    const json = (...path: string[]) => JSON.parse(readFileSync(sharedFile(...path), 'utf8')) as unknown;
    const site = importEuroPythonSite(json(...EP), json('schedules', 'europython', 'europython-2024-speakers.json'), { eventId: 'europython-2024' }).files[0]!;
    const truth = new Map(site.sessions.filter((s) => s.video).map((s) => [s.id, youtubeId(s.video!)]));
    const bare: EventFile = { event: site.event, sessions: site.sessions.map(({ video: _video, ...s }) => s) };
    const folder: PyvideoFolder = { folder: 'europython-2024', videos: [] };
    let noPublish: unknown;
    for (const { name, data } of tarGzFiles(sharedFile('pyvideo', 'pyvideo-data.tar.gz'))) {
      if (name === 'NO_PUBLISH.json') noPublish = JSON.parse(data.toString('utf8'));
      const m = /^europython-2024\/(category\.json|videos\/[^/]+\.json)$/.exec(name);
      if (!m) continue;
      if (m[1] === 'category.json') folder.category = JSON.parse(data.toString('utf8'));
      else folder.videos.push({ file: m[1]!, data: JSON.parse(data.toString('utf8')) });
    }
    const recordings = recordingsFromPyvideo(folder, noPublish);
    assert.ok(recordings.length > 100, `pyvideo's europython-2024 has ${recordings.length} recordings`);
    const report = attachVideos(bare, recordings);
    const attached = [...report.changes];
    const right = attached.filter(([id, url]) => truth.get(id) !== undefined && truth.get(id) === youtubeId(url)).length;
    const precision = right / attached.length;
    const recall = right / truth.size;
    const wrong = attached.filter(([id, url]) => truth.get(id) !== youtubeId(url));
    const missed = [...truth.keys()].filter((id) => !report.changes.has(id));
    console.log(
      `EuroPython 2024: ${recordings.length} recordings, ${truth.size} truth links; attached ${attached.length}, right ${right}; precision ${(100 * precision).toFixed(1)}%, recall ${(100 * recall).toFixed(1)}%; ambiguous ${report.ambiguous.length}, unmatched ${report.unmatched.length}`,
    );
    if (process.env.RECAP_ATTACH_DEBUG) console.log(JSON.stringify({ wrong, missed, ambiguous: report.ambiguous, unmatched: report.unmatched }, null, 1));
    assert.ok(precision >= 0.99, `precision ${precision}: wrong ${JSON.stringify(wrong)}`);
    assert.ok(recall >= 0.95, `recall ${recall}: missed ${missed.join(', ')}`);
  },
);
