import * as vscode from 'vscode';
import type { IndexedSession, SessionIndex } from '../../core/index/sessionIndex';
import { talkAt } from '../../core/talks/talkAt';
import type { RecapLinter } from '../lint/recapLinter';

/**
 * The talk under the cursor in a recap (hover and Go to Definition share it),
 * with the index it came from: answered from the same analysis the
 * diagnostics show (no parse or reference search of its own), so a card
 * appears exactly where the lint found a mention; in a large recap, the
 * same lint of the block around the position.
 */
export async function talkUnderCursor(
  linter: RecapLinter,
  document: vscode.TextDocument,
  position: vscode.Position,
): Promise<{ session: IndexedSession; range: vscode.Range; index: SessionIndex } | undefined> {
  const around = await linter.around(document, position);
  const found = around && talkAt(around.result.references, around.offset);
  if (!around || !found) return undefined;
  const range = new vscode.Range(around.positionAt(found.range.start), around.positionAt(found.range.end));
  return { session: found.session, range, index: around.snapshot.index };
}
