import type Token from 'markdown-it/lib/token.mjs';
import { markdownEngine } from '../markdown/engine';
import { isEmphasis, type InlineLayout } from '../markdown/inlineLayout';

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
  /** The unit that closes what this one opens, or opens what it closes; -1 for neither. */
  partner: number;
}

/** The units of an inline whose children the layout placed, in text order; undefined when it could not place them all. */
export function inlineUnits(children: readonly Token[], layout: InlineLayout): InlineUnit[] | undefined {
  if (!layout.complete) return undefined;
  const units: InlineUnit[] = [];
  const open: number[] = [];
  for (let k = 0; k < children.length; k++) {
    const child = children[k]!;
    const start = layout.start[k]!;
    const end = layout.end[k]!;
    if (child.type === 'text') {
      const chars = layout.chars[k];
      for (let j = 0; j < child.content.length; j++) {
        // A character decoded from an entity ends where the source of the next character starts.
        let next = j + 1;
        while (chars && next < child.content.length && chars[next] === chars[j]) next++;
        units.push({ first: k, last: k, char: j, start: chars ? chars[j]! : start + j, end: chars ? chars[next]! : start + j + 1, nesting: 0, partner: -1 });
      }
    } else if (child.type === 'link_open' && child.markup === 'autolink') {
      units.push({ first: k, last: k + 2, char: -1, start, end: layout.end[k + 2]!, nesting: 0, partner: -1 });
      k += 2;
    } else {
      const nesting = child.type === 'link_open' || child.type === 'link_close' || isEmphasis(child) ? child.nesting : 0;
      const unit = { first: k, last: k, char: -1, start, end, nesting, partner: -1 };
      if (nesting === 1) open.push(units.length);
      else if (nesting === -1) {
        const first = open.pop();
        if (first === undefined) return undefined;
        unit.partner = first;
        units[first]!.partner = units.length;
      }
      units.push(unit);
    }
  }
  return open.length ? undefined : units;
}

/** A highlight to wrap around a range of the recap's text, with the HTML of its opening and closing tags. */
export interface InlineMark {
  start: number;
  end: number;
  open: string;
  close: string;
}

interface Span {
  mark: InlineMark;
  order: number;
  /** Unit boundaries: the mark opens before unit p and closes before unit q. */
  p: number;
  q: number;
  /** How many elements hold both its start and its end (see balance). */
  shared: number;
}

/** A token of the shared engine's own Token class (the renderer reads plain fields, but keep one class). */
export function newToken(type: string, tag: string, nesting: -1 | 0 | 1): Token {
  const TokenClass = markdownEngine().core.State.prototype.Token;
  return new TokenClass(type, tag, nesting);
}

export function htmlToken(html: string): Token {
  const t = newToken('html_inline', '', 0);
  t.content = html;
  return t;
}

/**
 * The inline's children with each mark's range wrapped in its tags. A range
 * that starts or ends inside an element (a link, emphasis) grows to take the
 * whole element, and of two crossing ranges the later grows to take the
 * earlier, so the HTML stays well nested: one element per mark, always.
 */
export function markInline(children: Token[], units: InlineUnit[], marks: InlineMark[]): Token[] {
  const n = units.length;
  const spans: Span[] = marks.map((mark, order) => {
    // Units are in text order: binary searches, not a walk from the start for each mark.
    const p = firstIndex(n, (u) => units[u]!.end > mark.start);
    const q = firstIndex(n, (u) => units[u]!.start >= mark.end);
    return { mark, order, p, q: Math.max(p, q), shared: 0 };
  });
  balance(units, spans);
  // Crossing spans: the later grows to take the earlier. One sweep in start order with a stack of
  // the spans still open (nested, innermost on top); a span that crosses the top takes it and is
  // compared with the next one down. The union of two balanced, overlapping spans is balanced.
  spans.sort(bySpan);
  const stack: Span[] = [];
  for (const b of spans) {
    while (stack.length && stack.at(-1)!.q <= b.p) stack.pop();
    while (stack.length) {
      const a = stack.at(-1)!;
      if (b.q <= a.q && b.p >= a.p) break;
      b.p = Math.min(b.p, a.p);
      b.q = Math.max(b.q, a.q);
      stack.pop();
    }
    stack.push(b);
  }
  spans.sort(bySpan);

  const out: Token[] = [];
  const open: Span[] = [];
  let next = 0;
  // The characters not yet written out: units from..k-1, all of one text child.
  let from = -1;
  for (let k = 0; k <= n; k++) {
    const unit = units[k];
    const tagsHere = open.at(-1)?.q === k || spans[next]?.p === k;
    if (from >= 0 && (tagsHere || unit?.char === -1 || unit?.first !== units[from]!.first)) {
      const piece = newToken('text', '', 0);
      piece.content = children[units[from]!.first]!.content.slice(units[from]!.char, units[k - 1]!.char + 1);
      out.push(piece);
      from = -1;
    }
    while (open.at(-1)?.q === k) out.push(htmlToken(open.pop()!.mark.close));
    while (spans[next]?.p === k) {
      const span = spans[next++]!;
      out.push(htmlToken(span.mark.open));
      if (span.q === k) out.push(htmlToken(span.mark.close));
      else open.push(span);
    }
    if (unit?.char === -1) for (let c = unit.first; c <= unit.last; c++) out.push(children[c]!);
    else if (unit && from < 0) from = k;
  }
  return out;
}

function bySpan(a: Span, b: Span): number {
  return a.p - b.p || b.q - a.q || a.order - b.order;
}

/** The first index below `n` for which `holds`, it being false then true along 0..n-1; n if none. */
function firstIndex(n: number, holds: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Grows each span to the smallest range that holds every element it opens or
 * closes: the elements that hold both its start and its end stay around it,
 * and each end moves out of any other element it is in (to the start of the
 * outermost, or past its end). Two sweeps with a stack of the elements open at
 * each boundary, outermost first: forward for the ends, backward for the starts.
 */
function balance(units: InlineUnit[], spans: Span[]): void {
  const n = units.length;
  const open: number[] = [];
  const byEnd = [...spans].sort((a, b) => a.q - b.q);
  for (let k = 0, i = 0; k <= n; k++) {
    for (; i < byEnd.length && byEnd[i]!.q === k; i++) {
      const span = byEnd[i]!;
      // The stack holds the opening units, in text order: those before the start hold the start too.
      span.shared = firstIndex(open.length, (e) => open[e]! >= span.p);
      if (span.shared < open.length) span.q = units[open[span.shared]!]!.partner + 1;
    }
    if (units[k]?.nesting === 1) open.push(k);
    else if (units[k]?.nesting === -1) open.pop();
  }
  // Backward, the stack holds the closing units of the elements open at each boundary.
  const byStart = [...spans].sort((a, b) => b.p - a.p);
  for (let k = n, i = 0; k >= 0; k--) {
    for (; i < byStart.length && byStart[i]!.p === k; i++) {
      const span = byStart[i]!;
      if (span.shared < open.length) span.p = units[open[span.shared]!]!.partner;
    }
    if (units[k - 1]?.nesting === -1) open.push(k - 1);
    else if (units[k - 1]?.nesting === 1) open.pop();
  }
}
