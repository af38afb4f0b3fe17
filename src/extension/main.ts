import * as vscode from 'vscode';
import { CORE_VERSION } from '../core/version';
import { summarizeRecap, type RecapSummary } from '../core/recap/inspect';
import { parseRecap } from '../core/recap/parseRecap';
import { settings } from './settings';
import { registerCommands } from './commands/registry';
import { NewRecapCommand } from './commands/newRecap';
import { ImportScheduleCommand } from './commands/importSchedule';
import { AttachRecordingsCommand } from './commands/attachRecordings';
import { ShowIndexStatisticsCommand } from './commands/showIndexStatistics';
import { IndexService, type IndexSnapshot } from './sessionIndex/indexService';
import { InsertTalkReferenceCommand } from './commands/insertTalkReference';
import { OfferToAddTalkCommand } from './commands/offerToAddTalk';
import { CompletionAutoTrigger } from './languageFeatures/autoTrigger';
import { RecapCompletionProvider } from './languageFeatures/completion';
import { RecapDefinitionProvider } from './languageFeatures/definition';
import { RecapHoverProvider } from './languageFeatures/hover';
import { RecapDocuments } from './recapDocuments';
import { RecapCodeActions } from './lint/codeActions';
import { RecapDiagnostics } from './lint/diagnostics';
import { RecapLinter, type LargeCheck } from './lint/recapLinter';
import { RecapPreviewManager } from './preview/previewManager';
import { OpenPreviewToSideCommand } from './commands/openPreviewToSide';
import { PreviewFindingsCommand } from './commands/previewFindings';
import { ShowRuleDocsCommand } from './commands/showRuleDocs';
import { IndexStatus, type IndexStatusState } from './status/indexStatus';
import { WalkthroughProgress } from './status/walkthroughProgress';
import { RECAP_SELECTOR } from './languages';

const loadedAt = performance.now();

/** What `activate` returns: lets tests (and other extensions) reach the same core the CLI uses. */
export interface RecapWriterApi {
  coreVersion: string;
  /** Milliseconds spent in `activate` itself. */
  activationMs: number;
  /** Milliseconds from this module's load to the end of `activate` (includes VS Code's own set-up between the two). */
  sinceLoadMs: number;
  summarize(path: string, text: string): RecapSummary;
  /** The session index and its search (loaded on first call). */
  index(): Promise<IndexSnapshot>;
  onDidChangeIndex: vscode.Event<IndexSnapshot>;
  /** Milliseconds the last completion request spent in the provider (parse, search, items). */
  lastCompletionMs(): number;
  /** When (performance.now() in the extension host) the last answered completion request reached the provider and was answered. */
  lastCompletionTimes(): { arrived: number; answered: number };
  /** Milliseconds the last search for workspace index files (and their reading) took. */
  indexScanMs(): number;
  /** ExtensionMode.Test only: what the "Recap index" language status item shows. */
  indexStatus?: () => IndexStatusState;
  /** ExtensionMode.Test only: where the last check of a large recap spent its time. */
  lastLargeCheck?: () => LargeCheck | undefined;
  /** ExtensionMode.Test only: whether the host's own analyses hold an analysis of this document (a large recap's never should). */
  analyzedInHost?: (uri: vscode.Uri) => boolean;
  /** How many completion requests have returned items so far. */
  completionsAnswered(): number;
}

export function activate(context: vscode.ExtensionContext): RecapWriterApi {
  const activateStarted = performance.now();
  const output = vscode.window.createOutputChannel('Recap Writer', { log: true });
  context.subscriptions.push(output);
  const indexService = new IndexService(vscode.Uri.joinPath(context.extensionUri, 'data', 'bundled', 'index.bin').fsPath, output);
  context.subscriptions.push(indexService);
  const documents = new RecapDocuments();
  context.subscriptions.push(documents);
  const offerToAddTalk = new OfferToAddTalkCommand(documents, indexService);
  const linter = new RecapLinter(documents, indexService);
  // Test hooks (the preview's findings report, recap.preview.findings) exist only when VS Code runs the extension's tests.
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  const previews = new RecapPreviewManager(context.extensionUri, linter, testMode);
  context.subscriptions.push(linter, previews);
  registerCommands(context, [
    new NewRecapCommand(),
    new ImportScheduleCommand(),
    new AttachRecordingsCommand(output),
    new ShowIndexStatisticsCommand(indexService, output),
    new InsertTalkReferenceCommand(documents, indexService, offerToAddTalk),
    offerToAddTalk,
    new OpenPreviewToSideCommand(previews),
    new ShowRuleDocsCommand(context.extensionUri),
    ...(testMode ? [new PreviewFindingsCommand(previews)] : []),
  ]);
  const markdown = RECAP_SELECTOR;
  const completion = new RecapCompletionProvider(documents, indexService, linter);
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(markdown, completion, ...RecapCompletionProvider.triggerCharacters),
    vscode.languages.registerHoverProvider(markdown, new RecapHoverProvider(linter)),
    vscode.languages.registerDefinitionProvider(markdown, new RecapDefinitionProvider(linter)),
    new CompletionAutoTrigger(documents, linter),
  );
  context.subscriptions.push(
    new RecapDiagnostics(linter),
    vscode.languages.registerCodeActionsProvider(markdown, new RecapCodeActions(linter), RecapCodeActions.metadata),
  );
  const indexStatus = new IndexStatus(documents, indexService, linter);
  context.subscriptions.push(indexStatus, new WalkthroughProgress(linter));
  const done = performance.now();
  const activationMs = done - activateStarted;
  const sinceLoadMs = done - loadedAt;
  output.info(`Recap Writer ${CORE_VERSION} activated in ${activationMs.toFixed(1)} ms (${sinceLoadMs.toFixed(1)} ms since the bundle loaded)`);
  return {
    coreVersion: CORE_VERSION,
    activationMs,
    sinceLoadMs,
    summarize: (path, text) => summarizeRecap(parseRecap(path, text, settings.recapFiles())),
    index: () => indexService.snapshot(),
    onDidChangeIndex: indexService.onDidChange,
    lastCompletionMs: () => completion.lastRequestMs,
    lastCompletionTimes: () => completion.lastRequestTimes,
    indexScanMs: () => indexService.scanMs,
    ...(testMode
      ? {
          indexStatus: () => indexStatus.state,
          lastLargeCheck: () => linter.lastLargeCheck,
          analyzedInHost: (uri: vscode.Uri) => documents.analyses.has(uri.toString()),
        }
      : {}),
    completionsAnswered: () => completion.answered,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
