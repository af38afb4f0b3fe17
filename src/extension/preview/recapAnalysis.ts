import type * as vscode from 'vscode';
import type { LintResult } from '../../core/lint/finding';
import type { ParsedRecap } from '../../core/recap/parseRecap';

/**
 * What the preview needs from the rest of the extension: the one parse and
 * lint of a document (the same the diagnostics show), a signal to render
 * again, and the raw-HTML setting. The extension's glue implements it.
 */
export interface RecapAnalysis {
  /** Parse and lint the document's current text. */
  analyze(document: vscode.TextDocument): Promise<{ parsed: ParsedRecap; result: LintResult }>;
  /** Fires when results may have changed without an edit: the index changed (undefined: every document), or a setting did. */
  onDidChange: vscode.Event<vscode.Uri | undefined>;
  /** `recap.preview.allowHtml`: render the recap's raw HTML (sanitized) instead of showing it as text. */
  allowHtml(): boolean;
}
