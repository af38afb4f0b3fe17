import * as vscode from 'vscode';
import { addTalkEdit } from '../../core/edits/addTalkEdit';
import type { RecapDocuments } from '../recapDocuments';
import type { IndexService } from '../sessionIndex/indexService';
import type { Command } from './registry';

/**
 * After a reference to a talk the frontmatter does not list yet: offers to
 * add its entry under `talks:` (never without the user's click, unless
 * `recap.completion.addToTalks` is `always`).
 */
export class OfferToAddTalkCommand implements Command {
  readonly id = 'recap.offerToAddTalk';

  constructor(
    private readonly documents: RecapDocuments,
    private readonly indexService: IndexService,
  ) {}

  async execute(uri: vscode.Uri, talkId: string): Promise<boolean> {
    const answer = await vscode.window.showInformationMessage(`Add “${talkId}” to this recap's talks: list too?`, 'Add to talks:', 'Always', 'Never');
    if (answer === 'Always' || answer === 'Never') {
      await vscode.workspace.getConfiguration('recap.completion').update('addToTalks', answer.toLowerCase(), vscode.ConfigurationTarget.Global);
    }
    return answer === 'Add to talks:' || answer === 'Always' ? this.add(uri, talkId) : false;
  }

  /** Adds the entry (one undoable edit); false when the talk is already listed or the frontmatter cannot take it. */
  async add(uri: vscode.Uri, talkId: string): Promise<boolean> {
    const document = await vscode.workspace.openTextDocument(uri);
    const parsed = this.documents.frontmatterOf(document);
    if (parsed.talks.some((t) => t.id?.value === talkId)) return false;
    const { index } = await this.indexService.snapshot();
    const session = index.get(talkId);
    const edit = session && addTalkEdit(parsed, session);
    if (!edit) return false;
    const change = new vscode.WorkspaceEdit();
    change.replace(uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText);
    return vscode.workspace.applyEdit(change);
  }
}
