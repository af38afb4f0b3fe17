import type { ParsedRecap } from '../recap/parseRecap';
import { MARK_CLOSE, markOpen, type PlacedFinding } from './findingMarks';
import { attrs, escapeHtml } from './html';

const SNIPPET = 90;

/**
 * The frontmatter as a compact header (title, event, date, author) rather
 * than raw YAML, and below it each frontmatter finding on its source line
 * with the exact text marked.
 */
export function renderHeader(parsed: ParsedRecap, findings: PlacedFinding[]): string {
  const fm = parsed.frontmatter;
  if (!fm) return '';
  const data = fm.data ?? {};
  const title = plainText(data.title);
  const events = parsed.events.map((e) => e.value);
  const meta: [string, string][] = [
    ['Event', events.length ? events.join(', ') : plainText(data.event)],
    ['Date', plainText(data.date)],
    ['Author', plainText(data.author ?? data.authors)],
  ];
  const metaHtml = meta
    .filter(([, value]) => value)
    .map(([label, value]) => `<span class="meta-item"><span class="meta-label">${label}</span> ${escapeHtml(value)}</span>`)
    .join('');
  const findingHtml = findings.map((f) => `<li>${frontmatterLine(parsed, f)}</li>`).join('');
  return (
    `<header${attrs({ class: 'recap-header', 'data-line': 0 })}>` +
    `<div class="recap-header-title">${title ? escapeHtml(title) : '<span class="muted">Untitled recap</span>'}</div>` +
    (metaHtml && `<div class="recap-header-meta">${metaHtml}</div>`) +
    (findingHtml && `<ul class="frontmatter-findings">${findingHtml}</ul>`) +
    '</header>'
  );
}

/** `line N  key: <mark>value</mark>` — the finding's first line, its range marked (cut to the line's end). */
function frontmatterLine(parsed: ParsedRecap, f: PlacedFinding): string {
  const { lines, text } = parsed;
  const line = f.line - 1;
  const lineStart = lines.lineStart(line);
  const lineEnd = lines.lineEnd(line);
  const start = Math.max(lineStart, Math.min(f.finding.start, lineEnd));
  const end = Math.max(start, Math.min(f.finding.end, lineEnd));
  let before = text.slice(lineStart, start);
  let marked = text.slice(start, end);
  let after = text.slice(end, lineEnd);
  if (marked.length > SNIPPET) marked = `${marked.slice(0, SNIPPET - 1)}…`;
  const room = Math.max(10, SNIPPET - marked.length);
  const indent = /^\s*/.exec(before)![0].length;
  before = before.slice(indent);
  if (before.length > room) before = `…${before.slice(before.length - room + 1)}`;
  if (after.length > room) after = `${after.slice(0, room - 1)}…`;
  return (
    `<span class="finding-line-no">line ${f.line}</span> ` +
    `<code class="frontmatter-snippet">${escapeHtml(before)}${markOpen(f)}${escapeHtml(marked)}${MARK_CLOSE}${escapeHtml(after)}</code>`
  );
}

/** A frontmatter value as one line of text: strings, numbers, dates, lists of them, `{name}` objects. */
export function plainText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(plainText).filter(Boolean).join(', ');
  if (typeof value === 'object' && 'name' in value) return plainText((value as { name: unknown }).name);
  return '';
}
