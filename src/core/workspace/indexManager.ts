import type { IndexProblem } from '../index/indexProblem';
import { loadIndexFile } from '../index/loadIndexFile';
import { mergeIndex, type IndexFile } from '../index/mergeIndex';
import type { IndexInput, IndexSource, SessionIndex } from '../index/sessionIndex';
import { SessionSearch } from '../search/sessionSearch';
import type { Disposable, RecapWorkspace } from './workspace';

/** The index and its search, rebuilt together whenever an index file changes. */
export interface IndexSnapshot {
  index: SessionIndex;
  search: SessionSearch;
  builtInMs: number;
  /** Where builtInMs went: loading the bundled index (the first build only; 0 after), merging, the search. */
  steps: { bundleMs: number; indexMs: number; searchMs: number };
  /** The workspace files' sources it was merged from, after the bundled ones (what the lint worker rebuilds it from). */
  workspaceSources: IndexSource[];
}

export interface IndexLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface IndexManagerOptions {
  workspace: RecapWorkspace;
  /** The bundled index's sources: called once, on the first snapshot; a rejection leaves the workspace files alone. */
  loadBundled: () => Promise<IndexInput[]>;
  /** The index file globs (`recap.indexFiles`), read at every scan. */
  globs: () => readonly string[];
  /** Runs `task` after `delayMs` (the caller's timer, which debounces rebuilds); returns what cancels it. */
  schedule: (task: () => void, delayMs: number) => () => void;
  log?: IndexLog;
}

/** How long a change waits for the next before the index is rebuilt (a save of several files, a branch switch). */
const REBUILD_DELAY_MS = 100;

const quiet: IndexLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Owns the session index over a workspace: the bundled index (loaded on
 * first use) merged with the index files the globs find, workspace files in
 * uri order after the bundled ones, kept current by the workspace's watcher.
 * Problems are plain data per file: each file's own as soon as it is read,
 * and its event's parent-chain problems once the index is merged.
 */
export class IndexManager implements Disposable {
  private readonly files = new Map<string, IndexFile>();
  private readonly fileProblems = new Map<string, readonly IndexProblem[]>();
  private readonly changeListeners = new Set<(snapshot: IndexSnapshot) => void>();
  private readonly problemListeners = new Set<(uris: readonly string[]) => void>();
  private readonly log: IndexLog;
  private watcher: Disposable | undefined;
  private bundled: Promise<IndexInput[]> | undefined;
  private current: Promise<IndexSnapshot> | undefined;
  private scanned: Promise<void> | undefined;
  private cancelRebuild: (() => void) | undefined;
  private disposed = false;

  constructor(private readonly options: IndexManagerOptions) {
    this.log = options.log ?? quiet;
  }

  /** The current snapshot; the first call scans the workspace and loads everything. */
  snapshot(): Promise<IndexSnapshot> {
    // The bundled index is read while the workspace is searched for index files.
    void this.loadBundled();
    this.scanned ??= this.scan(false);
    this.current ??= this.scanned.then(() => this.build());
    return this.current;
  }

  /**
   * The snapshot to answer at once (completion): the current one once it is
   * built; before that, whichever is ready first of it and one of the
   * bundled index alone, since the search for the workspace's index files
   * can take seconds on a large workspace and the bundled index does not.
   */
  earliest(): Promise<IndexSnapshot> {
    const full = this.snapshot();
    if (this.built) return full;
    this.bundledOnly ??= this.loadBundled().then((bundled) => {
      const started = performance.now();
      const { index } = mergeIndex(bundled, []);
      const indexed = performance.now();
      const search = new SessionSearch(index);
      const done = performance.now();
      return { index, search, builtInMs: done - started, steps: { bundleMs: 0, indexMs: indexed - started, searchMs: done - indexed }, workspaceSources: [] };
    });
    return Promise.race([full, this.bundledOnly]);
  }

  /** Calls `listener` with every snapshot a change of the files (or of the globs) builds. */
  onDidChange(listener: (snapshot: IndexSnapshot) => void): Disposable {
    this.changeListeners.add(listener);
    return { dispose: () => this.changeListeners.delete(listener) };
  }

  /** Calls `listener` with the files whose problems changed (ask `problems(uri)` for them). */
  onDidChangeProblems(listener: (uris: readonly string[]) => void): Disposable {
    this.problemListeners.add(listener);
    return { dispose: () => this.problemListeners.delete(listener) };
  }

  /** A workspace file's problems, undefined for a file that is not (or no longer) loaded. */
  problems(uri: string): readonly IndexProblem[] | undefined {
    return this.fileProblems.get(uri);
  }

  /** Errors and warnings in the workspace files (what the Problems panel counts), and in how many files. */
  problemCounts(): { count: number; files: number } {
    let count = 0;
    let files = 0;
    for (const problems of this.fileProblems.values()) {
      const n = problems.filter((p) => p.severity === 'error' || p.severity === 'warning').length;
      count += n;
      if (n > 0) files++;
    }
    return { count, files };
  }

  /** The globs changed: scan again and rebuild (nothing to do before the first snapshot). */
  globsChanged(): void {
    if (this.scanned) void this.scan(true);
  }

  /** How long the last search for index files (and their reading) took. */
  scanMs = 0;
  /** Whether the first full snapshot is built (earliest() then answers with the current one). */
  private built = false;
  /** Before then: a snapshot of the bundled index alone, for earliest(). */
  private bundledOnly: Promise<IndexSnapshot> | undefined;

  private async scan(notify: boolean): Promise<void> {
    const { workspace } = this.options;
    this.watcher?.dispose();
    this.watcher = undefined;
    const dropped = [...this.fileProblems.keys()];
    this.files.clear();
    this.fileProblems.clear();
    if (dropped.length) this.problemsChanged(dropped);
    const globs = this.options.globs();
    const started = performance.now();
    const uris = await workspace.findFiles(globs);
    await Promise.all(uris.map((uri) => this.loadFile(uri)));
    this.scanMs = performance.now() - started;
    if (this.disposed) return;
    this.watcher = workspace.watch?.(globs, {
      created: (uri) => void this.loadFile(uri).then(() => this.scheduleRebuild()),
      changed: (uri) => void this.loadFile(uri).then(() => this.scheduleRebuild()),
      deleted: (uri) => {
        this.files.delete(uri);
        if (this.fileProblems.delete(uri)) this.problemsChanged([uri]);
        this.scheduleRebuild();
      },
    });
    this.log.info(`index files: ${uris.length} found for ${globs.join(', ')}`);
    if (notify) this.scheduleRebuild(0);
  }

  private async loadFile(uri: string): Promise<void> {
    const { workspace } = this.options;
    let text: string;
    try {
      text = await workspace.readText(uri);
    } catch (err) {
      this.log.warn(`cannot read index file ${workspace.fsPath(uri)}: ${(err as Error).message}`);
      this.files.delete(uri);
      if (this.fileProblems.delete(uri)) this.problemsChanged([uri]);
      return;
    }
    const loaded = loadIndexFile(workspace.asRelativePath(uri), text);
    this.files.set(uri, { loaded, text, path: workspace.fsPath(uri) });
    this.fileProblems.set(uri, loaded.problems);
    this.problemsChanged([uri]);
  }

  private scheduleRebuild(delayMs = REBUILD_DELAY_MS): void {
    this.cancelRebuild?.();
    this.cancelRebuild = this.options.schedule(() => {
      this.cancelRebuild = undefined;
      const next = this.build();
      this.current = next;
      void next.then((s) => {
        for (const listener of this.changeListeners) listener(s);
      });
    }, delayMs);
  }

  private loadBundled(): Promise<IndexInput[]> {
    this.bundled ??= this.options.loadBundled().catch((err: Error) => {
      this.log.error(`the bundled index could not be read (${err.message}); only workspace index files are used`);
      return [];
    });
    return this.bundled;
  }

  private async build(): Promise<IndexSnapshot> {
    const started = performance.now();
    const first = this.bundled === undefined;
    const bundled = await this.loadBundled();
    const loaded = performance.now();
    const entries = [...this.files.entries()].sort(([a], [b]) => a.localeCompare(b));
    const merged = mergeIndex(
      bundled,
      entries.map(([, file]) => file),
    );
    entries.forEach(([uri, { loaded }], i) => this.fileProblems.set(uri, [...loaded.problems, ...merged.parentProblems[i]!]));
    if (entries.length) this.problemsChanged(entries.map(([uri]) => uri));
    const { index } = merged;
    const indexed = performance.now();
    const search = new SessionSearch(index);
    const builtInMs = performance.now() - started;
    this.built = true;
    const steps = { bundleMs: first ? loaded - started : 0, indexMs: indexed - loaded, searchMs: started + builtInMs - indexed };
    this.log.info(
      `session index: ${index.sessions.length} sessions from ${entries.length} workspace file(s) and the bundled index, built in ${builtInMs.toFixed(0)} ms`,
    );
    return { index, search, builtInMs, steps, workspaceSources: merged.fileSources };
  }

  private problemsChanged(uris: readonly string[]): void {
    for (const listener of this.problemListeners) listener(uris);
  }

  dispose(): void {
    this.disposed = true;
    this.cancelRebuild?.();
    this.watcher?.dispose();
    this.changeListeners.clear();
    this.problemListeners.clear();
  }
}
