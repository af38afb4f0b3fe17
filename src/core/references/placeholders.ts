import { hashWord } from './wordScan';

/**
 * Text that stands where a recording link will go: "video not yet
 * available", "recording coming soon", "video: TBD", "TODO: add video".
 * Only wordings that promise a later recording count: "the recording is not
 * available" (maybe never) does not, nor does "(video — presentation)", which
 * recaps use as link text.
 */
const STATUS = String.raw`(?:not\s+yet\s+(?:available|published|online|out|up|uploaded|posted)|not\s+(?:available|published|online|out|up|uploaded|posted)\s+yet|(?:coming|available|out|up|online)\s+soon|to\s+(?:come|follow)|(?:will|should)\s+be\s+(?:available|published|posted|uploaded|online|up|out|released)(?:\s+(?:soon|later|shortly))?|pending|tbd|tba|todo|forthcoming)`;
const SUBJECT = String.raw`(?:videos?|recordings?)(?:\s*(?:and|&|\/|—|–|-)\s*(?:slides|presentation|deck))?`;
/**
 * Spaces inside a phrase are capped at 40 (a phrase wrapped onto an indented
 * line still matches), so each place a phrase may start costs a bounded
 * amount of work and the scan stays linear in the text; and no two
 * whitespace quantifiers are adjacent (`\s*(?::\s*)?`, never `\s*:?\s*`).
 */
const bounded = (pattern: string) => pattern.replace(/\\s\*/g, String.raw`\s{0,40}`).replace(/\\s\+/g, String.raw`\s{1,40}`);
const PHRASES = new RegExp(
  bounded(
    [
      String.raw`\b${SUBJECT}(?:\s+link)?\s*(?:is\s+|are\s+|:\s*|—\s*|–\s*|-\s*|\(\s*)?${STATUS}\b`,
      String.raw`\bno\s+(?:video|recording)\s+(?:yet|available\s+yet)\b`,
      // "once the videos are out", "when the recording is published": a later recording, promised in passing.
      String.raw`\b(?:once|when|as\s+soon\s+as)\s+(?:the\s+|a\s+|its\s+)?${SUBJECT}\s+(?:are|is|get|gets|go|goes|come|comes)\s+(?:out|up|online|available|published|uploaded|posted|released)\b`,
      String.raw`\b(?:todo|tbd|fixme)\b\s*(?::\s*)?(?:add\s+|link\s+|insert\s+)?(?:the\s+)?(?:video|recording)(?:\s+link)?\b`,
    ].join('|'),
  ),
  'gi',
);

export interface PlaceholderMatch {
  start: number;
  end: number;
  text: string;
}

export function findPlaceholders(text: string): PlaceholderMatch[] {
  const out: PlaceholderMatch[] = [];
  PHRASES.lastIndex = 0;
  for (let m = PHRASES.exec(text); m; m = PHRASES.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/** The hashes of words without which no phrase matches: the scanner flags runs holding one, and only those are searched. */
export const PLACEHOLDER_TRIGGERS = new Int32Array(['video', 'videos', 'recording', 'recordings'].map(hashWord));

/** A frontmatter `video:` value that is a placeholder rather than a link: "TBD", "coming soon", "TODO". */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim().toLowerCase();
  return (
    /^(?:tbd|tba|todo|soon|coming soon|pending|to come|to follow|not yet available|not available yet|\?+|fixme|later)$/.test(v) ||
    findPlaceholders(value).length > 0
  );
}

/** A link target that holds the place of a URL: `[video](TODO)`, `[recording](#)`, `[video]()`. */
export function isPlaceholderHref(href: string): boolean {
  return /^(?:|#|todo|tbd|tba|fixme|url|link|soon|\?+|xxx+)$/i.test(href.trim());
}
