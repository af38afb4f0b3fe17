import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { previewCommand } from '../../../src/cli/commands/preview';
import { UsageError, type CliIo } from '../../../src/cli/io';
import { readBundle } from '../../../src/core/index/binaryBundle';
import { SessionIndex } from '../../../src/core/index/sessionIndex';
import { lintRecap } from '../../../src/core/lint/lintRecap';
import { parseRecap } from '../../../src/core/recap/parseRecap';
import { SessionSearch } from '../../../src/core/search/sessionSearch';
import { assertInert, HOSTILE_RECAP, marksOf } from './helpers';

// The CLI finds the bundled index and media/ beside its bundle (dist/..); tests run from elsewhere.
process.env.RECAP_BUNDLED_INDEX = join(process.cwd(), 'data', 'bundled', 'index.bin');
process.env.RECAP_MEDIA_DIR = join(process.cwd(), 'media');

const dir = mkdtempSync(join(tmpdir(), 'recap-cli-preview-'));
const EXAMPLE = join(process.cwd(), 'examples', 'recaps', 'kubecon-eu-2024-platform-engineering.md');

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, cwd: dir, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

test('recap preview writes the standalone page: every finding marked with its rule and line, CSS embedded, no script', async () => {
  const io = capture();
  const code = await previewCommand.run([EXAMPLE, '-o', 'out/kubecon.html'], io);
  assert.equal(code, 0, io.stderr.join('\n'));
  const html = readFileSync(join(dir, 'out', 'kubecon.html'), 'utf8');

  const text = readFileSync(EXAMPLE, 'utf8');
  const index = new SessionIndex(readBundle(readFileSync(process.env.RECAP_BUNDLED_INDEX!), 'bundled'));
  const parsed = parseRecap(EXAMPLE, text);
  const result = lintRecap(parsed, { index, search: new SessionSearch(index) });
  assert.ok(result.findings.length > 0, 'the example has findings');
  const expected = result.findings.map((f) => `${f.code}@${parsed.lines.positionAt(f.start).line + 1}`).sort();
  assert.deepEqual(
    marksOf(html)
      .map((m) => `${m.rule}@${m.line}`)
      .sort(),
    expected,
  );
  assert.match(io.stdout.join('\n'), new RegExp(`out/kubecon.html: preview of .* \\(${result.findings.length} findings?, ${result.talks.length} talks?\\)`));

  const nonce = /<style nonce="([^"]+)">/.exec(html)?.[1];
  assert.ok(nonce);
  assert.ok(html.includes(`style-src 'nonce-${nonce}'; script-src 'none'`));
  assert.match(html, /\.recap-header \{/, 'the stylesheet is embedded');
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /<link /);
});

test('recap preview -o - prints the page; --allow-html keeps a hostile recap inert', async () => {
  writeFileSync(join(dir, 'hostile.md'), HOSTILE_RECAP);
  for (const args of [
    ['hostile.md', '-o', '-'],
    ['hostile.md', '-o', '-', '--allow-html'],
  ]) {
    const io = capture();
    assert.equal(await previewCommand.run(args, io), 0);
    const html = io.stdout.join('\n');
    assert.match(html, /^<!DOCTYPE html>/);
    assertInert(html.slice(html.indexOf('<body>')), args.join(' '));
  }
});

test('recap preview: usage and I/O errors', async () => {
  await assert.rejects(previewCommand.run([EXAMPLE], capture()), UsageError);
  await assert.rejects(previewCommand.run(['-o', 'x.html'], capture()), UsageError);
  await assert.rejects(previewCommand.run([EXAMPLE, EXAMPLE, '-o', 'x.html'], capture()), UsageError);
  await assert.rejects(previewCommand.run([EXAMPLE, '-o', 'x.html', '--bogus'], capture()), UsageError);
  const io = capture();
  assert.equal(await previewCommand.run(['missing.md', '-o', 'x.html'], io), 2);
  assert.match(io.stderr.join('\n'), /missing.md: cannot read: ENOENT/);
});
