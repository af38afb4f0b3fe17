import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleInfo, ruleInfos } from '../../../src/core/lint/registry';
import { parseRecap } from '../../../src/core/recap/parseRecap';
import { applyEdits, at, lint, only } from './support';

test('YAML errors and wrong shapes are errors at their exact position', () => {
  const broken = '---\nevent: fosdem-2023\ntalks:\n  - id: [fosdem-2023/x\n---\n';
  const [syntax] = only(lint(broken).findings, 'frontmatter-syntax');
  assert.equal(syntax!.severity, 'error');
  assert.match(syntax!.message, /^YAML: /);
  assert.ok(syntax!.start > broken.indexOf('talks:'));

  const shape = '---\nevent: fosdem-2023\ntalks:\n  - just a title\n---\n';
  assert.deepEqual(
    only(lint(shape).findings, 'frontmatter-schema').map((f) => [at(shape, f), f.severity]),
    [['just a title', 'error']],
  );

  const unclosed = '---\nevent: fosdem-2023\n\n# Recap\n';
  assert.deepEqual(
    only(lint(unclosed).findings, 'frontmatter-syntax').map((f) => at(unclosed, f)),
    ['---'],
  );
});

test('an unknown talk id gets “did you mean” fixes that replace the id, quotes kept', () => {
  const text = `---
event: fosdem-2023
talks:
  - id: "fosdem-2023/container_developer_tooling_landscape"
    title: Touring the container developer tooling landscape
---
`;
  const [f] = only(lint(text).findings, 'unknown-talk');
  assert.equal(at(text, f!), '"fosdem-2023/container_developer_tooling_landscape"');
  assert.equal(f!.severity, 'warning');
  assert.equal(
    f!.message,
    'No talk “fosdem-2023/container_developer_tooling_landscape” in the session index; did you mean fosdem-2023/container_developer_tooling?',
  );
  assert.ok(f!.fixes.length >= 1 && f!.fixes.length <= 3);
  assert.equal(f!.fixes[0]!.title, 'Did you mean fosdem-2023/container_developer_tooling (“Touring the container developer tooling landscape”)?');
  const fixed = applyEdits(text, f!.fixes[0]!.edits);
  assert.equal(fixed, text.replace('_landscape"', '"'));
  assert.deepEqual(
    lint(fixed).findings.filter((x) => x.code === 'unknown-talk'),
    [],
  );
  // An unknown talk is not also a missing video.
  assert.deepEqual(only(lint(text).findings, 'missing-video'), []);
});

test('an id typo finds the talk from its words; gibberish gets no suggestion', () => {
  const typo = '---\nevent: fosdem-2023\ntalks:\n  - id: fosdem-2023/container_bottlerocket\n---\n';
  assert.equal(only(lint(typo).findings, 'unknown-talk')[0]!.fixes[0]!.edits[0]!.newText, 'fosdem-2023/container_bottlerocket_os');
  const none = '---\nevent: fosdem-2023\ntalks:\n  - id: myconf-2031/qqq\n---\n';
  const [f] = only(lint(none).findings, 'unknown-talk');
  assert.deepEqual(f!.fixes, []);
  assert.equal(f!.message, 'No talk “myconf-2031/qqq” in the session index (nor an event “myconf-2031”: import its schedule to check its talks)');
});

test('video, slides and schedule values must be http(s) URLs; a missing scheme is fixed', () => {
  const text = `---
event: fosdem-2023
talks:
  - id: fosdem-2023/container_database_containers
    video: www.youtube.com/watch?v=abcdefghijk
    slides: slides.pdf
    schedule: 42
---
`;
  const found = only(lint(text).findings, 'invalid-link');
  assert.deepEqual(
    found.map((f) => [at(text, f), f.message]),
    [
      ['www.youtube.com/watch?v=abcdefghijk', '`video:` “www.youtube.com/watch?v=abcdefghijk” is not an http(s) URL.'],
      ['slides.pdf', '`slides:` “slides.pdf” is not an http(s) URL.'],
      ['42', '`schedule:` this value is not an http(s) URL.'],
    ],
  );
  const fixed = applyEdits(text, found[0]!.fixes.find((x) => x.preferred)!.edits);
  assert.equal(fixed, text.replace('www.youtube', 'https://www.youtube'));
  assert.equal(found[1]!.fixes[0]!.title.startsWith('Use the index’s slides link'), true);
  assert.deepEqual(parseRecap('r.md', applyEdits(text, found[1]!.fixes[0]!.edits)).problems, []);
  // An invalid video is that finding alone, not also a missing one.
  assert.deepEqual(only(lint(text).findings, 'missing-video'), []);
});

test('the same talk listed twice is reported on the second entry', () => {
  const text = `---
event: fosdem-2023
talks:
  - id: fosdem-2023/container_database_containers
    video: https://youtu.be/abcdefghijk
  - id: fosdem-2023/container_database_containers
---
`;
  const [f] = only(lint(text).findings, 'duplicate-talk');
  assert.equal(f!.start, text.lastIndexOf('fosdem-2023/container_database_containers'));
  assert.equal(f!.message, '“Exploring Database Containers” is already listed in `talks:` (line 4).');
});

test('an event id the index does not know is an info with close ids as fixes', () => {
  const text = '---\nevent: fosdem-2032\n---\n';
  const [f] = only(lint(text).findings, 'unknown-event');
  assert.equal(f!.severity, 'info');
  assert.equal(f!.message, 'No event “fosdem-2032” in the session index; did you mean fosdem-2023?');
  assert.deepEqual(
    f!.fixes.map((x) => x.edits[0]!.newText),
    ['fosdem-2023', 'fosdem-2022', 'fosdem-2012'],
  );
});

test('every rule has an id, a default severity, a description and a bundled documentation page', () => {
  const infos = ruleInfos();
  assert.deepEqual(
    infos.map((r) => [r.id, r.defaultSeverity]),
    [
      ['missing-video', 'warning'],
      ['video-placeholder', 'info'],
      ['unknown-talk', 'warning'],
      ['speaker-mismatch', 'warning'],
      ['frontmatter-syntax', 'error'],
      ['frontmatter-schema', 'error'],
      ['invalid-link', 'warning'],
      ['duplicate-talk', 'warning'],
      ['unknown-event', 'info'],
    ],
  );
  for (const r of infos) assert.ok(r.description.length > 10 && !r.description.includes('\n'));
  assert.equal(ruleInfo('missing-video')!.docsPath, 'docs/rules/missing-video.md');
});

test('a plain Markdown file with nothing to do with talks has no findings', () => {
  assert.deepEqual(lint('# Notes\n\nSome text about containers and Rust.\n', undefined, 'README.md').findings, []);
});
