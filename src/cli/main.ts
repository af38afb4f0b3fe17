import { CORE_VERSION } from '../core/version';
import { attachVideosCommand } from './commands/attachVideos';
import { importCommand } from './commands/import';
import { inspectCommand } from './commands/inspect';
import { lintCommand } from './commands/lint';
import { previewCommand } from './commands/preview';
import { rulesCommand } from './commands/rules';
import { searchCommand } from './commands/search';
import { statsCommand } from './commands/stats';
import { validateCommand } from './commands/validate';
import { UsageError, type CliCommand, type CliIo } from './io';

const commands: Record<string, CliCommand> = {
  search: searchCommand,
  import: importCommand,
  validate: validateCommand,
  inspect: inspectCommand,
  lint: lintCommand,
  preview: previewCommand,
  rules: rulesCommand,
  stats: statsCommand,
  'attach-videos': attachVideosCommand,
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  recap ${name.padEnd(13)} ${c.summary}`);
  return ['Usage: recap <command> [options]', '', 'Commands:', ...lines, '', 'Options:', '  --version  print the version', '  --help     print this help'].join(
    '\n',
  );
}

/** Runs the CLI and returns its exit code: 0 clean, 1 findings, 2 usage or I/O error. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    io.out(CORE_VERSION);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`recap: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`recap ${name}: ${err.message}\n\n${command.help}`);
      return 2;
    }
    io.err(`recap ${name}: ${(err as Error).message}`);
    return 2;
  }
}
