import type { IndexedEvent, IndexedSession } from '../index/sessionIndex';

/**
 * Text from the index as literal text inside a line of Markdown: every
 * character that can open emphasis, a link or image, an HTML tag or entity, a
 * code span, a table cell or a heading is backslash-escaped; line breaks become
 * spaces, and what would start a block at the start of a line (a list marker,
 * indentation) is escaped or dropped. `!` alone is harmless once `[` is escaped.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>&|~#]/g, '\\$&')
    .replace(/^[-+=]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Text as a code span: a backtick fence longer than any run of backticks inside, padded when it starts or ends with one. */
function codeSpan(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  let longest = 0;
  for (const run of flat.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * An index URL as a link destination, or undefined when it is not an http(s)
 * URL: no `javascript:`, `command:`, `file:` or data links from index data.
 * Characters that could end the destination early are percent-encoded.
 */
export function safeLinkTarget(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return parsed.href.replace(/[()<>`\\\s"'[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** One line: who gave the talk, with their companies. */
export function speakerLine(session: IndexedSession): string {
  return session.speakers.map((s) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name)).join(', ');
}

/**
 * The talk's card in Markdown: title, speakers and companies, event and date,
 * links. Hover and completion details show it. Everything taken from the index
 * is text (escaped), links are http(s) only, and there are never images.
 */
export function talkCard(session: IndexedSession, event: IndexedEvent | undefined): string {
  const lines = [`**${escapeMarkdown(session.title)}**`, ''];
  if (session.speakers.length > 0) lines.push(escapeMarkdown(speakerLine(session)), '');
  const when = [session.start?.replace('T', ' '), session.room, session.track].filter(Boolean).join(' · ');
  lines.push(`${escapeMarkdown(event?.name ?? session.eventId)}${when ? ` — ${escapeMarkdown(when)}` : ''}`, '');
  const links = (
    [
      ['▶ Video', session.video],
      ['Slides', session.slides],
      ['Schedule', session.schedule],
    ] as const
  ).flatMap(([label, url]) => {
    const target = safeLinkTarget(url);
    return target ? [`[${label}](${target})`] : [];
  });
  lines.push(links.length > 0 ? links.join(' · ') : '_No video or slides known yet._', '', codeSpan(session.fullId));
  return lines.join('\n');
}
