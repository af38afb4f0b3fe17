import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RecapAnalyses } from '../../src/core/analysis/recapAnalyses';
import { readBundle } from '../../src/core/index/binaryBundle';
import { SessionIndex } from '../../src/core/index/sessionIndex';
import { fixActions } from '../../src/core/lint/fixActions';
import { renderRequested } from '../../src/core/preview/renderPreview';
import { DEFAULT_RECAP_FILE_OPTIONS } from '../../src/core/recap/recapFiles';
import { SessionSearch } from '../../src/core/search/sessionSearch';
import { LineIndex } from '../../src/core/text/lineIndex';
import { LintWorkerClient } from '../../src/extension/lint/lintWorkerClient';
import type { TextChange, Want } from '../../src/extension/lint/lintWorkerProtocol';
import type { IndexSnapshot } from '../../src/extension/sessionIndex/indexService';
import { LIPSTICK_TITLE } from '../fixtures/lipstick';

// The worker as the extension starts it: the bundle the build writes (npm test builds it before the unit tests).
const script = join(process.cwd(), 'dist', 'lintWorker.js');
const snapshot = { bundlePath: join(process.cwd(), 'data', 'bundled', 'index.bin'), workspaceSources: [] } as unknown as IndexSnapshot;

const recap = ['---', 'event: kubecon-eu-2024', '---', '', '# Notes', '', `I liked ${LIPSTICK_TITLE} a lot.`, '', 'More to say.', ''].join('\n');

function apply(text: string, changes: readonly TextChange[]): string {
  return changes.reduce((t, c) => t.slice(0, c.offset) + c.text + t.slice(c.offset + c.length), text);
}

/** A client over the real worker, and how often it asked for the whole text. */
function client() {
  const worker = new LintWorkerClient(script);
  let wholeReads = 0;
  const lint = async (key: string, version: number, text: string) => {
    const result = await worker.lint(
      { key, path: '/blog/recaps/post.md', version, length: text.length },
      (take) => {
        wholeReads++;
        take(text.slice(0, 10));
        take(text.slice(10));
        return Promise.resolve(true);
      },
      snapshot,
      DEFAULT_RECAP_FILE_OPTIONS,
      {},
    );
    assert.ok(result, 'an answer');
    // Each finding's line and character, as VS Code counts them (a lone CR breaks a line too).
    const lines = new LineIndex(text);
    for (const f of result.findings) {
      const [a, b] = [lines.positionAt(f.start), lines.positionAt(f.end)];
      assert.deepEqual(f.range, [a.line, a.character, b.line, b.character], `${f.code}@${f.start}`);
    }
    return result.findings.map((f) => `${f.code}@${f.start}-${f.end}`).sort();
  };
  return { worker, lint, wholeReads: () => wholeReads };
}

test('the lint worker, sent changes after the first whole text, finds what a whole send of the result finds', async () => {
  assert.ok(existsSync(script), `${script} is built by scripts/build.mjs --tests`);
  const edited = client();
  const fresh = client();
  try {
    const first = await edited.lint('a', 1, recap);
    assert.ok(
      first.some((f) => f.startsWith('missing-video@')),
      `the prose title lacks a video: ${first.join(', ')}`,
    );
    assert.equal(edited.wholeReads(), 1);

    // Two versions of typing: a line inserted before the title, then a word deleted after it.
    let text = recap;
    const v2 = [{ offset: recap.indexOf('I liked'), length: 0, text: 'A new paragraph.\n\n' }];
    text = apply(text, v2);
    edited.worker.record('a', 2, v2);
    const v3 = [{ offset: text.indexOf('a lot'), length: 'a lot'.length, text: 'much' }];
    text = apply(text, v3);
    edited.worker.record('a', 3, v3);
    const after = await edited.lint('a', 3, text);
    assert.equal(edited.wholeReads(), 1, 'the changes went over, not the whole text');
    assert.deepEqual(after, await fresh.lint('b', 1, text));
    assert.notDeepEqual(after, first, 'the findings moved with the text');

    // A version missing from the journal: the whole text again.
    const v5 = [{ offset: 0, length: 0, text: '' }];
    edited.worker.record('a', 5, v5);
    assert.deepEqual(await edited.lint('a', 5, text), after);
    assert.equal(edited.wholeReads(), 2, 'a gap in the versions sends the whole text');

    // A change that leaves a lone CR applies to the text as written, and reads as the whole text does.
    const v6 = [{ offset: text.indexOf('More'), length: 0, text: 'x\r' }];
    text = apply(text, v6);
    edited.worker.record('a', 6, v6);
    assert.deepEqual(await edited.lint('a', 6, text), await fresh.lint('c', 1, text));
    assert.equal(edited.wholeReads(), 2, 'the change went over');

    // Changes that do not add up to the document's length: the worker asks for the whole text.
    const v7 = [{ offset: 0, length: 0, text: 'y' }];
    edited.worker.record('a', 7, v7);
    const wrong = await edited.worker.lint(
      { key: 'a', path: '/blog/recaps/post.md', version: 7, length: text.length + 5 },
      (take) => {
        take(apply(text, v7));
        return Promise.resolve(true);
      },
      snapshot,
      DEFAULT_RECAP_FILE_OPTIONS,
      {},
    );
    assert.ok(wrong, 'answered from the whole text the worker asked for');
  } finally {
    edited.worker.dispose();
    fresh.worker.dispose();
  }
});

test('the lint worker answers code actions and the preview exactly as the host makes them', async () => {
  assert.ok(existsSync(script), `${script} is built by scripts/build.mjs --tests`);
  const worker = new LintWorkerClient(script);
  try {
    const index = new SessionIndex(readBundle(readFileSync(snapshot.bundlePath), snapshot.bundlePath));
    const search = new SessionSearch(index);
    const path = '/blog/recaps/post.md';
    // A bundled talk with a recording the recap does not link: its missing-video has fixes.
    const robrix = 'fosdem-2025/fosdem-2025-5841-robrix-a-pure-rust-multi-platform-matrix-client-and-more';
    const title = 'Robrix: a pure Rust multi-platform Matrix Client and more';
    const recap = ['---', 'event: fosdem-2025', 'talks:', `  - id: ${robrix}`, '---', '', `I liked ${title} a lot.`, ''].join('\n');
    const analysis = new RecapAnalyses().analyze({ key: 'h', version: 1, path, text: () => recap }, { index, search, onlyRecaps: true });
    const { parsed, result } = analysis;
    const at = recap.indexOf(robrix);
    const ask = (want: Want) =>
      worker.lint(
        { key: 'w', path, version: 1, length: recap.length },
        (take) => {
          take(recap);
          return Promise.resolve(true);
        },
        snapshot,
        DEFAULT_RECAP_FILE_OPTIONS,
        {},
        want,
      );

    const request = { start: at, end: at, quickFix: true, fixAll: true };
    const fixes = await ask({ kind: 'fixes', request });
    const expected = fixActions(analysis, request);
    assert.ok(
      expected.some((a) => a.kind === 'quickfix' && a.finding?.code === 'missing-video'),
      `the entry's missing-video has a quick fix: ${result.findings.map((f) => `${f.code}@${f.start} ${f.fixable}`).join(', ')}`,
    );
    assert.ok(expected.some((a) => a.kind === 'fixAll'));
    assert.deepEqual(fixes?.answer, { kind: 'fixes', actions: expected });

    // The body alone (an update), and the page: the page's nonce is the caller's, so both match the host's byte for byte.
    const body = await ask({ kind: 'preview', request: { allowHtml: false } });
    assert.deepEqual(body?.answer, { kind: 'preview', html: renderRequested(parsed, result, { allowHtml: false }) });
    const page = { nonce: 'abcdefghijklmnopqrstuv', cspSource: 'vscode-webview:', title: 'Preview post.md', documentVersion: 1 };
    const full = await ask({ kind: 'preview', request: { page, allowHtml: false } });
    const html = renderRequested(parsed, result, { page, allowHtml: false });
    assert.match(html, /data-rule="missing-video"/);
    assert.deepEqual(full?.answer, { kind: 'preview', html });
  } finally {
    worker.dispose();
  }
});

test('the lint worker stops once it holds no document, and starts again for the next', async () => {
  assert.ok(existsSync(script), `${script} is built by scripts/build.mjs --tests`);
  const worker = new LintWorkerClient(script, 20);
  const lint = async (key: string) => {
    const found = await worker.lint(
      { key, path: '/blog/recaps/post.md', version: 1, length: recap.length },
      (take) => {
        take(recap);
        return Promise.resolve(true);
      },
      snapshot,
      DEFAULT_RECAP_FILE_OPTIONS,
      {},
    );
    return found?.findings.map((f) => `${f.code}@${f.start}`);
  };
  try {
    const first = await lint('a');
    await lint('b');
    worker.forget('a');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(worker.running, 'kept while it holds a document');
    worker.forget('b');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(worker.running, false, 'stopped once it held none');
    // Started again, sent the index and the whole text again: the same answer.
    assert.deepEqual(await lint('a'), first);
    assert.ok(worker.running);
  } finally {
    worker.dispose();
  }
});
