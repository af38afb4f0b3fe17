import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { RecapAnalyses } from '../../../src/core/analysis/recapAnalyses';
import { SessionIndex } from '../../../src/core/index/sessionIndex';
import { SessionSearch } from '../../../src/core/search/sessionSearch';
import { LIPSTICK_TITLE } from '../../fixtures/lipstick';
import { index, lint, search } from '../lint/support';

const recap = (extra = '') => `---\nevent: kubecon-eu-2024\n---\n\n# Notes\n\nI liked ${LIPSTICK_TITLE} a lot.${extra}\n`;

/** A document whose text reads are counted. */
function doc(version: number, text: string) {
  const read = { count: 0 };
  return { read, document: { key: 'a', version, path: 'recaps/a.md', text: () => (read.count++, text) } };
}

const plain = (findings: readonly { code: string; start: number; end: number }[]) => findings.map((f) => `${f.code}@${f.start}-${f.end}`);

test('one analysis per version and index: asked again, the same object, the text not read again', () => {
  const analyses = new RecapAnalyses();
  const v1 = doc(1, recap());
  const first = analyses.analyze(v1.document, { index, search });
  assert.ok(first.isRecap);
  assert.deepEqual(plain(first.result.findings), plain(lint(recap()).findings), 'what a lint of the text finds');
  assert.ok(first.result.findings.some((f) => f.code === 'missing-video'));
  assert.equal(analyses.analyze(v1.document, { index, search }), first);
  assert.equal(analyses.parse(v1.document), first.parsed);
  assert.equal(v1.read.count, 1);
  assert.equal(analyses.cached('a', 1), first);
  assert.equal(analyses.cached('a', 2), undefined);

  // Other rules: analysed again, from the same parse.
  const quiet = analyses.analyze(v1.document, { index, search, rules: { 'missing-video': 'off' } });
  assert.notEqual(quiet, first);
  assert.equal(quiet.parsed, first.parsed);
  assert.ok(!quiet.result.findings.some((f) => f.code === 'missing-video'));
});

test('a new version is parsed from the last, and agrees with a fresh lint of its text', () => {
  const analyses = new RecapAnalyses();
  analyses.analyze(doc(1, recap()).document, { index, search });
  const v2 = doc(2, recap(' And [the recording](https://www.youtube.com/watch?v=zzzzzzzzzzz).'));
  const second = analyses.analyze(v2.document, { index, search });
  assert.equal(v2.read.count, 1);
  assert.deepEqual(plain(second.result.findings), plain(lint(v2.document.text()).findings));
  assert.ok(!second.result.findings.some((f) => f.code === 'missing-video'), 'the recording in the same paragraph covers the title');
});

test('another index: analysed again; forget and clear drop what was kept', () => {
  const analyses = new RecapAnalyses();
  const v1 = doc(1, recap());
  const first = analyses.analyze(v1.document, { index, search });
  const empty = new SessionIndex([]);
  const other = analyses.analyze(v1.document, { index: empty, search: new SessionSearch(empty) });
  assert.notEqual(other, first);
  assert.ok(!other.result.findings.some((f) => f.code === 'missing-video'), 'no talk of the empty index is mentioned');
  analyses.forget('a');
  assert.equal(analyses.cached('a', 1), undefined);
  analyses.analyze(v1.document, { index, search });
  analyses.clear();
  assert.equal(analyses.cached('a', 1), undefined);
  analyses.parse(v1.document);
  assert.equal(v1.read.count, 3, 'read again after forget and after clear');
});
