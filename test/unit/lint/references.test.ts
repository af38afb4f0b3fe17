import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { index, mentioned, refs, video } from './support';

const FM = '---\nevent: fosdem-2023\n---\n';

test('titles are found however recaps write them: case, punctuation, quotes, dashes, spacing', () => {
  const text = `${FM}
## safer containers through system-call interception

- “Bottlerocket OS — a container-optimized Linux” by Sean McGinnis
- Scalable graph   algorithms in Rust (and Python)
- I liked *Touring the container developer tooling landscape* a lot.
`;
  assert.deepEqual(mentioned(text), {
    'fosdem-2023/container_syscall_interception': ['title:safer containers through system-call interception'],
    'fosdem-2023/container_bottlerocket_os': ['title:Bottlerocket OS — a container-optimized Linux'],
    'fosdem-2023/rust_scalable_graph_algorithms_in_rust_and_python': ['title:Scalable graph   algorithms in Rust (and Python)'],
    'fosdem-2023/container_developer_tooling': ['title:Touring the container developer tooling landscape'],
  });
});

test('titles after entities and escapes in the same text are placed exactly (one layout for lint and preview)', () => {
  const text = `${FM}
- Q&amp;A after Exploring Database Containers &mdash; worth it
- C:\\temp \\*notes\\*: Bottlerocket OS &#8212; a container-optimized Linux
`;
  assert.deepEqual(mentioned(text), {
    'fosdem-2023/container_database_containers': ['title:Exploring Database Containers'],
    'fosdem-2023/container_bottlerocket_os': ['title:Bottlerocket OS &#8212; a container-optimized Linux'],
  });
});

test('only whole word sequences match, and not across the end of a sentence', () => {
  const text = `${FM}
We talked about safer containers. Through system call interception nothing happens.
Unsafer containers through system call interceptions are not a talk either.
`;
  assert.deepEqual(mentioned(text), {});
});

test('nothing in code spans, fenced or indented code counts', () => {
  const text = `${FM}
Run \`Touring the container developer tooling landscape\` in your shell.

\`\`\`
Safer containers through system call interception
\`\`\`

    Bottlerocket OS - a container-optimized Linux
`;
  assert.deepEqual(mentioned(text), {});
});

test('titles of other events do not count when the recap declares its event; co-located events do', () => {
  const fosdem = `${FM}\n- Sometimes, Lipstick Is Exactly What a Pig Needs! was the best keynote.\n`;
  assert.deepEqual(mentioned(fosdem), {});
  const kubecon = '---\nevent: kubecon-eu-2024\n---\n\n- To K8S and Beyond - Maturing Your Platform Engineering Initiative\n';
  assert.deepEqual(Object.keys(mentioned(kubecon)), [
    'kubecon-eu-2024-platform-engineering-day/to-k8s-and-beyond-maturing-your-platform-engineering-initiative',
  ]);
});

test('short and generic titles are skipped; without an event only titles of four words or more count', () => {
  // "The State of Go" is given every year; "Lightning Talks" is two words.
  assert.deepEqual(mentioned(`${FM}\nThe State of Go was packed, and so were the Lightning Talks.\n`), {});
  const noEvent = '---\ntitle: notes\n---\n\nExploring Database Containers, and Touring the container developer tooling landscape.\n';
  assert.deepEqual(mentioned(noEvent), { 'fosdem-2023/container_developer_tooling': ['title:Touring the container developer tooling landscape'] });
  assert.deepEqual(Object.keys(mentioned(`${FM}\nExploring Database Containers\n`)), ['fosdem-2023/container_database_containers']);
});

test('links to a talk’s recording or schedule page and full ids are mentions', () => {
  const url = video('fosdem-2023/container_bottlerocket_os');
  const text = `${FM}
- [the Bottlerocket talk](${url.replace(/ /g, '%20')})
- see fosdem-2023/container_database_containers for the rest
- ${video('fosdem-2023/container_developer_tooling')}
- [Containers in a Car](https://devconfcz2023.sched.com/event/1MYim/containers-in-a-car/)
`;
  const m = mentioned(text);
  assert.deepEqual(m['fosdem-2023/container_bottlerocket_os'], [`link:[the Bottlerocket talk](${url})`]);
  assert.deepEqual(m['fosdem-2023/container_database_containers'], ['id:fosdem-2023/container_database_containers']);
  assert.deepEqual(m['fosdem-2023/container_developer_tooling'], [`link:${video('fosdem-2023/container_developer_tooling')}`]);
  // A schedule link of another event still names its talk (links are precise), with or without the trailing slash.
  assert.deepEqual(m['devconf-cz-2023/containers-in-a-car'], ['link:[Containers in a Car](https://devconfcz2023.sched.com/event/1MYim/containers-in-a-car/)']);
});

test('a bare URL is not read for titles', () => {
  const text = '---\nevent: devconf-cz-2023\n---\n\nhttps://example.org/2023/containers-in-a-car-and-more\n';
  assert.deepEqual(mentioned(text), {});
});

test('mentions are exact offsets, also across escapes, emphasis and line breaks', () => {
  const text = `${FM}
Exploring Database Containers\\! and *Safer containers* through
system call interception.
`;
  assert.deepEqual(mentioned(text), {
    'fosdem-2023/container_database_containers': ['title:Exploring Database Containers'],
    'fosdem-2023/container_syscall_interception': ['title:Safer containers* through\nsystem call interception'],
  });
});

test('frontmatter entries resolve by id, or by exact title without one', () => {
  const text = `---
event: fosdem-2023
talks:
  - id: fosdem-2023/container_developer_tooling
  - title: "Exploring database containers"
  - id: fosdem-2023/no_such_talk
  - title: My own unindexed talk
---
`;
  const r = refs(text);
  assert.deepEqual(
    r.talks.map((t) => [t.session?.fullId, t.title, t.unknownId]),
    [
      ['fosdem-2023/container_developer_tooling', 'Touring the container developer tooling landscape', false],
      ['fosdem-2023/container_database_containers', 'Exploring Database Containers', false],
      [undefined, 'fosdem-2023/no_such_talk', true],
      [undefined, 'My own unindexed talk', false],
    ],
  );
  assert.deepEqual(
    r.resolved[0]!.mentions.map((m) => [m.kind, text.slice(m.start, m.end)]),
    [['frontmatter', 'fosdem-2023/container_developer_tooling']],
  );
});

function covered(text: string): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const t of refs(text).talks) out[t.session?.fullId ?? t.title] = t.videoLinks.length > 0 || t.frontmatterVideo === 'valid';
  return out;
}

test('a recording link covers the talks of its list item, paragraph or heading section — and no others', () => {
  const text = `${FM}
## Touring the container developer tooling landscape

Phil Estes toured build, run and debug tools.

[Recording](https://www.youtube.com/watch?v=abcdefghijk)

## Other talks

- Exploring Database Containers ([video](https://vimeo.com/123456))
- Bottlerocket OS - a container-optimized Linux
  - [slides](https://example.org/slides.pdf)
- Safer containers through system call interception
  - [video](https://peertube.debian.social/w/9kdFyMjqV2rSYP4fnBWRpM)

Rust API Design Learnings, with a [video](https://media.ccc.de/v/fosdem2023-rust) right there.
`;
  assert.deepEqual(covered(text), {
    'fosdem-2023/container_developer_tooling': true,
    'fosdem-2023/container_database_containers': true,
    'fosdem-2023/container_bottlerocket_os': false,
    'fosdem-2023/container_syscall_interception': true,
    'fosdem-2023/rust_rust_api_design_learnings': true,
  });
});

test('a link in a heading section does not cover a talk of a nested block, nor a talk’s known video another talk', () => {
  const other = video('fosdem-2023/container_bottlerocket_os').replace(/ /g, '%20');
  const text = `${FM}
## Touring the container developer tooling landscape

- Exploring Database Containers: [video](https://youtu.be/abcdefghijk)

Safer containers through system call interception, see [this](${other}).
`;
  assert.deepEqual(covered(text), {
    'fosdem-2023/container_developer_tooling': false,
    'fosdem-2023/container_database_containers': true,
    'fosdem-2023/container_syscall_interception': false,
    'fosdem-2023/container_bottlerocket_os': true,
  });
});

test('a paragraph without a talk continues the one before it: title, notes, then the recording', () => {
  const text = `${FM}
Exploring Database Containers — Edith Puclla

Great overview of operators.

Watch it: https://www.youtube.com/watch?v=abcdefghijk

Bottlerocket OS - a container-optimized Linux — Sean McGinnis
`;
  assert.deepEqual(covered(text), { 'fosdem-2023/container_database_containers': true, 'fosdem-2023/container_bottlerocket_os': false });
});

test('the resolved talks carry speakers, event, links and the recording the index knows', () => {
  const text = `${FM}\n- Exploring Database Containers\n`;
  const [talk] = refs(text).resolved;
  assert.deepEqual(talk, {
    id: 'fosdem-2023/container_database_containers',
    title: 'Exploring Database Containers',
    speakers: [{ name: 'Edith Puclla' }],
    eventName: 'FOSDEM 2023',
    knownVideo: video('fosdem-2023/container_database_containers'),
    slides: index.get('fosdem-2023/container_database_containers')!.slides,
    // The bundled index now gives every FOSDEM talk its schedule page (built from year and slug).
    schedule: 'https://fosdem.org/2023/schedule/event/container_database_containers/',
    mentions: [{ start: text.indexOf('Exploring'), end: text.indexOf('Exploring') + 'Exploring Database Containers'.length, kind: 'title' }],
  });
});
