import * as vscode from 'vscode';
import type { RecapWriterApi } from '../../../src/extension/main';

export const EXTENSION_ID = 'recap-writer.recap-writer';

export function workspaceFile(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e suites need a workspace folder open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function openRecap(...segments: string[]): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(...segments));
  return vscode.window.showTextDocument(document);
}

/** Waits for the extension to activate (opening Markdown triggers it) and returns its API. */
export async function extensionApi(timeoutMs = 20_000): Promise<RecapWriterApi> {
  const extension = vscode.extensions.getExtension<RecapWriterApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this extension host`);
  const deadline = Date.now() + timeoutMs;
  while (!extension.isActive && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (!extension.isActive) throw new Error(`${EXTENSION_ID} did not activate within ${timeoutMs} ms`);
  return extension.exports;
}
