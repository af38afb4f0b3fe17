import { parse as parseToml, TomlError } from 'smol-toml';
import type { Problem } from '../problem';
import type { Frontmatter, FrontmatterFormat, FrontmatterSplit } from './frontmatter';
import { LineIndex } from '../text/lineIndex';

/*
 * Frontmatter other than YAML, as blogs write it: TOML between `+++` lines
 * (Hugo, Zola), a leading JSON object (Hugo), and Pelican's `Key: value`
 * header lines up to the first blank line. The values come from a real parser
 * (smol-toml, JSON.parse); their positions, which those parsers do not keep,
 * are found again in the text by `locate*` below (parseRecap reads them).
 */

const TOML_OPEN = /^\uFEFF?\+\+\+[ \t]*\r?\n/;
const TOML_CLOSE = /^\+\+\+[ \t]*$/gm;
/** A `{` alone on the first line, or followed by a key: not a Liquid tag or a Hugo shortcode. */
const JSON_OPEN = /^\uFEFF?\{[ \t]*(?:\r?\n|")/;
const PELICAN_LINE = /^([A-Za-z][\w-]*):(?:[ \t]+(.*?))?[ \t]*\r?$/;
/** A header is Pelican's only when it names one of these (Pelican requires a title; most write the date). */
const PELICAN_KEYS = new Set(['title', 'date']);

/** The frontmatter when it is TOML, JSON or a Pelican header; undefined when the text starts with none. */
export function splitOtherFrontmatter(text: string): FrontmatterSplit | undefined {
  if (TOML_OPEN.test(text)) return splitToml(text);
  if (JSON_OPEN.test(text)) return splitJson(text);
  return splitPelican(text);
}

/** Offset just past the line holding `offset` and its line break. */
function pastLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

function syntax(message: string, start: number, end: number): Problem {
  return { code: 'frontmatter-syntax', severity: 'error', message, start, end: Math.max(end, start + 1) };
}

function block(
  format: FrontmatterFormat,
  start: number,
  contentStart: number,
  contentEnd: number,
  end: number,
  data: Record<string, unknown> | undefined,
  problems: Problem[],
): FrontmatterSplit {
  const frontmatter: Frontmatter = { format, start, contentStart, contentEnd, end, data, problems, parses: problems.length === 0 };
  return { frontmatter, bodyStart: end, problems: [] };
}

function splitToml(text: string): FrontmatterSplit {
  const open = TOML_OPEN.exec(text)!;
  const start = text.indexOf('+');
  const contentStart = open[0].length;
  TOML_CLOSE.lastIndex = contentStart;
  let close: RegExpExecArray | null;
  while ((close = TOML_CLOSE.exec(text)) && close.index > 0 && text[close.index - 1] !== '\n') {
    /* keep searching */
  }
  if (!close) {
    const message = 'The TOML frontmatter opened on line 1 with `+++` is never closed: add a line with `+++` after its last key.';
    return { frontmatter: undefined, bodyStart: 0, problems: [syntax(message, start, start + 3)] };
  }
  const contentEnd = close.index;
  const end = pastLine(text, close.index);
  const source = text.slice(contentStart, contentEnd);
  try {
    const data = parseToml(source) as Record<string, unknown>;
    return block('toml', start, contentStart, contentEnd, end, data, []);
  } catch (err) {
    let at = contentStart;
    if (err instanceof TomlError) {
      let lineStart = 0;
      for (let l = 1; l < err.line && lineStart >= 0; l++) lineStart = source.indexOf('\n', lineStart) + 1;
      at = Math.min(contentEnd, contentStart + Math.max(0, lineStart) + Math.max(0, err.column - 1));
    }
    const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.replace(/^Invalid TOML document:\s*/i, '');
    const message = `TOML: ${reason} on line ${new LineIndex(text).positionAt(at).line + 1}. Fix that line of the \`+++\` block: each line is \`key = value\`, text in double quotes, a talk a \`[[talks]]\` table.`;
    return block('toml', start, contentStart, contentEnd, end, undefined, [syntax(message, at, pastLine(text, at) - 1)]);
  }
}

/** End (exclusive) of the bracketed value opening at `start`, strings skipped; -1 when never closed. */
function balancedEnd(text: string, start: number, limit = text.length): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = start; i < limit; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

function splitJson(text: string): FrontmatterSplit {
  const start = text.indexOf('{');
  const close = balancedEnd(text, start);
  if (close < 0) {
    const message = 'The JSON frontmatter opened on line 1 with `{` is never closed: add the `}` that ends it, on a line of its own.';
    return { frontmatter: undefined, bodyStart: 0, problems: [syntax(message, start, start + 1)] };
  }
  const end = pastLine(text, close - 1);
  try {
    const data = JSON.parse(text.slice(start, close)) as Record<string, unknown>;
    return block('json', start, start, close, end, data, []);
  } catch (err) {
    const raw = err instanceof Error ? err.message : String(err);
    const position = /at position (\d+)/.exec(raw);
    const at = position ? Math.min(close - 1, start + Number(position[1])) : start;
    const reason = raw.replace(/\s*(?:in JSON )?at position \d+.*$/, '').replace(/ in JSON$/, '');
    const message = `JSON: ${reason} on line ${new LineIndex(text).positionAt(at).line + 1}. Fix the frontmatter object there: keys and text in double quotes, no comma after the last item.`;
    return block('json', start, start, close, end, undefined, [syntax(message, at, pastLine(text, at) - 1)]);
  }
}

function splitPelican(text: string): FrontmatterSplit | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const data: Record<string, unknown> = {};
  let pos = start;
  let contentEnd = start;
  while (pos < text.length) {
    const next = pastLine(text, pos);
    const line = text.slice(pos, next).replace(/\r?\n$/, '');
    if (!line.trim()) break;
    const m = PELICAN_LINE.exec(line);
    if (!m) return undefined;
    data[m[1]!.toLowerCase()] = m[2] ?? '';
    contentEnd = pos + line.length;
    pos = next;
  }
  if (!Object.keys(data).some((k) => PELICAN_KEYS.has(k))) return undefined;
  return block('pelican', start, start, contentEnd, pos < text.length ? pastLine(text, pos) : text.length, data, []);
}

/** Where a key and its value are written. */
export interface Located {
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first `key = value` (TOML), `"key": value` (JSON) or `Key: value` (Pelican) in [from, to). */
export function locateKey(text: string, format: FrontmatterFormat, key: string, from: number, to: number): Located | undefined {
  const k = escapeRegExp(key);
  const re =
    format === 'toml'
      ? new RegExp(`^[ \\t]*(["']?)${k}\\1[ \\t]*=[ \\t]*`, 'gm')
      : format === 'json'
        ? new RegExp(`"${k}"\\s*:\\s*`, 'g')
        : new RegExp(`^${k}[ \\t]*:[ \\t]*`, 'gim');
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m || m.index >= to) return undefined;
  const keyStart = m.index + m[0].search(/[^\s"']/);
  const valueStart = m.index + m[0].length;
  return { keyStart, keyEnd: keyStart + key.length, valueStart, valueEnd: valueEndAt(text, format, valueStart, to) };
}

/** End of the value written at `start`: a quoted string, a bracketed list or table, or the rest of the line. */
function valueEndAt(text: string, format: FrontmatterFormat, start: number, to: number): number {
  const c = text[start];
  if (format !== 'pelican') {
    if (text.startsWith('"""', start) || text.startsWith("'''", start)) {
      const e = text.indexOf(text.slice(start, start + 3), start + 3);
      return e < 0 ? to : Math.min(to, e + 3);
    }
    if (c === '"' || c === "'") {
      for (let i = start + 1; i < to; i++) {
        if (text[i] === '\\' && c === '"') i++;
        else if (text[i] === c || text[i] === '\n') return text[i] === c ? i + 1 : i;
      }
      return to;
    }
    if (c === '[' || c === '{') {
      const e = balancedEnd(text, start, to);
      return e < 0 ? to : e;
    }
  }
  let end = start;
  while (end < to && text[end] !== '\n' && !(format === 'json' && /[,}\]]/.test(text[end]!)) && !(format === 'toml' && text[end] === '#')) end++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/** Where the string `value` is written in [from, to), with its quotes (bare in a Pelican header). */
export function locateString(text: string, format: FrontmatterFormat, value: string, from: number, to: number): { start: number; end: number } | undefined {
  const forms = format === 'pelican' ? [value] : [JSON.stringify(value), `'${value}'`, `"""${value}"""`];
  for (const form of forms) {
    const at = text.indexOf(form, from);
    if (at >= 0 && at + form.length <= to) return { start: at, end: at + form.length };
  }
  return undefined;
}

/** The `{…}` items of the list written in [start, end) (its `[` at start). */
export function objectsInList(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = start + 1; i < end; i++) {
    const c = text[i];
    if (c === '{') {
      const e = balancedEnd(text, i, end);
      if (e < 0) break;
      out.push({ start: i, end: e });
      i = e - 1;
    } else if (c === '"' || c === "'") {
      i = valueEndAt(text, 'toml', i, end) - 1;
    }
  }
  return out;
}

/** The `[[talks]]` tables of a TOML block: each from its header to the next table that is not one of its sub-tables; `own` ends at the first sub-table. */
export function tomlTalkTables(text: string, from: number, to: number): { header: number; start: number; own: number; end: number }[] {
  const headers: { at: number; name: string; array: boolean; next: number }[] = [];
  const re = /^[ \t]*(\[\[?)[ \t]*([^\]\r\n]*?)[ \t]*\]\]?[ \t]*(?:#.*)?\r?$/gm;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to) headers.push({ at: m.index, name: m[2]!, array: m[1] === '[[', next: pastLine(text, m.index) });
  const out: { header: number; start: number; own: number; end: number }[] = [];
  headers.forEach((h, i) => {
    if (!h.array || h.name !== 'talks') return;
    const after = headers.slice(i + 1);
    const own = after[0]?.at ?? to;
    const end = after.find((n) => !n.name.startsWith('talks.'))?.at ?? to;
    out.push({ header: h.at, start: h.next, own, end });
  });
  return out;
}

/** Where TOML's top level ends: its first table header. */
export function tomlTopLevelEnd(text: string, from: number, to: number): number {
  const re = /^[ \t]*\[/gm;
  re.lastIndex = from;
  const m = re.exec(text);
  return m && m.index < to ? m.index : to;
}
