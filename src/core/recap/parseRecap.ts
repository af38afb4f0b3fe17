import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type Token from 'markdown-it/lib/token.mjs';
import { blockEngine, inlineChildren, markdownEngine, type ParseEnv } from '../markdown/engine';
import { parseAfter, type MarkdownParse } from '../markdown/incrementalParse';
import type { Problem } from '../problem';
import { LineIndex } from '../text/lineIndex';
import { trimEnd } from '../text/offsets';
import { splitFrontmatter, type Frontmatter, type FrontmatterFormat } from './frontmatter';
import { locateKey, locateString, objectsInList, tomlTalkTables, tomlTopLevelEnd, type Located } from './otherFrontmatter';
import { declaresRecapKeys, isRecapFile, type RecapFileOptions, DEFAULT_RECAP_FILE_OPTIONS } from './recapFiles';

/** Offsets into the whole recap text, end exclusive. */
export interface Range {
  start: number;
  end: number;
}

/** A `key: value` of the frontmatter: its plain value and where key and value are. */
export interface Field<T = unknown> {
  value: T;
  keyRange: Range;
  /** The value as written (with its quotes); an empty range right after the colon when there is none. */
  range: Range;
}

export interface SpeakerEntry {
  name?: string;
  affiliation?: string;
  range: Range;
  nameRange?: Range;
}

/** One item of the frontmatter's `talks:` list. */
export interface TalkEntry {
  index: number;
  range: Range;
  /** Column of the item's keys, for edits that add a key. */
  keyColumn: number;
  /** The frontmatter's format when it is not YAML (a `[[talks]]` table in TOML, an object in JSON). */
  format?: Exclude<FrontmatterFormat, 'yaml'>;
  /** Not YAML: where a new key goes (the end of the table's last `key = value`, or of the object's last located value). */
  insertAt?: number;
  id?: Field<string>;
  title?: Field<string>;
  speakers?: Field<SpeakerEntry[]>;
  video?: Field;
  slides?: Field;
  schedule?: Field;
}

export interface ParsedRecap {
  path: string;
  /** The text as parsed: as written, except that a lone CR line break reads as LF (same length, same offsets). */
  text: string;
  lines: LineIndex;
  frontmatter: Frontmatter | undefined;
  /** Offset where the Markdown body starts. */
  bodyStart: number;
  /** Whether the recap features apply (see recapFiles.ts). */
  isRecap: boolean;
  /** The `event:` ids with where each is written. */
  events: Field<string>[];
  eventField: Field | undefined;
  talksField: Field | undefined;
  talks: TalkEntry[];
  /** YAML errors and wrong shapes, located: one syntax error when the frontmatter does not parse (then no shapes). */
  problems: Problem[];
  /** The body as markdown-it reads it: its source, its parses (made on first use) and what a later version's parse re-uses. */
  readonly body: RecapBody;
  /** markdown-it's block tokens of the body (`body.tokens()`; an inline's children from `body.children`); `map` holds line numbers of the whole text. Parsed on first use. */
  readonly tokens: Token[];
  /** Zero-based lines inside fenced or indented code, where nothing the recap says counts. */
  readonly codeLines: ReadonlySet<number>;
}

const LONE_CR = /\r(?!\n)/;
const LONE_CR_ALL = /\r(?!\n)/g;

/**
 * A recap's body as markdown-it reads it, kept with its parse: parsed on
 * first use, raw HTML as text (as the lint must read it), and parsed again
 * with raw HTML on only for a preview that allows it. The source is the whole
 * text, parsed from the body's first line on, so token maps are its lines.
 */
export class RecapBody {
  /** markdown-it's parse once made: the next version's parse starts from it (see incrementalParse.ts). */
  parse: MarkdownParse | undefined;
  private html: Token[] | undefined;
  private code: Set<number> | undefined;

  /** `earlier`: an earlier version's parse, whose unchanged blocks are re-used (dropped once used, so old versions can go). */
  constructor(
    readonly source: string,
    /** The body's first line: the frontmatter's lines are not Markdown. */
    readonly startLine: number,
    private earlier: MarkdownParse | undefined,
  ) {}

  /** The block tokens: each `inline` token's children are made when read (`children`). */
  tokens(): Token[] {
    return this.parsed().tokens;
  }

  /** An inline token's children (made again on each call: a reader that needs them twice keeps them). */
  children(inline: Token): Token[] {
    return inline.children?.length ? inline.children : inlineChildren(inline, this.parsed().env);
  }

  /** The link reference definitions (`[label]: url`) in one string: the same inline text links the same under the same ones. */
  definitions(): string {
    const references = this.parsed().env.references;
    return references ? JSON.stringify(references) : '';
  }

  private parsed(): MarkdownParse {
    if (!this.parse) {
      this.parse = parseAfter(blockEngine(), this.earlier, this.source, this.startLine);
      this.earlier = undefined;
    }
    return this.parse;
  }

  /** The tokens with raw HTML parsed as HTML (the preview's, when `recap.preview.allowHtml` is on). */
  htmlTokens(): Token[] {
    return (this.html ??= markdownEngine({ html: true }).parse(this.source, { startLine: this.startLine } satisfies ParseEnv));
  }

  /** Zero-based lines inside fenced or indented code. */
  codeLines(): ReadonlySet<number> {
    if (!this.code) {
      this.code = new Set();
      for (const t of this.tokens()) {
        if ((t.type === 'fence' || t.type === 'code_block') && t.map) for (let l = t.map[0]; l < t.map[1]; l++) this.code.add(l);
      }
    }
    return this.code;
  }
}

/**
 * The one parse of a recap that completion, lint and the preview share:
 * frontmatter with positions (yaml's Document API) and the body's tokens
 * (markdown-it), everything located by offsets into the text.
 *
 * `previous`, a parse of an earlier version of the same document, makes
 * typing cheap: an unchanged frontmatter is not parsed again, and of the body
 * only the blocks around the change are (see incrementalParse.ts). The result
 * is the same as without it.
 */
export function parseRecap(path: string, written: string, options: RecapFileOptions = DEFAULT_RECAP_FILE_OPTIONS, previous?: ParsedRecap): ParsedRecap {
  // Line breaks of every kind read the same: a lone CR (old Mac files) becomes LF here, one character for
  // one, so every offset found in the parse is an offset into the text as written (no map back needed),
  // and yaml, markdown-it and the rules, which know LF and CRLF, see its lines. CRLF is read as it is.
  const text = LONE_CR.test(written) ? written.replace(LONE_CR_ALL, '\n') : written;
  const lines = new LineIndex(text);
  const head = previous && sameFrontmatter(previous, text) ? previous : undefined;
  let fm: Frontmatter | undefined;
  let bodyStart: number;
  let problems: Problem[];
  let shape: Shape;
  if (head) {
    // Everything read from the frontmatter lies before bodyStart, where the two texts are equal.
    fm = head.frontmatter;
    bodyStart = head.bodyStart;
    problems = head.problems;
    shape = { events: head.events, eventField: head.eventField, talksField: head.talksField, talks: head.talks };
  } else {
    const split = splitFrontmatter(text);
    fm = split.frontmatter;
    bodyStart = split.bodyStart;
    problems = [...split.problems, ...(fm?.problems ?? [])];
    // A block that does not parse is still read for completion (what yaml makes of it), but its one
    // syntax error is all that is reported about it: wrong shapes there are that error's consequences.
    shape = fm ? readShape(text, fm, fm.parses ? problems : []) : { events: [], talks: [], eventField: undefined, talksField: undefined };
  }
  // The body starts on a line of its own, but for a frontmatter closed at the very end of the text.
  const at = lines.positionAt(bodyStart);
  // Only a parse whose tokens exist is worth re-using; holding nothing else keeps old versions collectable.
  const body = new RecapBody(text, at.character === 0 ? at.line : at.line + 1, previous?.body.parse);
  return {
    path,
    text,
    lines,
    frontmatter: fm,
    bodyStart,
    isRecap: isRecapFile(path, fm, options) || (!fm?.data && declaresRecapKeys(text, options)),
    ...shape,
    problems,
    body,
    get tokens() {
      return body.tokens();
    },
    get codeLines() {
      return body.codeLines();
    },
  };
}

/**
 * The parse as the lint reads it: when the frontmatter does not parse, none
 * of what yaml made of it (events, talks) — only its syntax error and the body.
 */
export function withReadableFrontmatter(parsed: ParsedRecap): ParsedRecap {
  if (!parsed.frontmatter || parsed.frontmatter.parses) return parsed;
  // The body stays the original's (a prototype's field and getters, read through this view).
  const view: ParsedRecap = Object.create(parsed, {
    events: { value: [], enumerable: true },
    eventField: { value: undefined, enumerable: true },
    talksField: { value: undefined, enumerable: true },
    talks: { value: [], enumerable: true },
  });
  return view;
}

/**
 * The text starts with the earlier version's closed frontmatter, byte for
 * byte, up to the line break after its closing `---` (without one, text typed
 * right after the `---` would change where the frontmatter ends).
 */
function sameFrontmatter(previous: ParsedRecap, text: string): boolean {
  if (!previous.frontmatter) return false;
  const end = previous.bodyStart;
  return previous.text.charCodeAt(end - 1) === 10 && text.length >= end && text.startsWith(previous.text.slice(0, end));
}

interface Shape {
  events: Field<string>[];
  eventField: Field | undefined;
  talksField: Field | undefined;
  talks: TalkEntry[];
}

function readShape(text: string, fm: Frontmatter, problems: Problem[]): Shape {
  if (fm.format !== 'yaml' || !fm.document) return readLocatedShape(text, fm, fm.format === 'yaml' ? 'toml' : fm.format, problems);
  const root = fm.document.contents;
  const shape: Shape = { events: [], talks: [], eventField: undefined, talksField: undefined };
  if (!isMap(root)) return shape;
  const at = (node: Node | null | undefined, fallback: number): Range =>
    node?.range ? { start: fm.contentStart + node.range[0], end: fm.contentStart + node.range[1] } : { start: fallback, end: fallback };
  const field = <T>(pair: Pair, value: T): Field<T> => {
    const keyRange = at(pair.key as Node, fm.contentStart);
    return { value, keyRange, range: at(pair.value as Node, keyRange.end + 1) };
  };
  const schema = (message: string, range: Range) =>
    problems.push({ code: 'frontmatter-schema', severity: 'error', message, start: range.start, end: Math.max(range.end, range.start + 1) });

  const eventPair = pairOf(root, 'event');
  if (eventPair) {
    shape.eventField = field(eventPair, plain(eventPair.value));
    const value = eventPair.value as Node | null;
    const items = isSeq(value) ? (value.items as Node[]) : value && !(isScalar(value) && value.value === null) ? [value] : [];
    for (const item of items) {
      if (isScalar(item) && typeof item.value === 'string' && item.value.trim()) {
        shape.events.push({ value: item.value.trim(), keyRange: shape.eventField.keyRange, range: at(item, shape.eventField.range.start) });
      } else {
        schema('`event:` takes an event id such as `kubecon-eu-2024`, or a list of them.', at(item, shape.eventField.range.start));
      }
    }
  }

  const talksPair = pairOf(root, 'talks');
  if (talksPair) {
    shape.talksField = field(talksPair, plain(talksPair.value));
    const value = talksPair.value as Node | null;
    if (isSeq(value)) {
      (value.items as Node[]).forEach((item, index) => {
        if (isMap(item)) shape.talks.push(readTalk(text, item, index, fm, at, field, schema));
        else
          schema(
            'Each item of `talks:` is a mapping with `id:`, `title:`, `speakers:` and links, not a single value.',
            at(item, shape.talksField!.range.start),
          );
      });
    } else if (value && !(isScalar(value) && value.value === null)) {
      schema('`talks:` is a list: one `- id: …` item per talk.', shape.talksField.range);
    }
  }
  return shape;
}

function readTalk(
  text: string,
  item: YAMLMap,
  index: number,
  fm: Frontmatter,
  at: (node: Node | null | undefined, fallback: number) => Range,
  field: <T>(pair: Pair, value: T) => Field<T>,
  schema: (message: string, range: Range) => void,
): TalkEntry {
  const range = at(item, fm.contentStart);
  const firstKey = item.items[0]?.key as Node | undefined;
  const keyStart = firstKey?.range ? fm.contentStart + firstKey.range[0] : range.start;
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  const talk: TalkEntry = { index, range, keyColumn: keyStart - lineStart };
  for (const pair of item.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (key === 'id' || key === 'title') {
      if (isScalar(value) && (typeof value.value === 'string' || typeof value.value === 'number')) talk[key] = field(pair, String(value.value));
      else schema(`\`${key}:\` of a talk is text${key === 'id' ? ' such as `kubecon-eu-2024/talk-slug`' : ''}.`, at(value ?? (pair.key as Node), range.start));
    } else if (key === 'speakers') {
      const speakers: SpeakerEntry[] = [];
      if (isSeq(value)) {
        for (const s of value.items as Node[]) {
          if (isScalar(s) && typeof s.value === 'string') speakers.push({ name: s.value, range: at(s, range.start), nameRange: at(s, range.start) });
          else if (isMap(s)) {
            const name = pairOf(s, 'name');
            const affiliation = pairOf(s, 'affiliation');
            const entry: SpeakerEntry = { range: at(s, range.start) };
            if (name && isScalar(name.value)) {
              entry.name = String(name.value.value ?? '');
              entry.nameRange = at(name.value as Node, entry.range.start);
            }
            if (affiliation && isScalar(affiliation.value) && affiliation.value.value != null) entry.affiliation = String(affiliation.value.value);
            if (!name) schema('A speaker needs a `name:`.', entry.range);
            speakers.push(entry);
          } else schema('Each speaker is `- name: …` with an optional `affiliation: …`.', at(s, range.start));
        }
      } else if (value && !(isScalar(value) && value.value === null)) {
        schema('`speakers:` is a list of `- name: …` entries.', at(value, range.start));
      }
      talk.speakers = field(pair, speakers);
    } else if (key === 'video' || key === 'slides' || key === 'schedule') {
      talk[key] = field(pair, plain(value));
    }
  }
  if (!talk.id && !talk.title) schema('A talk needs an `id:` (from the session index) or at least a `title:`.', { start: range.start, end: range.start + 1 });
  return talk;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

function plain(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  const n = node as { toJSON?: () => unknown };
  return typeof n.toJSON === 'function' ? n.toJSON() : node;
}

/**
 * The shape of a TOML, JSON or Pelican frontmatter: values from its parser
 * (`fm.data`), positions found again in the text (see otherFrontmatter.ts).
 */
function readLocatedShape(text: string, fm: Frontmatter, format: Exclude<FrontmatterFormat, 'yaml'>, problems: Problem[]): Shape {
  const shape: Shape = { events: [], talks: [], eventField: undefined, talksField: undefined };
  const data = fm.data;
  if (!data) return shape;
  const schema = (message: string, range: Range) =>
    problems.push({ code: 'frontmatter-schema', severity: 'error', message, start: range.start, end: Math.max(range.end, range.start + 1) });
  const field = <T>(at: Located, value: T): Field<T> => ({
    value,
    keyRange: { start: at.keyStart, end: at.keyEnd },
    range: { start: at.valueStart, end: at.valueEnd },
  });
  const { contentStart, contentEnd } = fm;
  const topEnd = format === 'toml' ? tomlTopLevelEnd(text, contentStart, contentEnd) : contentEnd;
  const eq = format === 'toml' ? ' = ' : ': ';

  const event = data['event'];
  const eventAt = event !== undefined ? locateKey(text, format, 'event', contentStart, topEnd) : undefined;
  if (eventAt) {
    shape.eventField = field(eventAt, event);
    const items =
      format === 'pelican' && typeof event === 'string'
        ? event.split(',')
        : Array.isArray(event)
          ? (event as unknown[])
          : event === null || event === ''
            ? []
            : [event];
    let from = eventAt.valueStart;
    for (const item of items) {
      const value = typeof item === 'string' ? item.trim() : '';
      const at = value ? locateString(text, format, value, from, eventAt.valueEnd) : undefined;
      if (value && at) {
        shape.events.push({ value, keyRange: shape.eventField.keyRange, range: at });
        from = at.end;
      } else if (!(format === 'pelican' && !value)) {
        schema(`\`event${eq}\` takes an event id such as \`"kubecon-eu-2024"\`, or a list of them.`, shape.eventField.range);
      }
    }
  }

  const talks = data['talks'];
  if (talks === undefined || format === 'pelican') return shape;
  const tables = format === 'toml' ? tomlTalkTables(text, contentStart, contentEnd) : [];
  const talksAt = tables.length ? undefined : locateKey(text, format, 'talks', contentStart, topEnd);
  if (tables.length) {
    const first = tables[0]!;
    const last = tables[tables.length - 1]!;
    const key = text.indexOf('talks', first.header);
    shape.talksField = { value: talks, keyRange: { start: key, end: key + 5 }, range: { start: first.header, end: trimEnd(text, first.header, last.end) } };
  } else if (talksAt) {
    shape.talksField = field(talksAt, talks);
  } else {
    return shape;
  }
  if (!Array.isArray(talks)) {
    schema(
      format === 'toml' ? '`talks` is a list: one `[[talks]]` table per talk.' : '`"talks"` is a list: one `{"id": …}` object per talk.',
      shape.talksField.range,
    );
    return shape;
  }
  const regions =
    tables.length === talks.length
      ? tables.map((t) => ({ start: t.header, keys: t.start, own: t.own, end: trimEnd(text, t.header, t.end) }))
      : talksAt && text[talksAt.valueStart] === '['
        ? objectsInList(text, talksAt.valueStart, talksAt.valueEnd).map((o) => ({ start: o.start, keys: o.start + 1, own: o.end - 1, end: o.end }))
        : [];
  talks.forEach((value, index) => {
    const region = regions[index] ?? {
      start: shape.talksField!.range.start,
      keys: shape.talksField!.range.start,
      own: shape.talksField!.range.start,
      end: shape.talksField!.range.end,
    };
    const range = { start: region.start, end: region.end };
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      schema(
        format === 'toml'
          ? 'Each talk is a `[[talks]]` table with `id = "…"`, `title = "…"` and links.'
          : 'Each item of `"talks"` is an object with `"id"`, `"title"` and links.',
        range,
      );
      return;
    }
    const entry = value as Record<string, unknown>;
    const talk: TalkEntry = { index, range, keyColumn: 0, format };
    let lastValueEnd = -1;
    for (const key of ['id', 'title', 'video', 'slides', 'schedule', 'speakers'] as const) {
      if (entry[key] === undefined) continue;
      const at = locateKey(text, format, key, region.keys, region.own);
      const v = entry[key];
      if (key === 'speakers') {
        const keyAt = at ?? subTableKey(text, region.own, region.end);
        if (!keyAt) continue;
        const speakers: SpeakerEntry[] = [];
        let from = keyAt.valueStart;
        for (const s of Array.isArray(v) ? (v as unknown[]) : []) {
          const name =
            typeof s === 'string'
              ? s
              : s && typeof s === 'object' && typeof (s as { name?: unknown }).name === 'string'
                ? (s as { name: string }).name
                : undefined;
          const found = name !== undefined ? locateString(text, format, name, from, region.end) : undefined;
          const where = found ?? { start: keyAt.keyStart, end: keyAt.keyEnd };
          const speaker: SpeakerEntry = { range: where };
          if (name !== undefined) {
            speaker.name = name;
            speaker.nameRange = where;
          } else schema(`A speaker needs a name${format === 'toml' ? ' (`name = "…"`)' : ' (`"name": "…"`)'}.`, where);
          const affiliation = s && typeof s === 'object' ? (s as { affiliation?: unknown }).affiliation : undefined;
          if (typeof affiliation === 'string') speaker.affiliation = affiliation;
          speakers.push(speaker);
          if (found) from = found.end;
        }
        talk.speakers = field(keyAt, speakers);
        continue;
      }
      if (!at) continue;
      lastValueEnd = Math.max(lastValueEnd, at.valueEnd);
      if (key === 'id' || key === 'title') {
        if (typeof v === 'string' || typeof v === 'number') talk[key] = field(at, String(v));
        else schema(`\`${key}${eq}\` of a talk is text in double quotes.`, { start: at.valueStart, end: at.valueEnd });
      } else {
        talk[key] = field(at, v);
      }
    }
    const firstKey = talk.id?.keyRange.start ?? talk.title?.keyRange.start;
    if (firstKey !== undefined) talk.keyColumn = firstKey - (text.lastIndexOf('\n', firstKey - 1) + 1);
    if (format === 'toml') talk.insertAt = trimEnd(text, region.keys, region.own);
    else if (lastValueEnd >= 0) talk.insertAt = lastValueEnd;
    if (!talk.id && !talk.title) schema(`A talk needs an id (from the session index) or at least a title.`, { start: range.start, end: range.start + 1 });
    shape.talks.push(talk);
  });
  return shape;
}

/** `[[talks.speakers]]` or `[talks.speakers]` in a talk's sub-tables, as where its speakers are. */
function subTableKey(text: string, from: number, to: number): Located | undefined {
  const m = /^[ \t]*\[\[?[ \t]*talks\.(speakers)/m.exec(text.slice(from, to));
  if (!m) return undefined;
  const keyStart = from + m.index + m[0].length - 'speakers'.length;
  return { keyStart, keyEnd: keyStart + 'speakers'.length, valueStart: from + m.index, valueEnd: to };
}
