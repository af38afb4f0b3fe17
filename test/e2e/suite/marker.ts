import { format } from 'node:util';
import * as vscode from 'vscode';
import { SUITE_MARKER } from '../harness/suiteMarker';

/**
 * In the browser client the extension host's console reaches the terminal
 * only through the page (and VS Code's console cannot be patched), so the
 * suites log through this.
 */
export function log(...args: unknown[]): void {
  const text = format(...args);
  console.log(vscode.env.uiKind === vscode.UIKind.Web ? SUITE_MARKER + text : text);
}
