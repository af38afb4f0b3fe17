/** Where a command writes; tests pass their own to capture output. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export interface CliCommand {
  summary: string;
  help: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Wrong arguments: reported with the command's help, exit code 2. */
export class UsageError extends Error {}
