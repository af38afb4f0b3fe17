// Issue 13: `recap lint` over a blog folder as people have one: the shared
// real recap posts (linked in place, never copied) beside our own non-recap
// posts, none with `event:` or in a recaps/ folder.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { NON_RECAP_POSTS, postsOutsideIndex } from '../../bench/realRecaps';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { sharedFile, skipUnlessShared } from './support/sharedData';

process.env.RECAP_BUNDLED_INDEX = join(process.cwd(), 'data', 'bundled', 'index.bin');

test('recap lint on a blog folder flags the recap posts and nothing in the others', { skip: skipUnlessShared('recaps', 'posts') }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'recap-blog-'));
  try {
    const posts = join(dir, 'content', 'posts');
    mkdirSync(posts, { recursive: true });
    const recaps = readdirSync(sharedFile('recaps', 'posts')).filter((f) => f.endsWith('.md'));
    const others = readdirSync(NON_RECAP_POSTS);
    for (const f of recaps) symlinkSync(sharedFile('recaps', 'posts', f), join(posts, f));
    for (const f of others) symlinkSync(resolve(NON_RECAP_POSTS, f), join(posts, f));
    const stdout: string[] = [];
    const stderr: string[] = [];
    const io: CliIo = { cwd: dir, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
    const code = await main(['lint', 'content', '--format', 'json'], io);
    const findings = JSON.parse(stdout.join('\n')) as { file: string; rule: string }[];
    const flagged = new Set(findings.map((f) => f.file.split(/[\\/]/).pop()!));
    // A post about a conference the index does not hold (KubeCon EU 2023) has nothing to be recognised by.
    const outside = postsOutsideIndex();
    assert.deepEqual([...flagged].sort(), recaps.filter((f) => !outside.has(f)).sort(), stderr.join('\n'));
    for (const f of others) assert.ok(!flagged.has(f), `${f} is no recap`);
    assert.equal(code, 1);
    assert.ok(!stderr.some((l) => /no recaps found/.test(l)), stderr.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a blog folder without recaps says so', async () => {
  const stderr: string[] = [];
  const io: CliIo = { cwd: process.cwd(), out: () => undefined, err: (t) => stderr.push(t) };
  assert.equal(await main(['lint', NON_RECAP_POSTS], io), 0);
  assert.deepEqual(stderr, [`${NON_RECAP_POSTS}: no recaps found`]);
});

test(
  'recap inspect says a post that declares nothing is a recap when it mentions enough talks, and what it counted',
  { skip: skipUnlessShared('recaps', 'posts') },
  async () => {
    const stdout: string[] = [];
    const io: CliIo = { cwd: process.cwd(), out: (t) => stdout.push(t), err: () => undefined };
    // Linked from a blog's folder: where it lives now (../shared/data/recaps/) would declare it by its folder.
    const dir = mkdtempSync(join(tmpdir(), 'recap-inspect-'));
    const recap = join(dir, 'christianfei-fosdem2016.md');
    symlinkSync(sharedFile('recaps', 'posts', 'christianfei-fosdem2016.md'), recap);
    const other = join(NON_RECAP_POSTS, '2024-02-12-packaging-python-with-pdm.md');
    assert.equal(await main(['inspect', recap, other, '--json'], io), 0);
    const [a, b] = JSON.parse(stdout.join('\n')) as { isRecap: boolean; recognized?: { links: number; events: string[] } }[];
    assert.equal(a!.isRecap, true);
    assert.deepEqual(a!.recognized?.events, ['fosdem-2016']);
    assert.ok(a!.recognized!.links >= 2);
    assert.equal(b!.isRecap, false);
    assert.equal(b!.recognized, undefined);
  },
);
