import { existsSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { writeIndexFile } from '../../core/index/writeIndexFile';
import { importStats } from '../../core/importers/common';
import { importSchedule, parseFormat } from '../../core/importers/importSchedule';
import { ImportError } from '../../core/importers/types';
import { parseCliArgs, readInput, UsageError, type CliCommand } from '../io';

const HELP = `Usage: recap import FILE [--format frab-xml|frab-json|sessionize|ical] [--event-id ID] [-o OUT] [--force]
Turns a schedule export into a Recap Writer index file (YAML). The format is
detected from the content unless --format is given. Without -o the index goes
to stdout; an existing OUT is kept unless --force.`;

export const importCommand: CliCommand = {
  summary: 'turn a schedule export (frab XML/JSON, pretalx, Sessionize, iCalendar) into an index file',
  help: HELP,
  async run(args, io) {
    const parsed = parseCliArgs(args, { format: { type: 'string' }, output: { type: 'string', short: 'o' }, 'event-id': { type: 'string' }, force: { type: 'boolean' } });
    const { values, positionals } = parsed;
    if (positionals.length !== 1) throw new UsageError('name one schedule file');
    const file = positionals[0]!;
    const text = readInput(io, file);
    if (text === undefined) return 2;
    let result;
    try {
      result = importSchedule(text, {
        format: values.format ? parseFormat(values.format) : undefined,
        fileName: basename(file),
        eventId: values['event-id'],
      });
    } catch (err) {
      if (err instanceof ImportError) {
        io.err(err.message.startsWith(`${basename(file)}:`) ? err.message : `${file}: ${err.message}`);
        return 2;
      }
      throw err;
    }
    for (const w of result.warnings) io.err(`warning: ${w}`);
    const outputs = result.files.map((f) =>
      writeIndexFile(f, `Recap Writer session index, imported from ${basename(file)} (${result.format}) by recap import.`),
    );
    if (values.output) {
      const out = resolve(io.cwd, values.output);
      if (existsSync(out) && !values.force) {
        io.err(`${values.output} exists; not overwritten (use --force to replace it)`);
        return 2;
      }
      writeFileSync(out, outputs.join('\n---\n'));
    } else {
      io.out(outputs.join('\n---\n'));
    }
    const s = importStats(result.files);
    io.err(`${result.format}: ${s.events} event(s), ${s.sessions} sessions, ${s.speakers} speakers, ${s.sessionsWithVideo} sessions with video, ${s.sessionsWithSlides} with slides`);
    return 0;
  },
};
