import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitFrontmatter } from '../../src/core/recap/frontmatter';
import { LineIndex } from '../../src/core/text/lineIndex';

const recap = `---
title: "KubeCon EU 2024"
event: kubecon-eu-2024
talks:
  - id: kubecon-eu-2024/sometimes-lipstick-is-exactly-what-a-pig-needs
---
# Body
`;

test('splits a recap into frontmatter and body with offsets', () => {
  const { frontmatter, bodyStart, problems } = splitFrontmatter(recap);
  assert.ok(frontmatter);
  assert.deepEqual(problems, []);
  assert.deepEqual(frontmatter.problems, []);
  assert.equal(frontmatter.data?.['event'], 'kubecon-eu-2024');
  assert.equal(recap.slice(bodyStart), '# Body\n');
  assert.equal(recap.slice(frontmatter.contentStart, frontmatter.contentEnd).split('\n')[0], 'title: "KubeCon EU 2024"');
});

test('no frontmatter: the whole text is body', () => {
  const split = splitFrontmatter('# Just notes\n---\n');
  assert.equal(split.frontmatter, undefined);
  assert.equal(split.bodyStart, 0);
});

test('CRLF line breaks and a BOM', () => {
  const text = '\uFEFF---\r\nevent: fosdem-2023\r\n---\r\nbody';
  const { frontmatter, bodyStart } = splitFrontmatter(text);
  assert.equal(frontmatter?.data?.['event'], 'fosdem-2023');
  assert.equal(text.slice(bodyStart), 'body');
});

test('an unclosed block is reported on line 1 and the text stays body', () => {
  const split = splitFrontmatter('---\ntitle: x\n\n# Heading\n');
  assert.equal(split.frontmatter, undefined);
  assert.equal(split.bodyStart, 0);
  assert.equal(split.problems.length, 1);
  assert.equal(split.problems[0]!.code, 'frontmatter-syntax');
  assert.match(split.problems[0]!.message, /never closed/);
});

test('a YAML error is located at its line in the whole file', () => {
  const text = '---\ntitle: ok\ntalks:\n  - id: a\n   title: misindented\n---\n';
  const { frontmatter } = splitFrontmatter(text);
  assert.ok(frontmatter);
  const error = frontmatter.problems.find((p) => p.severity === 'error');
  assert.ok(error, 'a YAML error is reported');
  assert.equal(error.code, 'frontmatter-syntax');
  assert.equal(new LineIndex(text).positionAt(error.start).line, 4);
  assert.match(error.message, /^YAML: /);
});

test('duplicate keys are errors', () => {
  const { frontmatter } = splitFrontmatter('---\nevent: a\nevent: b\n---\n');
  assert.ok(frontmatter?.problems.some((p) => /unique/i.test(p.message)));
});

test('a list instead of a mapping is a schema problem', () => {
  const { frontmatter } = splitFrontmatter('---\n- a\n- b\n---\n');
  assert.equal(frontmatter?.data, undefined);
  assert.equal(frontmatter?.problems[0]?.code, 'frontmatter-schema');
});

test('a "---" inside a YAML value does not close the block', () => {
  const text = '---\ntitle: "a --- b"\n---\nbody';
  const { frontmatter, bodyStart } = splitFrontmatter(text);
  assert.equal(frontmatter?.data?.['title'], 'a --- b');
  assert.equal(text.slice(bodyStart), 'body');
});
