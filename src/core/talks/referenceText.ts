import type { IndexedEvent, IndexedSession } from '../index/sessionIndex';
import { linkDestination } from '../edits/yamlEdits';
import { speakerLine } from './talkCard';

/** The default shape of an inserted reference: the title linked to its recording, then the speakers. */
export const DEFAULT_REFERENCE_TEMPLATE = '[{title}]({link}) — {speakers}';

export const REFERENCE_PLACEHOLDERS = ['title', 'speakers', 'names', 'affiliations', 'video', 'slides', 'schedule', 'link', 'event', 'id'] as const;

/**
 * Fills a reference template. `{link}` is the best link known (video, else
 * slides, else the schedule page); a Markdown link whose target came out
 * empty is reduced to its text, and a dangling ` — ` or `()` is dropped, so
 * a talk with no links or speakers still reads well.
 */
export function referenceText(session: IndexedSession, event: IndexedEvent | undefined, template = DEFAULT_REFERENCE_TEMPLATE): string {
  const values: Record<(typeof REFERENCE_PLACEHOLDERS)[number], string> = {
    title: session.title,
    speakers: speakerLine(session),
    names: session.speakers.map((s) => s.name).join(', '),
    affiliations: [...new Set(session.speakers.flatMap((s) => (s.affiliation ? [s.affiliation] : [])))].join(', '),
    video: linkTarget(session.video),
    slides: linkTarget(session.slides),
    schedule: linkTarget(session.schedule),
    link: linkTarget(session.video ?? session.slides ?? session.schedule),
    event: event?.name ?? session.eventId,
    id: session.fullId,
  };
  const filled = template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? values[name as keyof typeof values] : whole));
  return withoutDanglingDash(
    filled
      // A link text holds no bracket: each `[` then scans only to the next one, so the scan stays linear.
      .replace(/\[([^[\]]*)\]\(\s*\)/g, '$1')
      .replace(/\(\s*\)/g, ''),
  ).trimEnd();
}

/**
 * The text without a final ` —` (or `–`, `-`) and the spaces around it: what
 * `/\s+[—–-]\s*$/` removed, without that regex's rescan of a long run of spaces.
 */
function withoutDanglingDash(text: string): string {
  const trimmed = text.trimEnd();
  const dash = trimmed.length - 1;
  return '—–-'.includes(trimmed[dash] ?? 'x') && /\s/.test(trimmed[dash - 1] ?? '') ? trimmed.slice(0, dash).trimEnd() : text;
}

/** FOSDEM's room names put spaces and parentheses in URLs: encoded, any Markdown renderer keeps the link whole. */
function linkTarget(url: string | undefined): string {
  return url ? linkDestination(url) : '';
}
