import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { RecapWorkspace } from '../core/workspace/workspace';

/**
 * The workspace seam on Node, for the CLI: a file's uri is its absolute
 * path. The CLI names its index files (`--index FILE`), so a "glob" here is a
 * path, relative to the working directory or absolute, and matches that file
 * when it exists. Nothing changes under a command while it runs: no watching.
 */
export class NodeWorkspace implements RecapWorkspace {
  constructor(readonly cwd: string) {}

  async findFiles(globs: readonly string[]): Promise<string[]> {
    const paths = globs.map((g) => resolve(this.cwd, g)).filter((p) => statSync(p, { throwIfNoEntry: false })?.isFile());
    return [...new Set(paths)];
  }

  async readText(uri: string): Promise<string> {
    return readFile(uri, 'utf8');
  }

  /** The same read, for the CLI's synchronous commands; throws as readFileSync does (the error's `code` says why). */
  readTextSync(uri: string): string {
    return readFileSync(uri, 'utf8');
  }

  asRelativePath(uri: string): string {
    const rel = relative(this.cwd, uri);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : uri;
  }

  fsPath(uri: string): string {
    return uri;
  }
}
