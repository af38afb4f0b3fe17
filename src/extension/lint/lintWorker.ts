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
import type { DocumentText, FromLintWorker, ToLintWorker } from './lintWorkerProtocol';

let index: SessionIndex | undefined;
let search: SessionSearch | undefined;
let bundled: { path: string; sources: IndexSource[] } | undefined;
/** Per document: the last parse, its lint cache, its version, and whether its text is exactly the document's (no lone CR). */
const documents = new Map<string, { parsed: ParsedRecap; cache: LintCache; version: number; exact: boolean }>();

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

/** Per document: the slices of a whole text received so far. */
const parts = new Map<string, string[]>();

/** The text a message describes, or undefined when its changes do not start from the version held. */
function textOf(key: string, text: DocumentText): string | undefined {
  if (text.kind === 'whole') {
    const whole = parts.get(key)?.join('');
    parts.delete(key);
    return whole;
  }
  const entry = documents.get(key);
  if (!entry || entry.version !== text.base) return undefined;
  // The parse holds the text as written, except that a lone CR reads as LF: changes apply to it only
  // when it is the text as written, and none of them brings a CR in or leaves one alone.
  if (!entry.exact) return undefined;
  let result = entry.parsed.text;
  for (const c of text.changes) {
    if (c.offset + c.length > result.length || c.text.includes('\r') || result.charCodeAt(c.offset - 1) === 13) return undefined;
    result = result.slice(0, c.offset) + c.text + result.slice(c.offset + c.length);
  }
  return result.length === text.length ? result : undefined;
}

function lint(key: string, path: string, version: number, text: string, options: RecapFileOptions, rules: Record<string, RuleSetting>) {
  const entry = documents.get(key);
  const parsed = parseRecap(path, text, options, entry?.parsed);
  const cache = entry?.cache ?? new LintCache();
  documents.set(key, { parsed, cache, version, exact: parsed.text === text });
  if (!index || !search) return { isRecap: parsed.isRecap, findings: [] };
  // As in the host: a post that declares nothing is checked only when it mentions talks clearly enough.
  const { findings, recognition } = lintRecap(parsed, { index, search, rules, cache, onlyRecaps: true });
  return {
    isRecap: recognition?.isRecap ?? parsed.isRecap,
    findings: findings.map(({ code, severity, message, start, end }) => ({ code, severity, message, start, end })),
  };
}

parentPort?.on('message', (m: ToLintWorker) => {
  const reply = (r: FromLintWorker) => parentPort!.postMessage(r);
  switch (m.type) {
    case 'index':
      setIndex(m.bundlePath, m.workspaceSources);
      break;
    case 'part': {
      const received = m.first ? [] : (parts.get(m.key) ?? []);
      received.push(m.text);
      parts.set(m.key, received);
      break;
    }
    case 'forget':
      documents.delete(m.key);
      parts.delete(m.key);
      break;
    case 'lint':
      try {
        const text = textOf(m.key, m.text);
        if (text === undefined) {
          documents.delete(m.key);
          reply({ type: 'resync', id: m.id });
          break;
        }
        reply({ type: 'result', id: m.id, ...lint(m.key, m.path, m.version, text, m.options, m.rules) });
      } catch (err) {
        documents.delete(m.key);
        reply({ type: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) });
      }
      break;
  }
});
