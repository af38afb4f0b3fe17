import type * as vscode from 'vscode';
import type { SessionIndex } from '../../core/index/sessionIndex';
import { talkAt, type TalkAt } from '../../core/talks/talkAt';
import type { RecapLinter } from '../lint/recapLinter';

/**
 * The talk under the cursor in a recap (hover and Go to Definition share it),
 * with the index it came from: answered from the same analysis the
 * diagnostics show (no parse or reference search of its own), so a card
 * appears exactly where the lint found a mention.
 */
export async function talkUnderCursor(
  linter: RecapLinter,
  document: vscode.TextDocument,
  position: vscode.Position,
): Promise<(TalkAt & { index: SessionIndex }) | undefined> {
  const { isRecap, result, snapshot } = await linter.analyze(document);
  if (!isRecap) return undefined;
  const found = talkAt(result.references, document.offsetAt(position));
  return found && { ...found, index: snapshot.index };
}
