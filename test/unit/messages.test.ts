import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadIndexFile } from '../../src/core/index/loadIndexFile';
import { parseRecap } from '../../src/core/recap/parseRecap';
import { LineIndex } from '../../src/core/text/lineIndex';
import { readFailure } from '../../src/core/text/yamlMessage';

const INTERNALS = /Maximum call stack|mapAsMap|stringified due to JS Object|RangeError|at line \d+, column/;

function located(text: string, p: { start: number; message: string }) {
  const at = new LineIndex(text).positionAt(p.start);
  return { line: at.line + 1, column: at.character + 1, message: p.message };
}

test('a frontmatter nested thousands of levels deep: a located problem in our words, not "Maximum call stack size exceeded"', () => {
  const text = `---\ntitle: deep\nnotes: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n\nBody.\n`;
  const problems = parseRecap('recaps/deep.md', text).problems;
  assert.ok(problems.length >= 1);
  for (const p of problems) {
    assert.doesNotMatch(p.message, INTERNALS);
    assert.equal(located(text, p).line, 3, 'on the line of the nesting');
  }
  assert.match(problems[0]!.message, /nested too deeply.*flatten them/);
});

test('a deep index file: file, line, column and what to do, in our words', () => {
  const text = `event:\n  id: e\n  name: E\nsessions:\n  - title: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
  const { problems } = loadIndexFile('.recap/deep.yaml', text);
  assert.ok(problems.length >= 1);
  for (const p of problems) assert.doesNotMatch(p.message, INTERNALS);
  assert.deepEqual([problems[0]!.file, problems[0]!.line], ['.recap/deep.yaml', 5]);
  assert.match(problems[0]!.message, /nested too deeply/);
});

test('a key that is a list: a located warning in our words, and nothing from yaml on stderr (no mapAsMap warning)', async () => {
  const warnings: string[] = [];
  const listen = (w: Error) => warnings.push(w.message);
  process.on('warning', listen);
  try {
    const text = '---\ntitle: x\n? [a, b]\n: c\nevent: fosdem-2024\n---\n\nhi\n';
    const parsed = parseRecap('recaps/key.md', text);
    const problems = parsed.problems.map((p) => located(text, p));
    assert.equal(problems.length, 1);
    assert.deepEqual([problems[0]!.line, problems[0]!.column], [3, 3]);
    assert.match(problems[0]!.message, /a key here is a list or mapping.*Write it as one/);
    assert.doesNotMatch(problems[0]!.message, INTERNALS);
    // process warnings are emitted on the next tick.
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(warnings, []);
  } finally {
    process.off('warning', listen);
  }
});

test('readFailure: caught errors in our words', () => {
  assert.match(readFailure(new RangeError('Maximum call stack size exceeded')), /nested too deeply/);
  assert.match(readFailure(new Error('Excessive alias count indicates a resource exhaustion attack')), /aliases/);
  assert.equal(readFailure(new Error('Unexpected end at line 3, column 4:\n\nfoo\n^')), 'Unexpected end');
});
