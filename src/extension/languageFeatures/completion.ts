import * as vscode from 'vscode';
import { completeAt, type CompletionEntry, type CompletionKind } from '../../core/completion/completions';
import type { IndexService } from '../sessionIndex/indexService';
import type { RecapLinter } from '../lint/recapLinter';
import type { CursorParse, RecapDocuments } from '../recapDocuments';
import { settings } from '../settings';

const KINDS: Record<CompletionKind, vscode.CompletionItemKind> = {
  event: vscode.CompletionItemKind.Module,
  talk: vscode.CompletionItemKind.Snippet,
  'talk-id': vscode.CompletionItemKind.Reference,
  speaker: vscode.CompletionItemKind.User,
  reference: vscode.CompletionItemKind.Reference,
};

/**
 * Frontmatter values (event, talks entries, ids, speakers) and body
 * references (`@@`). Trigger characters make it work with Markdown's default
 * of no quick suggestions; lists the search filtered are marked incomplete so
 * VS Code asks again as the user types.
 */
export class RecapCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['@', ' ', ':', '-'];
  /** How long the last request took inside the provider (parse, search, items), for the e2e report. */
  lastRequestMs = 0;
  /** When (performance.now()) the last answered request arrived and was answered: the wait for the index is the difference less lastRequestMs. */
  lastRequestTimes = { arrived: 0, answered: 0 };
  /** How many requests returned a list, so a test driving the suggest widget knows when its list has arrived. */
  answered = 0;

  constructor(
    private readonly documents: RecapDocuments,
    private readonly indexService: IndexService,
    /** A post that declares nothing is a recap when its last check recognised it (see RecapLinter.recognize). */
    private readonly linter: Pick<RecapLinter, 'recognize'>,
  ) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.CompletionList | undefined> {
    const arrived = performance.now();
    // The first completions of a session do not wait for the search for the workspace's index files.
    const { index, search } = await this.indexService.earliest();
    if (token.isCancellationRequested) return undefined;
    const started = performance.now();
    // For a large recap, a parse of part of the document: its offsets convert through `at` (see atCursor).
    const at = this.documents.atCursor(document, position);
    const { parsed } = at;
    const recognized = !parsed.isRecap && (await this.linter.recognize(document));
    if ((!parsed.isRecap && !recognized) || token.isCancellationRequested) return undefined;
    const addToTalks = settings.addToTalks();
    const list = completeAt(parsed, at.offset, {
      index,
      search,
      trigger: settings.trigger(),
      recognized,
      referenceTemplate: settings.referenceTemplate(),
      addToTalks: addToTalks === 'always',
    });
    if (list.items.length === 0) return undefined;
    const items = list.items.map((entry) =>
      this.toItem(
        document,
        at,
        entry,
        addToTalks === 'ask',
        parsed.talks.some((t) => t.id?.value === entry.talk),
      ),
    );
    const answered = performance.now();
    this.lastRequestMs = answered - started;
    this.lastRequestTimes = { arrived, answered };
    this.answered++;
    return new vscode.CompletionList(items, list.isIncomplete);
  }

  private toItem(document: vscode.TextDocument, at: CursorParse, entry: CompletionEntry, ask: boolean, listed: boolean): vscode.CompletionItem {
    const item = new vscode.CompletionItem({ label: entry.label, description: entry.description }, KINDS[entry.kind]);
    item.detail = entry.detail;
    // Index data is untrusted: no command links, no HTML (the core escapes it and emits http(s) links only).
    const documentation = new vscode.MarkdownString(entry.documentation);
    documentation.isTrusted = false;
    documentation.supportHtml = false;
    item.documentation = documentation;
    item.insertText = entry.insertText;
    // The core writes every line at its exact column (YAML needs spaces, never tabs); VS Code would
    // otherwise re-indent the lines after the first to the cursor line and turn spaces into tabs.
    item.keepWhitespace = true;
    item.range = new vscode.Range(at.positionAt(entry.replace.start), at.positionAt(entry.replace.end));
    item.filterText = entry.filterText;
    item.sortText = entry.sortText;
    item.additionalTextEdits = entry.additionalEdits.map((e) => new vscode.TextEdit(new vscode.Range(at.positionAt(e.start), at.positionAt(e.end)), e.newText));
    if (entry.kind === 'reference' && ask && entry.talk && !listed) {
      item.command = { command: 'recap.offerToAddTalk', title: 'Add to talks:', arguments: [document.uri, entry.talk] };
    }
    return item;
  }
}
