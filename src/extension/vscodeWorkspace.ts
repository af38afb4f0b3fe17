import * as vscode from 'vscode';
import type { Disposable, FileWatchListener, RecapWorkspace } from '../core/workspace/workspace';

/** The workspace seam over VS Code's own file API (`vscode.workspace.fs`, which a web build has too). Uris are `vscode.Uri` strings. */
export class VsCodeWorkspace implements RecapWorkspace {
  async findFiles(globs: readonly string[]): Promise<string[]> {
    const found = await Promise.all(globs.map((g) => vscode.workspace.findFiles(g, '**/node_modules/**')));
    return [...new Set(found.flat().map((uri) => uri.toString()))];
  }

  async readText(uri: string): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri)));
  }

  watch(globs: readonly string[], listener: FileWatchListener): Disposable {
    // A plain string glob would be matched against absolute paths; index globs are relative to each folder.
    const folders = vscode.workspace.workspaceFolders ?? [];
    const watchers = folders.flatMap((f) =>
      globs.map((g) => {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(f, g));
        watcher.onDidCreate((uri) => listener.created(uri.toString()));
        watcher.onDidChange((uri) => listener.changed(uri.toString()));
        watcher.onDidDelete((uri) => listener.deleted(uri.toString()));
        return watcher;
      }),
    );
    return { dispose: () => watchers.forEach((w) => w.dispose()) };
  }

  asRelativePath(uri: string): string {
    return vscode.workspace.asRelativePath(vscode.Uri.parse(uri));
  }

  fsPath(uri: string): string {
    return vscode.Uri.parse(uri).fsPath;
  }
}
