import { Document } from 'yaml';
import type { TalkEntry } from '../recap/parseRecap';
import { endOfLine, trimEnd } from '../text/offsets';
import type { TextEdit } from './textEdit';

/** A YAML scalar for a value, quoted only when it must be; `flow` for inside `[…]` or `{…}`, where commas and brackets need quotes too. */
export function yamlScalar(value: string, flow = false): string {
  const out = new Document(value).toString({ lineWidth: 0 }).replace(/\n$/, '');
  if (flow && /^[^"'].*[,[\]{}]/.test(out)) return JSON.stringify(value);
  return out;
}

/** A replacement for a scalar written as `written`, in the same quoting style. */
export function replacementScalar(written: string, value: string, flow = false): string {
  if (written.startsWith('"')) return JSON.stringify(value);
  if (written.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  return yamlScalar(value, flow);
}

/**
 * The edit that sets `key: value` in a `talks:` entry (`key = "value"` in a
 * TOML `[[talks]]` table, `"key": "value"` in a JSON object): fills an empty
 * `key:` in place, or adds the key on a new line at the entry's key column
 * (or inside `{…}` for a flow mapping). Never touches the other keys.
 */
export function setEntryKey(text: string, entry: TalkEntry, key: 'video' | 'slides' | 'schedule', value: string): TextEdit | undefined {
  const field = entry[key];
  if (entry.format) {
    // TOML and JSON: a double-quoted string (JSON's escapes are TOML's), `key = "…"` on a new line at the
    // end of the talk's `[[talks]]` table, or `, "key": "…"` after the object's last value.
    if (field) {
      const literal = text[field.range.start] === "'" && !/['\n\r]/.test(value) && entry.format === 'toml';
      return { ...field.range, newText: literal ? `'${value}'` : JSON.stringify(value) };
    }
    if (entry.insertAt === undefined || entry.format === 'pelican') return undefined;
    const at = entry.insertAt;
    if (entry.format === 'json') return { start: at, end: at, newText: `, "${key}": ${JSON.stringify(value)}` };
    return { start: at, end: at, newText: `\n${' '.repeat(entry.keyColumn)}${key} = ${JSON.stringify(value)}` };
  }
  if (field) {
    const { start, end } = field.range;
    if (end > start) return { start, end, newText: replacementScalar(text.slice(start, end), value) };
    return { start, end, newText: `${text[start - 1] === ' ' ? '' : ' '}${yamlScalar(value)}` };
  }
  const last = trimEnd(text, entry.range.start, entry.range.end);
  if (text[entry.range.start] === '{' && text[last - 1] === '}') {
    return { start: last - 1, end: last - 1, newText: `, ${key}: ${yamlScalar(value, true)}` };
  }
  const at = endOfLine(text, last - 1);
  return { start: at, end: at, newText: `\n${' '.repeat(entry.keyColumn)}${key}: ${yamlScalar(value)}` };
}

/** A URL as a Markdown link destination any renderer keeps whole: spaces, parentheses and angle brackets encoded. */
export function linkDestination(url: string): string {
  return url.trim().replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/</g, '%3C').replace(/>/g, '%3E');
}
