/**
 * The speakers recaps write after a talk's title, on the same line:
 * "Title — Abby Bangser (Syntasso), Whitney Lee (VMware)",
 * "Title — Abby Bangser, Syntasso & Whitney Lee, VMware (video)",
 * "Title by Akihiro Suda", "Panel — Kelsey Hightower; Aneel Lakhani, Crane
 * Venture Partners, Megan Reynolds, Vertex". Read from the source line, so every name comes
 * with its exact offsets.
 */

export interface BylineItem {
  /** The name or company as written, trimmed of spaces and emphasis marks. */
  text: string;
  start: number;
  end: number;
  /** Written in parentheses: a company or a role, never a name. */
  paren: boolean;
  /** Where the item ends including its closing parenthesis. */
  outerEnd: number;
}

export interface Byline {
  items: BylineItem[];
  /** The recap joins people with " & " (or "and") rather than commas. */
  ampersand: boolean;
}

// Parentheses that hold links or notes, not companies: where the byline stops.
const NOTE = /^\(\s*(?:video|recording|slides|presentation|deck|watch|link|talk|keynote|panel|workshop|demo|\d|\[|<|https?:)/i;
const MAX_NAME_WORDS = 5;

/**
 * The byline starting after a mention (at `from`), on the same line: a dash
 * or "by", then names and companies separated by commas, semicolons, "&" or
 * "and", until a note in parentheses, a link, another dash or the sentence's
 * end. Undefined when there is none, or it reads like prose. The line's end
 * is found while reading, so a long line of prose is not read to its end.
 */
export function readByline(text: string, from: number): Byline | undefined {
  const limit = text.length;
  let p = from;
  while (p < limit && CLOSING.includes(text[p]!)) p++;
  while (p < limit && text.charCodeAt(p) === 32) p++;
  // Most mentions have no byline: decide on one character before anything else.
  const c0 = text.charCodeAt(p);
  if (c0 === 0x2014 || c0 === 0x2013) p++;
  else if (c0 === 45) p += text.charCodeAt(p + 1) === 45 ? 2 : 1;
  else if ((c0 === 98 || c0 === 66) && (text[p + 1] === 'y' || text[p + 1] === 'Y')) p += 2;
  else return undefined;
  if (text.charCodeAt(p) !== 32) return undefined;
  const items: BylineItem[] = [];
  let ampersand = false;
  let start = p;
  // Spaces inside the item read so far (between its first and latest non-padding characters), and
  // those after its latest one: an item of more than MAX_NAME_WORDS words is prose, and so is the
  // whole line, which is then not read to its end.
  let inner = 0;
  let trailing = 0;
  let begun = false;
  const next = (at: number) => {
    start = at;
    inner = trailing = 0;
    begun = false;
  };
  const close = (end: number) => {
    const item = trimItem(text, start, end, false);
    if (item) items.push(item);
  };
  scan: while (p < limit) {
    const c = text.charCodeAt(p);
    switch (c) {
      case 44: // ,
      case 59: // ;
      case 38: // &
        close(p);
        if (c === 38) ampersand = true;
        next(++p);
        continue;
      case 32:
        if ((text[p + 1] === 'a' || text[p + 1] === 'A') && /^ and /i.test(text.slice(p, p + 5))) {
          close(p);
          ampersand = true;
          p += 5;
          next(p);
          continue;
        }
        if (text.charCodeAt(p + 1) === 45 && text.charCodeAt(p + 2) === 32) break scan; // " - "
        if (begun) trailing++;
        p++;
        continue;
      case 40: {
        // (
        if (NOTE.test(text.slice(p, p + 16))) break scan;
        const end = text.indexOf(')', p);
        if (end < 0 || text.lastIndexOf('\n', end) > p) break scan;
        close(p);
        const item = trimItem(text, p + 1, end, true);
        if (item) {
          item.outerEnd = end + 1;
          items.push(item);
        }
        p = end + 1;
        next(p);
        continue;
      }
      case 10: // the line's end
      case 58: // :
      case 124: // |
      case 91: // [
      case 96: // `
      case 33: // !
      case 63: // ?
      case 0x2014:
      case 0x2013:
        break scan;
      default:
        // . ending a sentence, not inside "Dagger.io"
        if (c === 46 && (p + 1 >= limit || isSentenceGap(text.charCodeAt(p + 1)))) break scan;
        if (!isPadding(c)) {
          if (begun) {
            inner += trailing;
            trailing = 0;
            if (inner >= MAX_NAME_WORDS) return undefined;
          }
          begun = true;
        }
        p++;
    }
  }
  close(p);
  if (items.length === 0) return undefined;
  return { items, ampersand };
}

const CLOSING = '"\'”’»*_';

/** After a full stop: a space or the line's end. */
function isSentenceGap(c: number): boolean {
  return c === 32 || c === 10 || c === 13;
}

/** Spaces and emphasis marks around a name. */
function isPadding(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 42 || c === 95 || c === 0xa0;
}

function trimItem(text: string, start: number, end: number, paren: boolean): BylineItem | undefined {
  while (start < end && isPadding(text.charCodeAt(start))) start++;
  while (end > start && isPadding(text.charCodeAt(end - 1))) end--;
  if (end <= start) return undefined;
  return { text: text.slice(start, end), start, end, paren, outerEnd: end };
}
