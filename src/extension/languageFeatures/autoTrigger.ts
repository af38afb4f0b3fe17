import * as vscode from 'vscode';
import { cursorContext } from '../../core/completion/cursorContext';
import type { RecapLinter } from '../lint/recapLinter';
import type { RecapDocuments } from '../recapDocuments';
import { settings } from '../settings';

/**
 * Markdown has quick suggestions off by default, so typing the first letter
 * of a frontmatter value (`event: k`) or a reference query (`@@l`) would not
 * open the list after the user closed it. This opens it on that first letter
 * only; from there the incomplete list keeps itself current as they type.
 */
export class CompletionAutoTrigger implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly documents: RecapDocuments,
    /** A post that declares nothing: recognised as a recap by its last check. */
    private readonly linter: Pick<RecapLinter, 'isRecap'>,
  ) {
    this.subscription = vscode.workspace.onDidChangeTextDocument((e) => this.onChange(e));
  }

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document !== e.document || e.contentChanges.length !== 1 || !settings.autoTrigger()) return;
    const change = e.contentChanges[0]!;
    if (change.rangeLength !== 0 || !/^[\p{L}\p{N}]$/u.test(change.text)) return;
    const document = e.document;
    // Positions from the change itself: the document's offset table is not rebuilt on a keystroke.
    const at = change.range.start;
    // Only the first letter of a value: the list, once open, follows the typing by itself.
    const previous = at.character > 0 ? document.lineAt(at.line).text.charAt(at.character - 1) : '\n';
    if (!/[\s:@[,-]/.test(previous)) return;
    const { parsed, offset: cursor } = this.documents.atCursor(document, at.translate(0, 1));
    if (!parsed.isRecap && !this.linter.isRecap(document)) return;
    const context = cursorContext(parsed.text, cursor, { trigger: settings.trigger(), codeLines: parsed.codeLines, lines: parsed.lines });
    if (context && (context.kind !== 'reference' || context.query.length === 1)) {
      void vscode.commands.executeCommand('editor.action.triggerSuggest');
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
