import * as vscode from 'vscode';
import type { RecapPreviewManager } from '../preview/previewManager';
import type { ReportedFindings } from '../preview/previewPanel';
import type { Command } from './registry';

export interface PreviewFindingsArgs {
  /** Wait up to this long for the preview to report the document's current version (default 0: answer at once). */
  timeoutMs?: number;
}

/**
 * `recap.preview.findings`, registered only in ExtensionMode.Test (not
 * contributed in package.json, never in a user's VS Code): the findings the
 * open preview of the given document (a Uri or its string; default the active
 * editor's, else the focused preview) last reported, read from its marks.
 * Undefined when no preview of it is open or it has not rendered yet.
 */
export class PreviewFindingsCommand implements Command {
  readonly id = 'recap.preview.findings';

  constructor(private readonly previews: RecapPreviewManager) {}

  async execute(target?: vscode.Uri | string, args: PreviewFindingsArgs = {}): Promise<ReportedFindings | undefined> {
    const given = typeof target === 'string' ? vscode.Uri.parse(target) : target instanceof vscode.Uri ? target : undefined;
    const active = vscode.window.activeTextEditor?.document.uri;
    const panel = given
      ? this.previews.panelFor(given)
      : ((active && this.previews.panelFor(active)) ?? this.previews.activePanel ?? (this.previews.all.length === 1 ? this.previews.all[0] : undefined));
    if (!panel) return undefined;
    const current = () => panel.findings && panel.findings.version >= panel.documentVersion;
    const timeout = args.timeoutMs ?? 0;
    if (!current() && timeout > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeout);
        const listener = panel.onDidReportFindings(() => current() && done());
        const closed = panel.onDidDispose(done);
        function done() {
          clearTimeout(timer);
          listener.dispose();
          closed.dispose();
          resolve();
        }
      });
    }
    return panel.findings;
  }
}
