import type { Frontmatter } from './frontmatter';

export interface RecapFileOptions {
  /** A Markdown file is a recap when its frontmatter has one of these keys. */
  frontmatterKeys: readonly string[];
  /** …or when its path has one of these folder names. */
  folders: readonly string[];
}

export const DEFAULT_RECAP_FILE_OPTIONS: RecapFileOptions = {
  frontmatterKeys: ['talks', 'event'],
  folders: ['recaps'],
};

/**
 * Decides whether the recap features apply to a Markdown file, so that plain
 * READMEs and notes are left alone.
 */
export function isRecapFile(path: string, frontmatter: Frontmatter | undefined, options: RecapFileOptions = DEFAULT_RECAP_FILE_OPTIONS): boolean {
  const data = frontmatter?.data;
  if (data && options.frontmatterKeys.some((key) => Object.prototype.hasOwnProperty.call(data, key))) return true;
  const segments = path.split(/[\\/]+/).slice(0, -1);
  return segments.some((segment) => options.folders.includes(segment));
}

/**
 * The same test on the raw text, for a frontmatter block that does not parse
 * (or is not closed yet) while someone is typing it: a top-level `talks:` or
 * `event:` line in the first lines after an opening `---`.
 */
export function declaresRecapKeys(text: string, options: RecapFileOptions = DEFAULT_RECAP_FILE_OPTIONS): boolean {
  if (!/^\uFEFF?---[ \t]*\r?\n/.test(text)) return false;
  const lines = text.slice(0, 20_000).split('\n').slice(1, 200);
  for (const line of lines) {
    if (/^(---|\.\.\.)\s*$/.test(line)) return false;
    const key = /^([A-Za-z_][\w-]*):/.exec(line)?.[1];
    if (key && options.frontmatterKeys.includes(key)) return true;
  }
  return false;
}
