import * as vscode from 'vscode';
import type { LintResult } from '../../core/lint/finding';
import { lintRecap, type RuleSetting } from '../../core/lint/lintRecap';
import type { ParsedRecap } from '../../core/recap/parseRecap';
import type { RecapAnalysis } from '../preview/recapAnalysis';
import { documentLength, isLargeRecap, textInSlices, versionOf, type RecapDocuments } from '../recapDocuments';
import type { IndexService, IndexSnapshot } from '../sessionIndex/indexService';
import { settings } from '../settings';
import { LintWorkerClient, type WorkerLintResult } from './lintWorkerClient';
import { answerFor, type Answer, type Want, type WorkerTimings } from './lintWorkerProtocol';
import type { FixAction, FixRequest } from '../../core/lint/fixActions';
import type { PreviewRequest } from '../../core/preview/renderPreview';
import { indexCatalogInSlices } from '../../core/references/indexCatalog';

// Large recaps: checked in a worker thread for the Problems panel; see recapDocuments.ts.

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One document's parse and lint, with the index snapshot they were made against (hover builds its card from it). */
export interface Analysis {
  parsed: ParsedRecap;
  result: LintResult;
  snapshot: IndexSnapshot;
  /** Declared (`event:`, `talks:`, a recaps/ folder) or recognised by the talks it mentions (recognizeRecap.ts): the recap features apply. */
  isRecap: boolean;
}

/** A large recap's check, in ms from its start: the index snapshot ready, the text sent (0 when sent as changes), the answer back. */
export interface LargeCheck {
  snapshotMs: number;
  sentMs: number;
  totalMs: number;
  worker?: WorkerTimings;
}

/** A lint of (part of) a document around a position, and the conversion of its offsets to the document's positions. */
export interface Around {
  result: LintResult;
  snapshot: IndexSnapshot;
  offset: number;
  positionAt(offset: number): vscode.Position;
}

/**
 * Parse and lint of a document, shared by the diagnostics, the code actions,
 * the preview, hover and Go to Definition: computed once per document version
 * and index snapshot.
 */
export class RecapLinter implements RecapAnalysis, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  readonly onDidChange = this.changed.event;
  /** The snapshot of the last analysis (the analyses know its index; hover also needs its search and bundle). */
  private snapshotNow: IndexSnapshot | undefined;
  private readonly disposables: vscode.Disposable[];
  private readonly worker = new LintWorkerClient();
  /** Per large recap: the version the worker last checked. */
  private readonly checked = new Map<string, number>();
  /** Per document: whether its last check (here or in the worker) found it a recap. */
  private readonly verdicts = new Map<string, boolean>();
  private readonly recognized = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a document's last check changes whether it is a recap (it linked or unlinked talks). */
  readonly onDidRecognize = this.recognized.event;
  /** Where the last check of a large recap spent its time (the large-recap measurements read it). */
  lastLargeCheck: LargeCheck | undefined;

  constructor(
    private readonly documents: RecapDocuments,
    private readonly indexService: IndexService,
  ) {
    this.disposables = [
      this.changed,
      this.recognized,
      // An analysis answers for its index and rules (see RecapAnalyses): only the listeners need telling.
      indexService.onDidChange(() => this.changed.fire(undefined)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('recap.lint') || e.affectsConfiguration('recap.recapFiles') || e.affectsConfiguration('recap.preview')) {
          this.changed.fire(undefined);
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        const changes = e.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text }));
        this.worker.record(e.document.uri.toString(), e.document.version, changes);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.verdicts.delete(d.uri.toString());
        this.checked.delete(d.uri.toString());
        this.worker.forget(d.uri.toString());
      }),
    ];
  }

  async analyze(document: vscode.TextDocument): Promise<Analysis> {
    const snapshot = await this.indexService.snapshotAfterCompletions();
    // The first check in an index builds its title and URL catalog: a slice per turn, so the host never waits seconds for it.
    await indexCatalogInSlices(snapshot.index, nextTurn);
    this.snapshotNow = snapshot;
    // Every Markdown document: a post that declares nothing is checked only when it mentions talks clearly enough.
    const { parsed, result, isRecap } = this.documents.analyses.analyze(versionOf(document), {
      index: snapshot.index,
      search: snapshot.search,
      rules: ruleSettings(),
      onlyRecaps: true,
    });
    this.verdict(document.uri, isRecap);
    return { parsed, result, isRecap, snapshot };
  }

  /**
   * The talk mentions hover and Go to Definition read at `position`. A large
   * recap is not parsed and checked whole in the host: its head and the
   * block around the position are (recapDocuments.ts), with offsets that
   * `positionAt` turns into the document's positions.
   */
  async around(document: vscode.TextDocument, position: vscode.Position): Promise<Around | undefined> {
    if (!isLargeRecap(document)) {
      const { isRecap, result, snapshot } = await this.analyze(document);
      return isRecap ? { result, snapshot, offset: document.offsetAt(position), positionAt: (o) => document.positionAt(o) } : undefined;
    }
    const snapshot = await this.indexService.snapshot();
    await indexCatalogInSlices(snapshot.index, nextTurn);
    if (!this.isRecap(document)) return undefined;
    const window = this.documents.aroundCursor(document, position);
    if (!window) return undefined;
    // Recognised by the whole text (the worker's verdict), so its window is checked as a recap.
    const result = lintRecap(window.parsed, { index: snapshot.index, search: snapshot.search, rules: ruleSettings() });
    return { result, snapshot, offset: window.offset, positionAt: window.positionAt };
  }

  /**
   * The findings for the Problems panel. A large recap is parsed and checked
   * in the worker (the host copies its text out in slices once, then sends
   * only the changes, and back comes a list; undefined when it changed meanwhile);
   * others through analyze(), whose result the other features share.
   */
  async findings(document: vscode.TextDocument): Promise<WorkerLintResult | undefined> {
    const hit = this.cached(document);
    if (hit) return { isRecap: hit.isRecap, findings: hit.result.findings };
    if (!isLargeRecap(document)) {
      // No longer checked there: its copy and the changes kept for it go.
      this.worker.forget(document.uri.toString());
      return this.inHost(document);
    }
    return this.inWorker(document);
  }

  /**
   * The code actions asked for, from the same analysis as the findings: a
   * large recap's from the worker, which holds its analysis (nothing is
   * checked whole in the host, not even on Ctrl+.).
   */
  async fixActions(document: vscode.TextDocument, request: FixRequest): Promise<FixAction[]> {
    const answer = await this.answer(document, { kind: 'fixes', request });
    return answer?.kind === 'fixes' ? answer.actions : [];
  }

  /** The version the worker last checked a large recap at (its diagnostics are current when it is the document's). */
  checkedVersion(document: vscode.TextDocument): number | undefined {
    return this.checked.get(document.uri.toString());
  }

  /** The preview's HTML, made where the analysis is (for a large recap, the worker); undefined when the document changed meanwhile. */
  async render(document: vscode.TextDocument, request: PreviewRequest): Promise<string | undefined> {
    const answer = await this.answer(document, { kind: 'preview', request });
    return answer?.kind === 'preview' ? answer.html : undefined;
  }

  /** What `want` asks for, from the analysis here, or, for a large recap, the worker's. */
  private async answer(document: vscode.TextDocument, want: Want): Promise<Answer | undefined> {
    if (isLargeRecap(document)) return (await this.inWorker(document, want))?.answer;
    return (await this.inHost(document, want)).answer;
  }

  private async inHost(document: vscode.TextDocument, want?: Want): Promise<WorkerLintResult> {
    const { isRecap, parsed, result, snapshot } = await this.analyze(document);
    return { isRecap, findings: result.findings, answer: answerFor(want, isRecap, { parsed, result, index: snapshot.index, search: snapshot.search }) };
  }

  /**
   * A large recap, checked in the worker: the host copies its text out in
   * slices once, then sends only the changes, and back comes a list (and what
   * `want` asks for); undefined when it changed meanwhile.
   */
  private async inWorker(document: vscode.TextDocument, want?: Want): Promise<WorkerLintResult | undefined> {
    // Completion there reads the fences above the cursor: read ahead while the worker checks.
    this.documents.warm(document);
    const started = performance.now();
    const snapshot = await this.indexService.snapshotAfterCompletions();
    const key = document.uri.toString();
    try {
      const path = document.uri.fsPath || document.uri.path;
      const at = { key, path, version: document.version, length: documentLength(document) };
      const trace: LargeCheck = { snapshotMs: performance.now() - started, sentMs: 0, totalMs: 0 };
      const whole = async (take: (part: string) => void) => {
        const read = await textInSlices(document, take);
        trace.sentMs = performance.now() - started;
        return read;
      };
      const found = await this.worker.lint(at, whole, snapshot, settings.recapFiles(), ruleSettings(), want);
      if (found) {
        this.verdict(document.uri, found.isRecap);
        this.checked.set(key, at.version);
        this.lastLargeCheck = { ...trace, totalMs: performance.now() - started, worker: found.timings };
      }
      return found;
    } catch {
      // The worker could not start or stopped: checked here instead, slower but never missing.
      return this.inHost(document, want);
    }
  }

  /**
   * Whether the recap features apply, answered at once (completion's
   * auto-trigger, the status item): declared in the frontmatter or by its
   * folder, or found a recap by the document's last check (one version old
   * at most while typing; false before its first check).
   */
  isRecap(document: vscode.TextDocument): boolean {
    return this.documents.frontmatterOf(document).isRecap || this.verdicts.get(document.uri.toString()) === true;
  }

  /** As isRecap, but a document not checked yet is checked first (a large one is left to the worker: false until it answers). */
  async recognize(document: vscode.TextDocument): Promise<boolean> {
    if (this.documents.frontmatterOf(document).isRecap) return true;
    const known = this.verdicts.get(document.uri.toString());
    if (known !== undefined || isLargeRecap(document)) return known === true;
    return (await this.analyze(document)).isRecap;
  }

  private verdict(uri: vscode.Uri, isRecap: boolean): void {
    const key = uri.toString();
    if (this.verdicts.get(key) === isRecap) return;
    this.verdicts.set(key, isRecap);
    this.recognized.fire(uri);
  }

  /** The last result for exactly this version, without computing one. */
  cached(document: vscode.TextDocument): Analysis | undefined {
    const snapshot = this.snapshotNow;
    // Only an answer for the current index and rules (a settings change must not show old findings).
    const hit = snapshot && this.documents.analyses.cached(document.uri.toString(), document.version, { index: snapshot.index, rules: ruleSettings() });
    return hit && snapshot ? { parsed: hit.parsed, result: hit.result, isRecap: hit.isRecap, snapshot } : undefined;
  }

  allowHtml(): boolean {
    return vscode.workspace.getConfiguration('recap.preview').get<boolean>('allowHtml') === true;
  }

  dispose(): void {
    this.worker.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** `recap.lint.rules`: rule id → severity or "off"; anything else is ignored (and the rule keeps its default). */
function ruleSettings(): Record<string, RuleSetting> {
  const raw = vscode.workspace.getConfiguration('recap.lint').get<Record<string, unknown>>('rules') ?? {};
  const out: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(raw)) if (typeof value === 'string' && SEVERITIES.has(value)) out[id] = value as RuleSetting;
  return out;
}
