import * as vscode from 'vscode';
import type { Finding, Fix, TextEdit } from '../../core/lint/finding';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { isLargeRecap } from '../recapDocuments';
import type { RecapLinter } from './recapLinter';

/** `source.fixAll.recap`: what "Fix All" and `editor.codeActionsOnSave` run. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('recap');

/**
 * Quick fixes for each finding, "fix all of this rule", and source.fixAll.
 * Each action is one WorkspaceEdit (one undo step) built from the core's
 * edits, which never reach outside their finding's own text.
 */
export class RecapCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly linter: RecapLinter) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    // VS Code asks on every cursor move and diagnostics change for the light bulb; a large recap is
    // checked in the host only when the user asks for its fixes (Ctrl+., Fix All).
    if (context.triggerKind === vscode.CodeActionTriggerKind.Automatic && isLargeRecap(document) && !this.linter.cached(document)) return [];
    const { isRecap, result } = await this.linter.analyze(document);
    if (!isRecap) return [];
    const actions: vscode.CodeAction[] = [];
    if (!context.only || context.only.contains(vscode.CodeActionKind.QuickFix) || vscode.CodeActionKind.QuickFix.contains(context.only)) {
      const start = document.offsetAt(range.start);
      const end = document.offsetAt(range.end);
      const here = result.findings.filter((f) => f.start <= end && start <= f.end && f.fixes.length > 0);
      for (const finding of here) {
        const diagnostic = context.diagnostics.find(
          (d) => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === finding.code && document.offsetAt(d.range.start) === finding.start,
        );
        for (const fix of finding.fixes) {
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.edit = workspaceEdit(document, fix.edits);
          action.isPreferred = fix.preferred === true;
          if (diagnostic) action.diagnostics = [diagnostic];
          actions.push(action);
        }
      }
      for (const rule of new Set(here.map((f) => f.code))) {
        const all = preferredFixes(result.findings.filter((f) => f.code === rule));
        if (all.length < 2) continue;
        const action = new vscode.CodeAction(`Fix all ${rule} problems (${all.length})`, vscode.CodeActionKind.QuickFix);
        action.edit = workspaceEdit(document, combine(all));
        actions.push(action);
      }
    }
    if (
      context.only &&
      (context.only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(context.only) || vscode.CodeActionKind.SourceFixAll.contains(context.only))
    ) {
      const all = preferredFixes(result.findings);
      if (all.length > 0) {
        const action = new vscode.CodeAction(`Fix all Recap Writer problems (${all.length})`, FIX_ALL_KIND);
        action.edit = workspaceEdit(document, combine(all));
        actions.push(action);
      }
    }
    return actions;
  }
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

function preferredFixes(findings: Finding[]): Fix[] {
  return findings.flatMap((f) => f.fixes.filter((x) => x.preferred).slice(0, 1));
}

/** The fixes' edits together, dropping any fix that would overlap one already taken. */
export function combine(fixes: Fix[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const fix of fixes) {
    const clash = fix.edits.some((e) => taken.some((t) => (e.start < t.end && t.start < e.end) || (e.start === e.end && e.start === t.start)));
    if (!clash) taken.push(...fix.edits);
  }
  return taken;
}

function workspaceEdit(document: vscode.TextDocument, edits: TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
  return edit;
}
