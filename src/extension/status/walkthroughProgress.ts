import * as vscode from 'vscode';
import { isLargeRecap } from '../recapDocuments';
import type { RecapLinter } from '../lint/recapLinter';
import { isRecapLanguage } from '../languages';

/** The context keys the walkthrough's steps complete on (`onContext:` in package.json). */
export const WALKTHROUGH_CONTEXT = {
  /** The active recap names an event the index knows. */
  hasEvent: 'recap.walkthrough.hasEvent',
  /** The active recap lists a talk under `talks:`. */
  hasTalk: 'recap.walkthrough.hasTalk',
  /** The active recap's body references a talk. */
  hasReference: 'recap.walkthrough.hasReference',
  /** The active recap mentions talks, links a video, and has no missing-video finding left. */
  videosLinked: 'recap.walkthrough.videosLinked',
} as const;

type Progress = Record<keyof typeof WALKTHROUGH_CONTEXT, boolean>;

/**
 * Follows the active recap for the "Write your first conference recap"
 * walkthrough: sets its context keys from the same analysis the lint uses, so
 * a step is checked off when the recap really has what it teaches.
 */
export class WalkthroughProgress implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[];
  private timer: NodeJS.Timeout | undefined;
  private last = '';

  constructor(private readonly linter: RecapLinter) {
    this.disposables = [
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule(400);
      }),
      linter.onDidChange(() => this.schedule(0)),
    ];
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delayMs);
  }

  private async update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    // A large recap is no first recap, and checking it here on every change would stall typing.
    if (!document || !isRecapLanguage(document.languageId) || isLargeRecap(document)) return;
    const { parsed, result, isRecap } = await this.linter.analyze(document);
    if (!isRecap) return;
    const talks = result.talks;
    const progress: Progress = {
      hasEvent: result.findings.every((f) => f.code !== 'unknown-event') && parsed.events.some((e) => e.value.trim() !== ''),
      hasTalk: parsed.talks.length > 0,
      hasReference: talks.some((t) => t.mentions.some((m) => m.kind !== 'frontmatter')),
      videosLinked: talks.length > 0 && talks.some((t) => t.video) && !result.findings.some((f) => f.code === 'missing-video'),
    };
    const key = JSON.stringify(progress);
    if (key === this.last) return;
    this.last = key;
    for (const [name, value] of Object.entries(progress)) {
      await vscode.commands.executeCommand('setContext', WALKTHROUGH_CONTEXT[name as keyof Progress], value);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
