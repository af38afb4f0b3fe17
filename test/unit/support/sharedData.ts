import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The real schedule exports live beside the project in ../shared/data and are
 * never copied into it. They are a tier of their own: `npm test` sets
 * RECAP_REQUIRE_SHARED=1, so there a missing file fails its tests (never a
 * silent skip); run alone in a bare clone, those tests skip, saying why, and
 * the tests of small committed fixtures still run.
 */
export const SHARED_DATA = resolve(process.env.RECAP_SHARED_DATA ?? join(process.cwd(), '..', 'shared', 'data'));

export function sharedFile(...segments: string[]): string {
  return join(SHARED_DATA, ...segments);
}

/** `false` when the file exists, else a skip message for node:test's `skip` option. */
export function skipUnlessShared(...segments: string[]): string | false {
  const path = sharedFile(...segments);
  if (existsSync(path) || process.env.RECAP_REQUIRE_SHARED === '1') return false;
  return `needs ${path} (the shared schedule data beside the project; set RECAP_SHARED_DATA to point elsewhere)`;
}
