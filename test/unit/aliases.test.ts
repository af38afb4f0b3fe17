import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeBundle, encodeBundle } from '../../src/core/index/bundle';
import { loadIndexFile } from '../../src/core/index/loadIndexFile';
import type { EventFile } from '../../src/core/index/model';
import { SessionIndex } from '../../src/core/index/sessionIndex';
import { writeIndexFile } from '../../src/core/index/writeIndexFile';
import { lintRecap } from '../../src/core/lint/lintRecap';
import { parseRecap } from '../../src/core/recap/parseRecap';
import { urlKey } from '../../src/core/links/urlKey';
import { SessionSearch } from '../../src/core/search/sessionSearch';
import { applyEdits } from './lint/support';

// FOSDEM 2026 renamed event 9099's slug after the preliminary export (FOUND.md): the old one stays an alias.
const file: EventFile = {
  event: { id: 'fosdem-2026', name: 'FOSDEM 2026' },
  sessions: [
    { id: 'HAAABD-python-pep810', title: 'Bakery: PEP 810 explicit lazy imports', speakers: [{ name: 'Jacob Coffee' }], aliases: ['python-pep810'] },
    { id: 'other', title: 'Another talk', speakers: [] },
  ],
};

test('index files read aliases: a list of old ids (or one), bad ones reported, the own id dropped', () => {
  const text = `event: {id: fosdem-2026, name: FOSDEM 2026}
sessions:
  - id: new-slug
    title: T
    aliases: [old-slug, "bad/slash", new-slug, old-slug]
  - id: b
    title: B
    aliases: one-old
`;
  const loaded = loadIndexFile('x.yaml', text);
  assert.deepEqual(
    loaded.sessions.map((s) => s.aliases),
    [['old-slug'], ['one-old']],
  );
  assert.deepEqual(
    loaded.problems.map((p) => [p.field, p.severity]),
    [['sessions[0].aliases[1]', 'error']],
  );
});

test('aliases survive the bundle and an index file written and read back', () => {
  const [decoded] = decodeBundle(JSON.parse(JSON.stringify(encodeBundle([file], []))));
  assert.deepEqual(decoded, file);
  // Rows without aliases stay 11 long.
  assert.equal(encodeBundle([file], []).events[0]!.sessions[1]!.length, 11);
  assert.deepEqual(loadIndexFile('w.yaml', writeIndexFile(file)).sessions, file.sessions);
});

test('SessionIndex.get resolves an alias to the current session; its fullId tells them apart', () => {
  const index = new SessionIndex([{ origin: { file: 'b', bundled: true }, ...file }]);
  assert.equal(index.get('fosdem-2026/python-pep810')?.fullId, 'fosdem-2026/HAAABD-python-pep810');
  assert.equal(index.get('fosdem-2026/HAAABD-python-pep810')?.fullId, 'fosdem-2026/HAAABD-python-pep810');
  assert.equal(index.get('fosdem-2025/python-pep810'), undefined, 'an alias is an id within its event');
  assert.equal(index.sessions.length, 2, 'an alias is no second session');
});

test('unknown-talk: an old id gets the current id as its fix', () => {
  const index = new SessionIndex([{ origin: { file: 'b', bundled: true }, ...file }]);
  const text = '---\nevent: fosdem-2026\ntalks:\n  - id: fosdem-2026/python-pep810\n---\n\nLazy imports.\n';
  const { findings } = lintRecap(parseRecap('r.md', text), { index, search: new SessionSearch(index) });
  const found = findings.filter((f) => f.code === 'unknown-talk');
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /old id .*fosdem-2026\/HAAABD-python-pep810/);
  assert.equal(applyEdits(text, found[0]!.fixes[0]!.edits), text.replace('python-pep810', 'HAAABD-python-pep810'));
});

test('a FOSDEM page on archive.fosdem.org is the same page as on fosdem.org', () => {
  assert.equal(urlKey('https://archive.fosdem.org/2019/schedule/event/tinygo/'), urlKey('https://fosdem.org/2019/schedule/event/tinygo'));
});

test('the bundle writes shared URL beginnings once and a URL named by its session id without the id', () => {
  const many: EventFile = {
    event: { id: 'fosdem-2024', name: 'FOSDEM 2024' },
    sessions: Array.from({ length: 10 }, (_, i) => ({
      id: `talk-${i}`,
      title: `Talk ${i}`,
      speakers: [],
      video: `https://video.fosdem.org/2024/k1105/talk-${i}.mp4`,
      schedule: `https://fosdem.org/2024/schedule/event/talk-${i}/`,
      ...(i === 0 ? { slides: 'https://example.org/only-one.pdf' } : {}),
    })),
  };
  const bundle = encodeBundle([many], []);
  assert.ok(bundle.prefixes!.includes('https://fosdem.org/2024/schedule/event/'));
  assert.ok(bundle.prefixes!.includes('https://video.fosdem.org/2024/k1105/'));
  const row = bundle.events[0]!.sessions[3]!;
  assert.match(row[8], /^[0-9a-z]+\*\.mp4$/);
  assert.match(row[10], /^[0-9a-z]+\*\/$/);
  assert.equal(bundle.events[0]!.sessions[0]![9], '0|https://example.org/only-one.pdf');
  assert.deepEqual(decodeBundle(JSON.parse(JSON.stringify(bundle))), [many]);
  // A bundle without prefixes holds whole URLs.
  const whole = {
    ...bundle,
    prefixes: undefined,
    events: [{ event: many.event, sessions: [['a', 'A', [], -1, -1, '', 0, -1, 'https://x.example/v', '', '']] }],
  } as unknown as typeof bundle;
  assert.equal(decodeBundle(whole)[0]!.sessions[0]!.video, 'https://x.example/v');
});
