import type Token from 'markdown-it/lib/token.mjs';
import { markdownEngine } from './engine';
import type { LineIndex } from '../text/lineIndex';

/**
 * The one answer to "where in the text is this": each child of a markdown-it
 * `inline` token located in the recap's text, found by walking the children
 * alongside it (list markers, heading #s, quote >s and indentation between
 * them, link destinations, escapes, entities). The lint reads its words and
 * links from it, and the preview marks findings with it.
 */
export interface InlineLayout {
  /** Per child: where its source starts and ends; -1 from the child where the walk lost its way. */
  start: Int32Array;
  end: Int32Array;
  /**
   * Text children whose content differs from their source (escapes,
   * entities): where each character's source starts, plus the child's end.
   * Empty for an autolink's text that differs from its URL (not placed).
   */
  chars: (Int32Array | undefined)[];
  /** Every child was placed. */
  complete: boolean;
}

const ENTITY = /^&(?:#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/i;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const NOT_PLACED = new Int32Array(0);

/** What may stand before a block's text on its lines: space, tab, > # * + - | . ) and digits. */
function isMarker(c: number): boolean {
  return c === 32 || c === 9 || c === 62 || c === 35 || c === 42 || c === 43 || c === 45 || c === 124 || c === 46 || c === 41 || (c >= 48 && c <= 57);
}

/**
 * Where each inline token's text lies: from the start of its block's first
 * line (a table cell's: just after its pipe) to the end of its last line;
 * -1 for tokens that are not inline or cannot be placed. Indexed by token.
 */
export function inlineBounds(tokens: readonly Token[], lines: LineIndex): { from: Int32Array; limit: Int32Array } {
  const from = new Int32Array(tokens.length).fill(-1);
  const limit = new Int32Array(tokens.length).fill(-1);
  let rowLine = -1;
  let cell = 0;
  let cells: number[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t]!;
    if (tok.type === 'tr_open') {
      rowLine = tok.map ? tok.map[0] : -1;
      cells = rowLine >= 0 ? cellStarts(lines.lineText(rowLine)) : [];
      cell = 0;
    } else if (tok.type === 'tr_close') rowLine = -1;
    else if (tok.type === 'td_open' || tok.type === 'th_open') cell++;
    else if (tok.type === 'inline') {
      if (tok.map) {
        from[t] = lines.lineStart(tok.map[0]);
        limit[t] = lines.lineEnd(tok.map[1] - 1);
      } else if (rowLine >= 0) {
        from[t] = (cells[cell - 1] ?? 0) + lines.lineStart(rowLine);
        limit[t] = lines.lineEnd(rowLine);
      }
    }
  }
  return { from, limit };
}

/**
 * Offsets in a table row's line where each cell (0-based) starts: after its
 * leading pipe (the first cell of a row without one starts at 0). One pass.
 */
function cellStarts(line: string): number[] {
  const starts: number[] = [];
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  if (line[i] !== '|') starts.push(0);
  for (; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') starts.push(i + 1);
  }
  return starts;
}

/** Emphasis, strong and strikethrough marks: transparent for titles ("*Sometimes*, Lipstick…"). */
export function isEmphasis(child: Token): boolean {
  return child.tag === 'em' || child.tag === 'strong' || child.tag === 's';
}

/** A layout with room for `n` children. */
export function newLayout(n = 16): InlineLayout {
  const a = () => new Int32Array(n).fill(-1);
  return { start: a(), end: a(), chars: [], complete: false };
}

/**
 * The inline's children located in `text[from, limit)` (see InlineLayout),
 * written into `reused` when it has room (the lint walks thousands of
 * inlines with one layout; it is overwritten by the next call).
 */
export function layoutInline(text: string, children: readonly Token[], from: number, limit: number, reused?: InlineLayout): InlineLayout {
  const n = children.length;
  const layout = reused && reused.start.length >= n ? reused : newLayout(Math.max(n, reused ? 2 * reused.start.length : 0));
  for (const a of [layout.start, layout.end]) a.fill(-1, 0, n);
  layout.chars.length = 0;
  layout.complete = false;
  const { start, end } = layout;
  let cur = from;
  /** `at` when the source has it before the limit, else -1. */
  const within = (at: number, length = 0) => (at >= 0 && at + length <= limit ? at : -1);
  for (let k = 0; k < n; k++) {
    const c = children[k]!;
    let s = -1;
    let e = -1;
    switch (c.type) {
      case 'text': {
        s = verbatimAt(text, c.content, cur, limit);
        if (s >= 0) e = s + c.content.length;
        else {
          const aligned = alignChars(text, c.content, cur, limit);
          if (aligned) ({ start: s, end: e } = aligned);
          layout.chars[k] = aligned?.map;
        }
        break;
      }
      case 'softbreak':
      case 'hardbreak': {
        const nl = within(text.indexOf('\n', cur), 1);
        s = cur;
        e = nl < 0 ? -1 : nl + 1;
        break;
      }
      case 'html_inline':
        s = within(text.indexOf(c.content, cur), c.content.length);
        e = s + c.content.length;
        break;
      case 'code_inline': {
        s = within(text.indexOf(c.markup, cur));
        const close = s < 0 ? -1 : closingRun(text, c.markup, s + c.markup.length, limit);
        e = close < 0 ? -1 : close + c.markup.length;
        break;
      }
      case 'link_open': {
        if (c.markup !== 'autolink') {
          s = within(text.indexOf('[', cur), 1);
          e = s + 1;
          break;
        }
        // `<url>`: the link, its text and its close at once.
        const last = k + 2;
        s = within(text.indexOf('<', cur));
        const gt = s < 0 ? -1 : within(text.indexOf('>', s));
        if (gt < 0 || children[last]?.type !== 'link_close') break;
        start[k] = s;
        end[k] = s + 1;
        start[k + 1] = s + 1;
        end[k + 1] = gt;
        if (text.slice(s + 1, gt) !== children[k + 1]!.content) layout.chars[k + 1] = NOT_PLACED;
        k = last;
        s = gt;
        e = gt + 1;
        break;
      }
      case 'link_close': {
        const link = linkEnd(text, cur, limit);
        if (!link) break;
        s = link.close;
        e = link.end;
        break;
      }
      case 'image': {
        s = within(text.indexOf('![', cur));
        const close = s < 0 ? -1 : closingBracket(text, s + 1, limit);
        e = (close >= 0 && linkEnd(text, close, limit)?.end) || -1;
        break;
      }
      default:
        if (!isEmphasis(c)) break;
        s = within(text.indexOf(c.markup, cur), c.markup.length);
        e = s + c.markup.length;
    }
    if (s < 0 || e < s) return layout;
    start[k] = s;
    end[k] = e;
    cur = e;
  }
  layout.complete = true;
  return layout;
}

/**
 * Where a text child's content starts verbatim at or after `from`, with only
 * markers skipped on the way, or -1 (escapes or entities: see `alignChars`).
 */
function verbatimAt(text: string, content: string, from: number, limit: number): number {
  if (content === '') return from;
  const first = content.charCodeAt(0);
  for (let p = from; p + content.length <= limit; p++) {
    // Equality of a substring is a block compare in V8; startsWith goes character by character.
    if (text.charCodeAt(p) === first && text.substring(p, p + content.length) === content) return p;
    if (!isMarker(text.charCodeAt(p))) return -1;
  }
  return -1;
}

/** Character by character, through backslash escapes and entities: where each content character's source starts (and the end), or undefined. */
function alignChars(text: string, content: string, from: number, limit: number): { start: number; end: number; map: Int32Array } | undefined {
  let p = from;
  while (p < limit && isMarker(text.charCodeAt(p)) && text[p] !== content[0] && !(text[p] === '\\' && text[p + 1] === content[0])) p++;
  const start = p;
  const map = new Int32Array(content.length + 1);
  for (let i = 0; i < content.length;) {
    if (p >= limit) return undefined;
    const c = content[i]!;
    if (text[p] === '\\' && text[p + 1] === c && ASCII_PUNCT.test(c)) {
      map[i++] = p;
      p += 2;
      continue;
    }
    if (text[p] === '&') {
      const entity = ENTITY.exec(text.slice(p, p + 40))?.[0];
      const decoded = entity ? markdownEngine().utils.unescapeAll(entity) : '';
      if (entity && decoded !== entity && decoded.length > 0 && content.startsWith(decoded, i)) {
        for (let j = 0; j < decoded.length; j++) map[i++] = p;
        p += entity.length;
        continue;
      }
    }
    if (text[p] !== c) return undefined;
    map[i++] = p++;
  }
  map[content.length] = p;
  return { start, end: p, map };
}

/** The start of the next run of exactly `fence`'s backticks at or after `from`, or -1. */
function closingRun(text: string, fence: string, from: number, limit: number): number {
  for (let at = text.indexOf(fence, from); at >= 0 && at + fence.length <= limit; at = text.indexOf(fence, at)) {
    let runEnd = at;
    while (text.charCodeAt(runEnd) === 96) runEnd++;
    if (runEnd - at === fence.length) return at;
    at = runEnd;
  }
  return -1;
}

/** The `]` closing the `[` at `open`, skipping escapes and nested brackets, or -1. */
function closingBracket(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 91) depth++;
    else if (c === 93 && --depth === 0) return i;
  }
  return -1;
}

/**
 * From inside a link's text: its closing `]`, the end of the link
 * (`](dest "title")`, `][ref]`, or a bare `]`); undefined when the source
 * does not close it.
 */
function linkEnd(text: string, from: number, limit: number): { close: number; end: number } | undefined {
  const close = text.indexOf(']', from);
  if (close < 0 || close >= limit) return undefined;
  const next = text.charCodeAt(close + 1);
  if (next === 91) {
    const bracket = text.indexOf(']', close + 2);
    return bracket < 0 || bracket >= limit ? undefined : { close, end: bracket + 1 };
  }
  if (next !== 40) return { close, end: close + 1 };
  let depth = 1;
  let i = close + 2;
  while (i < limit && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 10)) i++;
  if (text.charCodeAt(i) === 60) {
    // <destination with spaces>
    const gt = text.indexOf('>', i);
    if (gt < 0 || gt >= limit) return undefined;
    i = gt + 1;
  }
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if ((c === 34 || c === 39) && /\s/.test(text[i - 1] ?? '')) {
      const q = text.indexOf(text[i]!, i + 1);
      if (q < 0 || q >= limit) return undefined;
      i = q;
    } else if (c === 40) depth++;
    else if (c === 41 && --depth === 0) return { close, end: i + 1 };
  }
  return undefined;
}
