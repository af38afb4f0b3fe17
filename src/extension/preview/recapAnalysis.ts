import type * as vscode from 'vscode';
import type { PreviewRequest } from '../../core/preview/renderPreview';

/**
 * What the preview needs from the rest of the extension: the one parse and
 * lint of a document (the same the diagnostics show), a signal to render
 * again, and the raw-HTML setting. The extension's glue implements it.
 */
export interface RecapAnalysis {
  /**
   * The HTML of the document's current text, from the one parse and lint the
   * diagnostics show (for a large recap, made in the lint worker);
   * undefined when the document changed meanwhile.
   */
  render(document: vscode.TextDocument, request: PreviewRequest): Promise<string | undefined>;
  /** Fires when results may have changed without an edit: the index changed (undefined: every document), or a setting did. */
  onDidChange: vscode.Event<vscode.Uri | undefined>;
  /** `recap.preview.allowHtml`: render the recap's raw HTML (sanitized) instead of showing it as text. */
  allowHtml(): boolean;
}
