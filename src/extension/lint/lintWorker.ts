// The lint of large recaps, in a worker thread: the extension host's event
// loop (typing, completion, every other extension) never waits for it. It
// keeps, per document, the last parse and lint cache, so a re-check after a
// keystroke re-reads only the changed blocks, as the in-host lint does.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { decodeBundle } from '../../core/index/bundle';
import { SessionIndex, type IndexSource } from '../../core/index/sessionIndex';
import { bundledSources } from '../../core/index/sources';
import { LintCache, lintRecap, type RuleSetting } from '../../core/lint/lintRecap';
import { parseRecap, type ParsedRecap } from '../../core/recap/parseRecap';
import type { RecapFileOptions } from '../../core/recap/recapFiles';
import { SessionSearch } from '../../core/search/sessionSearch';
import type { FromLintWorker, ToLintWorker } from './lintWorkerProtocol';

let index: SessionIndex | undefined;
let search: SessionSearch | undefined;
let bundled: { path: string; sources: IndexSource[] } | undefined;
const documents = new Map<string, { parsed: ParsedRecap; cache: LintCache }>();

function setIndex(bundlePath: string, workspace: IndexSource[]): void {
  if (bundled?.path !== bundlePath) {
    let sources: IndexSource[] = [];
    try {
      sources = bundledSources(decodeBundle(JSON.parse(readFileSync(bundlePath, 'utf8'))), bundlePath);
    } catch {
      // The host reports an unreadable bundled index; here the workspace files alone are used, as there.
    }
    bundled = { path: bundlePath, sources };
  }
  index = new SessionIndex([...bundled.sources, ...workspace]);
  search = new SessionSearch(index);
  // Findings depend on the index: no block result of the old one may be re-used.
  for (const entry of documents.values()) entry.cache = new LintCache();
}

function lint(key: string, path: string, text: string, options: RecapFileOptions, rules: Record<string, RuleSetting>) {
  const entry = documents.get(key);
  const parsed = parseRecap(path, text, options, entry?.parsed);
  const cache = entry?.cache ?? new LintCache();
  documents.set(key, { parsed, cache });
  if (!parsed.isRecap || !index || !search) return { isRecap: parsed.isRecap, findings: [] };
  const { findings } = lintRecap(parsed, { index, search, rules, cache });
  return { isRecap: true, findings: findings.map(({ code, severity, message, start, end }) => ({ code, severity, message, start, end })) };
}

parentPort?.on('message', (m: ToLintWorker) => {
  const reply = (r: FromLintWorker) => parentPort!.postMessage(r);
  switch (m.type) {
    case 'index':
      setIndex(m.bundlePath, m.workspaceSources);
      break;
    case 'forget':
      documents.delete(m.key);
      break;
    case 'lint':
      try {
        reply({ type: 'result', id: m.id, ...lint(m.key, m.path, m.text, m.options, m.rules) });
      } catch (err) {
        documents.delete(m.key);
        reply({ type: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) });
      }
      break;
  }
});
