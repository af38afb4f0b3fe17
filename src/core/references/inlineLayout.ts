import { markdownEngine } from '../markdown/engine';

/**
 * Helpers for walking markdown-it's inline children alongside the recap
 * text, to know where each child's text is: list markers, heading #s, quote
 * >s and indentation between them, links' destinations, escapes, entities.
 */

const ENTITY = /^&(?:#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/i;

/** What may stand before a block's text on its lines: space, tab, > # * + - | . ) and digits. */
export function isMarker(c: number): boolean {
  return c === 32 || c === 9 || c === 62 || c === 35 || c === 42 || c === 43 || c === 45 || c === 124 || c === 46 || c === 41 || (c >= 48 && c <= 57);
}

/**
 * Where a text child's content starts verbatim at or after `from`, with only
 * markers skipped on the way, or -1 (escapes or entities: see `alignChars`).
 */
export function verbatimAt(text: string, content: string, from: number, limit: number): number {
  if (content === '') return from;
  const first = content.charCodeAt(0);
  for (let p = from; p + content.length <= limit; p++) {
    // Equality of a substring is a block compare in V8; startsWith goes character by character.
    if (text.charCodeAt(p) === first && text.substring(p, p + content.length) === content) return p;
    if (!isMarker(text.charCodeAt(p))) return -1;
  }
  return -1;
}

/** Character by character, through backslash escapes and entities: each content character's offset, or undefined. */
export function alignChars(text: string, content: string, from: number, limit: number): { start: number; end: number; map: Int32Array } | undefined {
  let p = from;
  while (p < limit && isMarker(text.charCodeAt(p)) && text[p] !== content[0] && !(text[p] === '\\' && text[p + 1] === content[0])) p++;
  const start = p;
  const map = new Int32Array(content.length);
  for (let i = 0; i < content.length;) {
    if (p >= limit) return undefined;
    const c = content[i];
    if (text[p] === c) {
      map[i++] = p++;
    } else if (text[p] === '\\' && text[p + 1] === c) {
      map[i++] = p + 1;
      p += 2;
    } else if (text[p] === '&') {
      const m = ENTITY.exec(text.slice(p, p + 40));
      const decoded = m ? markdownEngine().utils.unescapeAll(m[0]) : '';
      if (!m || decoded === m[0] || !content.startsWith(decoded, i)) return undefined;
      for (let j = 0; j < decoded.length; j++) map[i++] = p;
      p += m[0].length;
    } else return undefined;
  }
  return { start, end: p, map };
}

/** Offset just after the next `ch` from `from`, or -1. */
export function afterChar(text: string, ch: string, from: number, limit: number): number {
  const p = text.indexOf(ch, from);
  return p >= 0 && p < limit ? p + 1 : -1;
}

/** The `]` closing the `[` at `open`, skipping escapes and nested brackets, or -1. */
export function closingBracket(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 91) depth++;
    else if (c === 93 && --depth === 0) return i;
  }
  return -1;
}

/** A link's end in the source, and where its target is written (-1 and -1 when not there: a reference link). */
export interface LinkEnd {
  end: number;
  destStart: number;
  destEnd: number;
}

/**
 * From inside a link's text: the end of the link (`](dest "title")`,
 * `][ref]`, or a bare `]`) and where its target is written; undefined when
 * the source does not close it.
 */
export function linkEnd(text: string, from: number, limit: number): LinkEnd | undefined {
  const close = text.indexOf(']', from);
  if (close < 0 || close >= limit) return undefined;
  const next = text.charCodeAt(close + 1);
  if (next === 91) {
    const end = afterChar(text, ']', close + 2, limit);
    return end < 0 ? undefined : { end, destStart: -1, destEnd: -1 };
  }
  if (next !== 40) return { end: close + 1, destStart: -1, destEnd: -1 };
  let depth = 1;
  let i = close + 2;
  while (i < limit && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 10)) i++;
  let destStart: number;
  let destEnd = -1;
  if (text.charCodeAt(i) === 60) {
    // <destination with spaces>
    const gt = text.indexOf('>', i);
    if (gt < 0 || gt >= limit) return undefined;
    destStart = i + 1;
    destEnd = gt;
    i = gt + 1;
  } else destStart = i;
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 32 || c === 10) {
      if (destEnd < 0) destEnd = i;
    } else if ((c === 34 || c === 39) && /\s/.test(text[i - 1] ?? '')) {
      const q = text.indexOf(text[i]!, i + 1);
      if (q < 0 || q >= limit) return undefined;
      i = q;
    } else if (c === 40) depth++;
    else if (c === 41 && --depth === 0) return { end: i + 1, destStart, destEnd: destEnd < 0 ? i : destEnd };
  }
  return undefined;
}
