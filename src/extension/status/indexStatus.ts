import * as vscode from 'vscode';
import type { RecapLinter } from '../lint/recapLinter';
import type { RecapDocuments } from '../recapDocuments';
import type { IndexService, IndexSnapshot } from '../sessionIndex/indexService';
import { isRecapLanguage } from '../languages';

/** What the status item shows (tests read it through the extension's API in ExtensionMode.Test). */
export interface IndexStatusState {
  text: string;
  detail: string | undefined;
  severity: vscode.LanguageStatusSeverity;
  busy: boolean;
  command: string | undefined;
  /** The documents the item is shown for (one entry per open recap). */
  selector: vscode.DocumentSelector;
}

const GLOB_SPECIAL = /[[\]{}*?]/g;

/**
 * The "Recap index" language status item, shown beside the language mode of
 * recaps only: "loading…" (busy) while the session index loads, then how many
 * sessions and events it holds, or — with a Warning — how many problems the
 * workspace index files have. Its command shows the index statistics.
 *
 * A document selector cannot say "Markdown whose frontmatter has event:", so
 * the selector lists the open documents that are recaps (declared in their
 * frontmatter or folder, or recognised by the talks they mention: see
 * RecapLinter.isRecap) and is updated as documents open, change, close and
 * are recognised.
 */
export class IndexStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly disposables: vscode.Disposable[] = [];
  private snapshot: IndexSnapshot | undefined;
  private loading: Promise<void> | undefined;
  private selectorKey = '';
  private selectorTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly documents: RecapDocuments,
    private readonly index: IndexService,
    /** Posts that declare nothing are recaps when their last check recognised them. */
    private readonly linter: Pick<RecapLinter, 'isRecap' | 'onDidRecognize'>,
  ) {
    this.item = vscode.languages.createLanguageStatusItem('recap.indexStatus', []);
    this.item.name = 'Recap index';
    this.item.command = { title: 'Statistics', command: 'recap.showIndexStatistics', tooltip: 'Show the session index statistics' };
    this.disposables.push(
      this.item,
      index.onDidChange((s) => {
        this.snapshot = s;
        this.update();
      }),
      vscode.workspace.onDidOpenTextDocument(() => this.scheduleSelector(0)),
      linter.onDidRecognize(() => this.scheduleSelector(0)),
      vscode.workspace.onDidCloseTextDocument(() => this.scheduleSelector(0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isRecapLanguage(e.document.languageId)) this.scheduleSelector(300);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('recap.recapFiles')) this.scheduleSelector(0);
      }),
    );
    this.updateSelector();
    this.update();
  }

  /** The item's current state. */
  get state(): IndexStatusState {
    const { text, detail, severity, busy, command, selector } = this.item;
    return { text, detail, severity, busy, command: command?.command, selector };
  }

  private scheduleSelector(delayMs: number): void {
    clearTimeout(this.selectorTimer);
    this.selectorTimer = setTimeout(() => this.updateSelector(), delayMs);
  }

  /** Shows the item for every open recap, and starts loading the index once there is one (the lint loads it then anyway). */
  private updateSelector(): void {
    const selectors: vscode.DocumentFilter[] = [];
    for (const document of vscode.workspace.textDocuments) {
      if (!isRecapLanguage(document.languageId) || document.uri.scheme === 'output' || document.isClosed) continue;
      if (!this.documents.frontmatterOf(document).isRecap && !this.linter.isRecap(document)) continue;
      selectors.push(
        document.uri.scheme === 'file'
          ? { language: document.languageId, pattern: globFor(document.uri) }
          : { language: document.languageId, scheme: document.uri.scheme },
      );
    }
    const key = JSON.stringify(selectors);
    if (key !== this.selectorKey) {
      this.selectorKey = key;
      this.item.selector = selectors;
    }
    if (selectors.length > 0) this.load();
  }

  private load(): void {
    this.loading ??= this.index.snapshot().then(
      (s) => {
        this.snapshot ??= s;
        this.update();
      },
      () => {
        this.loading = undefined;
      },
    );
  }

  private update(): void {
    const item = this.item;
    const s = this.snapshot;
    if (!s) {
      item.text = 'Recap index: loading…';
      item.detail = 'the bundled session index and your index files';
      item.severity = vscode.LanguageStatusSeverity.Information;
      item.busy = true;
      return;
    }
    item.busy = false;
    const stats = s.index.stats();
    const problems = this.index.problemCounts();
    const counts = `${stats.sessions.toLocaleString('en-US')} sessions · ${stats.events.toLocaleString('en-US')} events`;
    if (problems.count > 0) {
      item.text = `${problems.count} ${problems.count === 1 ? 'problem' : 'problems'} in index files`;
      item.detail = `${counts}; ${problems.files} index ${problems.files === 1 ? 'file' : 'files'} with problems (Problems panel)`;
      item.severity = vscode.LanguageStatusSeverity.Warning;
    } else {
      item.text = counts;
      item.detail = `Recap index: ${stats.sessionsWithVideo.toLocaleString('en-US')} with video; ${stats.workspaceFiles} workspace index ${stats.workspaceFiles === 1 ? 'file' : 'files'}`;
      item.severity = vscode.LanguageStatusSeverity.Information;
    }
  }

  dispose(): void {
    clearTimeout(this.selectorTimer);
    for (const d of this.disposables) d.dispose();
  }
}

/** A glob that matches exactly this file (glob characters in the path taken literally). */
function globFor(uri: vscode.Uri): vscode.GlobPattern {
  const slash = uri.path.lastIndexOf('/');
  const base = uri.with({ path: uri.path.slice(0, slash) || '/' });
  return new vscode.RelativePattern(
    base,
    uri.path.slice(slash + 1).replace(GLOB_SPECIAL, (c) => `[${c}]`),
  );
}
