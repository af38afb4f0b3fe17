import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';

function capture(cwd: string): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, cwd, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const dir = mkdtempSync(join(tmpdir(), 'recap-cli-'));
writeFileSync(join(dir, 'good.md'), '---\nevent: fosdem-2023\ntalks:\n  - id: fosdem-2023/container_developer_tooling\n---\n# Hi\n');
writeFileSync(join(dir, 'broken.md'), '---\nevent: [fosdem\n---\n');

test('--version prints the core version', async () => {
  const io = capture(dir);
  assert.equal(await main(['--version'], io), 0);
  assert.match(io.stdout[0]!, /^\d+\.\d+\.\d+/);
});

test('inspect --json reports events and talk ids', async () => {
  const io = capture(dir);
  assert.equal(await main(['inspect', 'good.md', '--json'], io), 0);
  const [result] = JSON.parse(io.stdout.join('\n'));
  assert.equal(result.isRecap, true);
  assert.deepEqual(result.events, ['fosdem-2023']);
  assert.deepEqual(result.talkIds, ['fosdem-2023/container_developer_tooling']);
});

test('inspect reports YAML problems as file:line:col and exits 1', async () => {
  const io = capture(dir);
  assert.equal(await main(['inspect', 'broken.md'], io), 1);
  assert.ok(
    io.stdout.some((l) => /^broken\.md:\d+:\d+ frontmatter-syntax YAML: /.test(l)),
    io.stdout.join('\n'),
  );
});

test('usage errors exit 2 with help', async () => {
  let io = capture(dir);
  assert.equal(await main(['nope'], io), 2);
  assert.match(io.stderr[0]!, /unknown command 'nope'/);
  io = capture(dir);
  assert.equal(await main(['inspect'], io), 2);
  assert.match(io.stderr[0]!, /Usage: recap inspect/);
  io = capture(dir);
  assert.equal(await main(['inspect', 'missing.md'], io), 2);
  assert.match(io.stderr[0]!, /missing\.md: cannot read: ENOENT/);
});
