import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { applyEdits, lint } from './support';

const TOOLING = 'fosdem-2023/container_developer_tooling';

/** A recap with findings in the frontmatter and in the body, written with LF. */
const LINES = [
  '---',
  'title: "FOSDEM 2023: my day in the containers devroom"',
  'event: fosdem-2023',
  'talks:',
  `  - id: ${TOOLING}`,
  '    title: "Touring the container developer tooling landscape"',
  '  - id: fosdem-2023/bare_metal_servers_as_container_runtime',
  '---',
  '',
  '# FOSDEM 2023',
  '',
  '- Exploring Database Containers — Edith Puclla',
  '- Safer containers through system call interception — Stéphane Graber (video: TODO)',
  '',
];

/** Each finding as line:column–line:column, rule and message, with the fixes' titles and what they leave on their lines. */
function located(text: string) {
  const { findings, fixes } = lint(text);
  const lines = new LineIndex(text);
  const pos = (o: number) => {
    const p = lines.positionAt(o);
    return `${p.line + 1}:${p.character + 1}`;
  };
  return findings.map((f) => ({
    at: `${pos(f.start)}-${pos(f.end)}`,
    code: f.code,
    message: f.message,
    fixes: fixes(f).map((fix) => {
      // What the fix leaves, compared line by line whatever the line breaks.
      const fixed = applyEdits(text, fix.edits).split(/\r\n|\r|\n/);
      return `${fix.title} → ${fixed.join('\n')}`;
    }),
  }));
}

for (const [name, eol] of [
  ['CRLF', '\r\n'],
  ['lone CR', '\r'],
] as const) {
  test(`a recap written with ${name} line breaks gets the same findings, at the same lines and columns, with the same fixes as with LF`, () => {
    const lf = located(LINES.join('\n'));
    assert.ok(lf.length >= 3, 'the recap has findings');
    assert.ok(
      lf.some((f) => f.fixes.length > 0),
      'and fixes',
    );
    assert.deepEqual(located(LINES.join(eol)), lf);
  });
}

test('mixed line breaks: each counts as one', () => {
  const text = LINES.map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join('');
  const lf = located(LINES.join('\n') + '\n');
  assert.deepEqual(
    located(text).map((f) => [f.at, f.code]),
    lf.map((f) => [f.at, f.code]),
  );
});

test('LineIndex counts a lone CR as a line break, as VS Code does', () => {
  const lines = new LineIndex('ab\rcd\r\nef\ngh\r');
  assert.equal(lines.lineCount, 5);
  assert.deepEqual(
    [0, 1, 2, 3, 4].map((l) => lines.lineText(l)),
    ['ab', 'cd', 'ef', 'gh', ''],
  );
  assert.deepEqual(lines.positionAt(3), { line: 1, character: 0 });
  assert.equal(lines.offsetAt({ line: 1, character: 9 }), 5);
});
