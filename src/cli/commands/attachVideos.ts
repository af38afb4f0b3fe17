import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyVideos, attachReportJson, attachVideos, formatAttachReport } from '../../core/attach/attachVideos';
import { RecordingSourceError, recordingsFromFile, recordingsFromPyvideo, type Recording } from '../../core/attach/recordingSources';
import { formatIndexProblem } from '../../core/index/indexProblem';
import { loadIndexFile } from '../../core/index/loadIndexFile';
import { ImportError } from '../../core/importers/types';
import { isFolder, parseCliArgs, readInput, UsageError, type CliCommand, type CliIo } from '../io';
import { readPyvideoFolder } from '../pyvideoFolder';
import { refuseOutput, writeErrorMessage, writeFileAtomic } from '../writeOutput';

const HELP = `Usage: recap attach-videos INDEX_FILE --from SOURCE [-o OUT] [--force] [--json]
Attaches recordings to the sessions of an index file. SOURCE is a pyvideo
event folder (category.json and videos/*.json), a YouTube playlist as
\`yt-dlp --flat-playlist -J PLAYLIST > playlist.json\` writes it, or a CSV/TSV
table with a header row naming 'title' and 'url' columns (and optionally
'speakers', names separated by ';').
Each recording is matched to a session by title and speakers; a match below
confidence 0.6, or with another session within 0.1 of it, is reported as
ambiguous and left alone. A session's existing video is replaced only with
--force. The report (matched, ambiguous, unmatched) goes to stdout, as JSON
with --json. Without -o nothing is written (a dry run); with -o the index
file with the videos attached is written to OUT, which may not be INDEX_FILE
itself and is replaced only with --force. Exit 0 when done, 2 on errors.`;

function readSource(io: CliIo, shown: string, path: string): Recording[] | undefined {
  try {
    if (isFolder(path)) {
      const read = readPyvideoFolder(path);
      const folder = read?.folders.length === 1 ? read.folders[0] : undefined;
      if (!read || !folder) {
        io.err(`${shown}: a folder is read as one pyvideo event folder (category.json and videos/*.json); this one is not`);
        return undefined;
      }
      return recordingsFromPyvideo(folder, read.noPublish);
    }
    const text = readInput(io, shown, path);
    return text === undefined ? undefined : recordingsFromFile(text);
  } catch (err) {
    if (err instanceof RecordingSourceError || err instanceof ImportError) {
      io.err(`${shown}: ${err.message}`);
      return undefined;
    }
    throw err;
  }
}

export const attachVideosCommand: CliCommand = {
  summary: 'attach recordings from a pyvideo folder, a yt-dlp playlist or a CSV to an index file',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(args, {
      from: { type: 'string' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('name one index file');
    if (!values.from) throw new UsageError('name the recordings with --from SOURCE');
    const indexShown = positionals[0]!;
    const indexPath = resolve(io.cwd, indexShown);
    const sourcePath = resolve(io.cwd, values.from);
    if (!existsSync(sourcePath)) {
      io.err(`${values.from}: cannot read: ENOENT`);
      return 2;
    }
    const text = readInput(io, indexShown, indexPath);
    if (text === undefined) return 2;
    const loaded = loadIndexFile(indexShown, text);
    const errors = loaded.problems.filter((p) => p.severity === 'error');
    if (!loaded.event || errors.length) {
      for (const p of errors) io.err(formatIndexProblem(p));
      io.err(`${indexShown}: fix the index file's errors first; nothing attached`);
      return 2;
    }
    const recordings = readSource(io, values.from, sourcePath);
    if (!recordings) return 2;
    const output = values.output;
    const outPath = output === undefined ? undefined : resolve(io.cwd, output);
    if (output !== undefined && outPath !== undefined) {
      const refusal = refuseOutput(output, outPath, { inputs: [indexPath, sourcePath], force: values.force });
      if (refusal) {
        io.err(refusal);
        return 2;
      }
    }
    const report = attachVideos({ event: loaded.event, sessions: loaded.sessions }, recordings, { force: values.force });
    io.out(values.json ? JSON.stringify(attachReportJson(report), null, 2) : formatAttachReport(report));
    if (output === undefined || outPath === undefined) {
      if (report.changes.size) io.err(`dry run: name an output file with -o OUT to write the ${report.changes.size} video(s)`);
      return 0;
    }
    const updated = applyVideos(text, report.changes);
    const check = loadIndexFile(output, updated).problems.filter((p) => p.severity === 'error');
    if (check.length) {
      for (const p of check) io.err(formatIndexProblem(p));
      io.err(`${output}: the index with the videos attached would not load; nothing written. Please report this with the index file.`);
      return 2;
    }
    try {
      writeFileAtomic(outPath, updated);
    } catch (err) {
      io.err(writeErrorMessage(output, err));
      return 2;
    }
    io.err(`wrote ${output}: ${report.changes.size} video(s) attached`);
    return 0;
  },
};
