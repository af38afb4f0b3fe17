import type Token from 'markdown-it/lib/token.mjs';
import { markdownEngine } from '../markdown/engine';
import type { ParsedRecap } from '../recap/parseRecap';
import { badgeMark, MARK_CLOSE, markOpen, type PlacedFinding } from './findingMarks';
import { attrs, escapeHtml, safeHref, safeImageSrc } from './html';
import { inlineBounds, layoutInline } from '../markdown/inlineLayout';
import { htmlToken, inlineUnits, markInline, newToken, type InlineMark, type InlineUnit } from './markInline';
import { sanitizeFragment } from './sanitize';

/** Where findings go in front of a token: marks in its text (an inline), badges at its start, a badge paragraph before it. */
interface Placement {
  marks: PlacedFinding[];
  badges: PlacedFinding[];
  before: PlacedFinding[];
}

/**
 * The recap's Markdown body as HTML, from its tokens with the shared
 * engine's renderer: block elements carry `data-line` (0-based line of the
 * whole text, for scroll sync), each finding's text is wrapped in a mark, and
 * a finding with no single piece of text (spanning blocks, in code) gets a
 * badge at the start of its block. The findings come in text order. With
 * `allowHtml`, the recap's raw HTML is rendered (sanitized), not shown as text.
 */
export function renderBody(parsed: ParsedRecap, findings: PlacedFinding[], allowHtml: boolean): string {
  const engine = markdownEngine({ html: allowHtml });
  // The lint's tokens read raw HTML as text; with raw HTML allowed, the body's parse with HTML on.
  const tokens = allowHtml ? parsed.body.htmlTokens() : parsed.tokens;
  const { text, lines } = parsed;

  // Inline tokens and the lines they cover (table cells have no map: their row's).
  const inlines: { token: number; firstLine: number; endLine: number }[] = [];
  const inlineAtLine = new Int32Array(lines.lineCount).fill(-1);
  let lastMap: [number, number] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.map) lastMap = t.map;
    if (t.type !== 'inline' || !lastMap) continue;
    const [firstLine, endLine] = lastMap;
    if (inlineAtLine[firstLine] === -1)
      for (let l = firstLine; l < endLine && l < lines.lineCount; l++) if (inlineAtLine[l] === -1) inlineAtLine[l] = inlines.length;
    inlines.push({ token: i, firstLine, endLine });
  }
  // Each inline token's units, placed as the lint places its words (see inlineLayout.ts), for those that have marks.
  const bounds = inlineBounds(tokens, lines);
  const sources = new Map<number, { children: Token[]; units: InlineUnit[] | undefined; end: number }>();
  const sourceOf = (t: number) => {
    let source = sources.get(t);
    if (!source) {
      const children = parsed.body.children(tokens[t]!);
      const units = bounds.from[t]! < 0 ? undefined : inlineUnits(children, layoutInline(text, children, bounds.from[t]!, bounds.limit[t]!));
      source = { children, units, end: units?.reduce((most, u) => Math.max(most, u.end), 0) ?? 0 };
      sources.set(t, source);
    }
    return source;
  };

  // Where each finding goes, by token index (tokens.length: after the last).
  const placements = new Map<number, Placement>();
  const at = (i: number) => placements.get(i) ?? placements.set(i, { marks: [], badges: [], before: [] }).get(i)!;
  // The block a finding outside any inline gets its badge before: the first token whose map ends after its
  // line. Findings come in text order, so one pointer walks the tokens once.
  let block = 0;
  let mapEnd = -1;
  for (const f of findings) {
    const start = Math.min(f.finding.start, text.length);
    const startLine = lines.positionAt(start).line;
    const endLine = lines.positionAt(Math.max(start, Math.min(f.finding.end, text.length) - 1)).line;
    const k = inlineAtLine[startLine] ?? -1;
    if (k >= 0) {
      const info = inlines[k]!;
      if (endLine >= info.endLine) {
        at(info.token).badges.push(f);
        continue;
      }
      // Table cells share their row: the cell whose text reaches the finding.
      let chosen = info.token;
      for (let j = k; j < inlines.length && inlines[j]!.firstLine === info.firstLine; j++) {
        chosen = inlines[j]!.token;
        const source = sourceOf(chosen);
        if (source.units && source.end > start) break;
      }
      (sourceOf(chosen).units ? at(chosen).marks : at(chosen).badges).push(f);
      continue;
    }
    while (block < tokens.length && (mapEnd = Math.max(mapEnd, tokens[block]!.map?.[1] ?? -1)) <= startLine) block++;
    at(block).before.push(f);
  }

  // Random text for placeholders that must survive sanitizing (raw HTML allowed): 18 hex digits, short as they are many.
  const key = allowHtml ? Array.from(globalThis.crypto.getRandomValues(new Uint8Array(9)), (b) => b.toString(16).padStart(2, '0')).join('') : '';
  const tag = (kind: 'o' | 'c', n: number) => `RPM${key}${kind}${n}X`;
  const slot = `RPM${key}badgesX `;
  const out: Token[] = [];
  for (let i = 0; i <= tokens.length; i++) {
    const place = placements.get(i);
    const t = tokens[i];
    if (place?.before.length) out.push(badgeBlock(place.before, t?.map?.[0]));
    if (!t) break;
    if (t.type === 'inline') {
      out.push(renderedInline(t, i, place?.marks ?? [], place?.badges ?? []));
    } else if (t.block && t.map && t.nesting !== -1) {
      const clone = cloneToken(t);
      if (t.type === 'html_block') clone.content = `<div${attrs({ class: 'raw-html', 'data-line': t.map[0] })}>${sanitizeFragment(t.content)}</div>\n`;
      else clone.attrs = [...(t.attrs ?? []), ['data-line', String(t.map[0])]];
      out.push(clone);
    } else {
      out.push(t);
    }
  }
  return engine.renderer.render(out, engine.options, {});

  function renderedInline(t: Token, i: number, marks: PlacedFinding[], badges: PlacedFinding[]): Token {
    let children = sources.get(i)?.children ?? parsed.body.children(t);
    if (marks.length) {
      const inlineMarks = marks.map((f, n): InlineMark => {
        const { start, end } = f.finding;
        return allowHtml ? { start, end, open: tag('o', n), close: tag('c', n) } : { start, end, open: markOpen(f), close: MARK_CLOSE };
      });
      children = markInline(children, sourceOf(i).units!, inlineMarks);
    }
    children = children.map(safeChild);
    if (badges.length) children = [htmlToken(allowHtml ? slot : `${badges.map(badgeMark).join(' ')} `), ...children];
    const clone = cloneToken(t);
    clone.children = allowHtml ? [htmlToken(sanitizedWithMarks(children, marks, badges))] : children;
    return clone;
  }

  /**
   * Raw HTML allowed: what an inline renders, sanitized, with the marks (placeholders until now) put back.
   * One pass finds where each placeholder survived, one puts the marks in (not a search of the HTML per mark);
   * a mark whose placeholders did not survive in order becomes a badge.
   */
  function sanitizedWithMarks(children: Token[], marks: PlacedFinding[], badges: PlacedFinding[]): string {
    const html = sanitizeFragment(engine.renderer.renderInline(children, engine.options, {}));
    const marker = new RegExp(`RPM${key}([oc])(\\d+)X`, 'g');
    // Per mark, where its opening and closing placeholders first are.
    const seen = marks.map((): [number, number] => [-1, -1]);
    for (const m of html.matchAll(marker)) {
      const at = seen[Number(m[2])];
      const side = m[1] === 'o' ? 0 : 1;
      if (at?.[side] === -1) at[side] = m.index!;
    }
    const kept = seen.map(([open, close]) => open >= 0 && close > open);
    const lost = marks.filter((_, n) => !kept[n]);
    const marked = html.replace(marker, (whole, kind: string, digits: string, offset: number) => {
      const n = Number(digits);
      if (seen[n]?.[kind === 'o' ? 0 : 1] !== offset) return whole;
      return !kept[n] ? '' : kind === 'o' ? markOpen(marks[n]!) : MARK_CLOSE;
    });
    const all = [...lost, ...badges];
    const badgeHtml = all.length ? `${all.map(badgeMark).join(' ')} ` : '';
    return marked.includes(slot) ? marked.replace(slot, () => badgeHtml) : badgeHtml + marked;
  }
}

/** A paragraph of badges for findings outside any text (in code, on a rule, past the end). */
function badgeBlock(findings: PlacedFinding[], line: number | undefined): Token {
  const t = newToken('html_block', '', 0);
  t.content = `<p${attrs({ class: 'finding-badges', 'data-line': line })}>${findings.map(badgeMark).join(' ')}</p>\n`;
  return t;
}

function cloneToken(t: Token): Token {
  const clone = newToken(t.type, t.tag, t.nesting);
  Object.assign(clone, t);
  clone.attrs = t.attrs ? t.attrs.map(([name, value]) => [name, value] as [string, string]) : null;
  return clone;
}

/** Links get `rel="noopener noreferrer"` and lose any target that is not http(s), mailto or relative; images load only from http(s) or data:. */
function safeChild(t: Token): Token {
  if (t.type === 'link_open') {
    const clone = cloneToken(t);
    const href = t.attrGet('href');
    const safe = href === null ? undefined : safeHref(href);
    clone.attrs = (clone.attrs ?? []).filter(([name]) => name !== 'href' && name !== 'rel');
    if (safe !== undefined) clone.attrs.unshift(['href', safe]);
    clone.attrs.push(['rel', 'noopener noreferrer']);
    return clone;
  }
  if (t.type === 'image') {
    const src = t.attrGet('src') ?? '';
    if (safeImageSrc(src) !== undefined) return t;
    return htmlToken(`<span${attrs({ class: 'image-unavailable', title: src })}>[image: ${escapeHtml(t.content)}]</span>`);
  }
  return t;
}
