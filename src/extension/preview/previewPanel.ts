import { basename } from 'node:path';
import * as vscode from 'vscode';
import { newNonce } from '../../core/preview/renderPreview';
import { tooLargePage } from '../../core/preview/tooLarge';
import { documentLength } from '../recapDocuments';
import type { RecapAnalysis } from './recapAnalysis';

/** A finding as the webview reports it, read back from its marks: line is 1-based. */
export interface ReportedFinding {
  rule: string;
  line: number;
  message: string;
  /** The text the mark covers. */
  text: string;
}

/** The findings the webview last reported, with the document version that render showed, and its talk cards' ids. */
export interface ReportedFindings {
  version: number;
  findings: ReportedFinding[];
  talks: string[];
}

type FromWebview =
  | { type: 'reveal'; line: number }
  | { type: 'didScroll'; line: number }
  | { type: 'ready' }
  | { type: 'findings'; version?: number; findings: ReportedFinding[]; talks?: string[] };

export const PREVIEW_VIEW_TYPE = 'recap.preview';
const DEBOUNCE_MS = 150;
/** `recap.preview.maxSize`'s default, in megabytes. */
export const DEFAULT_PREVIEW_MAX_MB = 2;

/** `recap.preview.maxSize` in characters (a megabyte of recap is about a million of them). */
export function previewMaxChars(): number {
  const mb = vscode.workspace.getConfiguration('recap.preview').get<number>('maxSize');
  return (typeof mb === 'number' && Number.isFinite(mb) && mb >= 0 ? mb : DEFAULT_PREVIEW_MAX_MB) * 1_000_000;
}

/** How long a scroll we caused is not echoed back. */
const SCROLL_ECHO_MS = 250;

/**
 * One preview panel for one recap document: renders it (full document first,
 * then body updates that keep the scroll position), follows edits (debounced;
 * an older render never replaces a newer one), syncs scrolling both ways,
 * reveals a finding's line when it is clicked, and (in tests only) remembers
 * the findings the webview last reported.
 */
export class RecapPreviewPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private readonly reported = new vscode.EventEmitter<ReportedFindings>();
  /** Fires each time the webview reports its findings (after every render; only with test hooks on). */
  readonly onDidReportFindings = this.reported.event;
  private document: vscode.TextDocument;
  private timer: NodeJS.Timeout | undefined;
  /** Bumped by every render; a render whose number is not the latest is dropped. */
  private generation = 0;
  private shownVersion = -1;
  /** The next render sets the whole document (first render; the webview was rebuilt from stale HTML). */
  private needsFullRender = true;
  /** Whether `webview.html` holds the latest render (not so once body updates were posted). */
  private htmlCurrent = false;
  /** After a full render, bring the preview to the editor's scroll position once the script says it is ready. */
  private syncScrollOnReport = false;
  private lastVisible: boolean;
  private lastColumn: vscode.ViewColumn | undefined;
  private lastReport: ReportedFindings | undefined;
  private editorScrollMutedUntil = 0;
  private isDisposed = false;

  /**
   * `testHooks` (ExtensionMode.Test only): the webview reports the findings it
   * shows after every render, readable through `findings`.
   */
  static create(
    document: vscode.TextDocument,
    analysis: RecapAnalysis,
    extensionUri: vscode.Uri,
    viewColumn = vscode.ViewColumn.Beside,
    preserveFocus = true,
    testHooks = false,
  ): RecapPreviewPanel {
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      previewTitle(document),
      { viewColumn, preserveFocus },
      { enableScripts: true, localResourceRoots: [media], enableFindWidget: true },
    );
    panel.iconPath = vscode.Uri.joinPath(media, 'icon.png');
    return new RecapPreviewPanel(panel, document, analysis, media, testHooks);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    document: vscode.TextDocument,
    private readonly analysis: RecapAnalysis,
    private readonly media: vscode.Uri,
    private readonly testHooks: boolean,
  ) {
    this.document = document;
    this.lastVisible = panel.visible;
    this.lastColumn = panel.viewColumn;
    this.disposables.push(
      this.disposed,
      this.reported,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m)),
      panel.onDidChangeViewState((e) => {
        // Shown again or moved to another group, the webview is rebuilt from its last full HTML: render it fresh if that is stale.
        const p = e.webviewPanel;
        const rebuilt = p.visible && (!this.lastVisible || p.viewColumn !== this.lastColumn);
        this.lastVisible = p.visible;
        this.lastColumn = p.viewColumn;
        if (rebuilt && !this.htmlCurrent) {
          this.needsFullRender = true;
          this.schedule(0);
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.is(e.document.uri) && e.contentChanges.length) {
          this.document = e.document;
          this.schedule();
        }
      }),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (this.is(d.uri)) this.document = d;
      }),
      analysis.onDidChange((uri) => {
        if (!uri || this.is(uri)) this.schedule();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.onEditorScroll(e)),
    );
    void this.render();
  }

  get uri(): vscode.Uri {
    return this.document.uri;
  }

  get visible(): boolean {
    return !this.isDisposed && this.panel.visible;
  }

  get active(): boolean {
    return !this.isDisposed && this.panel.active;
  }

  /** What the webview last reported (undefined until its first render has run, and always without test hooks). */
  get findings(): ReportedFindings | undefined {
    return this.lastReport;
  }

  /** The document's current version. */
  get documentVersion(): number {
    return this.document.version;
  }

  is(uri: vscode.Uri): boolean {
    return uri.toString() === this.document.uri.toString();
  }

  reveal(preserveFocus = true): void {
    this.panel.reveal(undefined, preserveFocus);
  }

  /** Render again after the debounce (0: at once). */
  schedule(delay = DEBOUNCE_MS): void {
    if (this.isDisposed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(), delay);
  }

  private async render(): Promise<void> {
    if (this.isDisposed) return;
    const generation = ++this.generation;
    const document = this.document;
    const version = document.version;
    const length = documentLength(document);
    const limit = previewMaxChars();
    if (length > limit) {
      this.panel.title = previewTitle(document);
      this.panel.webview.html = tooLargePage(length, limit);
      // The next render within the limit replaces this page whole.
      this.needsFullRender = true;
      this.htmlCurrent = true;
      this.shownVersion = version;
      return;
    }
    const allowHtml = this.analysis.allowHtml();
    const full = this.needsFullRender || !this.panel.visible;
    const webview = this.panel.webview;
    const page = full
      ? {
          nonce: newNonce(),
          cspSource: webview.cspSource,
          styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'preview.css')).toString(),
          scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'preview.js')).toString(),
          title: previewTitle(document),
          documentVersion: version,
          reportFindings: this.testHooks,
        }
      : undefined;
    let html;
    try {
      html = await this.analysis.render(document, { page, allowHtml });
    } catch (err) {
      if (generation === this.generation && !this.isDisposed) {
        void vscode.window.showErrorMessage(`Recap preview: cannot render ${basename(document.uri.path)}: ${(err as Error).message}`);
      }
      return;
    }
    // A newer render has started since (or the panel closed, or the document changed): this one is stale.
    if (html === undefined || generation !== this.generation || this.isDisposed) return;
    this.panel.title = previewTitle(document);
    if (full) {
      webview.html = html;
      this.needsFullRender = false;
      this.htmlCurrent = true;
      this.syncScrollOnReport = true;
    } else {
      void webview.postMessage({ type: 'update', html, version });
      this.htmlCurrent = false;
    }
    this.shownVersion = version;
  }

  private onMessage(message: FromWebview): void {
    if (!message || typeof message !== 'object') return;
    switch (message.type) {
      case 'ready':
        if (this.syncScrollOnReport) {
          this.syncScrollOnReport = false;
          const top = this.editor()?.visibleRanges[0]?.start.line;
          if (top) void this.panel.webview.postMessage({ type: 'scrollTo', line: top });
        }
        break;
      case 'findings':
        if (this.testHooks && Array.isArray(message.findings)) {
          this.lastReport = {
            version: typeof message.version === 'number' ? message.version : this.shownVersion,
            findings: message.findings,
            talks: Array.isArray(message.talks) ? message.talks : [],
          };
          this.reported.fire(this.lastReport);
        }
        break;
      case 'reveal':
        if (typeof message.line === 'number') void this.revealLine(message.line);
        break;
      case 'didScroll':
        if (typeof message.line === 'number') this.scrollEditor(message.line);
        break;
    }
  }

  /** A finding was clicked: show its line in the editor, selected. */
  private async revealLine(line: number): Promise<void> {
    const editor = this.editor();
    const target = Math.max(0, Math.min(line, this.document.lineCount - 1));
    const shown = editor
      ? await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false })
      : await vscode.window.showTextDocument(this.document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    const range = shown.document.lineAt(target).range;
    shown.selection = new vscode.Selection(range.start, range.end);
    shown.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** The preview scrolled (by the user): bring the editor's top line along, without echoing back. */
  private scrollEditor(line: number): void {
    const editor = this.editor();
    if (!editor) return;
    const target = Math.max(0, Math.min(line, editor.document.lineCount - 1));
    this.editorScrollMutedUntil = Date.now() + SCROLL_ECHO_MS;
    editor.revealRange(new vscode.Range(target, 0, target, 0), vscode.TextEditorRevealType.AtTop);
  }

  private onEditorScroll(e: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (!this.is(e.textEditor.document.uri) || !this.panel.visible) return;
    if (Date.now() < this.editorScrollMutedUntil) return;
    const top = e.visibleRanges[0]?.start.line;
    if (top !== undefined) void this.panel.webview.postMessage({ type: 'scrollTo', line: top });
  }

  private editor(): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((e) => this.is(e.document.uri));
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    clearTimeout(this.timer);
    this.disposed.fire();
    this.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function previewTitle(document: vscode.TextDocument): string {
  return `Preview ${basename(document.uri.path) || document.uri.toString()}`;
}
