import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { formatIndexProblem } from '../../core/index/indexProblem';
import { importStats } from '../../core/importers/common';
import { finishImport, indexFileOutputs } from '../../core/importers/finish';
import { importSchedule, parseFormat } from '../../core/importers/importSchedule';
import { importPyvideo } from '../../core/importers/pyvideo';
import { ImportError, type ImportResult } from '../../core/importers/types';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, DownloadError, downloadText, looksLikeUrl } from '../download';
import { isFolder, parseCliArgs, readInput, UsageError, type CliCommand } from '../io';
import { readPyvideoFolder } from '../pyvideoFolder';
import { refuseOutput, writeErrorMessage, writeFileAtomic } from '../writeOutput';

const HELP = `Usage: recap import FILE|FOLDER|URL [--format frab-xml|frab-json|sessionize|ical] [--event-id ID] [-o OUT|-o DIR/] [--force]
                   [--timeout SECONDS] [--max-size MB]
Turns a schedule export into a Recap Writer index file (YAML). The format is
detected from the content unless --format is given. An http(s) URL is
downloaded first (pretalx/frab schedule.xml or schedule.json, Sessionize's API,
an .ics feed): at most ${DEFAULT_MAX_BYTES / 1024 / 1024} MB (--max-size), within ${DEFAULT_TIMEOUT_MS / 1000} s (--timeout),
following at most 5 redirects; a failed download writes nothing. The event id
comes from the URL's last path segment unless --event-id is given. A FOLDER is read as
pyvideo data: one event folder (category.json and videos/*.json, the folder's
name becomes the event id) or the whole pyvideo tree (one event per folder,
never a talk on its NO_PUBLISH list). Without -o the index goes
to stdout; an existing OUT is kept unless --force. A schedule holding several
events (an .ics with several calendars) gives one index file per event: name
a folder with -o DIR/ and each is written there as <event id>.yaml.
What is written is first read back with the loader the extension uses; an
index it would reject is not written (exit 2). Files are written whole or not
at all: a failed write leaves OUT as it was.`;

function importPyvideoFolder(shown: string, path: string, eventId: string | undefined): ImportResult {
  const read = readPyvideoFolder(path);
  if (!read)
    throw new ImportError('a folder is read as pyvideo data: an event folder with category.json and videos/*.json, or a folder of them; this one is neither');
  return finishImport(importPyvideo(read.folders, { noPublish: read.noPublish, eventId, fileName: basename(shown) }));
}

export const importCommand: CliCommand = {
  summary: 'turn a schedule export (frab XML/JSON, pretalx, Sessionize, iCalendar) into an index file',
  help: HELP,
  async run(args, io) {
    const parsed = parseCliArgs(args, {
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'event-id': { type: 'string' },
      force: { type: 'boolean' },
      timeout: { type: 'string' },
      'max-size': { type: 'string' },
    });
    const { values, positionals } = parsed;
    if (positionals.length !== 1) throw new UsageError('name one schedule file or URL');
    const file = positionals[0]!;
    const remote = looksLikeUrl(file);
    const positive = (name: string, value: string | undefined) => {
      if (value === undefined) return undefined;
      const n = Number(value);
      if (!(n > 0)) throw new UsageError(`--${name} takes a positive number, not '${value}'`);
      return n;
    };
    const timeout = positive('timeout', values.timeout);
    const maxSize = positive('max-size', values['max-size']);
    const input = resolve(io.cwd, file);
    const pyvideo = !remote && isFolder(input);
    let text: string | undefined;
    let fileName = basename(file);
    if (remote) {
      try {
        const got = await downloadText(file, {
          timeoutMs: timeout === undefined ? undefined : timeout * 1000,
          maxBytes: maxSize === undefined ? undefined : Math.floor(maxSize * 1024 * 1024),
        });
        text = got.text;
        fileName = got.fileName;
      } catch (err) {
        if (err instanceof DownloadError) {
          io.err(err.message);
          return 2;
        }
        throw err;
      }
    } else {
      text = pyvideo ? '' : readInput(io, file, input);
    }
    if (text === undefined) return 2;
    let result: ImportResult;
    try {
      result = pyvideo
        ? importPyvideoFolder(file, input, values['event-id'])
        : importSchedule(text, {
            format: values.format ? parseFormat(values.format) : undefined,
            fileName,
            eventId: values['event-id'],
          });
    } catch (err) {
      if (err instanceof ImportError) {
        const message = remote && err.message.startsWith(`${fileName}: `) ? err.message.slice(fileName.length + 2) : err.message;
        io.err(!remote && message.startsWith(`${fileName}:`) ? message : `${file}: ${message}`);
        return 2;
      }
      throw err;
    }
    for (const w of result.warnings) io.err(`warning: ${w}`);

    const output = values.output;
    const folder = output !== undefined && (/[\\/]$/.test(output) || isFolder(resolve(io.cwd, output)));
    const shown = (name: string) => (output === undefined ? '<stdout>' : folder ? join(output, name) : output);
    const outputs = indexFileOutputs(
      result,
      `Recap Writer session index, imported from ${remote ? file : basename(file)} (${result.format}) by recap import.`,
      shown,
    );
    const rejected = outputs.flatMap((o) => o.problems);
    if (rejected.length) {
      for (const p of rejected) io.err(formatIndexProblem(p));
      io.err(
        `${file}: the index imported from it would not load (${rejected.length} error${rejected.length === 1 ? '' : 's'} above); nothing written. Please report this with the schedule file.`,
      );
      return 2;
    }
    if (outputs.length > 1 && !folder) {
      io.err(
        `${file} holds ${outputs.length} events (${outputs.map((o) => o.file.event.id).join(', ')}), and an index file holds one: ` +
          `name a folder with -o DIR/ to write each as <event id>.yaml; nothing written.`,
      );
      return 2;
    }
    if (output === undefined) {
      io.out(outputs[0]!.text.replace(/\n$/, ''));
    } else {
      const targets = outputs.map((o) => ({ ...o, shown: shown(o.name), path: resolve(io.cwd, shown(o.name)) }));
      // Every target is checked before any is written: all or nothing.
      const refusals = targets
        .map((t) => refuseOutput(t.shown, t.path, { inputs: remote ? [] : [input], force: values.force }))
        .filter((r): r is string => r !== undefined);
      if (refusals.length) {
        for (const r of refusals) io.err(r);
        return 2;
      }
      for (const t of targets) {
        try {
          if (folder) mkdirSync(resolve(io.cwd, output), { recursive: true });
          writeFileAtomic(t.path, t.text);
        } catch (err) {
          io.err(writeErrorMessage(t.shown, err));
          return 2;
        }
      }
      if (folder) io.err(`wrote ${targets.map((t) => t.shown).join(', ')}`);
    }
    const s = importStats(result.files);
    io.err(
      `${result.format}: ${s.events} event(s), ${s.sessions} sessions, ${s.speakers} speakers, ${s.sessionsWithVideo} sessions with video, ${s.sessionsWithSlides} with slides`,
    );
    return 0;
  },
};
