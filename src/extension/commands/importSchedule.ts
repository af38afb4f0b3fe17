import { basename } from 'node:path';
import * as vscode from 'vscode';
import { formatIndexProblem } from '../../core/index/indexProblem';
import { importStats } from '../../core/importers/common';
import { indexFileOutputs } from '../../core/importers/finish';
import { importSchedule } from '../../core/importers/importSchedule';
import { writeFileAtomic } from '../atomicWrite';
import type { Command } from './registry';

/** Arguments tests (and other extensions) pass to skip the dialogs. */
export interface ImportScheduleArgs {
  overwrite?: boolean;
  confirm?: boolean;
}

/**
 * Picks a schedule export, shows what it holds, and writes it as index
 * files under .recap/, one per event: read back with the loader first, written
 * whole or not at all, and never over an existing file without the user's yes.
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
    const targetOf = (name: string) => vscode.Uri.joinPath(folder.uri, '.recap', name);
    const outputs = indexFileOutputs(result, `Recap Writer session index, imported from ${basename(picked.fsPath)} (${result.format}).`, (name) =>
      vscode.workspace.asRelativePath(targetOf(name)),
    );
    const rejected = outputs.flatMap((o) => o.problems);
    if (rejected.length) {
      void vscode.window.showErrorMessage(
        `Recap: the index imported from ${basename(picked.fsPath)} would not load, so nothing was written: ${rejected.slice(0, 3).map(formatIndexProblem).join('; ')}`,
      );
      return undefined;
    }
    const targets = outputs.map((o) => ({ ...o, uri: targetOf(o.name) }));
    if (targets.some((t) => t.uri.toString() === picked.toString())) {
      void vscode.window.showErrorMessage(`Recap: ${basename(picked.fsPath)} would be replaced by its own import; move it out of .recap/ first.`);
      return undefined;
    }
    const shownTargets = targets.map((t) => vscode.workspace.asRelativePath(t.uri)).join(', ');
    const summary = `${basename(picked.fsPath)} (${result.format}): ${stats.events} event${stats.events === 1 ? '' : 's'}, ${stats.sessions} sessions, ${stats.sessionsWithVideo} with video, ${stats.speakers} speakers.`;
    if (!args.confirm) {
      const go = await vscode.window.showInformationMessage(`${summary} Write ${shownTargets}?`, { modal: true }, 'Write');
      if (go !== 'Write') return undefined;
    }
    const existing: vscode.Uri[] = [];
    for (const t of targets) if (await vscode.workspace.fs.stat(t.uri).then(() => true, () => false)) existing.push(t.uri);
    if (existing.length && !args.overwrite) {
      const answer = args.confirm
        ? undefined
        : await vscode.window.showWarningMessage(`${existing.map((u) => vscode.workspace.asRelativePath(u)).join(', ')} exist${existing.length === 1 ? 's' : ''}. Replace?`, { modal: true }, 'Replace');
      if (answer !== 'Replace') return undefined;
    }
    try {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, '.recap'));
      for (const t of targets) await writeFileAtomic(t.uri, new TextEncoder().encode(t.text));
    } catch (err) {
      void vscode.window.showErrorMessage(`Recap: cannot write the imported index (${(err as Error).message}); existing files were left as they were.`);
      return undefined;
    }
    const target = targets[0]!.uri;
    if (result.warnings.length) void vscode.window.showWarningMessage(`Recap: imported with ${result.warnings.length} warning(s); see the Recap Writer log.`);
    if (!args.confirm) await vscode.window.showTextDocument(target);
    return target;
  }
}
