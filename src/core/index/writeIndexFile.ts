import { stringify } from 'yaml';
import type { EventFile, Session } from './model';

const SESSION_ORDER: (keyof Session)[] = ['id', 'title', 'type', 'track', 'speakers', 'start', 'duration', 'end', 'room', 'video', 'slides', 'schedule', 'links'];

/** An index file in the order people read it: event first, then each session id, title, speakers, links. */
export function writeIndexFile(file: EventFile, header?: string): string {
  const sessions = file.sessions.map((s) => {
    const ordered: Record<string, unknown> = {};
    for (const key of SESSION_ORDER) if (s[key] !== undefined) ordered[key] = s[key];
    return ordered;
  });
  const body = stringify({ event: file.event, sessions }, { lineWidth: 0 });
  const comment = header ? header.split('\n').map((l) => `# ${l}`.trimEnd()).join('\n') + '\n' : '';
  return `${comment}${body}`;
}
