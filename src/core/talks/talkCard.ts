import type { IndexedEvent, IndexedSession } from '../index/sessionIndex';

/** Characters that would change how a title or name renders inside a line of Markdown. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&');
}

/** One line: who gave the talk, with their companies. */
export function speakerLine(session: IndexedSession): string {
  return session.speakers.map((s) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name)).join(', ');
}

/** The talk's card in Markdown: title, speakers and companies, event and date, links. Hover and completion details show it. */
export function talkCard(session: IndexedSession, event: IndexedEvent | undefined): string {
  const lines = [`**${escape(session.title)}**`, ''];
  if (session.speakers.length > 0) lines.push(escape(speakerLine(session)), '');
  const when = [session.start?.replace('T', ' '), session.room, session.track].filter(Boolean).join(' · ');
  lines.push(`${escape(event?.name ?? session.eventId)}${when ? ` — ${escape(when)}` : ''}`, '');
  const links = (
    [
      ['▶ Video', session.video],
      ['Slides', session.slides],
      ['Schedule', session.schedule],
    ] as const
  ).flatMap(([label, url]) => (url ? [`[${label}](${url})`] : []));
  lines.push(links.length > 0 ? links.join(' · ') : '_No video or slides known yet._', '', `\`${session.fullId}\``);
  return lines.join('\n');
}
