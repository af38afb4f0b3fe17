import { stringify } from 'yaml';
import type { EventFile, Session } from './model';

/**
 * Every index file we write says at its top that it ends with `END_OF_INDEX`,
 * and ends with it; the loader reports a file that promises that last line and
 * lacks it as cut short (a copy or write that stopped halfway still parses).
 */
export const COMPLETE_MARK = '# Written whole by Recap Writer: the last line is "# end of index". Without it, the file was cut short.';
export const END_OF_INDEX = '# end of index';

const SESSION_ORDER: (keyof Session)[] = [
  'id',
  'title',
  'type',
  'track',
  'speakers',
  'start',
  'duration',
  'end',
  'room',
  'video',
  'slides',
  'schedule',
  'links',
  'aliases',
];

/** An index file in the order people read it: event first, then each session id, title, speakers, links; the last line says it is complete. */
export function writeIndexFile(file: EventFile, header?: string): string {
  const sessions = file.sessions.map((s) => {
    const ordered: Record<string, unknown> = {};
    for (const key of SESSION_ORDER) if (s[key] !== undefined) ordered[key] = s[key];
    return ordered;
  });
  const body = stringify({ event: file.event, sessions }, { lineWidth: 0 });
  const comment = header
    ? header
        .split('\n')
        .map((l) => `# ${l}`.trimEnd())
        .join('\n') + '\n'
    : '';
  const count = `${sessions.length} session${sessions.length === 1 ? '' : 's'}`;
  return `${comment}${COMPLETE_MARK}\n${body}${END_OF_INDEX}: ${count}\n`;
}
