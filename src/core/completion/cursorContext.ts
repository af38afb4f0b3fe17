import type { LineIndex } from '../text/lineIndex';

/**
 * What the cursor is on, for completion. Read from the lines around the
 * cursor rather than from the YAML tree: while someone types, the frontmatter
 * is often not valid YAML, and completion must keep working then.
 */
export type CursorContext =
  /** The value of `event:` or an item of its list. */
  | { kind: 'event'; replace: Span; prefix: string }
  /** A new item of `talks:`: the whole entry is inserted. `listItem` says whether the line already has its `- `. */
  | { kind: 'talk'; replace: Span; prefix: string; indent: number; listItem: boolean; convertFlow: boolean }
  /** The value of a talk's `id:`. */
  | { kind: 'talk-id'; replace: Span; prefix: string }
  /** A speaker of a talk: `- name: …` or a bare `- …` under `speakers:`. */
  | { kind: 'speaker'; replace: Span; prefix: string; keyColumn: number; form: 'name' | 'item' }
  /** The body trigger (`@@query`): `replace` covers the trigger and the query. */
  | { kind: 'reference'; replace: Span; query: string };

/** Offsets into the whole text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface ContextOptions {
  /** The characters that start a talk reference in the body. */
  trigger: string;
  /** Zero-based lines inside fenced or indented code (from the parse). */
  codeLines?: ReadonlySet<number>;
  /** The parse's line table, so the cursor's line is not counted again. */
  lines?: LineIndex;
}

interface Line {
  start: number;
  text: string;
}

export function cursorContext(text: string, offset: number, options: ContextOptions): CursorContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const lineText = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const tomlClose = tomlFrontmatterClose(text);
  if (tomlClose !== undefined && lineStart > 0 && lineStart < tomlClose) return tomlContext(text, { start: lineStart, text: lineText }, offset - lineStart);
  const close = frontmatterClose(text);
  if (close !== undefined && lineStart > 0 && lineStart < close) {
    return frontmatterContext(text, { start: lineStart, text: lineText }, offset - lineStart);
  }
  // An unclosed frontmatter runs to the end: there is no body yet.
  if (close === text.length + 1) return undefined;
  const lineNumber = options.lines ? options.lines.positionAt(lineStart).line : countLines(text, lineStart);
  if (options.codeLines?.has(lineNumber)) return undefined;
  return referenceContext(lineText, lineStart, offset - lineStart, options.trigger);
}

function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Where the frontmatter's closing line starts, reading only up to it; past
 * the end of the text while it is not closed yet; undefined without one.
 */
function frontmatterClose(text: string): number | undefined {
  if (!/^\uFEFF?---[ \t]*(\r?\n|$)/.test(text)) return undefined;
  for (let start = text.indexOf('\n') + 1; start > 0 && start < text.length;) {
    const end = text.indexOf('\n', start);
    if (/^(---|\.\.\.)[ \t]*\r?$/.test(text.slice(start, end < 0 ? text.length : end))) return start;
    start = end + 1;
  }
  return text.length + 1;
}

/** Where a TOML frontmatter's closing `+++` line starts; past the end while it is not closed; undefined without one. */
function tomlFrontmatterClose(text: string): number | undefined {
  if (!/^\uFEFF?\+\+\+[ \t]*(\r?\n|$)/.test(text)) return undefined;
  const m = /^\+\+\+[ \t]*\r?$/m.exec(text.slice(text.indexOf('\n') + 1));
  return m ? text.indexOf('\n') + 1 + m.index : text.length + 1;
}

/**
 * TOML frontmatter: `event = "kub|"` at the top level completes event ids, `id = "…|"` in a
 * `[[talks]]` table talk ids. Only inside the quotes, so what is inserted stays a TOML string.
 */
function tomlContext(text: string, line: Line, column: number): CursorContext | undefined {
  const before = line.text.slice(0, column);
  const m = /^[ \t]*(event|id)[ \t]*=[ \t]*(?:\[[^\]]*?,?[ \t]*)?"([^"]*)$/.exec(before);
  if (!m) return undefined;
  const header = /^[ \t]*\[(\[?)[ \t]*([^\]]*?)[ \t]*\]/gm;
  let table: string | undefined;
  for (let h = header.exec(text); h && h.index < line.start; h = header.exec(text)) table = h[1] ? `[${h[2]}]` : h[2];
  const close = line.text.indexOf('"', column);
  const replace = { start: line.start + column - m[2]!.length, end: line.start + (close < 0 ? column : close) };
  if (m[1] === 'event' && table === undefined) return { kind: 'event', replace, prefix: m[2]!.trim() };
  if (m[1] === 'id' && table === '[talks]') return { kind: 'talk-id', replace, prefix: m[2]!.trim() };
  return undefined;
}

function referenceContext(line: string, lineStart: number, column: number, trigger: string): CursorContext | undefined {
  if (!trigger) return undefined;
  const before = line.slice(0, column);
  const at = before.lastIndexOf(trigger);
  if (at < 0) return undefined;
  const query = before.slice(at + trigger.length);
  // A reference query is a few words on one line; a long run of text after the trigger is prose.
  if (query.length > 80 || /[[\]()`]/.test(query)) return undefined;
  // Inside an inline code span: an odd number of backticks before the trigger.
  if ((before.slice(0, at).match(/`/g)?.length ?? 0) % 2 === 1) return undefined;
  return { kind: 'reference', replace: { start: lineStart + at, end: lineStart + column }, query };
}

function frontmatterContext(text: string, line: Line, column: number): CursorContext | undefined {
  const before = line.text.slice(0, column);
  if (inComment(before)) return undefined;
  const indent = before.length - before.trimStart().length;
  const valueSpan = (from: number): Span => ({ start: line.start + from, end: line.start + valueEnd(line.text, from, column) });

  // `event: kub|` at the top level.
  let m = /^event:[ \t]*/.exec(before);
  if (m && indent === 0) {
    const rest = before.slice(m[0].length);
    if (rest.startsWith('[')) return flowItem(line, column, 'event');
    return { kind: 'event', replace: valueSpan(m[0].length), prefix: unquote(rest) };
  }
  // `talks: []|`, `talks: [lips|]` or `talks:|`: the first entry, turning a flow list into a block
  // list; what is typed inside the empty brackets is the query.
  m = /^talks:[ \t]*(?:\[([^[\],#]*)\]?)?[ \t]*$/.exec(line.text);
  if (m && indent === 0 && column >= 'talks:'.length) {
    const open = line.text.indexOf('[');
    const prefix =
      open >= 0 && column > open
        ? line.text
            .slice(open + 1, column)
            .replace(/\]$/, '')
            .trim()
        : '';
    return {
      kind: 'talk',
      replace: { start: line.start + 'talks:'.length, end: line.start + line.text.length },
      prefix,
      indent: 2,
      listItem: false,
      convertFlow: true,
    };
  }
  const parents = parentKeys(text, line, column);
  const parent = parents[0];
  const item = /^([ \t]*)-[ \t]*/.exec(before);

  if (parent?.key === 'event' && parent.indent === 0 && item) {
    return { kind: 'event', replace: valueSpan(item[0].length), prefix: unquote(before.slice(item[0].length)) };
  }
  if (parent?.key === 'talks' && parent.indent === 0) {
    if (item && !/:/.test(before.slice(item[0].length))) {
      const rest = before.slice(item[0].length);
      return { kind: 'talk', replace: valueSpan(item[0].length), prefix: unquote(rest), indent: item[1]!.length, listItem: true, convertFlow: false };
    }
    if (/^[ \t]*$/.test(line.text)) {
      return {
        kind: 'talk',
        replace: { start: line.start, end: line.start + line.text.length },
        prefix: '',
        indent: itemIndentUnder(text, parent.lineStart),
        listItem: false,
        convertFlow: false,
      };
    }
  }
  // `id: …` of a talk: its parent is the list item under `talks:`.
  m = /^([ \t]*)(-[ \t]+)?id:[ \t]*/.exec(before);
  if (m && parents.some((p) => p.key === 'talks' && p.indent === 0)) {
    return { kind: 'talk-id', replace: valueSpan(m[0].length), prefix: unquote(before.slice(m[0].length)) };
  }
  const inSpeakers = (p: ParentKey | undefined) => p?.key === 'speakers' && parents.some((q) => q.key === 'talks' && q.indent === 0);
  // `- name: Ab|` under speakers:
  m = /^([ \t]*)(-[ \t]+)?name:[ \t]*/.exec(before);
  if (m && inSpeakers(parent)) {
    return {
      kind: 'speaker',
      replace: valueSpan(m[0].length),
      prefix: unquote(before.slice(m[0].length)),
      keyColumn: m[1]!.length + (m[2]?.length ?? 0),
      form: 'name',
    };
  }
  if (item && inSpeakers(parent) && !/:/.test(before.slice(item[0].length))) {
    return { kind: 'speaker', replace: valueSpan(item[0].length), prefix: unquote(before.slice(item[0].length)), keyColumn: item[0].length, form: 'item' };
  }
  return undefined;
}

/** `event: [a, b|]`: the item around the cursor. */
function flowItem(line: Line, column: number, kind: 'event'): CursorContext {
  let start = column;
  while (start > 0 && !/[[,]/.test(line.text[start - 1]!)) start--;
  while (start < column && /\s/.test(line.text[start]!)) start++;
  let end = column;
  while (end < line.text.length && !/[\],]/.test(line.text[end]!)) end++;
  while (end > column && /\s/.test(line.text[end - 1]!)) end--;
  return { kind, replace: { start: line.start + start, end: line.start + end }, prefix: unquote(line.text.slice(start, column)) };
}

/** Where the value that the cursor is in ends: the line's end, before a trailing comment. */
function valueEnd(line: string, from: number, column: number): number {
  const comment = line.slice(from).search(/\s#/);
  const end = comment >= 0 ? from + comment : line.length;
  return Math.max(column, end - (line.slice(from, end).length - line.slice(from, end).trimEnd().length));
}

interface ParentKey {
  key: string;
  indent: number;
  /** Offset of the key's line. */
  lineStart: number;
}

/** The keys enclosing the cursor's line, innermost first, found by indentation. */
function parentKeys(text: string, line: Line, column: number): ParentKey[] {
  const out: ParentKey[] = [];
  const blank = !line.text.trim();
  const indent = blank ? column : line.text.length - line.text.trimStart().length;
  // A line's own `- ` nests it one level deeper than a key at its indentation;
  // a blank line at column 0 still belongs to the top-level key above it.
  let limit = /^[ \t]*-/.test(line.text) ? indent + 1 : Math.max(indent, blank ? 1 : 0);
  let pos = line.start;
  while (pos > 0 && limit > 0) {
    const prevEnd = pos - 1;
    const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
    const prev = text.slice(prevStart, prevEnd).replace(/\r$/, '');
    pos = prevStart;
    if (/^(---|\.\.\.)\s*$/.test(prev)) break;
    if (!prev.trim() || /^\s*#/.test(prev)) continue;
    const prevIndent = prev.length - prev.trimStart().length;
    if (prevIndent >= limit) continue;
    const content = prev.slice(prevIndent);
    const dash = /^-[ \t]*/.exec(content);
    if (dash) {
      // A list item: what encloses it is above it, at a smaller indentation.
      limit = prevIndent;
      continue;
    }
    const key = /^([A-Za-z_][\w-]*):(?:\s|$)/.exec(content);
    if (key) out.push({ key: key[1]!, indent: prevIndent, lineStart: prevStart });
    limit = prevIndent;
  }
  return out;
}

/** The indentation of the first list item under the key whose line starts at `keyLineStart` (2 when it has none). */
function itemIndentUnder(text: string, keyLineStart: number): number {
  const rest = text.slice(text.indexOf('\n', keyLineStart) + 1);
  const m = /^(?:[ \t]*\r?\n)*([ \t]*)-/.exec(rest);
  return m && m[1]!.length > 0 ? m[1]!.length : 2;
}

function inComment(before: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < before.length; i++) {
    const c = before[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(before[i - 1]!))) return true;
  }
  return false;
}

function unquote(value: string): string {
  return value.replace(/^["']/, '').trim();
}
