import * as vscode from 'vscode';
import type { Finding } from '../../core/lint/finding';
import { ruleDocsPath } from '../../core/lint/registry';
import type { Severity } from '../../core/problem';
import type { RecapLinter } from './recapLinter';

export const DIAGNOSTIC_SOURCE = 'recap';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** The rule's bundled documentation page (`docs/rules/<id>.md` inside the extension). */
export function ruleDocsUri(extensionUri: vscode.Uri, rule: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, ...ruleDocsPath(rule).split('/'));
}

/**
 * The diagnostic's code link: a `command:` URI that opens the rule's bundled
 * page in VS Code's Markdown preview (the hover and the Problems panel open
 * code links with commands allowed). Works offline.
 */
export function ruleDocsTarget(extensionUri: vscode.Uri, rule: string): vscode.Uri {
  const page = ruleDocsUri(extensionUri, rule);
  // The opener revives `$mid` objects into URIs, so the preview gets a Uri, not a string.
  const arg = { $mid: 1, scheme: page.scheme, authority: page.authority, path: page.path };
  return vscode.Uri.from({ scheme: 'command', path: 'markdown.showPreview', query: JSON.stringify([arg]) });
}

export function toDiagnostic(document: vscode.TextDocument, f: Finding, extensionUri: vscode.Uri): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(f.start), document.positionAt(f.end));
  const d = new vscode.Diagnostic(range, f.message, SEVERITY[f.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.code, target: ruleDocsTarget(extensionUri, f.code) };
  return d;
}

/**
 * Keeps the Problems panel current for open recaps: on open, as you type
 * (debounced), and when the index or a setting changes. A result is shown only
 * if the document has not changed since it was computed, so a slow lint of an
 * old version never overwrites a newer one.
 */
export class RecapDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly linter: RecapLinter, private readonly extensionUri: vscode.Uri, private readonly delayMs = 250) {
    this.disposables = [
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, this.delayMs)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        clearTimeout(this.timers.get(d.uri.toString()));
        this.collection.delete(d.uri);
      }),
      linter.onDidChange(() => {
        for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
      }),
    ];
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (document.languageId !== 'markdown' || document.uri.scheme === 'output') return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.update(document);
      }, delayMs),
    );
  }

  private async update(document: vscode.TextDocument): Promise<void> {
    if (document.isClosed) return;
    const version = document.version;
    const { parsed, result } = await this.linter.analyze(document);
    if (document.isClosed || document.version !== version) return;
    if (!parsed.isRecap) {
      this.collection.delete(document.uri);
      return;
    }
    this.collection.set(document.uri, result.findings.map((f) => toDiagnostic(document, f, this.extensionUri)));
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
