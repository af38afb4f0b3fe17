import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { video } from './support';

function capture(cwd: string): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, cwd, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

// The CLI finds the bundled index beside its bundle; the test bundle lives elsewhere.
process.env.RECAP_BUNDLED_INDEX = join(process.cwd(), 'data', 'bundled', 'index.bin');

const dir = mkdtempSync(join(tmpdir(), 'recap-lint-'));
const write = (path: string, text: string) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};
write('blog/fosdem.md', '---\nevent: fosdem-2023\n---\n\n# FOSDEM\n\n- Exploring Database Containers — Edith Puclla\n');
write('blog/clean.md', '---\nevent: fosdem-2023\n---\n\n- Exploring Database Containers ([video](https://youtu.be/abcdefghijk))\n');
write('blog/later.md', '---\nevent: kubecon-eu-2024\n---\n\n- From Platform Engineering to Developer Success — video not yet available\n');
write('blog/README.md', '# Not a recap\n\nExploring Database Containers\n');
write('blog/node_modules/pkg/recap.md', '---\nevent: fosdem-2023\n---\n\nExploring Database Containers\n');
write('blog/.drafts/recap.md', '---\nevent: fosdem-2023\n---\n\nExploring Database Containers\n');
write('mine.md', '---\nevent: myconf-2024\ntalks:\n  - id: myconf-2024/keynote\n---\n');
write(
  'myconf.yaml',
  'event:\n  id: myconf-2024\n  name: My Conf 2024\nsessions:\n  - id: keynote\n    title: The opening keynote of my conference\n    video: https://youtu.be/abcdefghijk\n',
);

test('lint a folder: every recap in it, text lines file:line:col rule message, exit 1 on warnings', async () => {
  const io = capture(dir);
  assert.equal(await main(['lint', 'blog'], io), 1);
  assert.deepEqual(io.stdout, [
    `${join('blog', 'fosdem.md')}:7:3 missing-video “Exploring Database Containers” has no video link; the index knows its recording: ${video('fosdem-2023/container_database_containers')}`,
    `${join('blog', 'later.md')}:5:52 video-placeholder “video not yet available”: the recording of “From Platform Engineering to Developer Success” is not out yet; come back later and link it.`,
  ]);
  assert.deepEqual(io.stderr, ["A rule's documentation: recap rules <rule> (e.g. recap rules missing-video), or docs/rules/<rule>.md in the package."]);
});

test('infos alone exit 0, and so does a clean recap', async () => {
  let io = capture(dir);
  assert.equal(await main(['lint', 'blog/later.md', 'blog/clean.md'], io), 0);
  assert.equal(io.stdout.length, 1);
  io = capture(dir);
  assert.equal(await main(['lint', 'blog/clean.md'], io), 0);
  assert.deepEqual(io.stdout, []);
});

test('JSON: 1-based positions and the fix as line/column edits', async () => {
  const io = capture(dir);
  assert.equal(await main(['lint', 'blog/fosdem.md', '--format', 'json'], io), 1);
  const [r] = JSON.parse(io.stdout.join('\n'));
  const url = video('fosdem-2023/container_database_containers').replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');
  assert.deepEqual(r, {
    file: 'blog/fosdem.md',
    line: 7,
    column: 3,
    endLine: 7,
    endColumn: 32,
    rule: 'missing-video',
    severity: 'warning',
    message: `“Exploring Database Containers” has no video link; the index knows its recording: ${video('fosdem-2023/container_database_containers')}`,
    fix: {
      title: 'Link the title to the recording',
      edits: [
        { line: 7, column: 3, endLine: 7, endColumn: 3, newText: '[' },
        { line: 7, column: 32, endLine: 7, endColumn: 32, newText: `](${url})` },
      ],
    },
  });
});

test('--index files are merged over the bundled index', async () => {
  let io = capture(dir);
  assert.equal(await main(['lint', 'mine.md'], io), 1);
  assert.match(io.stdout.join('\n'), /unknown-talk No talk “myconf-2024\/keynote”/);
  io = capture(dir);
  assert.equal(await main(['lint', 'mine.md', '--index', 'myconf.yaml'], io), 1);
  assert.deepEqual(
    io.stdout.map((l) => l.split(' ')[1]),
    ['missing-video'],
  );
  assert.match(io.stdout[0]!, /the index knows its recording: https:\/\/youtu\.be\/abcdefghijk$/);
});

test('usage and I/O errors exit 2', async () => {
  let io = capture(dir);
  assert.equal(await main(['lint'], io), 2);
  assert.match(io.stderr[0]!, /Usage: recap lint/);
  io = capture(dir);
  assert.equal(await main(['lint', 'blog', '--format', 'xml'], io), 2);
  assert.match(io.stderr[0]!, /--format takes text or json/);
  io = capture(dir);
  assert.equal(await main(['lint', 'missing.md', 'blog/fosdem.md'], io), 2);
  assert.match(io.stderr[0]!, /missing\.md: cannot read: ENOENT/);
  assert.equal(io.stdout.length, 1, 'the other files are still linted');
});
