import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decodeBundle, encodeBundle, type Bundle } from '../../src/core/index/bundle';
import type { ConferenceEvent, EventFile, Session, Speaker } from '../../src/core/index/model';

const files: EventFile[] = [
  {
    event: { id: 'fosdem-2023', name: 'FOSDEM 2023', location: 'ULB, Brussels', start: '2023-02-04', end: '2023-02-05' },
    sessions: [
      {
        id: 'container_kubernetes_multi_cloud',
        title: 'Deploying Kubernetes across Hybrid and Multi-Cloud Environments Using OpenNebula',
        speakers: [{ name: 'Marco Mancini' }],
        type: 'talk',
        track: 'Containers',
        start: '2023-02-04T12:05',
        duration: 20,
        room: 'UB2.252A (Lameere)',
        video: 'https://video.fosdem.org/2023/UB2.252A%20(Lameere)/container_kubernetes_multi_cloud.mp4',
        slides: 'https://fosdem.org/2023/x.pdf',
        schedule: 'https://fosdem.org/2023/schedule/event/container_kubernetes_multi_cloud/',
      },
      {
        id: 'container_developer_tooling',
        title: 'Touring the container developer tooling landscape',
        speakers: [{ name: 'Phil Estes', affiliation: 'AWS' }],
        track: 'Containers',
        room: 'UB2.252A (Lameere)',
      },
      // Nothing optional at all.
      { id: 'bare', title: 'Bare', speakers: [] },
    ],
  },
  {
    event: { id: 'kubecon-eu-2024', name: 'KubeCon EU 2024', parent: 'cncf' },
    sessions: [
      // The same person with and without an affiliation are two speaker rows; with the same one, one row.
      { id: 'a', title: 'A', speakers: [{ name: 'Phil Estes' }, { name: 'Marco Mancini' }], type: 'keynote' },
      { id: 'b', title: 'B', speakers: [{ name: 'Phil Estes', affiliation: 'AWS' }], type: 'talk', track: 'Containers' },
    ],
  },
];

test('encode → decode gives the input back', () => {
  const bundle = encodeBundle(files, ['one', 'two']);
  assert.equal(bundle.format, 'recap-bundle/1');
  assert.deepEqual(bundle.sources, ['one', 'two']);
  assert.deepEqual(decodeBundle(bundle), files);
  // …also through JSON, the way it ships.
  assert.deepEqual(decodeBundle(JSON.parse(JSON.stringify(bundle)) as Bundle), files);
});

test('absent optional fields stay absent (not undefined-valued keys)', () => {
  const [decoded] = decodeBundle(encodeBundle(files, []));
  const bare = decoded!.sessions[2]!;
  assert.deepEqual(Object.keys(bare).sort(), ['id', 'speakers', 'title']);
  const tooling = decoded!.sessions[1]!;
  assert.deepEqual(Object.keys(tooling).sort(), ['id', 'room', 'speakers', 'title', 'track']);
  assert.deepEqual(Object.keys(tooling.speakers[0]!).sort(), ['affiliation', 'name']);
  assert.deepEqual(Object.keys(decoded!.sessions[0]!.speakers[0]!), ['name']);
});

test('repeated strings and speakers are stored once', () => {
  const bundle = encodeBundle(files, []);
  const count = (s: string) => bundle.strings.filter((x) => x === s).length;
  for (const s of ['Phil Estes', 'Marco Mancini', 'AWS', 'Containers', 'UB2.252A (Lameere)', 'talk', 'keynote']) assert.equal(count(s), 1, s);
  assert.equal(new Set(bundle.strings).size, bundle.strings.length, 'no string twice');
  // Speaker rows: Marco, Phil (AWS), Phil (no affiliation).
  assert.equal(bundle.speakers.length, 3);
  const rows = bundle.events.flatMap((e) => e.sessions);
  const speakerRefsOf = (id: string) => rows.find((r) => r[0] === id)![2];
  // Marco Mancini in fosdem-2023 and in kubecon session a: one row, referenced twice.
  assert.equal(speakerRefsOf('container_kubernetes_multi_cloud')[0], speakerRefsOf('a')[1]);
  // Phil Estes (AWS) twice: one row; Phil Estes without affiliation: another.
  assert.equal(speakerRefsOf('container_developer_tooling')[0], speakerRefsOf('b')[0]);
  assert.notEqual(speakerRefsOf('a')[0], speakerRefsOf('b')[0]);
  const [name, affiliation] = bundle.speakers[speakerRefsOf('b')[0]!]!;
  assert.deepEqual([bundle.strings[name], bundle.strings[affiliation]], ['Phil Estes', 'AWS']);
  assert.equal(bundle.speakers[speakerRefsOf('a')[0]!]![1], -1);
  // Titles, ids and URLs are not interned: they are unique per session anyway.
  assert.ok(!bundle.strings.includes('Bare'));
  assert.ok(!bundle.strings.includes('bare'));
});

test('an unknown format throws, naming it', () => {
  const bundle = { ...encodeBundle(files, []), format: 'recap-bundle/2' } as unknown as Bundle;
  assert.throws(() => decodeBundle(bundle), { message: "unknown bundle format 'recap-bundle/2'" });
  assert.throws(() => decodeBundle({} as Bundle), { message: "unknown bundle format 'undefined'" });
});

test("what the bundle does not carry: a session's end and links, and a zero duration", () => {
  // The row layout has no place for them; nothing in the editor reads them from the bundle.
  const [decoded] = decodeBundle(
    encodeBundle(
      [
        {
          event: { id: 'e', name: 'E' },
          sessions: [{ id: 's', title: 'S', speakers: [], end: '2024-01-01T10:00', links: [{ url: 'https://x.example' }], duration: 0 }],
        },
      ],
      [],
    ),
  );
  assert.deepEqual(decoded!.sessions, [{ id: 's', title: 'S', speakers: [] }]);
});

// Property: any EventFile the bundle can express round-trips exactly. The model's invariants hold:
// speaker names are non-empty, durations are positive (0 means none), optional text fields are
// absent rather than empty. Strings come from fc.string(), so they repeat and collide often.
const text = fc.string({ minLength: 1, maxLength: 8 });
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const speakerArb: fc.Arbitrary<Speaker> = fc
  .record({
    name: fc.constantFrom('Ada', 'Grace', 'ada', 'Alan').chain((n) => fc.oneof(fc.constant(n), text)),
    affiliation: optional(fc.oneof(fc.constantFrom('ACME', 'MIT'), text)),
  })
  .map(({ name, affiliation }) => (affiliation === undefined ? { name } : { name, affiliation }));
const sessionArb: fc.Arbitrary<Session> = fc
  .record({
    id: fc.string(),
    title: fc.string(),
    speakers: fc.array(speakerArb, { maxLength: 4 }),
    type: optional(fc.constantFrom('talk', 'keynote', 'fireside chat')),
    track: optional(text),
    start: optional(fc.constantFrom('2024-05-01', '2024-05-01T09:30')),
    duration: optional(fc.integer({ min: 1, max: 600 })),
    room: optional(text),
    video: optional(text.map((s) => `https://v.example/${s}`)),
    slides: optional(text.map((s) => `https://s.example/${s}`)),
    schedule: optional(text),
  })
  .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as unknown as Session);
const eventArb: fc.Arbitrary<ConferenceEvent> = fc
  .record({ id: fc.string(), name: fc.string(), location: optional(fc.string()), parent: optional(fc.string()) })
  .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as unknown as ConferenceEvent);
// fc.record builds null-prototype objects; the spread makes plain ones, as JSON.parse does.
const fileArb: fc.Arbitrary<EventFile> = fc.record({ event: eventArb, sessions: fc.array(sessionArb, { maxLength: 6 }) }).map((f) => ({ ...f }));

test('property: encode → decode round-trips generated event files', () => {
  fc.assert(
    fc.property(fc.array(fileArb, { maxLength: 4 }), fc.array(fc.string(), { maxLength: 3 }), (input, sources) => {
      const bundle = JSON.parse(JSON.stringify(encodeBundle(input, sources))) as Bundle;
      // deepStrictEqual tells an absent key from one set to undefined, so this checks both.
      assert.deepEqual(decodeBundle(bundle), input);
      assert.deepEqual(bundle.sources, sources);
    }),
    { numRuns: 150 },
  );
});

test('property: every distinct name, affiliation, type, track and room is stored exactly once', () => {
  fc.assert(
    fc.property(fc.array(fileArb, { maxLength: 4 }), (input) => {
      const bundle = encodeBundle(input, []);
      const expected = new Set<string>();
      for (const f of input) {
        for (const s of f.sessions) {
          for (const sp of s.speakers) {
            expected.add(sp.name);
            if (sp.affiliation) expected.add(sp.affiliation);
          }
          for (const v of [s.type, s.track, s.room]) if (v) expected.add(v);
        }
      }
      assert.deepEqual(new Set(bundle.strings), expected);
      assert.equal(bundle.strings.length, expected.size);
      const distinctSpeakers = new Set(
        input.flatMap((f) => f.sessions.flatMap((s) => s.speakers.map((sp) => JSON.stringify([sp.name, sp.affiliation ?? null])))),
      );
      assert.equal(bundle.speakers.length, distinctSpeakers.size);
    }),
    { numRuns: 100 },
  );
});
