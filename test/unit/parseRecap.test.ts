import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRecap } from '../../src/core/recap/parseRecap';

const RECAP = `---
title: "KubeCon EU 2024: platform talks"
event: kubecon-eu-2024
talks:
  - id: kubecon-eu-2024/sometimes-lipstick-is-exactly-what-a-pig-needs
    title: "Sometimes, Lipstick Is Exactly What a Pig Needs!"
    speakers:
      - name: Abby Bangser
        affiliation: Syntasso
      - Whitney Lee
    video: https://www.youtube.com/watch?v=abc
  - title: A talk not in the index
---

# Recap

\`\`\`yaml
talks: []
\`\`\`
`;

test('talk entries come with the exact text of each field', () => {
  const r = parseRecap('recaps/kubecon.md', RECAP);
  const slice = (range: { start: number; end: number }) => RECAP.slice(range.start, range.end);
  assert.equal(r.isRecap, true);
  assert.deepEqual(
    r.events.map((e) => [e.value, slice(e.range)]),
    [['kubecon-eu-2024', 'kubecon-eu-2024']],
  );
  assert.equal(r.talks.length, 2);
  const [lipstick, other] = r.talks;
  assert.equal(slice(lipstick!.id!.range), 'kubecon-eu-2024/sometimes-lipstick-is-exactly-what-a-pig-needs');
  assert.equal(slice(lipstick!.title!.range), '"Sometimes, Lipstick Is Exactly What a Pig Needs!"');
  assert.equal(lipstick!.title!.value, 'Sometimes, Lipstick Is Exactly What a Pig Needs!');
  assert.deepEqual(
    lipstick!.speakers!.value.map((s) => [s.name, s.affiliation]),
    [
      ['Abby Bangser', 'Syntasso'],
      ['Whitney Lee', undefined],
    ],
  );
  assert.equal(slice(lipstick!.speakers!.value[0]!.nameRange!), 'Abby Bangser');
  assert.equal(lipstick!.video!.value, 'https://www.youtube.com/watch?v=abc');
  assert.equal(lipstick!.keyColumn, 4);
  assert.equal(other!.id, undefined);
  assert.equal(other!.title!.value, 'A talk not in the index');
  assert.deepEqual(r.problems, []);
});

test('body tokens carry whole-text line numbers and code lines are known', () => {
  const r = parseRecap('recaps/kubecon.md', RECAP);
  const heading = r.tokens.find((t) => t.type === 'heading_open')!;
  assert.equal(RECAP.split('\n')[heading.map![0]], '# Recap');
  const fenceLine = RECAP.split('\n').indexOf('talks: []');
  assert.ok(r.codeLines.has(fenceLine));
  assert.ok(!r.codeLines.has(fenceLine - 3));
});

test('wrong shapes are located problems, and the rest still reads', () => {
  const text = '---\nevent: [kubecon-eu-2024, 7]\ntalks:\n  - just a string\n  - id: a/b\n    speakers: Abby\n---\n';
  const r = parseRecap('x.md', text);
  assert.deepEqual(
    r.events.map((e) => e.value),
    ['kubecon-eu-2024'],
  );
  assert.deepEqual(
    r.talks.map((t) => t.id?.value),
    ['a/b'],
  );
  const located = r.problems.map((p) => [p.code, text.slice(p.start, p.end)]);
  assert.deepEqual(located, [
    ['frontmatter-schema', '7'],
    ['frontmatter-schema', 'just a string'],
    ['frontmatter-schema', 'Abby'],
  ]);
});

test('a recap without frontmatter has no talks and a body', () => {
  const r = parseRecap('notes.md', '# Notes\n');
  assert.equal(r.frontmatter, undefined);
  assert.equal(r.isRecap, false);
  assert.equal(r.tokens[0]!.type, 'heading_open');
});
