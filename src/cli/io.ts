import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

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

/**
 * The text of an input file (`shown` as the user named it, resolved against
 * the working directory), or undefined after reporting why it cannot be read.
 */
export function readInput(io: CliIo, shown: string, path = resolve(io.cwd, shown)): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    io.err(`${shown}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return undefined;
  }
}

/** Whether `path` is a folder (following links); false when it is missing or unreadable. */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Wrong arguments: reported with the command's help, exit code 2. */
export class UsageError extends Error {}

/** node:util's parseArgs, with its complaints turned into usage errors (exit 2 with the command's help). */
export function parseCliArgs<O extends ParseArgsConfig['options']>(args: string[], options: O) {
  try {
    return parseArgs({ args, allowPositionals: true, options, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
