import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { binaryBundleFiles, decodeBinaryBundle, encodeBinaryBundle, isBinaryBundle, readBundle } from '../../src/core/index/binaryBundle';
import { encodeBundle } from '../../src/core/index/bundle';
import type { ConferenceEvent, EventFile, Session } from '../../src/core/index/model';
import { SessionIndex, type IndexSource } from '../../src/core/index/sessionIndex';
import { bundledSources } from '../../src/core/index/sources';
import { SessionSearch } from '../../src/core/search/sessionSearch';

const files: EventFile[] = [
  {
    event: { id: 'fosdem-2024', name: 'FOSDEM 2024', location: 'ULB, Brussels', start: '2024-02-03' },
    sessions: [
      {
        id: 'fosdem-2024-1931-you-too-could-have-made-curl-',
        title: 'You too could have made curl!',
        speakers: [{ name: 'Daniel Stenberg' }],
        type: 'talk',
        track: 'Main',
        start: '2024-02-03T10:00',
        duration: 50,
        room: 'K.1.105 (La Fontaine)',
        video: 'https://video.fosdem.org/2024/k1105/fosdem-2024-1931-you-too-could-have-made-curl-.mp4',
        schedule: 'https://fosdem.org/2024/schedule/event/fosdem-2024-1931-you-too-could-have-made-curl-/',
        aliases: ['curl'],
      },
      // The same person twice (FOSDEM lists some so): the index names them once.
      { id: 'broom', title: 'Broom not included – curling the modern way', speakers: [{ name: 'Daniel Stenberg' }, { name: 'Daniel Stenberg' }] },
      { id: 'bare', title: 'Grüße aus Zürich', speakers: [] },
    ],
  },
  { event: { id: 'empty-2024', name: 'Nothing Yet' }, sessions: [] },
  {
    event: { id: 'kubecon-eu-2024', name: 'KubeCon EU 2024', parent: 'cncf' },
    sessions: [
      {
        id: 'lipstick',
        title: 'Sometimes Lipstick Is Exactly What a Pig Needs!',
        speakers: [
          { name: 'Abby Bangser', affiliation: 'Syntasso' },
          { name: 'Whitney Lee', affiliation: 'VMware' },
        ],
        slides: 'https://static.sched.com/hosted_files/kccnceu2024/x/pig.pdf',
      },
    ],
  },
];

/** A binary bundle of these files, with the search built over them as generate:index builds it. */
function binary(input: EventFile[]): Uint8Array {
  return encodeBinaryBundle(input, ['a source'], new SessionSearch(new SessionIndex(bundledSources(input, 'bundled'))).data());
}

const ws = (event: ConferenceEvent, sessions: Session[]): IndexSource => ({ origin: { file: '/ws/.recap/mine.yaml' }, event, sessions });

/** The index and search from the binary bundle, and the same built the old way (every session copied, the search built). */
function both(bytes: Uint8Array, input: EventFile[], workspace: IndexSource[] = []) {
  const fast = new SessionIndex([...readBundle(bytes, 'bundled'), ...workspace]);
  const full = new SessionIndex([...bundledSources(input, 'bundled'), ...workspace]);
  return { fast, full, fastSearch: new SessionSearch(fast), fullSearch: new SessionSearch(full) };
}

const results = (search: SessionSearch, q: string) => search.search(q, { limit: 10 }).map((r) => `${r.session.fullId} ${r.score}`);

test('the sessions, events, aliases and counts are those of the event files, fields in the same order', () => {
  const bytes = binary(files);
  assert.ok(isBinaryBundle(bytes));
  const { fast, full } = both(bytes, files);
  assert.deepEqual([...fast.events], [...full.events]);
  assert.equal(JSON.stringify(fast.sessions), JSON.stringify(full.sessions));
  assert.deepEqual(fast.stats(), full.stats());
  assert.equal(fast.get('fosdem-2024/curl')?.id, 'fosdem-2024-1931-you-too-could-have-made-curl-', 'an alias finds the session');
  assert.deepEqual(
    fast.get('fosdem-2024/broom')?.speakers.map((s) => s.name),
    ['Daniel Stenberg'],
  );
  assert.deepEqual(binaryBundleFiles(bytes), files, 'the files come back as they were encoded');
  assert.deepEqual(decodeBinaryBundle(bytes, 'x').provenance, ['a source']);
});

test('a search answers before the sessions are made, and makes only those it returns', () => {
  const bytes = binary(files);
  const inputs = readBundle(bytes, 'bundled');
  const made = () => (inputs[0] as unknown as { made: number }).made;
  const index = new SessionIndex(inputs);
  const search = new SessionSearch(index);
  assert.equal(made(), 0);
  assert.equal(search.search('stenberg curl', { limit: 1 })[0]?.session.title, 'You too could have made curl!');
  assert.equal(made(), 1);
  // Counting and looking up by id need no list of every session either.
  assert.equal(index.stats().sessions, 4);
  assert.equal(index.get('kubecon-eu-2024/lipstick')?.speakers.length, 2);
  assert.equal(made(), 2);
  assert.equal(index.sessions.length, 4);
  assert.equal(index.sessions[0], search.search('stenberg curl', { limit: 1 })[0]?.session, 'a session is one object, however it was reached');
});

test('workspace files that add, replace and rename give what a full build gives', () => {
  const bytes = binary(files);
  const cases: IndexSource[][] = [
    [],
    [ws({ id: 'meetup-2025', name: 'Meetup 2025' }, [{ id: 'intro', title: 'Intro to Zyxwvut curl', speakers: [{ name: 'Grace Example' }] }])],
    [
      ws({ id: 'kubecon-eu-2024', name: 'KubeCon EU 2024' }, [
        { id: 'lipstick', title: 'Lipstick on a Blorptastic pig', speakers: [{ name: 'Abby Bangser' }], video: 'https://youtu.be/x' },
      ]),
    ],
    [ws({ id: 'fosdem-2024', name: 'FOSDEM Twenty Twenty-Four' }, [])],
    [
      ws({ id: 'fosdem-2024', name: 'FOSDEM 2024' }, [{ id: 'bare', title: 'Bare again', speakers: [], aliases: ['old-bare'] }]),
      ws({ id: 'fosdem-2024', name: 'FOSDEM 2024' }, [{ id: 'bare', title: 'Bare a third time', speakers: [] }]),
    ],
  ];
  const queries = [
    'curl',
    'stenberg',
    'lipstick pig',
    'blorptastic',
    'blorp',
    'zyxwvut',
    'twenty four',
    'fosdem',
    'bare',
    'grüße',
    'gruse zurich',
    'kubecon-eu-2024/lipstick',
    'fosdem-2024/old-bare',
  ];
  for (const workspace of cases) {
    const { fast, full, fastSearch, fullSearch } = both(bytes, files, workspace);
    // Counted from the table's columns (before anything lists every session), then listed.
    assert.deepEqual(fast.stats(), full.stats());
    for (const q of queries) assert.deepEqual(results(fastSearch, q), results(fullSearch, q), `${q} with ${workspace.length} file(s)`);
    assert.equal(JSON.stringify(fast.sessions), JSON.stringify(full.sessions));
    for (const id of ['fosdem-2024/bare', 'fosdem-2024/old-bare', 'fosdem-2024/curl', 'kubecon-eu-2024/lipstick', 'meetup-2025/intro', 'nope/nope', 'nope'])
      assert.equal(JSON.stringify(fast.get(id)), JSON.stringify(full.get(id)), id);
  }
});

test('the committed bundle: the search prebuilt over it is the one a build gives', () => {
  const bytes = readFileSync(join(process.cwd(), 'data', 'bundled', 'index.bin'));
  const input = binaryBundleFiles(bytes);
  const { fastSearch, fullSearch } = both(bytes, input);
  const a = fastSearch.data();
  const b = fullSearch.data();
  for (const key of ['offsets', 'postings', 'fields', 'sorted', 'gramOffsets', 'gramTerms', 'titleLength'] as const)
    assert.deepEqual([...a[key]], [...b[key]], key);
  assert.equal(a.vocabulary.text, b.vocabulary.text);
  for (const q of ['http3 stenberg', 'kubernets', 'lipstik pig', 'rust', 'de-google-ify', 'pycon 2024 async'])
    assert.deepEqual(results(fastSearch, q), results(fullSearch, q), q);
});

test('a JSON bundle (the format before) still loads', () => {
  const json = new TextEncoder().encode(JSON.stringify(encodeBundle(files, [])));
  assert.ok(!isBinaryBundle(json));
  const index = new SessionIndex(readBundle(json, 'bundled'));
  assert.equal(index.sessions.length, 4);
  assert.equal(new SessionSearch(index).search('curl', { limit: 1 })[0]?.session.id, 'fosdem-2024-1931-you-too-could-have-made-curl-');
});

test('a cut or damaged bundle throws instead of giving wrong sessions', () => {
  const bytes = binary(files);
  assert.throws(() => readBundle(bytes.slice(0, 20), 'x'), /cut off/);
  assert.throws(() => readBundle(bytes.slice(0, bytes.length - 40), 'x'), /cut off/);
  const other = bytes.slice();
  other.set(new TextEncoder().encode('{"format":"recap-bundle/9"'), 12);
  assert.throws(() => readBundle(other, 'x'));
});

test('event and full ids must be unique to be encoded', () => {
  const twice: EventFile[] = [{ event: { id: 'e', name: 'E' }, sessions: [{ id: 's', title: 'S', speakers: [] }] }];
  const data = new SessionSearch(new SessionIndex(bundledSources(twice, 'b'))).data();
  assert.throws(() => encodeBinaryBundle([...twice, ...twice], [], data), /event e is there twice/);
  assert.throws(
    () => encodeBinaryBundle([{ event: twice[0]!.event, sessions: [...twice[0]!.sessions, ...twice[0]!.sessions] }], [], data),
    /e\/s is there twice/,
  );
});

// Property: whatever the sessions (any text, repeated speakers, absent fields), the binary bundle
// gives the index and the search results a build from the files gives.
const text = fc.string({ minLength: 1, maxLength: 8, unit: fc.constantFrom('a', 'b', 'ü', 'Z', ' ', '-', '/', '3', 'ß', '😀') });
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const sessionArb = (id: number): fc.Arbitrary<Session> =>
  fc
    .record({
      title: text,
      speakers: fc.array(
        fc
          .record({ name: fc.constantFrom('Ada', 'Grace Hopper', 'ada', 'Zoë'), affiliation: optional(fc.constantFrom('ACME', 'MIT')) })
          .map((s) => (s.affiliation ? s : { name: s.name })),
        { maxLength: 3 },
      ),
      track: optional(text),
      start: optional(fc.constantFrom('2024-05-01', '2024-05-01T09:30')),
      duration: optional(fc.integer({ min: 1, max: 600 })),
      video: optional(text.map((s) => `https://v.example/${encodeURIComponent(s)}`)),
      aliases: optional(fc.constant([`old-${id}`])),
    })
    .map((r) => ({ id: `s${id}`, ...Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) }) as Session);

test('property: generated events load and search as a build from their files does', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom('Conf', 'Meetup Ü', 'Fest'), fc.array(fc.nat(), { maxLength: 5 })), { minLength: 1, maxLength: 4 }),
      fc.array(text, { minLength: 1, maxLength: 4 }),
      (events, queries) => {
        let n = 0;
        const input: EventFile[] = events.map(([name, sessions], e) => ({
          event: { id: `e${e}`, name },
          sessions: sessions.map(() => fc.sample(sessionArb(n++), { numRuns: 1, seed: n })[0]!),
        }));
        const bytes = binary(input);
        const { fast, full, fastSearch, fullSearch } = both(bytes, input);
        assert.equal(JSON.stringify(fast.sessions), JSON.stringify(full.sessions));
        for (const q of queries) assert.deepEqual(results(fastSearch, q), results(fullSearch, q), q);
      },
    ),
    { numRuns: 60 },
  );
});
