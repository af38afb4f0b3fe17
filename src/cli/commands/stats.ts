import { indexStatistics, perEventLines, statisticsSummary } from '../../core/index/indexStatistics';
import { parseCliArgs, UsageError, type CliCommand } from '../io';
import { loadCliIndex } from '../loadIndex';

const HELP = `Usage: recap stats [--index FILE]... [--json]
What the session index holds (the bundled index plus the given index
files): events, sessions, sessions with video and with slides, distinct
speakers, and per event its sessions and sessions with video. --json prints
{events, sessions, sessionsWithVideo, sessionsWithSlides, speakers,
workspaceFiles, perEvent: {id: {sessions, withVideo}}}.`;

export const statsCommand: CliCommand = {
  summary: 'count what the session index holds, in all and per event',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(args, { index: { type: 'string', multiple: true, default: [] }, json: { type: 'boolean' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}': name index files with --index`);
    const { index, errors } = loadCliIndex(values.index ?? [], io);
    const stats = indexStatistics(index);
    if (values.json) {
      const { events, sessions, sessionsWithVideo, sessionsWithSlides, speakers, workspaceFiles, perEvent } = stats;
      io.out(JSON.stringify({ events, sessions, sessionsWithVideo, sessionsWithSlides, speakers, workspaceFiles, perEvent }, null, 2));
    } else {
      io.out(`Session index: ${statisticsSummary(stats)}; ${stats.workspaceFiles} index file(s) besides the bundled index.`);
      io.out('');
      io.out(perEventLines(stats.perEvent).join('\n'));
    }
    return errors > 0 ? 1 : 0;
  },
};
