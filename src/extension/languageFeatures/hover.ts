import * as vscode from 'vscode';
import { talkCard } from '../../core/talks/talkCard';
import type { RecapDocuments } from '../recapDocuments';
import type { IndexService } from '../sessionIndex/indexService';
import { talkUnderCursor } from './talkUnderCursor';

/** The talk's card on a talk id or title in the frontmatter, and on a body link to the talk. */
export class RecapHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly documents: RecapDocuments,
    private readonly indexService: IndexService,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const found = await talkUnderCursor(this.documents, this.indexService, document, position);
    if (!found) return undefined;
    const card = new vscode.MarkdownString(talkCard(found.session, found.index.events.get(found.session.eventId)));
    return new vscode.Hover(card, new vscode.Range(document.positionAt(found.range.start), document.positionAt(found.range.end)));
  }
}
