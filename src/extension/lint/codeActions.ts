import * as vscode from 'vscode';
import type { TextEdit } from '../../core/lint/finding';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { isLargeRecap } from '../recapDocuments';
import type { RecapLinter } from './recapLinter';

/** `source.fixAll.recap`: what "Fix All" and `editor.codeActionsOnSave` run. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('recap');

/**
 * Quick fixes for each finding, "fix all of this rule", and source.fixAll,
 * as the core makes them (lint/fixActions.ts): each is one WorkspaceEdit (one
 * undo step) of edits that never reach outside their finding's own text.
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
    // VS Code asks on every cursor move and diagnostics change for the light bulb: a large recap answers
    // then only once the worker has checked this version (the diagnostics are current); Ctrl+. and Fix All always.
    if (context.triggerKind === vscode.CodeActionTriggerKind.Automatic && isLargeRecap(document) && this.linter.checkedVersion(document) !== document.version) {
      return [];
    }
    const only = context.only;
    const quickFix = !only || only.contains(vscode.CodeActionKind.QuickFix) || vscode.CodeActionKind.QuickFix.contains(only);
    const fixAll = !!only && (only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(only) || vscode.CodeActionKind.SourceFixAll.contains(only));
    if (!quickFix && !fixAll) return [];
    const request = { start: document.offsetAt(range.start), end: document.offsetAt(range.end), quickFix, fixAll };
    const version = document.version;
    const actions = await this.linter.fixActions(document, request);
    if (document.version !== version) return [];
    return actions.map((a) => {
      const action = new vscode.CodeAction(a.title, a.kind === 'fixAll' ? FIX_ALL_KIND : vscode.CodeActionKind.QuickFix);
      action.edit = workspaceEdit(document, a.edits);
      if (a.preferred) action.isPreferred = true;
      const diagnostic =
        a.finding &&
        context.diagnostics.find(
          (d) => d.source === DIAGNOSTIC_SOURCE && codeOf(d) === a.finding!.code && document.offsetAt(d.range.start) === a.finding!.start,
        );
      if (diagnostic) action.diagnostics = [diagnostic];
      return action;
    });
  }
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

function workspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
  return edit;
}
