import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadIndexFile } from '../../src/core/index/loadIndexFile';
import type { ConferenceEvent, Session } from '../../src/core/index/model';
import { SessionIndex, type IndexSource } from '../../src/core/index/sessionIndex';

const BUNDLE = '/ext/data/bundled/index.bin';
const bundled = (event: ConferenceEvent, sessions: Session[]): IndexSource => ({ origin: { file: BUNDLE, bundled: true }, event, sessions });
const workspace = (file: string, event: ConferenceEvent, sessions: Session[], sessionLines?: number[]): IndexSource =>
  sessionLines ? { origin: { file }, event, sessions, sessionLines } : { origin: { file }, event, sessions };

const kubecon: ConferenceEvent = {
  id: 'kubecon-eu-2024',
  name: 'KubeCon + CloudNativeCon Europe 2024',
  location: 'Paris',
  start: '2024-03-19',
  end: '2024-03-22',
};
const pigTalk: Session = {
  id: 'sometimes-lipstick-is-exactly-what-a-pig-needs',
  title: 'Sometimes Lipstick Is Exactly What a Pig Needs!',
  speakers: [
    { name: 'Abby Bangser', affiliation: 'Syntasso' },
    { name: 'Whitney Lee', affiliation: 'VMware' },
  ],
  video: 'https://www.youtube.com/watch?v=VhloarnpxVo',
};
const otherTalk: Session = { id: 'keynote', title: 'Opening Keynote', speakers: [{ name: 'Priyanka Sharma' }], slides: 'https://example.org/k.pdf' };

test('sources merge in order; sessions get their event id, full id and origin', () => {
  const index = new SessionIndex([
    bundled(kubecon, [pigTalk, otherTalk]),
    workspace('/ws/.recap/mine.yaml', { id: 'local-meetup-2024', name: 'Local Meetup' }, [{ id: 'intro', title: 'Intro', speakers: [] }], [7]),
  ]);
  assert.deepEqual(
    index.sessions.map((s) => s.fullId),
    ['kubecon-eu-2024/sometimes-lipstick-is-exactly-what-a-pig-needs', 'kubecon-eu-2024/keynote', 'local-meetup-2024/intro'],
  );
  const pig = index.get('kubecon-eu-2024/sometimes-lipstick-is-exactly-what-a-pig-needs');
  assert.deepEqual(pig, {
    ...pigTalk,
    eventId: 'kubecon-eu-2024',
    fullId: 'kubecon-eu-2024/sometimes-lipstick-is-exactly-what-a-pig-needs',
    origin: { file: BUNDLE, bundled: true },
  });
  assert.deepEqual(index.get('local-meetup-2024/intro')?.origin, { file: '/ws/.recap/mine.yaml', line: 7 });
  assert.equal(index.get('local-meetup-2024/nope'), undefined);
  assert.equal(index.get('sometimes-lipstick-is-exactly-what-a-pig-needs'), undefined, 'only full ids are keys');
  assert.deepEqual([...index.events.keys()], ['kubecon-eu-2024', 'local-meetup-2024']);
  assert.deepEqual(index.events.get('kubecon-eu-2024'), { ...kubecon, origin: { file: BUNDLE, bundled: true } });
});

test('a later source overrides a session with the same full id; its origin becomes that file and line', () => {
  const mine: Session = { id: pigTalk.id, title: 'Lipstick on a Pig (my notes)', speakers: [{ name: 'Abby Bangser' }], slides: 'https://example.org/pig.pdf' };
  const index = new SessionIndex([
    bundled(kubecon, [pigTalk, otherTalk]),
    workspace('/ws/.recap/kubecon.yaml', { id: 'kubecon-eu-2024', name: 'KubeCon EU 2024' }, [mine], [12]),
  ]);
  const s = index.get(`kubecon-eu-2024/${pigTalk.id}`)!;
  // The whole entry is replaced, not merged: the bundled video is gone.
  assert.deepEqual(s, { ...mine, eventId: 'kubecon-eu-2024', fullId: `kubecon-eu-2024/${pigTalk.id}`, origin: { file: '/ws/.recap/kubecon.yaml', line: 12 } });
  assert.equal(s.video, undefined);
  // Still two sessions, the overridden one in its original place.
  assert.deepEqual(
    index.sessions.map((x) => x.id),
    [pigTalk.id, 'keynote'],
  );
  assert.deepEqual(index.get('kubecon-eu-2024/keynote')?.origin, { file: BUNDLE, bundled: true });
});

test('the last of several workspace files wins', () => {
  const event = { id: 'e', name: 'E' };
  const index = new SessionIndex([
    workspace('/ws/a.yaml', event, [{ id: 's', title: 'From A', speakers: [] }], [3]),
    workspace('/ws/b.yaml', event, [{ id: 's', title: 'From B', speakers: [] }], [9]),
  ]);
  assert.equal(index.sessions.length, 1);
  assert.equal(index.get('e/s')?.title, 'From B');
  assert.deepEqual(index.get('e/s')?.origin, { file: '/ws/b.yaml', line: 9 });
  assert.deepEqual(index.events.get('e')?.origin, { file: '/ws/b.yaml' });
});

test('without sessionLines the origin has no line', () => {
  const index = new SessionIndex([workspace('/ws/x.json', { id: 'x', name: 'X' }, [{ id: 'a', title: 'A', speakers: [] }])]);
  assert.deepEqual(index.get('x/a')?.origin, { file: '/ws/x.json' });
});

test('a later event source overrides only the fields it gives; the workspace file becomes its origin', () => {
  const pe: ConferenceEvent = {
    id: 'kubecon-eu-2024-platform-engineering-day',
    name: 'Platform Engineering Day',
    parent: 'kubecon-eu-2024',
    start: '2024-03-19',
  };
  const index = new SessionIndex([
    bundled(kubecon, [pigTalk]),
    bundled(pe, []),
    workspace('/ws/.recap/kubecon.yaml', { id: 'kubecon-eu-2024', name: 'KubeCon Paris', url: 'https://example.org/kubecon' }, []),
    // Only the id and a name: the bundled parent and start stay.
    workspace('/ws/.recap/pe.yaml', { id: pe.id, name: 'PE Day' }, []),
  ]);
  assert.deepEqual(index.events.get('kubecon-eu-2024'), {
    id: 'kubecon-eu-2024',
    name: 'KubeCon Paris',
    location: 'Paris',
    start: '2024-03-19',
    end: '2024-03-22',
    url: 'https://example.org/kubecon',
    origin: { file: '/ws/.recap/kubecon.yaml' },
  });
  assert.deepEqual(index.events.get(pe.id), { ...pe, name: 'PE Day', origin: { file: '/ws/.recap/pe.yaml' } });
  // The override leaves the family intact (the parent came from the bundle).
  assert.deepEqual([...index.family('kubecon-eu-2024')], ['kubecon-eu-2024', pe.id]);
  // Sessions of the bundled event stay when the workspace file gives none.
  assert.equal(index.get(`kubecon-eu-2024/${pigTalk.id}`)?.title, pigTalk.title);
});

test("a later bundled source for an event already seen keeps the first origin (the code's rule)", () => {
  const first = { file: '/ws/first.yaml' };
  const index = new SessionIndex([
    { origin: first, event: { id: 'e', name: 'E' }, sessions: [] },
    { origin: { file: '/other/bundle.json', bundled: true }, event: { id: 'e', name: 'E from bundle', location: 'Ghent' }, sessions: [] },
  ]);
  // Fields still merge, later wins…
  assert.equal(index.events.get('e')?.name, 'E from bundle');
  assert.equal(index.events.get('e')?.location, 'Ghent');
  // …but a bundled source never takes an event's origin away from an earlier one.
  assert.deepEqual(index.events.get('e')?.origin, first);
});

test('family() includes co-located events recursively, and only those', () => {
  const index = new SessionIndex([
    bundled({ id: 'kubecon', name: 'KubeCon' }, []),
    bundled({ id: 'day0', name: 'Day 0', parent: 'kubecon' }, []),
    bundled({ id: 'day0-workshop', name: 'Day 0 workshop', parent: 'day0' }, []),
    bundled({ id: 'argocon', name: 'ArgoCon', parent: 'kubecon' }, []),
    bundled({ id: 'fosdem-2024', name: 'FOSDEM 2024' }, []),
    bundled({ id: 'fringe', name: 'Fringe', parent: 'fosdem-2024' }, []),
  ]);
  assert.deepEqual([...index.family('kubecon')].sort(), ['argocon', 'day0', 'day0-workshop', 'kubecon']);
  assert.deepEqual([...index.family('day0')].sort(), ['day0', 'day0-workshop']);
  assert.deepEqual([...index.family('argocon')], ['argocon'], 'a child does not pull in its parent or siblings');
  assert.deepEqual([...index.family('fosdem-2024')].sort(), ['fosdem-2024', 'fringe']);
  assert.deepEqual([...index.family('unknown')], ['unknown']);
});

test('family() terminates on a parent cycle', () => {
  const index = new SessionIndex([bundled({ id: 'a', name: 'A', parent: 'b' }, []), bundled({ id: 'b', name: 'B', parent: 'a' }, [])]);
  assert.deepEqual([...index.family('a')].sort(), ['a', 'b']);
});

test('family() follows a parent set by a workspace file', () => {
  const index = new SessionIndex([
    bundled({ id: 'kubecon', name: 'KubeCon' }, []),
    workspace('/ws/.recap/side.yaml', { id: 'my-side-event', name: 'Side', parent: 'kubecon' }, []),
  ]);
  assert.deepEqual([...index.family('kubecon')], ['kubecon', 'my-side-event']);
});

test('stats() counts events, sessions, distinct speakers (case-insensitively), video, slides and workspace files', () => {
  const index = new SessionIndex([
    bundled({ id: 'b1', name: 'B1' }, [
      { id: 's1', title: 'S1', speakers: [{ name: 'Ada Lovelace' }, { name: 'Grace Hopper', affiliation: 'Navy' }], video: 'https://youtu.be/1' },
      { id: 's2', title: 'S2', speakers: [{ name: 'ada lovelace', affiliation: 'Engines' }], slides: 'https://x.example/s.pdf' },
      { id: 's3', title: 'S3', speakers: [], video: 'https://youtu.be/3', slides: 'https://x.example/3.pdf' },
    ]),
    bundled({ id: 'b2', name: 'B2' }, []),
    // Overrides b1/s3 (which had both) with a session that has neither.
    workspace('/ws/one.yaml', { id: 'b1', name: 'B1' }, [{ id: 's3', title: 'S3 mine', speakers: [{ name: 'GRACE HOPPER' }] }], [4]),
    workspace('/ws/two.yaml', { id: 'w', name: 'W' }, [{ id: 'a', title: 'A', speakers: [{ name: 'Alan Turing' }], video: 'https://vimeo.com/1' }], [6]),
    // A file with an event and no sessions still counts as a workspace file.
    workspace('/ws/three.yaml', { id: 'empty', name: 'Empty' }, []),
  ]);
  assert.deepEqual(index.stats(), { events: 4, sessions: 4, speakers: 3, sessionsWithVideo: 2, sessionsWithSlides: 1, workspaceFiles: 3 });
});

test('stats() of the bundle alone has no workspace files', () => {
  const index = new SessionIndex([bundled(kubecon, [pigTalk, otherTalk])]);
  assert.deepEqual(index.stats(), { events: 1, sessions: 2, speakers: 3, sessionsWithVideo: 1, sessionsWithSlides: 1, workspaceFiles: 0 });
  assert.deepEqual(new SessionIndex([]).stats(), { events: 0, sessions: 0, speakers: 0, sessionsWithVideo: 0, sessionsWithSlides: 0, workspaceFiles: 0 });
});

test('a loaded index file feeds the index with its lines as origins', () => {
  const text =
    'event:\n  id: kubecon-eu-2024\n  name: KubeCon\nsessions:\n  - title: First\n  - id: sometimes-lipstick-is-exactly-what-a-pig-needs\n    title: Mine\n';
  const loaded = loadIndexFile('/ws/.recap/k.yaml', text);
  const index = new SessionIndex([
    bundled(kubecon, [pigTalk]),
    { origin: { file: loaded.path }, event: loaded.event!, sessions: loaded.sessions, sessionLines: loaded.sessionLines },
  ]);
  assert.deepEqual(index.get('kubecon-eu-2024/first')?.origin, { file: '/ws/.recap/k.yaml', line: 5 });
  assert.deepEqual(index.get(`kubecon-eu-2024/${pigTalk.id}`)?.origin, { file: '/ws/.recap/k.yaml', line: 6 });
  assert.equal(index.get(`kubecon-eu-2024/${pigTalk.id}`)?.title, 'Mine');
  assert.equal(index.events.get('kubecon-eu-2024')?.location, 'Paris');
});

test('a person a schedule lists twice for one talk is one speaker of it', () => {
  const fosdem: ConferenceEvent = { id: 'fosdem-2024', name: 'FOSDEM 2024' };
  const speakers = [{ name: 'Antoni Ivanov' }, { name: 'Antoni Ivanov' }, { name: 'Ann Other' }];
  const index = new SessionIndex([bundled(fosdem, [{ id: 'notebooks', title: 'Productionizing Jupyter Notebooks', speakers }])]);
  assert.deepEqual(
    index.get('fosdem-2024/notebooks')!.speakers.map((s) => s.name),
    ['Antoni Ivanov', 'Ann Other'],
  );
});
