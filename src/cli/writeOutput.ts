import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Every file the CLI writes goes through here: never onto one of its inputs,
 * never over an existing file without --force, and never half-written. The
 * text goes to a temporary file beside the target, is flushed to disk, and is
 * renamed over the target only when complete; a failed write leaves the
 * target as it was and removes the temporary file.
 */

/** Writes one chunk to an open file; tests pass one that fails halfway. */
export type ChunkWriter = (fd: number, chunk: Uint8Array) => void;

const CHUNK = 64 * 1024;

const writeAll: ChunkWriter = (fd, chunk) => {
  let done = 0;
  while (done < chunk.length) done += writeSync(fd, chunk, done, chunk.length - done);
};

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** The path with symlinks resolved, as far as it exists (a file not yet written resolves through its folder). */
export function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realTarget(parent), basename(path));
  }
}

export interface OutputCheck {
  /** The inputs of the command, as resolved paths; the output may be none of them. */
  inputs: string[];
  force?: boolean;
}

/**
 * Why `target` may not be written (shown as `shown`), or undefined when it may:
 * it is one of the inputs (same real path, or the same file through a hard
 * link), it is a folder, or it exists and --force was not given.
 */
export function refuseOutput(shown: string, target: string, check: OutputCheck): string | undefined {
  const real = realTarget(target);
  const st = statOrUndefined(real);
  for (const input of check.inputs) {
    const inputReal = realTarget(input);
    const ist = statOrUndefined(inputReal);
    const same = inputReal === real || (st !== undefined && ist !== undefined && st.dev === ist.dev && st.ino === ist.ino);
    if (same) return `${shown} is an input of this command (${input}); writing it would replace what is being read. Choose another output file.`;
  }
  if (!st) return undefined;
  if (st.isDirectory()) return `${shown} is a folder; name a file to write.`;
  // Devices and pipes (-o /dev/stdout) are written as they are; there is nothing there to lose.
  if (st.isFile() && !check.force) return `${shown} exists; not overwritten (use --force to replace it)`;
  return undefined;
}

/**
 * Writes `data` to `target` atomically: a temporary file in the target's
 * folder, fsync, rename. The target keeps its permissions; a symlinked target
 * is replaced at the file it points to. On any failure the temporary file is
 * removed and the error rethrown; the target is untouched.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array, writer: ChunkWriter = writeAll): void {
  const real = realTarget(resolve(target));
  const existing = statOrUndefined(real);
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    // A device or pipe cannot be renamed over; it holds nothing to lose either.
    writeFileSync(real, data);
    return;
  }
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const dir = dirname(real);
  const temp = join(dir, `.${basename(real)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  let fd: number | undefined = openSync(temp, 'wx', existing ? existing.mode & 0o7777 : 0o666);
  try {
    for (let at = 0; at < bytes.length; at += CHUNK) writer(fd, bytes.subarray(at, Math.min(at + CHUNK, bytes.length)));
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, real);
  } catch (err) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing; the first error is the one to report
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // nothing to remove
    }
    throw err;
  }
  // The rename itself reaches the disk with the folder's entry; not every platform lets a folder be fsynced.
  try {
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // best effort
  }
}

/** A write error in our words: the file and the reason, e.g. `out.yaml: cannot write: ENOSPC (nothing was changed)`. */
export function writeErrorMessage(shown: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const why = code === 'ENOSPC' ? 'ENOSPC, the disk is full' : code === 'EFBIG' ? 'EFBIG, the file is larger than allowed' : (code ?? (err as Error).message);
  return `${shown}: cannot write: ${why}; the file was left as it was`;
}
