import * as vscode from 'vscode';
import { talkAt } from '../../core/talks/talkAt';
import type { RecapDocuments } from '../recapDocuments';
import type { IndexService } from '../sessionIndex/indexService';

/** Go to Definition on a talk opens the workspace index file (and line) that defines it; bundled talks have no file to open. */
export class RecapDefinitionProvider implements vscode.DefinitionProvider {
  constructor(
    private readonly documents: RecapDocuments,
    private readonly indexService: IndexService,
  ) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | undefined> {
    const parsed = this.documents.get(document);
    if (!parsed.isRecap) return undefined;
    const { index } = await this.indexService.snapshot();
    const found = talkAt(parsed, index, document.offsetAt(position));
    const origin = found?.session.origin;
    if (!origin || origin.bundled) return undefined;
    const line = Math.max(0, (origin.line ?? 1) - 1);
    return new vscode.Location(vscode.Uri.file(origin.file), new vscode.Position(line, 0));
  }
}
