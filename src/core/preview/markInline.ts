import type Token from 'markdown-it/lib/token.mjs';
import { markdownEngine } from '../markdown/engine';
import type { InlineSource } from './inlineSource';

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
export function markInline(children: Token[], source: InlineSource, marks: InlineMark[]): Token[] {
  const { units, partner } = source;
  const n = units.length;
  const spans: Span[] = marks.map((mark, order) => {
    let p = 0;
    while (p < n && units[p]!.end <= mark.start) p++;
    let q = n;
    while (q > p && units[q - 1]!.start >= mark.end) q--;
    return { mark, order, p, q };
  });
  for (const span of spans) balance(span, units, partner);
  // Crossing spans: grow the later one over the earlier one until none cross.
  for (let changed = true, rounds = 0; changed && rounds < 50; rounds++) {
    changed = false;
    spans.sort(bySpan);
    for (let i = 0; i < spans.length; i++) {
      for (let j = i + 1; j < spans.length; j++) {
        const a = spans[i]!;
        const b = spans[j]!;
        if (b.p > a.p && b.p < a.q && b.q > a.q) {
          b.p = a.p;
          balance(b, units, partner);
          changed = true;
        }
      }
    }
  }
  spans.sort(bySpan);

  const out: Token[] = [];
  const open: Span[] = [];
  let next = 0;
  let run: { child: number; from: number; to: number } | undefined;
  const flush = () => {
    if (!run) return;
    const original = children[run.child]!;
    const piece = newToken('text', '', 0);
    piece.content = original.content.slice(run.from, run.to);
    out.push(piece);
    run = undefined;
  };
  for (let k = 0; k <= n; k++) {
    const closing = open.length && open[open.length - 1]!.q === k;
    const opening = next < spans.length && spans[next]!.p === k;
    if (closing || opening) flush();
    while (open.length && open[open.length - 1]!.q === k) out.push(htmlToken(open.pop()!.mark.close));
    while (next < spans.length && spans[next]!.p === k) {
      const span = spans[next++]!;
      out.push(htmlToken(span.mark.open));
      if (span.q === k) out.push(htmlToken(span.mark.close));
      else open.push(span);
    }
    if (k === n) break;
    const unit = units[k]!;
    if (unit.char >= 0) {
      if (run && run.child === unit.first && run.to === unit.char) run.to = unit.char + 1;
      else {
        flush();
        run = { child: unit.first, from: unit.char, to: unit.char + 1 };
      }
    } else {
      flush();
      for (let c = unit.first; c <= unit.last; c++) out.push(children[c]!);
    }
  }
  flush();
  return out;
}

function bySpan(a: Span, b: Span): number {
  return a.p - b.p || b.q - a.q || a.order - b.order;
}

/** Grows a span until every element it opens or closes is inside it. */
function balance(span: Span, units: InlineSource['units'], partner: Int32Array): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (let u = span.p; u < span.q; u++) {
      const nesting = units[u]!.nesting;
      if (nesting === 1 && partner[u]! >= span.q) {
        span.q = partner[u]! + 1;
        changed = true;
      } else if (nesting === -1 && partner[u]! < span.p) {
        span.p = partner[u]!;
        changed = true;
      }
    }
  }
}
