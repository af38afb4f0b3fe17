import * as vscode from 'vscode';
import { parseRecap, type ParsedRecap } from '../core/recap/parseRecap';
import { settings } from './settings';

/**
 * The one parse of each open recap, shared by completion, hover, lint and
 * the preview: parsed again only when the document's version changes, and
 * then from the previous version's parse (only the changed blocks again).
 */
export class RecapDocuments implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; parsed: ParsedRecap }>();
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.disposables = [
      vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('recap.recapFiles')) this.cache.clear();
      }),
    ];
  }

  get(document: vscode.TextDocument): ParsedRecap {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version) return hit.parsed;
    const parsed = parseRecap(document.uri.fsPath || document.uri.path, document.getText(), settings.recapFiles(), hit?.parsed);
    this.cache.set(key, { version: document.version, parsed });
    return parsed;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.cache.clear();
  }
}
