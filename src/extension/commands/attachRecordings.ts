import * as vscode from 'vscode';
import { applyVideos, attachVideos, formatAttachReport, type AttachReport } from '../../core/attach/attachVideos';
import { recordingsFromFile, recordingsFromPyvideo, type Recording } from '../../core/attach/recordingSources';
import type { PyvideoFolder } from '../../core/importers/pyvideo';
import { formatIndexProblem } from '../../core/index/indexProblem';
import { loadIndexFile } from '../../core/index/loadIndexFile';
import { writeFileAtomic } from '../atomicWrite';
import type { Command } from './registry';

/** Arguments tests pass to skip the dialogs. */
export interface AttachRecordingsArgs {
  index?: vscode.Uri;
  source?: vscode.Uri;
  /** Replace sessions' existing videos. */
  force?: boolean;
  /** Write without asking. */
  confirm?: boolean;
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const name = (uri: vscode.Uri) => uri.path.replace(/^.*\//, '');

/**
 * Matches the recordings of a pyvideo event folder, a yt-dlp playlist
 * (`yt-dlp --flat-playlist -J`) or a CSV/TSV table to the sessions of an index
 * file, logs the report (matched, ambiguous, unmatched), and after the user's
 * yes writes the videos into the index file in place, whole or not at all.
 * Existing videos are replaced only when the user chooses to.
 */
export class AttachRecordingsCommand implements Command {
  readonly id = 'recap.attachRecordings';

  constructor(private readonly log: vscode.LogOutputChannel) {}

  async execute(args: AttachRecordingsArgs = {}): Promise<AttachReport | undefined> {
    const active = vscode.window.activeTextEditor?.document;
    const index =
      args.index ??
      (active && /\.(?:ya?ml|json)$/i.test(active.uri.path) ? active.uri : undefined) ??
      (
        await vscode.window.showOpenDialog({
          title: 'The index file to attach recordings to',
          canSelectMany: false,
          filters: { 'Index files': ['yaml', 'yml', 'json'] },
        })
      )?.[0];
    if (!index) return undefined;
    const source =
      args.source ??
      (
        await vscode.window.showOpenDialog({
          title: 'Recordings: a pyvideo event folder, a yt-dlp playlist (.json) or a CSV/TSV with title and url columns',
          canSelectMany: false,
          canSelectFiles: true,
          canSelectFolders: true,
          filters: { Recordings: ['json', 'csv', 'tsv', 'txt'], 'All files': ['*'] },
        })
      )?.[0];
    if (!source) return undefined;
    let text: string;
    let recordings: Recording[];
    try {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === index.toString());
      if (open?.isDirty) {
        void vscode.window.showErrorMessage(`Recap: save ${name(index)} first; the recordings are attached to the file on disk.`);
        return undefined;
      }
      text = decode(await vscode.workspace.fs.readFile(index));
      recordings = await readRecordings(source);
    } catch (err) {
      void vscode.window.showErrorMessage(`Recap: cannot attach recordings: ${(err as Error).message}`);
      return undefined;
    }
    const loaded = loadIndexFile(vscode.workspace.asRelativePath(index), text);
    const errors = loaded.problems.filter((p) => p.severity === 'error');
    if (!loaded.event || errors.length) {
      void vscode.window.showErrorMessage(`Recap: fix ${name(index)}'s errors first: ${errors.slice(0, 3).map(formatIndexProblem).join('; ')}`);
      return undefined;
    }
    const file = { event: loaded.event, sessions: loaded.sessions };
    let report = attachVideos(file, recordings, { force: args.force });
    this.log.info(
      `Attach recordings from ${vscode.workspace.asRelativePath(source)} to ${vscode.workspace.asRelativePath(index)}:\n${formatAttachReport(report)}`,
    );
    const kept = report.matched.filter((m) => m.status === 'kept').length;
    const summary = `${report.matched.length} of ${recordings.length} recordings matched (${report.changes.size} to attach), ${report.ambiguous.length} ambiguous, ${report.unmatched.length} unmatched; the report is in the Recap Writer log.`;
    if (!args.confirm) {
      const choices = report.changes.size ? ['Attach'] : [];
      if (kept && !args.force) choices.push(`Attach and Replace ${kept}`);
      if (choices.length === 0) {
        void vscode.window.showInformationMessage(`Recap: nothing to attach to ${name(index)}. ${summary}`);
        return report;
      }
      const answer = await vscode.window.showInformationMessage(`${summary} Write them into ${name(index)}?`, { modal: true }, ...choices);
      if (!answer) return report;
      if (answer !== 'Attach') report = attachVideos(file, recordings, { force: true });
    }
    if (report.changes.size === 0) return report;
    const updated = applyVideos(text, report.changes);
    if (loadIndexFile(index.path, updated).problems.some((p) => p.severity === 'error')) {
      void vscode.window.showErrorMessage(`Recap: ${name(index)} with the videos attached would not load; nothing was written.`);
      return report;
    }
    try {
      await writeFileAtomic(index, new TextEncoder().encode(updated));
    } catch (err) {
      void vscode.window.showErrorMessage(`Recap: cannot write ${name(index)} (${(err as Error).message}); it was left as it was.`);
      return undefined;
    }
    if (!args.confirm) void vscode.window.showInformationMessage(`Recap: attached ${report.changes.size} recording(s) to ${name(index)}.`);
    return report;
  }
}

async function readRecordings(source: vscode.Uri): Promise<Recording[]> {
  const stat = await vscode.workspace.fs.stat(source);
  if (stat.type & vscode.FileType.Directory) {
    const json = async (uri: vscode.Uri) => JSON.parse(decode(await vscode.workspace.fs.readFile(uri))) as unknown;
    const videos = vscode.Uri.joinPath(source, 'videos');
    const entries = await vscode.workspace.fs.readDirectory(videos).then(
      (e) => e,
      () => [] as [string, vscode.FileType][],
    );
    const files = entries
      .filter(([n, t]) => t & vscode.FileType.File && n.endsWith('.json'))
      .map(([n]) => n)
      .sort();
    if (files.length === 0) throw new Error(`${name(source)} is not a pyvideo event folder (category.json and videos/*.json)`);
    const folder: PyvideoFolder = {
      folder: name(source),
      category: await json(vscode.Uri.joinPath(source, 'category.json')).catch(() => undefined),
      videos: await Promise.all(files.map(async (n) => ({ file: `videos/${n}`, data: await json(vscode.Uri.joinPath(videos, n)) }))),
    };
    // pyvideo keeps the list of talks never to publish beside the event folders, as the CLI reads it.
    const noPublish = await json(vscode.Uri.joinPath(source, '..', 'NO_PUBLISH.json')).catch(() => undefined);
    return recordingsFromPyvideo(folder, noPublish);
  }
  return recordingsFromFile(decode(await vscode.workspace.fs.readFile(source)));
}
