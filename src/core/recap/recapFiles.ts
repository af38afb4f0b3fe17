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
export function isRecapFile(
  path: string,
  frontmatter: Frontmatter | undefined,
  options: RecapFileOptions = DEFAULT_RECAP_FILE_OPTIONS,
): boolean {
  const data = frontmatter?.data;
  if (data && options.frontmatterKeys.some((key) => Object.prototype.hasOwnProperty.call(data, key))) return true;
  const segments = path.split(/[\\/]+/).slice(0, -1);
  return segments.some((segment) => options.folders.includes(segment));
}
