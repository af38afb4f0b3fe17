import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRecap } from '../../../src/core/recap/parseRecap';
import { applyEdits, at, dest, lint, only, video } from './support';

const TOOLING = 'fosdem-2023/container_developer_tooling';
const DATABASES = 'fosdem-2023/container_database_containers';

/** The quick fixes of the recap's n-th missing-video finding, built as the code actions build them. */
function missingFixes(text: string, n: number) {
  const linted = lint(text);
  return linted.fixes(only(linted.findings, 'missing-video')[n]!);
}

const RECAP = `---
title: "FOSDEM 2023: my day in the containers devroom"
event: fosdem-2023
talks:
  - id: ${TOOLING}
    title: "Touring the container developer tooling landscape"
    speakers:
      - name: Phil Estes
  - id: fosdem-2023/bare_metal_servers_as_container_runtime
---

# FOSDEM 2023: my day in the containers devroom

## Touring the container developer tooling landscape

A tour of build, run and debug tools, from BuildKit to nerdctl.

- Exploring Database Containers — Edith Puclla
- Safer containers through system call interception — Stéphane Graber ([video](https://www.youtube.com/watch?v=abcdefghijk))
`;

test('a talk without a video link is reported once, at its frontmatter entry, saying the index knows the recording', () => {
  const { findings, fixes } = lint(RECAP);
  const missing = only(findings, 'missing-video');
  assert.deepEqual(
    missing.map((f) => [at(RECAP, f), f.severity, f.message]),
    [
      [TOOLING, 'warning', `“Touring the container developer tooling landscape” has no video link; the index knows its recording: ${video(TOOLING)}`],
      [
        'fosdem-2023/bare_metal_servers_as_container_runtime',
        'warning',
        '“Bare-metal servers as a container runtime” has no video link: add its recording once it is published.',
      ],
      ['Exploring Database Containers', 'warning', `“Exploring Database Containers” has no video link; the index knows its recording: ${video(DATABASES)}`],
    ],
  );
  assert.equal(missing[0]!.talk, TOOLING);
  // The YouTube link in the same list item covers the system call interception talk.
  assert.equal(missing.length, 3);
  assert.deepEqual(fixes(missing[1]!), []);
  assert.equal(missing[1]!.fixable, undefined, 'no quick fix is announced');
});

test('the preferred fix adds `video:` to the frontmatter entry at its key column, and the YAML still parses', () => {
  const fix = missingFixes(RECAP, 0).find((x) => x.preferred)!;
  const fixed = applyEdits(RECAP, fix.edits);
  assert.equal(fixed, RECAP.replace('      - name: Phil Estes\n', `      - name: Phil Estes\n    video: ${video(TOOLING)}\n`));
  assert.deepEqual(parseRecap('recaps/r.md', fixed).problems, []);
  assert.deepEqual(
    only(lint(fixed).findings, 'missing-video').map((x) => x.talk),
    ['fosdem-2023/bare_metal_servers_as_container_runtime', DATABASES],
  );
});

test('for a talk only named in the text, the fix turns its title into a link to the recording', () => {
  const fixes = missingFixes(RECAP, 2);
  assert.equal(fixes.length, 1);
  assert.equal(fixes[0]!.preferred, true);
  const fixed = applyEdits(RECAP, fixes[0]!.edits);
  assert.equal(fixed, RECAP.replace('- Exploring Database Containers —', `- [Exploring Database Containers](${dest(video(DATABASES))}) —`));
  assert.equal(only(lint(fixed).findings, 'missing-video').length, 2);
});

test('a title already linked (to its schedule page) gets the recording link after it', () => {
  const text = `---\nevent: fosdem-2023\n---\n\n- [Exploring Database Containers](https://example.org/schedule) — Edith Puclla\n`;
  const fixes = missingFixes(text, 0);
  assert.equal(
    applyEdits(text, fixes[0]!.edits),
    text.replace('(https://example.org/schedule)', `(https://example.org/schedule) ([video](${dest(video(DATABASES))}))`),
  );
});

test('the fix fills an empty `video:` in place and replaces a flow mapping’s keys without touching the rest', () => {
  const empty = `---\nevent: fosdem-2023\ntalks:\n  - id: ${DATABASES}\n    video:\n    slides: https://example.org/s.pdf\n---\n`;
  const fixed = applyEdits(empty, missingFixes(empty, 0)[0]!.edits);
  assert.equal(fixed, empty.replace('    video:\n', `    video: ${video(DATABASES)}\n`));
  assert.deepEqual(parseRecap('r.md', fixed).problems, []);

  const flow = `---\nevent: fosdem-2023\ntalks:\n  - {id: ${DATABASES}, title: Exploring Database Containers}\n---\n`;
  const fixedFlow = applyEdits(flow, missingFixes(flow, 0)[0]!.edits);
  assert.equal(fixedFlow, flow.replace('title: Exploring Database Containers}', `title: Exploring Database Containers, video: ${video(DATABASES)}}`));
  assert.equal(parseRecap('r.md', fixedFlow).talks[0]!.video!.value, video(DATABASES));
});

test('a frontmatter `video:` link, or a recording link beside a mention, means no finding', () => {
  const text = `---
event: fosdem-2023
talks:
  - id: ${DATABASES}
    video: https://www.youtube.com/watch?v=abcdefghijk
---

- Touring the container developer tooling landscape: [watch](https://vimeo.com/12345678)
- Bottlerocket OS - a container-optimized Linux
  - [recording](${video('fosdem-2023/container_bottlerocket_os').replace(/ /g, '%20')})
`;
  assert.deepEqual(only(lint(text).findings, 'missing-video'), []);
});

test('near misses are not reported: a title in code, a generic title, another event’s talk', () => {
  const text = `---
event: fosdem-2023
---

Run \`Exploring Database Containers\` again, then the Lightning Talks and The State of Go.
Sometimes, Lipstick Is Exactly What a Pig Needs! (that was KubeCon).

\`\`\`
Touring the container developer tooling landscape
\`\`\`
`;
  assert.deepEqual(lint(text).findings, []);
});

test('a placeholder next to a talk whose recording is out is replaced by the link', () => {
  const text = `---\nevent: fosdem-2023\n---\n\n- Exploring Database Containers — video not yet available, slides soon.\n`;
  const { findings, fixes } = lint(text);
  assert.deepEqual(
    findings.map((f) => f.code),
    ['missing-video'],
  );
  const fixed = applyEdits(text, fixes(findings[0]!)[0]!.edits);
  assert.equal(fixed, text.replace('video not yet available', `[video](${dest(video(DATABASES))})`));
  assert.deepEqual(lint(fixed).findings, []);
});

test('severity can be changed and the rule turned off', () => {
  assert.deepEqual(
    only(lint(RECAP, { 'missing-video': 'error' }).findings, 'missing-video').map((f) => f.severity),
    ['error', 'error', 'error'],
  );
  assert.deepEqual(only(lint(RECAP, { 'missing-video': 'off' }).findings, 'missing-video'), []);
});

test('a finding is plain data: its fixes are built when asked, the same each time', () => {
  const { findings, fixes } = lint(RECAP);
  const f = only(findings, 'missing-video')[0]!;
  assert.deepEqual(JSON.parse(JSON.stringify(f)), { ...f }, 'it serializes whole');
  assert.deepEqual(f.fixes, [], 'no edits were made while linting');
  assert.equal(f.fixable, true);
  const built = fixes(f);
  assert.equal(built[0]!.title, `Add the recording to the frontmatter entry: video: ${video(TOOLING)}`);
  assert.deepEqual(fixes(f), built);
});
