import { basename } from 'node:path';
import * as vscode from 'vscode';
import { formatIndexProblem } from '../../core/index/indexProblem';
import { importStats } from '../../core/importers/common';
import { indexFileOutputs } from '../../core/importers/finish';
import { importSchedule } from '../../core/importers/importSchedule';
import { DownloadError, downloadText, parseHttpUrl } from '../../cli/download';
import { writeFileAtomic } from '../atomicWrite';
import type { Command } from './registry';

/** Arguments tests (and other extensions) pass to skip the dialogs. */
export interface ImportScheduleArgs {
  overwrite?: boolean;
  confirm?: boolean;
  /** An http(s) URL to download the schedule from, instead of asking. */
  url?: string;
}

const FROM_FILE = 'From a File…';
const FROM_URL = 'From a URL…';

/** Asks for the schedule's URL; undefined when the user cancels. */
async function askForUrl(): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Import a schedule from a URL',
    prompt: "The address of a schedule export: pretalx or frab schedule.xml/schedule.json, Sessionize's API (All Data), or an .ics feed (Sched, pretalx)",
    placeHolder: 'https://pretalx.com/democon/schedule/export/schedule.xml',
    ignoreFocusOut: true,
    validateInput: (value) => {
      if (!value.trim()) return undefined;
      try {
        parseHttpUrl(value);
        return undefined;
      } catch (err) {
        return (err as Error).message;
      }
    },
  });
}

/** Downloads `url` with a cancellable progress notification; the text and a file name, or undefined after saying why not. */
async function download(url: string): Promise<{ text: string; fileName: string } | undefined> {
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Recap: downloading ${url}`, cancellable: true },
      async (_progress, token) => {
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort());
        try {
          return await downloadText(url, { signal: controller.signal });
        } finally {
          subscription.dispose();
        }
      },
    );
  } catch (err) {
    const why = err instanceof DownloadError ? err.message : `cannot download ${url}: ${(err as Error).message}`;
    void vscode.window.showErrorMessage(`Recap: ${why} Nothing was written.`);
    return undefined;
  }
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
    let url = args.url ?? (source && (source.scheme === 'http' || source.scheme === 'https') ? source.toString(true) : undefined);
    if (!source && !url) {
      const how = await vscode.window.showQuickPick(
        [
          { label: FROM_FILE, detail: 'a schedule.xml, schedule.json, Sessionize JSON or .ics file on disk' },
          { label: FROM_URL, detail: "download it: pretalx/frab schedule.xml or .json, Sessionize's API, an .ics feed" },
        ],
        { title: 'Import a schedule export' },
      );
      if (!how) return undefined;
      if (how.label === FROM_URL) {
        url = (await askForUrl())?.trim();
        if (!url) return undefined;
      }
    }
    // A URL is downloaded whole before anything is imported or written; a failed download writes nothing.
    let picked: vscode.Uri | undefined;
    let name: string;
    let text: string;
    if (url) {
      const got = await download(url);
      if (!got) return undefined;
      text = got.text;
      name = got.fileName;
    } else {
      picked =
        source ??
        (
          await vscode.window.showOpenDialog({
            title: 'Import a schedule export',
            canSelectMany: false,
            filters: { Schedules: ['xml', 'json', 'ics'], 'All files': ['*'] },
          })
        )?.[0];
      if (!picked) return undefined;
      name = basename(picked.fsPath);
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(picked));
      } catch (err) {
        void vscode.window.showErrorMessage(`Recap: cannot import ${name}: ${(err as Error).message}`);
        return undefined;
      }
    }
    const shownSource = url ?? name;
    let result;
    try {
      result = importSchedule(text, { fileName: name });
    } catch (err) {
      void vscode.window.showErrorMessage(`Recap: cannot import ${shownSource}: ${(err as Error).message}`);
      return undefined;
    }
    const stats = importStats(result.files);
    const targetOf = (name: string) => vscode.Uri.joinPath(folder.uri, '.recap', name);
    const outputs = indexFileOutputs(result, `Recap Writer session index, imported from ${shownSource} (${result.format}).`, (name) =>
      vscode.workspace.asRelativePath(targetOf(name)),
    );
    const rejected = outputs.flatMap((o) => o.problems);
    if (rejected.length) {
      void vscode.window.showErrorMessage(
        `Recap: the index imported from ${shownSource} would not load, so nothing was written: ${rejected.slice(0, 3).map(formatIndexProblem).join('; ')}`,
      );
      return undefined;
    }
    const targets = outputs.map((o) => ({ ...o, uri: targetOf(o.name) }));
    if (picked && targets.some((t) => t.uri.toString() === picked.toString())) {
      void vscode.window.showErrorMessage(`Recap: ${name} would be replaced by its own import; move it out of .recap/ first.`);
      return undefined;
    }
    const shownTargets = targets.map((t) => vscode.workspace.asRelativePath(t.uri)).join(', ');
    const summary = `${shownSource} (${result.format}): ${stats.events} event${stats.events === 1 ? '' : 's'}, ${stats.sessions} sessions, ${stats.sessionsWithVideo} with video, ${stats.speakers} speakers.`;
    if (!args.confirm) {
      const go = await vscode.window.showInformationMessage(`${summary} Write ${shownTargets}?`, { modal: true }, 'Write');
      if (go !== 'Write') return undefined;
    }
    const existing: vscode.Uri[] = [];
    for (const t of targets)
      if (
        await vscode.workspace.fs.stat(t.uri).then(
          () => true,
          () => false,
        )
      )
        existing.push(t.uri);
    if (existing.length && !args.overwrite) {
      const answer = args.confirm
        ? undefined
        : await vscode.window.showWarningMessage(
            `${existing.map((u) => vscode.workspace.asRelativePath(u)).join(', ')} exist${existing.length === 1 ? 's' : ''}. Replace?`,
            { modal: true },
            'Replace',
          );
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
