import * as vscode from 'vscode';
import { inFencedCode } from '../core/markdown/fenceAt';
import { parseRecap, type ParsedRecap } from '../core/recap/parseRecap';
import { settings } from './settings';

/**
 * Recaps longer than this (in characters) are never parsed as Markdown in the
 * extension host on a keystroke: their Problems are found in a worker thread
 * (see recapLinter.ts), and completion learns whether the cursor is in code
 * from the fences alone. Reading a megabyte of Markdown takes longer than a
 * keystroke may keep the host busy.
 */
export const LARGE_RECAP_CHARS = 200_000;

/** The document's length without copying its text out. */
export function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

export function isLargeRecap(document: vscode.TextDocument): boolean {
  return documentLength(document) > LARGE_RECAP_CHARS;
}

/**
 * The one parse of each open recap, shared by completion, hover, lint and
 * the preview: parsed again only when the document's version changes, and
 * then from the previous version's parse (only the changed blocks again).
 */
export class RecapDocuments implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; parsed: ParsedRecap }>();
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.disposables = [
      vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('recap.recapFiles')) this.cache.clear();
      }),
    ];
  }

  get(document: vscode.TextDocument): ParsedRecap {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version) return hit.parsed;
    const parsed = parseRecap(document.uri.fsPath || document.uri.path, document.getText(), settings.recapFiles(), hit?.parsed);
    this.cache.set(key, { version: document.version, parsed });
    return parsed;
  }

  /**
   * The parse as completion reads it at `offset`: for a large recap, whether
   * the cursor's line is code comes from the fences around it instead of a
   * Markdown parse of the whole text (the only line completion asks about).
   */
  atCursor(document: vscode.TextDocument, offset: number): ParsedRecap {
    const parsed = this.get(document);
    if (parsed.text.length <= LARGE_RECAP_CHARS) return parsed;
    const line = parsed.lines.positionAt(offset).line;
    const codeLines: ReadonlySet<number> = inFencedCode(parsed.text, offset) ? new Set([line]) : new Set();
    return Object.create(parsed, { codeLines: { value: codeLines, enumerable: true } }) as ParsedRecap;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.cache.clear();
  }
}
