import * as vscode from 'vscode';
import type { Finding } from '../../core/lint/finding';
import type { Severity } from '../../core/problem';
import { ruleDocsTarget } from '../commands/showRuleDocs';
import { documentLength } from '../recapDocuments';
import type { PlainFinding } from './lintWorkerProtocol';
import type { RecapLinter } from './recapLinter';
import { isRecapLanguage } from '../languages';

export const DIAGNOSTIC_SOURCE = 'recap';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toDiagnostic(
  document: vscode.TextDocument,
  f: Pick<Finding, 'code' | 'severity' | 'message' | 'start' | 'end'> & Pick<PlainFinding, 'range'>,
): vscode.Diagnostic {
  const range = f.range ? new vscode.Range(...f.range) : new vscode.Range(document.positionAt(f.start), document.positionAt(f.end));
  const d = new vscode.Diagnostic(range, f.message, SEVERITY[f.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.code, target: ruleDocsTarget(f.code) };
  return d;
}

const uri = (document: vscode.TextDocument) => document.uri.toString();

/** Everything a diagnostic shows. */
function identity(d: vscode.Diagnostic): string {
  const { start, end } = d.range;
  return `${start.line}:${start.character}-${end.line}:${end.character} ${d.severity} ${String((d.code as { value: string }).value)} ${d.message}`;
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
  /** Per document: what the collection shows (see identity), so an unchanged list is not set again. */
  private readonly shown = new Map<string, string>();
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly linter: RecapLinter,
    private readonly delayMs = 250,
  ) {
    this.disposables = [
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, this.delayFor(e.document))),
      vscode.workspace.onDidCloseTextDocument((d) => {
        clearTimeout(this.timers.get(d.uri.toString()));
        this.shown.delete(uri(d));
        this.collection.delete(d.uri);
      }),
      linter.onDidChange(() => {
        for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
      }),
    ];
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  /** Longer pauses for longer recaps: a burst of typing in a large one is checked once, after it. */
  private delayFor(document: vscode.TextDocument): number {
    return Math.max(this.delayMs, Math.min(2_000, documentLength(document) / 5_000));
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!isRecapLanguage(document.languageId) || document.uri.scheme === 'output') return;
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
    const result = await this.linter.findings(document);
    if (!result || document.isClosed || document.version !== version) return;
    if (!result.isRecap) {
      this.shown.delete(uri(document));
      this.collection.delete(document.uri);
      return;
    }
    const diagnostics = result.findings.map((f) => toDiagnostic(document, f));
    // Typing inside a line moves no finding on other lines: the same list is not sent to VS Code again
    // (for hundreds of findings, sending them is most of what a keystroke costs the host).
    const key = uri(document);
    const shown = diagnostics.map(identity).join('\n');
    if (this.shown.get(key) === shown && this.collection.has(document.uri)) return;
    this.shown.set(key, shown);
    this.collection.set(document.uri, diagnostics);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
