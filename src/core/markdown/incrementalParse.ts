import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { ParseEnv } from './engine';

/** A markdown-it parse and the source it was made from. */
export interface MarkdownParse {
  source: string;
  /** The line the Markdown starts on: the lines before it (a frontmatter) were not parsed. */
  startLine: number;
  tokens: Token[];
  /** The source defines link references (`[label]: url`), which leave no token behind. */
  references: boolean;
  /** markdown-it's environment of the parse, which holds those definitions: inline parses made later need it. */
  env: ParseEnv;
}

/** A whole parse of `source` from `startLine` on. */
export function parseMarkdown(md: MarkdownIt, source: string, startLine = 0): MarkdownParse {
  const env: ParseEnv = { startLine };
  const tokens = md.parse(source, env);
  return { source, startLine, tokens, references: hasKeys(env.references), env };
}

/** The parse of `source` from `startLine` on: re-using `previous` where it can (see `reparse`), else whole. */
export function parseAfter(md: MarkdownIt, previous: MarkdownParse | undefined, source: string, startLine = 0): MarkdownParse {
  const tokens = previous ? reparse(md, previous, source, startLine) : undefined;
  // Re-used blocks come with the earlier environment: its link reference definitions are this text's too (see reparse).
  return tokens ? { source, startLine, tokens, references: previous!.references, env: previous!.env } : parseMarkdown(md, source, startLine);
}

function hasKeys(o: object | undefined): boolean {
  for (const _ in o) return true;
  return false;
}

/** A top-level block: tokens [first, end) covering source lines [startLine, endLine). */
interface Block {
  first: number;
  end: number;
  startLine: number;
  endLine: number;
}

// Past this share of the text, parsing all of it again costs no more than the checks.
const MAX_SLICE_SHARE = 0.5;

/**
 * The tokens of `source`, re-using those of an earlier parse of a similar
 * text: only the top-level blocks around the changed lines are parsed again
 * (typing changes one of them). Undefined when that cannot be done safely;
 * the caller then parses the whole text.
 *
 * Block structure at the top level is local: once a top-level block has
 * ended, what follows parses the same whatever came before, with two
 * exceptions handled here. Reference definitions (`[label]: url`) are global,
 * so a text that has any is always parsed whole. And a change can make a
 * block swallow the blocks after it (an opened fence, a line that continues a
 * list): the slice parsed again reaches one unchanged block past the change,
 * which must come out exactly as before, else the result is refused.
 * Unchanged blocks keep their token objects; those after the change get
 * copies when their line numbers move, so the earlier parse stays intact.
 * A change before `startLine` (the frontmatter) leaves every block as it was.
 * When the Markdown did not change, the blocks stand even with definitions.
 */
export function reparse(md: MarkdownIt, previous: MarkdownParse, source: string, startLine = 0): Token[] | undefined {
  const before = previous.source;
  const bodyFrom = lineOffset(before, previous.startLine);
  const sourceBodyFrom = lineOffset(source, startLine);
  // The Markdown unchanged (the text, or only the frontmatter, changed): every block stands, moved with it.
  if (before.length - bodyFrom === source.length - sourceBodyFrom && before.slice(bodyFrom) === source.slice(sourceBodyFrom)) {
    const by = startLine - previous.startLine;
    return by === 0 ? previous.tokens : previous.tokens.map((t) => (t.map ? moved(t, by) : t));
  }
  // Both changed at once (a paste, a replace-all): parsed whole.
  if (previous.references || startLine !== previous.startLine || before.slice(0, bodyFrom) !== source.slice(0, sourceBodyFrom)) return undefined;
  const blocks = topLevelBlocks(previous.tokens);
  if (!blocks) return undefined;

  const shortest = Math.min(before.length, source.length);
  let prefix = 0;
  while (prefix < shortest && before.charCodeAt(prefix) === source.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && before.charCodeAt(before.length - 1 - suffix) === source.charCodeAt(source.length - 1 - suffix)) suffix++;

  const changeLine = countLines(before, 0, prefix);
  const oldLines = countLines(before, prefix, before.length - suffix);
  const lineDelta = countLines(source, prefix, source.length - suffix) - oldLines;
  const lastChangedLine = changeLine + oldLines;

  // One unchanged block of context before the change (see above), one after it.
  let first = 0;
  while (first < blocks.length && blocks[first]!.endLine <= changeLine) first++;
  const from = first > 0 ? blocks[first - 1]! : undefined;
  let last = first;
  while (last < blocks.length && blocks[last]!.startLine <= lastChangedLine) last++;
  const sentinel = last < blocks.length ? blocks[last]! : undefined;

  const sliceLine = from?.startLine ?? startLine;
  const startOffset = lineOffset(before, sliceLine);
  const oldEnd = sentinel ? lineOffset(before, sentinel.endLine) : before.length;
  if (oldEnd - startOffset > before.length * MAX_SLICE_SHARE) return undefined;
  const newEnd = sentinel ? oldEnd + source.length - before.length : source.length;
  if (newEnd < startOffset) return undefined;

  const env: ParseEnv = {};
  const fresh = md.parse(source.slice(startOffset, newEnd), env);
  if (hasKeys(env.references)) return undefined;
  for (const t of fresh) if (t.map) t.map = [t.map[0] + sliceLine, t.map[1] + sliceLine];

  const firstToken = from ? from.first : 0;
  const tail = sentinel ? sentinel.end : previous.tokens.length;
  if (sentinel) {
    // The sentinel must be the last block parsed, token for token as before (lines moved by the change).
    const count = sentinel.end - sentinel.first;
    if (fresh.length < count) return undefined;
    for (let k = 0; k < count; k++) {
      if (!sameToken(previous.tokens[sentinel.first + k]!, fresh[fresh.length - count + k]!, lineDelta)) return undefined;
    }
  }
  const out = previous.tokens.slice(0, firstToken);
  for (const t of fresh) out.push(t);
  for (let k = tail; k < previous.tokens.length; k++) {
    const t = previous.tokens[k]!;
    out.push(lineDelta === 0 || !t.map ? t : moved(t, lineDelta));
  }
  return out;
}

/** The top-level blocks, or undefined when a token at the top level has no line map. */
function topLevelBlocks(tokens: readonly Token[]): Block[] | undefined {
  const out: Block[] = [];
  for (let i = 0; i < tokens.length;) {
    const open = tokens[i]!;
    if (!open.map || open.level !== 0 || open.nesting < 0) return undefined;
    let end = i + 1;
    if (open.nesting === 1) {
      for (let depth = 1; depth > 0 && end < tokens.length; end++) depth += tokens[end]!.nesting;
    }
    out.push({ first: i, end, startLine: open.map[0], endLine: open.map[1] });
    i = end;
  }
  return out;
}

function countLines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function lineOffset(s: string, line: number): number {
  let at = 0;
  for (let l = 0; l < line; l++) {
    const nl = s.indexOf('\n', at);
    if (nl < 0) return s.length;
    at = nl + 1;
  }
  return at;
}

function moved(t: Token, by: number): Token {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(t) as object) as Token, t);
  copy.map = [t.map![0] + by, t.map![1] + by];
  return copy;
}

function sameToken(a: Token, b: Token, lineDelta: number): boolean {
  if (a.type !== b.type || a.tag !== b.tag || a.nesting !== b.nesting || a.level !== b.level) return false;
  if (a.content !== b.content || a.markup !== b.markup || a.info !== b.info || a.hidden !== b.hidden || a.block !== b.block) return false;
  if (!a.map !== !b.map || (a.map && (a.map[0] + lineDelta !== b.map![0] || a.map[1] + lineDelta !== b.map![1]))) return false;
  if (!sameAttrs(a.attrs, b.attrs)) return false;
  const ac = a.children;
  const bc = b.children;
  if (!ac || !bc) return ac === bc;
  if (ac.length !== bc.length) return false;
  for (let i = 0; i < ac.length; i++) if (!sameToken(ac[i]!, bc[i]!, 0)) return false;
  return true;
}

function sameAttrs(a: Token['attrs'], b: Token['attrs']): boolean {
  if (!a || !b) return !a === !b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]![0] !== b[i]![0] || a[i]![1] !== b[i]![1]) return false;
  return true;
}
