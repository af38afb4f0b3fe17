import * as vscode from 'vscode';
import type { RecapDocuments } from '../recapDocuments';
import type { IndexService } from '../sessionIndex/indexService';
import { talkUnderCursor } from './talkUnderCursor';

/** Go to Definition on a talk opens the workspace index file (and line) that defines it; bundled talks have no file to open. */
export class RecapDefinitionProvider implements vscode.DefinitionProvider {
  constructor(
    private readonly documents: RecapDocuments,
    private readonly indexService: IndexService,
  ) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | undefined> {
    const origin = (await talkUnderCursor(this.documents, this.indexService, document, position))?.session.origin;
    if (!origin || origin.bundled) return undefined;
    return new vscode.Location(vscode.Uri.file(origin.file), new vscode.Position(Math.max(0, (origin.line ?? 1) - 1), 0));
  }
}
