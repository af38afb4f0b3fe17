import * as vscode from 'vscode';
import type { RecapLinter } from '../lint/recapLinter';
import { talkUnderCursor } from './talkUnderCursor';

/** Go to Definition on a talk opens the workspace index file (and line) that defines it; bundled talks have no file to open. */
export class RecapDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly linter: RecapLinter) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | undefined> {
    const origin = (await talkUnderCursor(this.linter, document, position))?.session.origin;
    if (!origin || origin.bundled) return undefined;
    return new vscode.Location(vscode.Uri.file(origin.file), new vscode.Position(Math.max(0, (origin.line ?? 1) - 1), 0));
  }
}
