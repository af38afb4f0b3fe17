import * as vscode from 'vscode';
import { talkCard } from '../../core/talks/talkCard';
import type { RecapLinter } from '../lint/recapLinter';
import { talkUnderCursor } from './talkUnderCursor';

/** The talk's card wherever the lint found the talk: its id or title in the frontmatter; its title, a link to it or its id in the body (never in code). */
export class RecapHoverProvider implements vscode.HoverProvider {
  constructor(private readonly linter: RecapLinter) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const found = await talkUnderCursor(this.linter, document, position);
    if (!found) return undefined;
    // Index data is untrusted: no command links, no HTML (talkCard escapes its strings and emits http(s) links only).
    const card = new vscode.MarkdownString(talkCard(found.session, found.index.events.get(found.session.eventId)));
    card.isTrusted = false;
    card.supportHtml = false;
    return new vscode.Hover(card, found.range);
  }
}
