import type Token from 'markdown-it/lib/token.mjs';
import { markdownEngine } from '../markdown/engine';
import type { ParsedRecap } from '../recap/parseRecap';
import { badgeMark, MARK_CLOSE, markOpen, type PlacedFinding } from './findingMarks';
import { attrs, escapeHtml, safeHref, safeImageSrc } from './html';
import { inlineBounds, layoutInline } from '../references/inlineLayout';
import { htmlToken, inlineUnits, markInline, newToken, type InlineMark, type InlineUnit } from './markInline';
import { sanitizeFragment } from './sanitize';

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
 * badge at the start of its block. The findings come in text order. With
 * `allowHtml`, the recap's raw HTML is rendered (sanitized), not shown as text.
 */
export function renderBody(parsed: ParsedRecap, findings: PlacedFinding[], allowHtml: boolean): string {
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
  const sources = new Map<number, { units: InlineUnit[] | undefined; end: number }>();
  const sourceOf = (k: number) => {
    let source = sources.get(k);
    if (!source) {
      const t = inlines[k]!.token;
      const children = tokens[t]!.children ?? [];
      const layout = layoutInline(text, children, bounds.from[t]!, bounds.limit[t]!);
      const units = bounds.from[t]! < 0 ? undefined : inlineUnits(children, layout);
      source = { units, end: units?.reduce((most, u) => Math.max(most, u.end), 0) ?? 0 };
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
    while (block < tokens.length && (mapEnd = Math.max(mapEnd, tokens[block]!.map?.[1] ?? -1)) <= startLine) block++;
    if (block < tokens.length) push(blockBadges, block, f);
    else endBadges.push(f);
  }

  // Random text for placeholders that must survive sanitizing (raw HTML allowed).
  const key = allowHtml ? globalThis.crypto.randomUUID().replaceAll('-', '') : '';
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
    const marker = new RegExp(`RPM${key}[oc]\\d+X`, 'g');
    const first = new Map<string, number>();
    for (const m of html.matchAll(marker)) if (!first.has(m[0])) first.set(m[0], m.index!);
    const tags = new Map<string, string>();
    for (const p of placeholders) {
      const kept = (first.get(p.close) ?? -1) > (first.get(p.open) ?? Infinity);
      if (!kept) lost.push(p.f);
      tags.set(p.open, kept ? markOpen(p.f) : '').set(p.close, kept ? MARK_CLOSE : '');
    }
    html = html.replace(marker, (whole) => {
      const tag = tags.get(whole);
      tags.delete(whole);
      return tag ?? whole;
    });
    const allBadges = [...lost, ...(badges ?? [])];
    const badgeHtml = allBadges.length ? `${allBadges.map(badgeMark).join(' ')} ` : '';
    const slot = `RPM${key}badgesX `;
    html = html.includes(slot) ? html.replace(slot, () => badgeHtml) : badgeHtml + html;
    const clone = cloneToken(t);
    clone.children = [htmlToken(html)];
    return clone;
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
