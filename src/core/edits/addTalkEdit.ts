import type { IndexedSession } from '../index/sessionIndex';
import { endOfLine } from '../text/offsets';
import type { TextEdit } from './textEdit';
import type { ParsedRecap } from '../recap/parseRecap';
import { talkEntryToml, talkEntryYaml } from './talkEntry';

/**
 * The edit that adds a talk's entry at the end of the frontmatter's `talks:`
 * list, matching the list's indentation; it creates `talks:` when the
 * frontmatter has none. In TOML frontmatter, a `[[talks]]` table at the end
 * of the block. Undefined when the recap has no frontmatter, or its `talks:`
 * is something other than a list, or the frontmatter is JSON or a Pelican
 * header (the body reference stays), so nothing is ever rewritten.
 */
export function addTalkEdit(parsed: ParsedRecap, session: IndexedSession): TextEdit | undefined {
  const fm = parsed.frontmatter;
  if (!fm) return undefined;
  const { text } = parsed;
  const field = parsed.talksField;
  if (fm.format === 'toml') {
    // Tables go after everything else; a `talks = […]` written inline cannot take a `[[talks]]` table.
    if (!fm.data || (field && (!Array.isArray(field.value) || !text.startsWith('[[', field.range.start)))) return undefined;
    const blank = /\n[ \t]*\r?\n$/.test(text.slice(0, fm.contentEnd)) || fm.contentEnd === fm.contentStart;
    return { start: fm.contentEnd, end: fm.contentEnd, newText: `${blank ? '' : '\n'}${talkEntryToml(session)}` };
  }
  if (fm.format !== 'yaml') return undefined;
  if (!field) {
    return { start: fm.contentEnd, end: fm.contentEnd, newText: `talks:\n${talkEntryYaml(session, 2)}\n` };
  }
  const written = text.slice(field.range.start, field.range.end).trim();
  if (field.value === null || written === '') {
    const at = endOfLine(text, field.keyRange.end);
    return { start: at, end: at, newText: `\n${talkEntryYaml(session, 2)}` };
  }
  if (/^\[\s*\]$/.test(written)) {
    return { start: field.keyRange.end + 1, end: field.range.end, newText: `\n${talkEntryYaml(session, 2)}` };
  }
  const last = parsed.talks[parsed.talks.length - 1];
  if (!Array.isArray(field.value) || !last || written.startsWith('[')) return undefined;
  const indent = Math.max(0, last.keyColumn - 2);
  const at = endOfLine(text, last.range.end - 1);
  return { start: at, end: at, newText: `\n${talkEntryYaml(session, indent)}` };
}
