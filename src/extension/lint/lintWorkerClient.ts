import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RuleSetting } from '../../core/lint/lintRecap';
import type { RecapFileOptions } from '../../core/recap/recapFiles';
import type { IndexSnapshot } from '../sessionIndex/indexService';
import type { Answer, DocumentText, FromLintWorker, PlainFinding, TextChange, ToLintWorker, Want, WorkerTimings } from './lintWorkerProtocol';

export interface WorkerLintResult {
  isRecap: boolean;
  findings: PlainFinding[];
  /** Where the worker's time went (absent for a check made in the host). */
  timings?: WorkerTimings;
  /** What was asked for besides the findings (absent when the document is no recap). */
  answer?: Answer;
}

/**
 * The host's side of lintWorker.ts: started on first use, sent the index
 * whenever the snapshot changes, and asked for one document's findings at a
 * time. Requests are answered in order; a caller drops an answer for a version
 * that is no longer current.
 *
 * A document's text goes over whole once; after that, as the changes VS Code
 * reported since the version the worker holds, so a keystroke costs the host
 * the size of the keystroke, not of the document.
 */
export class LintWorkerClient {
  private worker: Worker | undefined;
  private snapshot: IndexSnapshot | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: WorkerLintResult | 'resync') => void; reject: (e: Error) => void }>();
  /** Per document: the version the worker holds once it has read what was sent. */
  private readonly held = new Map<string, number>();
  /** Per document the worker holds: the changes since, one entry per version. */
  private readonly journal = new Map<string, { version: number; changes: TextChange[] }[]>();

  /** Set while no document is held: the worker (its index is some 140 MB) stops when it fires. */
  private idle: NodeJS.Timeout | undefined;

  /** `idleMs`: how long the worker is kept once it holds no document (the next large recap then starts it again). */
  constructor(
    private readonly script = join(__dirname, 'lintWorker.js'),
    private readonly idleMs = 60_000,
  ) {}

  /** Whether a worker is running (it stops `idleMs` after the last document it held is forgotten). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** A document changed: kept for the next request, when the worker holds an earlier version of it. */
  record(key: string, version: number, changes: TextChange[]): void {
    if (!this.held.has(key)) return;
    let entries = this.journal.get(key);
    if (!entries) this.journal.set(key, (entries = []));
    entries.push({ version, changes });
  }

  /**
   * The findings of `version`: sent as changes when the journal leads there
   * from the worker's version, else whole (read by `whole` slice by slice,
   * false when the document moved on meanwhile; the result is undefined then).
   */
  async lint(
    document: { key: string; path: string; version: number; length: number },
    whole: (take: (part: string) => void) => Promise<boolean>,
    snapshot: IndexSnapshot,
    options: RecapFileOptions,
    rules: Record<string, RuleSetting>,
    want?: Want,
  ): Promise<WorkerLintResult | undefined> {
    const { key, version } = document;
    const base = this.held.get(key);
    const changes = base === undefined ? undefined : this.changesSince(key, base, version);
    if (base !== undefined && changes) {
      const answer = await this.send(document, { kind: 'changes', base, changes, length: document.length }, snapshot, options, rules, want);
      if (answer !== 'resync') return answer;
    }
    // Each slice goes over as it is read, so no one message (nor its copy) is the size of the document;
    // the index first, which the worker prepares while the slices arrive.
    this.prepare(snapshot);
    let first = true;
    const read = await whole((text) => {
      this.post(this.start(), { type: 'part', key, text, first });
      first = false;
    });
    if (!read) return undefined;
    const answer = await this.send(document, { kind: 'whole' }, snapshot, options, rules, want);
    return answer === 'resync' ? undefined : answer;
  }

  forget(key: string): void {
    if (!this.held.delete(key)) return;
    this.journal.delete(key);
    if (this.worker) this.post(this.worker, { type: 'forget', key });
    if (this.held.size === 0 && this.pending.size === 0) {
      clearTimeout(this.idle);
      this.idle = setTimeout(() => this.dispose(), this.idleMs);
      this.idle.unref();
    }
  }

  /** The changes from `base` to `version` in order, when the journal has every version between. */
  private changesSince(key: string, base: number, version: number): TextChange[] | undefined {
    const entries = (this.journal.get(key) ?? []).filter((e) => e.version > base && e.version <= version);
    if (entries.length !== version - base || entries.some((e, i) => e.version !== base + 1 + i)) return undefined;
    return entries.flatMap((e) => e.changes);
  }

  private send(
    document: { key: string; path: string; version: number },
    text: DocumentText,
    snapshot: IndexSnapshot,
    options: RecapFileOptions,
    rules: Record<string, RuleSetting>,
    want: Want | undefined,
  ): Promise<WorkerLintResult | 'resync'> {
    const worker = this.prepare(snapshot);
    const { key, path, version } = document;
    this.held.set(key, version);
    this.journal.set(
      key,
      (this.journal.get(key) ?? []).filter((e) => e.version > version),
    );
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post(worker, { type: 'lint', id, key, path, version, text, options, rules, want, postedAt: Date.now() });
    }).then((answer) => {
      if (answer === 'resync' && this.held.get(key) === version) this.held.delete(key);
      return answer as WorkerLintResult | 'resync';
    });
  }

  /** The worker, started if need be, with `snapshot`'s index sent to it. */
  private prepare(snapshot: IndexSnapshot): Worker {
    const worker = this.start();
    if (this.snapshot !== snapshot) {
      this.snapshot = snapshot;
      this.post(worker, { type: 'index', bundlePath: snapshot.bundlePath, workspaceSources: snapshot.workspaceSources });
    }
    return worker;
  }

  private post(worker: Worker, message: ToLintWorker): void {
    worker.postMessage(message);
  }

  private start(): Worker {
    clearTimeout(this.idle);
    this.idle = undefined;
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.unref();
    worker.on('message', (m: FromLintWorker) => {
      const waiting = this.pending.get(m.id);
      if (!waiting) return;
      this.pending.delete(m.id);
      if (m.type === 'result') {
        const timings = { ...m.timings, delivered: Date.now() - m.answeredAt };
        waiting.resolve({ isRecap: m.isRecap, findings: m.findings, timings, answer: m.answer });
      } else if (m.type === 'resync') waiting.resolve('resync');
      else waiting.reject(new Error(m.message));
    });
    // A worker stopped on purpose (dispose) has been let go already; a later one is not touched.
    const fail = (err: Error) => {
      if (this.worker === worker) this.stop(err);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the lint worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  /** Lets the worker go: the next request starts another and sends it the index and whole texts again. */
  private stop(err: Error): void {
    clearTimeout(this.idle);
    this.worker = undefined;
    this.snapshot = undefined;
    this.held.clear();
    this.journal.clear();
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  dispose(): void {
    const worker = this.worker;
    this.stop(new Error('the lint worker was stopped'));
    void worker?.terminate();
  }
}
