/** Something to stop: a watcher, a listener. */
export interface Disposable {
  dispose(): void;
}

/** What a watcher reports, each time with the file's uri. */
export interface FileWatchListener {
  created(uri: string): void;
  changed(uri: string): void;
  deleted(uri: string): void;
}

/**
 * The files Recap Writer reads beside the open documents (index files), as
 * the index manager sees them. One interface, three implementations: VS
 * Code's (`extension/vscodeWorkspace.ts`, on `vscode.workspace.fs`), Node's
 * (`cli/nodeWorkspace.ts`) and an in-memory one (`memoryWorkspace.ts`, for
 * tests). A file is named by the uri string the workspace gives out.
 */
export interface RecapWorkspace {
  /** The files any of the globs match (relative to the workspace's folders), each once. */
  findFiles(globs: readonly string[]): Promise<string[]>;
  /** A file's text; rejects when it cannot be read. */
  readText(uri: string): Promise<string>;
  /**
   * Reports files the globs match being created, changed or deleted, until
   * disposed. A workspace that never changes under us (the CLI's) has none.
   */
  watch?(globs: readonly string[], listener: FileWatchListener): Disposable;
  /** The file as messages name it: relative to its workspace folder. */
  asRelativePath(uri: string): string;
  /** The file's path, as an index entry's origin records it (Go to Definition opens it). */
  fsPath(uri: string): string;
}
