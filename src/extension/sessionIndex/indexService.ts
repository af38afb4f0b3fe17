import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { decodeBundle } from '../../core/index/bundle';
import { loadIndexFile, type LoadedIndexFile } from '../../core/index/loadIndexFile';
import { SessionIndex, type IndexSource } from '../../core/index/sessionIndex';
import { bundledSources, fileSources } from '../../core/index/sources';
import { eventParentProblems, locateParentProblems } from '../../core/index/eventParents';
import { SessionSearch } from '../../core/search/sessionSearch';
import { indexDiagnostics } from './indexDiagnostics';

/** The index and its search, rebuilt together whenever an index file changes. */
export interface IndexSnapshot {
  index: SessionIndex;
  search: SessionSearch;
  builtInMs: number;
  /** The bundled index's path and the workspace files' sources it was built from (what the lint worker rebuilds it from). */
  bundlePath: string;
  workspaceSources: IndexSource[];
}

export const DEFAULT_INDEX_FILES = ['.recap/**/*.{yaml,yml,json}'];

/**
 * Owns the session index inside VS Code: the bundled index (loaded on first
 * use, never at activation) merged with the workspace index files that
 * `recap.indexFiles` finds, kept current by file watchers.
 */
export class IndexService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<IndexSnapshot>();
  readonly onDidChange = this.changed.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('recap-index');
  private readonly workspaceFiles = new Map<string, LoadedIndexFile>();
  /** Each loaded file's text, to locate the problems of its event's `parent:` (found once all files are in). */
  private readonly texts = new WeakMap<LoadedIndexFile, string>();
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private bundled: Promise<IndexSource[]> | undefined;
  private current: Promise<IndexSnapshot> | undefined;
  private rebuildTimer: NodeJS.Timeout | undefined;
  private scanned: Promise<void> | undefined;

  constructor(
    readonly bundlePath: string,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.changed,
      this.diagnostics,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('recap.indexFiles') && this.scanned) void this.rescan();
      }),
    );
  }

  /**
   * Errors and warnings in the workspace index files, as the Problems panel
   * shows them. They change only when a file is read, which always rebuilds
   * the index, so `onDidChange` says when to ask again.
   */
  problemCounts(): { count: number; files: number } {
    let count = 0;
    let files = 0;
    this.diagnostics.forEach((_, diagnostics) => {
      const n = diagnostics.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning).length;
      count += n;
      if (n > 0) files++;
    });
    return { count, files };
  }

  /** The current snapshot; the first call loads everything. */
  snapshot(): Promise<IndexSnapshot> {
    this.scanned ??= this.rescan(false);
    this.current ??= this.scanned.then(() => this.build());
    return this.current;
  }

  private patterns(): string[] {
    const configured = vscode.workspace.getConfiguration('recap').get<string[]>('indexFiles');
    return Array.isArray(configured) ? configured.filter((p) => typeof p === 'string' && p.trim()) : DEFAULT_INDEX_FILES;
  }

  private async rescan(notify = true): Promise<void> {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    this.workspaceFiles.clear();
    this.diagnostics.clear();
    const patterns = this.patterns();
    const uris = (await Promise.all(patterns.map((p) => vscode.workspace.findFiles(p, '**/node_modules/**')))).flat();
    await Promise.all(uris.map((uri) => this.loadFile(uri)));
    // A plain string glob would be matched against absolute paths; index globs are relative to each folder.
    const folders = vscode.workspace.workspaceFolders ?? [];
    for (const pattern of folders.flatMap((f) => patterns.map((p) => new vscode.RelativePattern(f, p)))) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      watcher.onDidCreate((uri) => void this.loadFile(uri).then(() => this.scheduleRebuild()));
      watcher.onDidChange((uri) => void this.loadFile(uri).then(() => this.scheduleRebuild()));
      watcher.onDidDelete((uri) => {
        this.workspaceFiles.delete(uri.toString());
        this.diagnostics.delete(uri);
        this.scheduleRebuild();
      });
      this.watchers.push(watcher);
    }
    this.log.info(`index files: ${uris.length} found for ${patterns.join(', ')}`);
    if (notify) this.scheduleRebuild(0);
  }

  private async loadFile(uri: vscode.Uri): Promise<void> {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (err) {
      this.log.warn(`cannot read index file ${uri.fsPath}: ${(err as Error).message}`);
      this.workspaceFiles.delete(uri.toString());
      return;
    }
    const loaded = loadIndexFile(vscode.workspace.asRelativePath(uri), text);
    this.workspaceFiles.set(uri.toString(), loaded);
    this.texts.set(loaded, text);
    this.diagnostics.set(uri, indexDiagnostics(loaded.problems));
  }

  private scheduleRebuild(delayMs = 100): void {
    clearTimeout(this.rebuildTimer);
    this.rebuildTimer = setTimeout(() => {
      const next = this.build();
      this.current = next;
      void next.then((s) => this.changed.fire(s));
    }, delayMs);
  }

  private loadBundled(): Promise<IndexSource[]> {
    this.bundled ??= readFile(this.bundlePath, 'utf8').then(
      (json) => bundledSources(decodeBundle(JSON.parse(json)), this.bundlePath),
      (err: Error) => {
        this.log.error(`the bundled index could not be read (${err.message}); only workspace index files are used`);
        return [];
      },
    );
    return this.bundled;
  }

  private async build(): Promise<IndexSnapshot> {
    const started = performance.now();
    const sources: IndexSource[] = [...(await this.loadBundled())];
    const files = [...this.workspaceFiles.entries()].sort(([a], [b]) => a.localeCompare(b));
    const workspaceSources = files.flatMap(([uri, loaded]) => fileSources(loaded, vscode.Uri.parse(uri).fsPath));
    sources.push(...workspaceSources);
    const index = new SessionIndex(sources);
    // Parent chains span files: checked on the merged index, each problem shown in the file of its event.
    const parents = eventParentProblems(index.events);
    for (const [uri, loaded] of files) {
      const located = loaded.event ? locateParentProblems(parents, loaded.event.id, loaded.path, this.texts.get(loaded) ?? '') : [];
      this.diagnostics.set(vscode.Uri.parse(uri), indexDiagnostics([...loaded.problems, ...located]));
    }
    const search = new SessionSearch(index);
    const builtInMs = performance.now() - started;
    this.log.info(
      `session index: ${index.sessions.length} sessions from ${files.length} workspace file(s) and the bundled index, built in ${builtInMs.toFixed(0)} ms`,
    );
    return { index, search, builtInMs, bundlePath: this.bundlePath, workspaceSources };
  }

  dispose(): void {
    clearTimeout(this.rebuildTimer);
    for (const d of [...this.watchers, ...this.disposables]) d.dispose();
  }
}
