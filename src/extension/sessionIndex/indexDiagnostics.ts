import * as vscode from 'vscode';
import type { IndexProblem } from '../../core/index/indexProblem';
import type { Severity } from '../../core/problem';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function indexDiagnostics(problems: readonly IndexProblem[]): vscode.Diagnostic[] {
  return problems.map((p) => {
    const range = new vscode.Range(p.line - 1, p.column - 1, p.endLine - 1, p.endColumn - 1);
    const d = new vscode.Diagnostic(range, p.field ? `${p.field}: ${p.message}` : p.message, SEVERITY[p.severity]);
    d.source = 'Recap Writer';
    d.code = 'index-file';
    return d;
  });
}
