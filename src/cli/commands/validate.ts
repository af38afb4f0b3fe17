import { formatIndexProblem } from '../../core/index/indexProblem';
import { loadIndexFile } from '../../core/index/loadIndexFile';
import { readInput, UsageError, type CliCommand } from '../io';

export const validateCommand: CliCommand = {
  summary: 'check index files: every problem with file, line, column, field and what is expected',
  help: 'Usage: recap validate INDEX_FILE...',
  async run(args, io) {
    if (args.length === 0 || args.some((a) => a.startsWith('-'))) throw new UsageError('name one or more index files');
    let worst = 0;
    for (const file of args) {
      const text = readInput(io, file);
      if (text === undefined) {
        worst = 2;
        continue;
      }
      const loaded = loadIndexFile(file, text);
      for (const p of loaded.problems) io.out(formatIndexProblem(p));
      io.out(`${file}: ${loaded.event ? `event ${loaded.event.id}, ${loaded.sessions.length} sessions loaded` : 'nothing loaded'}`);
      if (loaded.problems.some((p) => p.severity === 'error' || p.severity === 'warning')) worst = Math.max(worst, 1);
    }
    return worst;
  },
};
