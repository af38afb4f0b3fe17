import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The real schedule exports live beside the project in ../shared/data and are
 * never copied into it. Tests that read them skip, saying why, where it is missing.
 */
export const SHARED_DATA = resolve(process.env.RECAP_SHARED_DATA ?? join(process.cwd(), '..', 'shared', 'data'));

export function sharedFile(...segments: string[]): string {
  return join(SHARED_DATA, ...segments);
}

/** `false` when the file exists, else a skip message for node:test's `skip` option. */
export function skipUnlessShared(...segments: string[]): string | false {
  const path = sharedFile(...segments);
  return existsSync(path) ? false : `needs ${path} (the shared schedule data beside the project; set RECAP_SHARED_DATA to point elsewhere)`;
}
