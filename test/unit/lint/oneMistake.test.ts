import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, lint } from './support';

// What VS Code made of an accepted talk entry before the completion kept its whitespace:
// every line after the first re-indented, so `title:` sits two columns right of `id:`.
const BROKEN = `---
event: fosdem-2024
talks:
  - id: fosdem-2024/fosdem-2024-1740-productionizing-jupyter-notebooks
      title: "Productionizing Jupyter Notebooks"
      speakers:
        - name: Someone
---

# Notes

[Productionizing Jupyter Notebooks](https://example.com/not-a-recording) was good.
`;

test('a frontmatter that does not parse gets exactly one finding: yaml’s first error, at its place', () => {
  const { findings } = lint(BROKEN);
  assert.deepEqual(
    findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, at: at(BROKEN, f), start: f.start })),
    [
      {
        code: 'frontmatter-syntax',
        severity: 'error',
        message: 'YAML: Nested mappings are not allowed in compact mappings',
        at: 'f',
        start: BROKEN.indexOf('fosdem-2024/fosdem-2024-1740'),
      },
    ],
  );
});

test('once it parses, the rules that read the frontmatter speak again', () => {
  const fixed = BROKEN.replace('      title:', '    title:').replace('      speakers:', '    speakers:').replace('        - name', '      - name');
  assert.deepEqual(
    lint(fixed).findings.map((f) => [f.code, at(fixed, f), f.message]),
    [
      [
        'missing-video',
        'fosdem-2024/fosdem-2024-1740-productionizing-jupyter-notebooks',
        // The bundled index has FOSDEM 2024's post-conference export, with its recordings.
        '“Productionizing Jupyter Notebooks” has no video link; the index knows its recording: https://video.fosdem.org/2024/ua2118/fosdem-2024-1740-productionizing-jupyter-notebooks.mp4',
      ],
    ],
  );
});

test('a broken frontmatter’s event and talks are not read; body findings that need neither still come', () => {
  const text = `---
event: fosdem-2O24
talks:
  - id: fosdem-2024/nope
    video: not a url
  - id: fosdem-2024/nope
  - [unclosed
---

Video not yet available.
`;
  const { findings } = lint(text);
  assert.deepEqual(
    findings.map((f) => f.code),
    ['frontmatter-syntax', 'video-placeholder'],
  );
});

test('errors after the first are consequences: one finding however many yaml reports', () => {
  const text = '---\ntitle: ok\ntalks:\n  - id: a\n   title: misindented\n  - id: b\n     title: also\n---\n';
  assert.equal(lint(text).findings.filter((f) => f.code === 'frontmatter-syntax').length, 1);
  assert.deepEqual(
    lint(text).findings.map((f) => f.code),
    ['frontmatter-syntax'],
  );
});

test('no message names an empty title: a talk without one is named by its id, or “this talk”', () => {
  const untitled = `---
event: fosdem-2023
talks:
  - speakers:
      - name: Someone
  - title: ""
    speakers:
      - name: Someone Else
---
`;
  const all = lint(untitled).findings;
  assert.ok(
    all.some((f) => f.code === 'missing-video' && f.message === 'This talk has no video link: add its recording once it is published.'),
    all.map((f) => f.message).join('\n'),
  );
  for (const text of [untitled, BROKEN]) {
    for (const f of lint(text).findings) {
      assert.ok(!f.message.includes('“”') && !f.message.includes('""'), `${f.code}: ${f.message}`);
      for (const fix of f.fixes) assert.ok(!fix.title.includes('“”') && !fix.title.includes('""'), fix.title);
    }
  }
  // Listed twice without a title: named by the id the index knows.
  const twice = `---
event: fosdem-2023
talks:
  - id: fosdem-2023/container_database_containers
    title: ""
  - id: fosdem-2023/container_database_containers
---
`;
  for (const f of lint(twice).findings) assert.ok(!f.message.includes('“”'), f.message);
});
