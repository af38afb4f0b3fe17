import { basename } from 'node:path';
import * as vscode from 'vscode';
import { writeIndexFile } from '../../core/index/writeIndexFile';
import { importStats } from '../../core/importers/common';
import { importSchedule } from '../../core/importers/importSchedule';
import type { Command } from './registry';

/** Arguments tests (and other extensions) pass to skip the dialogs. */
export interface ImportScheduleArgs {
  overwrite?: boolean;
  confirm?: boolean;
}

/**
 * Picks a schedule export, shows what it holds, and writes it as an index
 * file under .recap/ (never over an existing file without the user's yes).
 */
export class ImportScheduleCommand implements Command {
  readonly id = 'recap.importSchedule';

  async execute(source?: vscode.Uri, args: ImportScheduleArgs = {}): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showErrorMessage('Recap: open a folder first; the imported index is written to its .recap/ folder.');
      return undefined;
    }
    const picked =
      source ??
      (
        await vscode.window.showOpenDialog({
          title: 'Import a schedule export',
          canSelectMany: false,
          filters: { Schedules: ['xml', 'json', 'ics'], 'All files': ['*'] },
        })
      )?.[0];
    if (!picked) return undefined;
    let result;
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(picked));
      result = importSchedule(text, { fileName: basename(picked.fsPath) });
    } catch (err) {
      void vscode.window.showErrorMessage(`Recap: cannot import ${basename(picked.fsPath)}: ${(err as Error).message}`);
      return undefined;
    }
    const stats = importStats(result.files);
    const file = result.files[0]!;
    const target = vscode.Uri.joinPath(folder.uri, '.recap', `${file.event.id}.yaml`);
    const summary = `${basename(picked.fsPath)} (${result.format}): ${stats.events} event, ${stats.sessions} sessions, ${stats.sessionsWithVideo} with video, ${stats.speakers} speakers.`;
    if (!args.confirm) {
      const go = await vscode.window.showInformationMessage(`${summary} Write ${vscode.workspace.asRelativePath(target)}?`, { modal: true }, 'Write');
      if (go !== 'Write') return undefined;
    }
    const exists = await vscode.workspace.fs.stat(target).then(() => true, () => false);
    if (exists && !args.overwrite) {
      const answer = args.confirm
        ? undefined
        : await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(target)} exists. Replace it?`, { modal: true }, 'Replace');
      if (answer !== 'Replace') return undefined;
    }
    const text = writeIndexFile(file, `Recap Writer session index, imported from ${basename(picked.fsPath)} (${result.format}).`);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    if (result.warnings.length) void vscode.window.showWarningMessage(`Recap: imported with ${result.warnings.length} warning(s); see the Recap Writer log.`);
    if (!args.confirm) await vscode.window.showTextDocument(target);
    return target;
  }
}
