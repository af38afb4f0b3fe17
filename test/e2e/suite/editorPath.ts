// What a person does in the editor, done through the editor's own commands:
// keys typed with the `type` command (trigger characters and auto-trigger
// fire as they do for a keyboard), the suggest widget opened and its selected
// item accepted, snippet placeholders left with Tab. Nothing here applies a
// provider's result itself.
import * as vscode from 'vscode';
import { extensionApi, workspaceFile } from './util';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let counter = 0;

/** Writes `marked` (a `|` marks the cursor) into the workspace's recaps/ folder, opens it, puts the cursor there. */
export async function openWithCursor(marked: string, folder = 'recaps'): Promise<vscode.TextEditor> {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const uri = workspaceFile(folder, `e2e-editor-${process.pid}-${++counter}.md`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  const position = document.positionAt(offset);
  editor.selection = new vscode.Selection(position, position);
  return editor;
}

/** Types `text` key by key at the cursor, as a keyboard does. */
export async function typeKeys(text: string): Promise<void> {
  for (const ch of text) await vscode.commands.executeCommand('type', { text: ch });
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

/**
 * Opens the suggest widget (Ctrl+Space), waits for our list to arrive, then
 * accepts the selected item (Enter). Returns the document's text after it.
 * The widget gives no signal when it has rendered, so a try that changes
 * nothing is repeated with a longer wait.
 */
export async function acceptSuggestion(editor: vscode.TextEditor): Promise<string> {
  const api = await extensionApi();
  const before = editor.document.getText();
  const version = editor.document.version;
  for (let attempt = 1; attempt <= 4; attempt++) {
    const answered = api.completionsAnswered();
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await until(() => api.completionsAnswered() > answered, 5_000);
    await sleep(150 * attempt);
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    if (await until(() => editor.document.version !== version, 300 * attempt)) {
      await sleep(50);
      return editor.document.getText();
    }
    await vscode.commands.executeCommand('hideSuggestWidget');
  }
  throw new Error(`accepting a suggestion changed nothing in:\n${before}`);
}

/** Accepts whichever suggestion the widget selects (a snippet, a word), not waiting for our provider. */
export async function acceptAnySuggestion(editor: vscode.TextEditor): Promise<string> {
  const version = editor.document.version;
  for (let attempt = 1; attempt <= 4; attempt++) {
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await sleep(300 * attempt);
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    if (await until(() => editor.document.version !== version, 300 * attempt)) return editor.document.getText();
    await vscode.commands.executeCommand('hideSuggestWidget');
  }
  throw new Error('accepting a suggestion changed nothing');
}

/** Tab in a snippet: to its next placeholder. */
export async function nextPlaceholder(): Promise<void> {
  await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
}

/** Closes every editor and deletes what a test wrote, so the next test starts from a quiet workbench. */
export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
