import * as vscode from 'vscode';
import { RecapPreviewPanel } from './previewPanel';
import type { RecapAnalysis } from './recapAnalysis';

/** The open preview panels, one per document: opens or reuses them, and disposes them with the extension. */
export class RecapPreviewManager implements vscode.Disposable {
  private readonly panels = new Map<string, RecapPreviewPanel>();

  /** `testHooks`: previews report their findings (ExtensionMode.Test only; see `recap.preview.findings`). */
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly analysis: RecapAnalysis,
    private readonly testHooks = false,
  ) {}

  /** Shows the document's preview beside its editor, opening one if there is none. */
  openToSide(document: vscode.TextDocument, preserveFocus = true): RecapPreviewPanel {
    const key = document.uri.toString();
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal(preserveFocus);
      return existing;
    }
    const panel = RecapPreviewPanel.create(document, this.analysis, this.extensionUri, vscode.ViewColumn.Beside, preserveFocus, this.testHooks);
    this.panels.set(key, panel);
    panel.onDidDispose(() => {
      if (this.panels.get(key) === panel) this.panels.delete(key);
    });
    return panel;
  }

  panelFor(uri: vscode.Uri): RecapPreviewPanel | undefined {
    return this.panels.get(uri.toString());
  }

  /** The preview panel that has focus, if any. */
  get activePanel(): RecapPreviewPanel | undefined {
    for (const panel of this.panels.values()) if (panel.active) return panel;
    return undefined;
  }

  get all(): readonly RecapPreviewPanel[] {
    return [...this.panels.values()];
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }
}
