import type * as vscode from 'vscode';
import { talkAt, type TalkAt } from '../../core/talks/talkAt';
import type { SessionIndex } from '../../core/index/sessionIndex';
import type { RecapDocuments } from '../recapDocuments';
import type { IndexService } from '../sessionIndex/indexService';

/** The talk under the cursor in a recap (hover and Go to Definition share it), with the index it came from. */
export async function talkUnderCursor(
  documents: RecapDocuments,
  indexService: IndexService,
  document: vscode.TextDocument,
  position: vscode.Position,
): Promise<(TalkAt & { index: SessionIndex }) | undefined> {
  const parsed = documents.get(document);
  if (!parsed.isRecap) return undefined;
  const { index } = await indexService.snapshot();
  const found = talkAt(parsed, index, document.offsetAt(position));
  return found && { ...found, index };
}
