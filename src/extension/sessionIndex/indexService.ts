import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { readBundle } from '../../core/index/binaryBundle';
import type { IndexInput } from '../../core/index/sessionIndex';
import { IndexManager, type IndexSnapshot as CoreSnapshot } from '../../core/workspace/indexManager';
import { VsCodeWorkspace } from '../vscodeWorkspace';
import { indexDiagnostics } from './indexDiagnostics';

/** The index and its search, rebuilt together whenever an index file changes. */
export interface IndexSnapshot extends CoreSnapshot {
  /** The bundled index's path (what the lint worker rebuilds the index from, with `workspaceSources`). */
  bundlePath: string;
}

export const DEFAULT_INDEX_FILES = ['.recap/**/*.{yaml,yml,json}'];

/** The bundled index, read and decoded: the one place the extension loads it. */
function loadBundled(bundlePath: string): Promise<IndexInput[]> {
  return readFile(bundlePath).then((bytes) => readBundle(bytes, bundlePath));
}

/**
 * The session index inside VS Code: core's IndexManager over the VS Code
 * workspace (bundled index loaded on first use, never at activation; the
 * `recap.indexFiles` globs; file watchers), with its problems in the
 * Problems panel and its log in the output channel.
 */
export class IndexService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<IndexSnapshot>();
  readonly onDidChange = this.changed.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('recap-index');
  private readonly manager: IndexManager;
  private readonly snapshots = new WeakMap<CoreSnapshot, IndexSnapshot>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly bundlePath: string,
    log: vscode.LogOutputChannel,
  ) {
    this.manager = new IndexManager({
      workspace: new VsCodeWorkspace(),
      loadBundled: () => loadBundled(bundlePath),
      globs: patterns,
      schedule: (task, delayMs) => {
        const timer = setTimeout(task, delayMs);
        return () => clearTimeout(timer);
      },
      log,
    });
    this.disposables.push(
      this.changed,
      this.diagnostics,
      this.manager,
      this.manager.onDidChange((s) => this.changed.fire(this.withPath(s))),
      this.manager.onDidChangeProblems((uris) => {
        for (const uri of uris) {
          const problems = this.manager.problems(uri);
          if (problems) this.diagnostics.set(vscode.Uri.parse(uri), indexDiagnostics(problems));
          else this.diagnostics.delete(vscode.Uri.parse(uri));
        }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('recap.indexFiles')) this.manager.globsChanged();
      }),
    );
  }

  /**
   * Errors and warnings in the workspace index files, as the Problems panel
   * shows them. They change only when a file is read, which always rebuilds
   * the index, so `onDidChange` says when to ask again.
   */
  problemCounts(): { count: number; files: number } {
    return this.manager.problemCounts();
  }

  /**
   * The current snapshot, one turn of the event loop after it is ready: what
   * the lint waits for, so that a completion asked for while the index loads
   * is answered before the lint's first pass (which lists every session).
   */
  async snapshotAfterCompletions(): Promise<IndexSnapshot> {
    const snapshot = await this.snapshot();
    await new Promise((resolve) => setImmediate(resolve));
    return snapshot;
  }

  /** How long the last search for index files (and their reading) took. */
  get scanMs(): number {
    return this.manager.scanMs;
  }

  /** What completion answers from: the current snapshot, or the bundled index's alone while the workspace is still searched (see IndexManager.earliest). */
  earliest(): Promise<IndexSnapshot> {
    return this.manager.earliest().then((s) => this.withPath(s));
  }

  /** The current snapshot; the first call loads everything. */
  snapshot(): Promise<IndexSnapshot> {
    return this.manager.snapshot().then((s) => this.withPath(s));
  }

  /** One extension snapshot per core snapshot: consumers (the lint worker client) compare them by identity. */
  private withPath(s: CoreSnapshot): IndexSnapshot {
    let out = this.snapshots.get(s);
    if (!out) this.snapshots.set(s, (out = { ...s, bundlePath: this.bundlePath }));
    return out;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function patterns(): string[] {
  const configured = vscode.workspace.getConfiguration('recap').get<string[]>('indexFiles');
  return Array.isArray(configured) ? configured.filter((p) => typeof p === 'string' && p.trim()) : DEFAULT_INDEX_FILES;
}
