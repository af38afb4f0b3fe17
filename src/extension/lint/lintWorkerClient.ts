import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RuleSetting } from '../../core/lint/lintRecap';
import type { RecapFileOptions } from '../../core/recap/recapFiles';
import type { IndexSnapshot } from '../sessionIndex/indexService';
import type { FromLintWorker, PlainFinding, ToLintWorker } from './lintWorkerProtocol';

export interface WorkerLintResult {
  isRecap: boolean;
  findings: PlainFinding[];
}

/**
 * The host's side of lintWorker.ts: started on first use, sent the index
 * whenever the snapshot changes, and asked for one document's findings at a
 * time. Requests are answered in order; a caller drops an answer for a version
 * that is no longer current.
 */
export class LintWorkerClient {
  private worker: Worker | undefined;
  private snapshot: IndexSnapshot | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: WorkerLintResult) => void; reject: (e: Error) => void }>();

  constructor(private readonly script = join(__dirname, 'lintWorker.js')) {}

  lint(
    key: string,
    path: string,
    text: string,
    snapshot: IndexSnapshot,
    options: RecapFileOptions,
    rules: Record<string, RuleSetting>,
  ): Promise<WorkerLintResult> {
    const worker = this.start();
    if (this.snapshot !== snapshot) {
      this.snapshot = snapshot;
      this.post(worker, { type: 'index', bundlePath: snapshot.bundlePath, workspaceSources: snapshot.workspaceSources });
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post(worker, { type: 'lint', id, key, path, text, options, rules });
    });
  }

  forget(key: string): void {
    if (this.worker) this.post(this.worker, { type: 'forget', key });
  }

  private post(worker: Worker, message: ToLintWorker): void {
    worker.postMessage(message);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.unref();
    worker.on('message', (m: FromLintWorker) => {
      const waiting = this.pending.get(m.id);
      if (!waiting) return;
      this.pending.delete(m.id);
      if (m.type === 'result') waiting.resolve({ isRecap: m.isRecap, findings: m.findings });
      else waiting.reject(new Error(m.message));
    });
    const fail = (err: Error) => {
      // Started again on the next request, sent the index again.
      this.worker = undefined;
      this.snapshot = undefined;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the lint worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
