import { resolve } from 'node:path';
import { summarizeRecap } from '../../core/recap/inspect';
import { parseCliArgs, readInput, UsageError, type CliCommand } from '../io';

export const inspectCommand: CliCommand = {
  summary: 'show what Recap Writer reads from recap files (frontmatter, events, talk ids)',
  help: 'Usage: recap inspect FILE... [--json]',
  async run(args, io) {
    const parsed = parseCliArgs(args, { json: { type: 'boolean' } });
    if (parsed.positionals.length === 0) throw new UsageError('name at least one file');
    const results = [];
    for (const file of parsed.positionals) {
      const path = resolve(io.cwd, file);
      const text = readInput(io, file, path);
      if (text === undefined) return 2;
      results.push({ file, ...summarizeRecap(path, text) });
    }
    if (parsed.values.json) {
      io.out(JSON.stringify(results, null, 2));
    } else {
      for (const r of results) {
        io.out(`${r.file}: ${r.isRecap ? 'recap' : 'not a recap'}; events: ${r.events.join(', ') || '-'}; talks: ${r.talkIds.length}`);
        for (const p of r.problems) io.out(`${r.file}:${p.line}:${p.column} ${p.code} ${p.message}`);
      }
    }
    return results.some((r) => r.problems.length > 0) ? 1 : 0;
  },
};
