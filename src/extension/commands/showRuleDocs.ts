import * as vscode from 'vscode';
import { ruleDocsPath, ruleInfo, ruleInfos } from '../../core/lint/registry';
import type { Command } from './registry';

/** The rule's bundled documentation page (`docs/rules/<id>.md` inside the extension). */
export function ruleDocsUri(extensionUri: vscode.Uri, rule: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, ...ruleDocsPath(rule).split('/'));
}

/**
 * `recap.showRuleDocs`: opens a lint rule's bundled page in VS Code's Markdown
 * preview (offline). Diagnostics link to it with the rule id as argument; from
 * the palette it asks which rule. The page's URI is handed to the preview from
 * here, not embedded in the link, so it is right in remote windows too (a URI
 * inside a `command:` link's arguments is not translated between the window
 * and a remote extension host).
 */
export class ShowRuleDocsCommand implements Command {
  readonly id = 'recap.showRuleDocs';

  constructor(private readonly extensionUri: vscode.Uri) {}

  async execute(rule?: unknown): Promise<vscode.Uri | undefined> {
    let id = typeof rule === 'string' && ruleInfo(rule) ? rule : undefined;
    if (!id) {
      const picked = await vscode.window.showQuickPick(
        ruleInfos().map((r) => ({ label: r.id, description: r.defaultSeverity, detail: r.description })),
        { placeHolder: 'Which lint rule?' },
      );
      id = picked?.label;
    }
    if (!id) return undefined;
    const page = ruleDocsUri(this.extensionUri, id);
    await vscode.commands.executeCommand('markdown.showPreview', page);
    return page;
  }
}

/** A diagnostic's code link: runs `recap.showRuleDocs` for the rule (hover and Problems panel open code links with commands allowed). */
export function ruleDocsTarget(rule: string): vscode.Uri {
  return vscode.Uri.from({ scheme: 'command', path: 'recap.showRuleDocs', query: JSON.stringify([rule]) });
}
