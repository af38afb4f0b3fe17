import type Token from 'markdown-it/lib/token.mjs';

/**
 * One piece of an inline token's rendering with the text it came from: a
 * character of a `text` child, or a whole child (an emphasis delimiter, a
 * link's `[` or `](url)`, a code span, an image, an autolink, a line break).
 */
export interface InlineUnit {
  /** First and last child the unit renders (an autolink is three children). */
  first: number;
  last: number;
  /** Index of the character in a `text` child, or -1 for whole children. */
  char: number;
  /** Offsets into the whole recap text, end exclusive. */
  start: number;
  end: number;
  /** +1 opens an element (emphasis, link), -1 closes one, 0 neither. */
  nesting: number;
}

export interface InlineSource {
  units: InlineUnit[];
  /** For each opening or closing unit, the index of its partner. */
  partner: Int32Array;
  /** Where the inline's text starts and ends in the recap. */
  start: number;
  end: number;
}

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const ENTITY = /^&(?:#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/i;

/**
 * Locates each child of a markdown-it `inline` token in the recap's text,
 * without parsing again. The token's `content` is the Markdown source of the
 * inline with the block's markers and indentation taken off, so each of its
 * lines is found on the matching source line; the children are then walked
 * alongside that source (escapes, entities, delimiters, link destinations).
 * Returns undefined when the walk loses its way (a syntax it does not know):
 * the caller then marks findings on the block instead.
 *
 * @param firstLine whole-text line where the inline's content starts (its map, or the table row's)
 * @param from offset the search starts at (after the previous cell on the same line)
 */
export function locateInline(
  text: string,
  lineStart: (line: number) => number,
  lineEnd: (line: number) => number,
  inline: Token,
  firstLine: number,
  from: number,
  unescape: (s: string) => string,
): InlineSource | undefined {
  const content = inline.content;
  const toSource = contentToSource(text, lineStart, lineEnd, content, firstLine, from);
  if (!toSource) return undefined;
  const children = inline.children ?? [];
  const units: InlineUnit[] = [];
  const stack: number[] = [];
  const partner = new Int32Array(children.length * 2 + content.length + 1).fill(-1);
  let c = 0;
  const whole = (first: number, last: number, cStart: number, cEnd: number, nesting = 0) => {
    const start = toSource(cStart);
    const end = cEnd > cStart ? toSource(cEnd - 1) + 1 : start;
    const index = units.length;
    units.push({ first, last, char: -1, start, end, nesting });
    if (nesting === 1) stack.push(index);
    else if (nesting === -1) {
      const open = stack.pop();
      if (open === undefined) return false;
      partner[open] = index;
      partner[index] = open;
    }
    return true;
  };
  const expect = (markup: string): number => {
    if (content.startsWith(markup, c)) return c;
    const at = content.indexOf(markup, c);
    return at;
  };

  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    switch (child.type) {
      case 'text': {
        const t = child.content;
        for (let j = 0; j < t.length;) {
          const ch = t[j]!;
          if (content[c] === '\\' && c + 1 < content.length && ASCII_PUNCT.test(content[c + 1]!) && content[c + 1] === ch) {
            units.push({ first: i, last: i, char: j, start: toSource(c), end: toSource(c + 1) + 1, nesting: 0 });
            c += 2;
            j++;
            continue;
          }
          if (content[c] === '&') {
            const entity = ENTITY.exec(content.slice(c, c + 40))?.[0];
            if (entity) {
              const decoded = unescape(entity);
              if (decoded !== entity && decoded.length > 0 && t.startsWith(decoded, j)) {
                const start = toSource(c);
                const end = toSource(c + entity.length - 1) + 1;
                for (let k = 0; k < decoded.length; k++) units.push({ first: i, last: i, char: j + k, start, end, nesting: 0 });
                c += entity.length;
                j += decoded.length;
                continue;
              }
            }
          }
          if (content[c] !== ch) {
            const at = content.indexOf(ch, c);
            if (at < 0) return undefined;
            c = at;
          }
          const s = toSource(c);
          units.push({ first: i, last: i, char: j, start: s, end: s + 1, nesting: 0 });
          c++;
          j++;
        }
        break;
      }
      case 'softbreak':
      case 'hardbreak': {
        const nl = content.indexOf('\n', c);
        if (nl < 0) return undefined;
        whole(i, i, c, nl + 1);
        c = nl + 1;
        while (content[c] === ' ' || content[c] === '\t') c++;
        break;
      }
      case 'code_inline': {
        const open = expect(child.markup);
        if (open < 0) return undefined;
        let close = open + child.markup.length;
        for (;;) {
          close = content.indexOf(child.markup, close);
          if (close < 0) return undefined;
          let runEnd = close;
          while (content[runEnd] === '`') runEnd++;
          if (runEnd - close === child.markup.length) break;
          close = runEnd;
        }
        whole(i, i, open, close + child.markup.length);
        c = close + child.markup.length;
        break;
      }
      case 'em_open':
      case 'strong_open':
      case 's_open':
      case 'em_close':
      case 'strong_close':
      case 's_close': {
        const at = expect(child.markup);
        if (at < 0) return undefined;
        if (!whole(i, i, at, at + child.markup.length, child.nesting)) return undefined;
        c = at + child.markup.length;
        break;
      }
      case 'html_inline': {
        const at = expect(child.content);
        if (at < 0) return undefined;
        whole(i, i, at, at + child.content.length);
        c = at + child.content.length;
        break;
      }
      case 'link_open': {
        if (child.markup === 'autolink') {
          const open = expect('<');
          const close = open < 0 ? -1 : content.indexOf('>', open);
          let last = i;
          while (last < children.length && children[last]!.type !== 'link_close') last++;
          if (close < 0 || last >= children.length) return undefined;
          whole(i, last, open, close + 1);
          c = close + 1;
          i = last;
        } else {
          const at = expect('[');
          if (at < 0) return undefined;
          whole(i, i, at, at + 1, 1);
          c = at + 1;
        }
        break;
      }
      case 'link_close': {
        const at = expect(']');
        if (at < 0) return undefined;
        const end = skipDestination(content, at + 1);
        if (!whole(i, i, at, end, -1)) return undefined;
        c = end;
        break;
      }
      case 'image': {
        const at = expect('![');
        if (at < 0) return undefined;
        const close = matchingBracket(content, at + 1);
        if (close < 0) return undefined;
        const end = skipDestination(content, close + 1);
        whole(i, i, at, end);
        c = end;
        break;
      }
      default:
        return undefined;
    }
  }
  if (stack.length) return undefined;
  const start = units.length ? units[0]!.start : toSource(0);
  let end = start;
  for (const u of units) if (u.end > end) end = u.end;
  return { units, partner: partner.subarray(0, units.length), start, end };
}

/**
 * Maps an offset in the inline's content to an offset in the whole text:
 * each content line is found on its source line (on or after `from`).
 */
function contentToSource(
  text: string,
  lineStart: (line: number) => number,
  lineEnd: (line: number) => number,
  content: string,
  firstLine: number,
  from: number,
): ((offset: number) => number) | undefined {
  const lines = content.split('\n');
  const contentStarts: number[] = [];
  const sourceStarts: number[] = [];
  const found: number[] = [];
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lo = Math.max(lineStart(firstLine + i), i === 0 ? from : 0);
    const hi = lineEnd(firstLine + i);
    let at = text.indexOf(line, lo);
    let shift = 0;
    if (at < 0 || at + line.length > hi) {
      // Tabs inside the block's indentation come back as spaces: find the rest of the line.
      const trimmed = line.trimStart();
      shift = line.length - trimmed.length;
      at = text.indexOf(trimmed, lo);
      if (at < 0 || at + trimmed.length > hi) return undefined;
    }
    contentStarts.push(offset);
    sourceStarts.push(at - shift);
    found.push(at);
    offset += line.length + 1;
  }
  let cursor = 0;
  return (c: number) => {
    if (c < contentStarts[cursor]!) cursor = 0;
    while (cursor + 1 < contentStarts.length && contentStarts[cursor + 1]! <= c) cursor++;
    const col = c - contentStarts[cursor]!;
    // The line break after a content line maps to the end of its source line.
    return Math.max(found[cursor]!, sourceStarts[cursor]! + Math.min(col, lines[cursor]!.length));
  };
}

/** Index of the `]` closing the `[` just before `from`, skipping escapes and nested brackets. */
function matchingBracket(s: string, from: number): number {
  let depth = 1;
  for (let i = from + 1; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\') i++;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return i;
  }
  return -1;
}

/** After a link's `]`: skips `(destination "title")` or `[label]`, returning where the link ends. */
function skipDestination(s: string, at: number): number {
  if (s[at] === '[') {
    const close = matchingBracket(s, at);
    return close < 0 ? at : close + 1;
  }
  if (s[at] !== '(') return at;
  let i = at + 1;
  const skipSpace = () => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  skipSpace();
  if (s[i] === '<') {
    while (i < s.length && s[i] !== '>') i += s[i] === '\\' ? 2 : 1;
    i++;
  } else {
    let depth = 0;
    while (i < s.length && !/\s/.test(s[i]!)) {
      const ch = s[i]!;
      if (ch === '\\') i++;
      else if (ch === '(') depth++;
      else if (ch === ')') {
        if (depth === 0) break;
        depth--;
      }
      i++;
    }
  }
  skipSpace();
  const quote = s[i];
  if (quote === '"' || quote === "'" || quote === '(') {
    const close = quote === '(' ? ')' : quote;
    i++;
    while (i < s.length && s[i] !== close) i += s[i] === '\\' ? 2 : 1;
    i++;
    skipSpace();
  }
  return s[i] === ')' ? i + 1 : Math.min(i, s.length);
}
