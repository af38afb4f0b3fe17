// The lint of large recaps, in a worker thread: the extension host's event
// loop (typing, completion, every other extension) never waits for it. It
// keeps, per document, the text as written and, in its RecapAnalyses as the
// host does, the last parse and lint cache, so a re-check after a keystroke
// re-reads only the changed blocks.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { RecapAnalyses } from '../../core/analysis/recapAnalyses';
import { readBundle } from '../../core/index/binaryBundle';
import { SessionIndex, type IndexInput, type IndexSource } from '../../core/index/sessionIndex';
import type { RuleSetting } from '../../core/lint/lintRecap';
import { DEFAULT_RECAP_FILE_OPTIONS, type RecapFileOptions } from '../../core/recap/recapFiles';
import { indexCatalog } from '../../core/references/indexCatalog';
import { SessionSearch } from '../../core/search/sessionSearch';
import {
  answerFor,
  type Answer,
  type DocumentText,
  type FromLintWorker,
  type PlainFinding,
  type ToLintWorker,
  type Want,
  type WorkerTimings,
} from './lintWorkerProtocol';

let index: SessionIndex | undefined;
let search: SessionSearch | undefined;
let bundled: { path: string; sources: IndexInput[] } | undefined;
/** Per document: the version held and its text as written (what the next changes apply to). */
const documents = new Map<string, { version: number; text: string }>();
/** Which files are recaps, as the last request said (the host's setting). */
let recapFiles: RecapFileOptions = DEFAULT_RECAP_FILE_OPTIONS;
const analyses = new RecapAnalyses(() => recapFiles);

/** The last index build's time, reported with the next check. */
let indexMs = 0;

function setIndex(bundlePath: string, workspace: IndexSource[]): void {
  const at = performance.now();
  if (bundled?.path !== bundlePath) {
    let sources: IndexInput[] = [];
    try {
      sources = readBundle(readFileSync(bundlePath), bundlePath);
    } catch {
      // The host reports an unreadable bundled index; here the workspace files alone are used, as there.
    }
    bundled = { path: bundlePath, sources };
  }
  // The analyses answer for one index: a new one is checked afresh.
  index = new SessionIndex([...bundled.sources, ...workspace]);
  search = new SessionSearch(index);
  // The catalog every check reads, built before the first recap's text has arrived (its slices wait in the queue).
  indexCatalog(index).warm();
  indexMs = performance.now() - at;
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
  let result = entry.text;
  for (const c of text.changes) {
    if (c.offset + c.length > result.length) return undefined;
    result = result.slice(0, c.offset) + c.text + result.slice(c.offset + c.length);
  }
  return result.length === text.length ? result : undefined;
}

function lint(
  key: string,
  path: string,
  version: number,
  text: string,
  options: RecapFileOptions,
  rules: Record<string, RuleSetting>,
  timings: WorkerTimings,
  want: Want | undefined,
): { isRecap: boolean; findings: PlainFinding[]; answer?: Answer } {
  documents.set(key, { version, text });
  if (JSON.stringify(options) !== JSON.stringify(recapFiles)) analyses.clear();
  recapFiles = options;
  const document = { key, version, path, text: () => text };
  let at = performance.now();
  const parsed = analyses.parse(document);
  timings.parse = performance.now() - at;
  if (!index || !search) return { isRecap: parsed.isRecap, findings: [] };
  at = performance.now();
  // As in the host: a post that declares nothing is checked only when it mentions talks clearly enough.
  const { result, isRecap } = analyses.analyze(document, { index, search, rules, onlyRecaps: true });
  timings.lint = performance.now() - at;
  const findings = result.findings.map(({ code, severity, message, start, end }): PlainFinding => {
    const from = parsed.lines.positionAt(start);
    const to = parsed.lines.positionAt(end);
    return { code, severity, message, start, end, range: [from.line, from.character, to.line, to.character] };
  });
  return { isRecap, findings, answer: answerFor(want, isRecap, { parsed, result, index, search }) };
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
      analyses.forget(m.key);
      parts.delete(m.key);
      break;
    case 'lint':
      try {
        const timings: WorkerTimings = { waited: Date.now() - m.postedAt, index: indexMs, text: 0, parse: 0, lint: 0 };
        indexMs = 0;
        const at = performance.now();
        const text = textOf(m.key, m.text);
        timings.text = performance.now() - at;
        if (text === undefined) {
          documents.delete(m.key);
          analyses.forget(m.key);
          reply({ type: 'resync', id: m.id });
          break;
        }
        reply({ type: 'result', id: m.id, ...lint(m.key, m.path, m.version, text, m.options, m.rules, timings, m.want), timings, answeredAt: Date.now() });
      } catch (err) {
        documents.delete(m.key);
        analyses.forget(m.key);
        reply({ type: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) });
      }
      break;
  }
});
