import * as vscode from 'vscode';
import { newRecapText } from '../../core/recap/template';
import type { Command } from './registry';

/** Opens an untitled Markdown recap with the frontmatter skeleton, cursor in the title. */
export class NewRecapCommand implements Command {
  readonly id = 'recap.newRecap';

  async execute(): Promise<vscode.TextEditor> {
    const today = new Date().toISOString().slice(0, 10);
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: newRecapText(today) });
    const editor = await vscode.window.showTextDocument(document);
    const titleQuote = new vscode.Position(1, 'title: "'.length);
    editor.selection = new vscode.Selection(titleQuote, titleQuote);
    return editor;
  }
}
