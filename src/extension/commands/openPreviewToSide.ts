import * as vscode from 'vscode';
import type { RecapPreviewManager } from '../preview/previewManager';
import type { Command } from './registry';
import { isRecapLanguage } from '../languages';

/** "Recap: Open Preview to the Side": the live preview of the active recap (or the given file) beside it. */
export class OpenPreviewToSideCommand implements Command {
  readonly id = 'recap.openPreviewToSide';

  constructor(private readonly previews: RecapPreviewManager) {}

  async execute(target?: vscode.Uri): Promise<boolean> {
    const uri = target instanceof vscode.Uri ? target : undefined;
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document || !isRecapLanguage(document.languageId)) {
      void vscode.window.showErrorMessage('Recap: open a Markdown recap in the editor first; its preview opens beside it.');
      return false;
    }
    this.previews.openToSide(document);
    return true;
  }
}
