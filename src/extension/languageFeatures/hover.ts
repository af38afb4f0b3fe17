import * as vscode from 'vscode';
import { talkAt } from '../../core/talks/talkAt';
import { talkCard } from '../../core/talks/talkCard';
import type { RecapDocuments } from '../recapDocuments';
import type { IndexService } from '../sessionIndex/indexService';

/** The talk's card on a talk id or title in the frontmatter, and on a body link to the talk. */
export class RecapHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly documents: RecapDocuments,
    private readonly indexService: IndexService,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const parsed = this.documents.get(document);
    if (!parsed.isRecap) return undefined;
    const { index } = await this.indexService.snapshot();
    const found = talkAt(parsed, index, document.offsetAt(position));
    if (!found) return undefined;
    const card = new vscode.MarkdownString(talkCard(found.session, index.events.get(found.session.eventId)));
    return new vscode.Hover(card, new vscode.Range(document.positionAt(found.range.start), document.positionAt(found.range.end)));
  }
}
