import type Token from 'markdown-it/lib/token.mjs';
import { markdownEngine } from '../markdown/engine';
import type { ParsedRecap } from '../recap/parseRecap';
import { badgeMark, MARK_CLOSE, markOpen, type PlacedFinding } from './findingMarks';
import { attrs, escapeHtml, safeHref, safeImageSrc } from './html';
import { inlineBounds, layoutInline } from '../references/inlineLayout';
import { htmlToken, inlineUnits, markInline, newToken, type InlineMark, type InlineUnits } from './markInline';
import { sanitizeFragment } from './sanitize';

export interface BodyOptions {
  /** Render the recap's raw HTML (sanitized) instead of showing it as text. */
  allowHtml?: boolean;
  /** Random text for placeholders that must survive sanitizing (allowHtml only). */
  placeholderKey?: string;
}

interface InlineInfo {
  token: number;
  firstLine: number;
  endLine: number;
}

/**
 * The recap's Markdown body as HTML, from its tokens with the shared
 * engine's renderer: block elements carry `data-line` (0-based line of the
 * whole text, for scroll sync), each finding's text is wrapped in a mark, and
 * a finding with no single piece of text (spanning blocks, in code) gets a
 * badge at the start of its block.
 */
export function renderBody(parsed: ParsedRecap, findings: PlacedFinding[], options: BodyOptions = {}): string {
  const allowHtml = options.allowHtml === true;
  const engine = markdownEngine({ html: allowHtml });
  // The lint's tokens read raw HTML as text; with raw HTML allowed, the body's parse with HTML on.
  const tokens = allowHtml ? parsed.body.htmlTokens() : parsed.tokens;
  const { text, lines } = parsed;

  // Inline tokens and the lines they cover (table cells have no map: their row's).
  const inlines: InlineInfo[] = [];
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
  // Each inline's units, placed as the lint places its words (see inlineLayout.ts), for those that have marks.
  const bounds = inlineBounds(tokens, lines);
  const sources = new Map<number, { units: InlineUnits | undefined; end: number }>();
  const sourceOf = (k: number) => {
    let source = sources.get(k);
    if (!source) {
      const t = inlines[k]!.token;
      const children = tokens[t]!.children ?? [];
      const layout = layoutInline(text, children, bounds.from[t]!, bounds.limit[t]!);
      const units = bounds.from[t]! < 0 ? undefined : inlineUnits(children, layout);
      source = { units, end: units?.units.reduce((most, u) => Math.max(most, u.end), 0) ?? 0 };
      sources.set(k, source);
    }
    return source;
  };

  // Where each finding goes: marks in an inline, badges at an inline's start, badges before a block, or at the end.
  const marks = new Map<number, PlacedFinding[]>();
  const inlineBadges = new Map<number, PlacedFinding[]>();
  const blockBadges = new Map<number, PlacedFinding[]>();
  const endBadges: PlacedFinding[] = [];
  const push = <K>(map: Map<K, PlacedFinding[]>, key: K, f: PlacedFinding) => {
    const list = map.get(key);
    if (list) list.push(f);
    else map.set(key, [f]);
  };
  // The first token whose map ends after a line: a binary search over the running maximum of map ends
  // (what `tokens.findIndex((t) => t.map !== null && t.map[1] > line)` gave, without a walk per finding).
  const mapEnds = new Int32Array(tokens.length);
  for (let i = 0, most = -1; i < tokens.length; i++) mapEnds[i] = most = Math.max(most, tokens[i]!.map?.[1] ?? -1);
  const firstBlockEndingAfter = (line: number): number => {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (mapEnds[mid]! > line) hi = mid;
      else lo = mid + 1;
    }
    return lo < tokens.length ? lo : -1;
  };
  for (const f of findings) {
    const start = Math.min(f.finding.start, text.length);
    const startLine = lines.positionAt(start).line;
    const endLine = lines.positionAt(Math.max(start, Math.min(f.finding.end, text.length) - 1)).line;
    const k = inlineAtLine[startLine] ?? -1;
    if (k >= 0) {
      const info = inlines[k]!;
      if (endLine >= info.endLine) {
        push(inlineBadges, k, f);
        continue;
      }
      // Table cells share their row: the cell whose text reaches the finding.
      let chosen = k;
      for (let j = k; j < inlines.length && inlines[j]!.firstLine === info.firstLine; j++) {
        chosen = j;
        const source = sourceOf(j);
        if (source.units && source.end > start) break;
      }
      if (sourceOf(chosen).units) push(marks, chosen, f);
      else push(inlineBadges, chosen, f);
      continue;
    }
    const block = firstBlockEndingAfter(startLine);
    if (block >= 0) push(blockBadges, block, f);
    else endBadges.push(f);
  }

  const key = options.placeholderKey ?? 'k';
  const out: Token[] = [];
  let inlineIndex = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const before = blockBadges.get(i);
    if (before) out.push(badgeBlock(before, t.map?.[0]));
    if (t.type === 'inline') {
      inlineIndex++;
      out.push(renderedInline(t, inlineIndex));
    } else if (t.block && t.map && t.nesting !== -1) {
      const clone = cloneToken(t);
      if (t.type === 'html_block') clone.content = `<div${attrs({ class: 'raw-html', 'data-line': t.map[0] })}>${sanitizeFragment(t.content)}</div>\n`;
      else clone.attrs = [...(t.attrs ?? []), ['data-line', String(t.map[0])]];
      out.push(clone);
    } else {
      out.push(t);
    }
  }
  if (endBadges.length) out.push(badgeBlock(endBadges, undefined));
  return engine.renderer.render(out, engine.options, {});

  function renderedInline(t: Token, k: number): Token {
    let children = t.children ?? [];
    const own = marks.get(k);
    const placeholders: { open: string; close: string; f: PlacedFinding }[] = [];
    if (own) {
      const source = sourceOf(k).units!;
      const inlineMarks: InlineMark[] = own.map((f, n) => {
        if (!allowHtml) return { start: f.finding.start, end: f.finding.end, open: markOpen(f), close: MARK_CLOSE };
        const p = { open: `RPM${key}o${n}X`, close: `RPM${key}c${n}X`, f };
        placeholders.push(p);
        return { start: f.finding.start, end: f.finding.end, open: p.open, close: p.close };
      });
      children = markInline(children, source, inlineMarks);
    }
    children = children.map(safeChild);
    const badges = inlineBadges.get(k);
    if (badges) children = [htmlToken(allowHtml ? `RPM${key}badgesX ` : `${badges.map(badgeMark).join(' ')} `), ...children];
    if (!allowHtml) {
      if (children === t.children) return t;
      const clone = cloneToken(t);
      clone.children = children;
      return clone;
    }
    // Raw HTML allowed: sanitize what this inline renders, then put the marks (placeholders until now) back.
    let html = sanitizeFragment(engine.renderer.renderInline(children, engine.options, {}));
    // One pass to find where each placeholder survived, one to put the marks in (not a search of the whole HTML per mark).
    const lost: PlacedFinding[] = [];
    if (placeholders.length) {
      const marker = new RegExp(`RPM${key}([oc])(\\d+)X`, 'g');
      const opens = new Int32Array(placeholders.length).fill(-1);
      const closes = new Int32Array(placeholders.length).fill(-1);
      for (const m of html.matchAll(marker)) {
        const seen = m[1] === 'o' ? opens : closes;
        const n = Number(m[2]);
        if (n < placeholders.length && seen[n] === -1) seen[n] = m.index!;
      }
      const kept = placeholders.map((p, n) => {
        const ok = opens[n]! >= 0 && closes[n]! > opens[n]!;
        if (!ok) lost.push(p.f);
        return ok;
      });
      const done = new Uint8Array(2 * placeholders.length);
      html = html.replace(marker, (whole, kind: string, digits: string) => {
        const n = Number(digits);
        if (n >= placeholders.length) return whole;
        const slot = 2 * n + (kind === 'o' ? 0 : 1);
        if (done[slot]) return whole;
        done[slot] = 1;
        return !kept[n] ? '' : kind === 'o' ? markOpen(placeholders[n]!.f) : MARK_CLOSE;
      });
    }
    const allBadges = [...lost, ...(badges ?? [])];
    const badgeHtml = allBadges.length ? `${allBadges.map(badgeMark).join(' ')} ` : '';
    const slot = `RPM${key}badgesX `;
    html = html.includes(slot) ? replaceOnce(html, slot, badgeHtml) : badgeHtml + html;
    const clone = cloneToken(t);
    clone.children = [htmlToken(html)];
    return clone;
  }
}

function replaceOnce(s: string, find: string, replacement: string): string {
  const at = s.indexOf(find);
  return at < 0 ? s : s.slice(0, at) + replacement + s.slice(at + find.length);
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
