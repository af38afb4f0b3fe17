import type Token from 'markdown-it/lib/token.mjs';
import type { IndexedSession } from '../index/sessionIndex';
import { embeddedRecordings, isRecordingUrl } from '../links/recordingHosts';
import type { ParsedRecap } from '../recap/parseRecap';
import type { BlockCache, BlockFind } from './blockCache';
import type { IndexCatalog } from './indexCatalog';
import { inlineBounds, isEmphasis, layoutInline, newLayout } from '../markdown/inlineLayout';
import type { BodyMention, Placeholder } from './model';
import { findPlaceholders, isPlaceholderHref, PLACEHOLDER_TRIGGERS } from './placeholders';
import type { TitleCandidate, TitleMatcher } from './titleMatcher';
import { urlKey } from '../links/urlKey';
import { WordRun, type Piece } from './wordScan';

/**
 * The blocks of the body as a tree, for "does the same block link a
 * recording": a heading opens a section (up to the next heading of its level
 * or higher); list items, table rows and paragraphs outside lists are blocks
 * within it. Node 0 is the whole body.
 */
export interface Scopes {
  parent: number[];
  /** For a paragraph outside lists: the nearest earlier paragraph of the same section that mentions a talk (a link in it may belong to that talk), else -1. */
  previous: number[];
  /** The talks (indexes) each block mentions directly, in order; undefined for none. */
  talks: (number[] | undefined)[];
}

/** A full id found in a run of text, mentioned once its run's titles are read. */
interface IdFind {
  session: IndexedSession;
  start: number;
  end: number;
}

/** A link to a recording somewhere in the body. */
export interface RecordingLink {
  scope: number;
  href: string;
  /** The session whose known recording it is. */
  videoOf: IndexedSession | undefined;
}

export interface BodyHooks {
  catalog: IndexCatalog;
  matcher: TitleMatcher<IndexedSession>;
  /** Titles of the frontmatter's talks, matched too (index into the talks). */
  extra: TitleMatcher<number>;
  /** The talk (index) for a session, created on first mention. */
  talkOf(session: IndexedSession): number;
  mention(talk: number, mention: BodyMention): void;
  /** The document's cache of block finds, for re-lints while typing. */
  cache: BlockCache | undefined;
}

/**
 * Whether `at` lies inside one of the ids. A function of its own, not a
 * closure in the title loop: a closure there made V8 allocate a context for
 * every word read (3.4 MB of garbage per 1 MB recap).
 */
function insideAny(ids: readonly IdFind[], at: number): boolean {
  for (const f of ids) if (f.start <= at && at < f.end) return true;
  return false;
}

const BARE_URL = /https?:\/\/[^\s<>[\]]*[^\s<>[\].,;:!?'"”’*_]/g;
const FULL_ID = /[A-Za-z0-9][\w.-]*\/[\w.-]*[A-Za-z0-9_]/g;
const HEADING_TAGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/**
 * One pass over markdown-it's tokens: the block tree, and in every inline
 * token its children walked alongside the recap text, so every word, link
 * and find comes with its offsets. Code spans, fenced and indented code and
 * raw HTML are never read. What it finds: `scopes`, `links` and `placeholders`.
 */
export class BodyWalker {
  readonly scopes: Scopes = { parent: [-1], previous: [-1], talks: [undefined] };
  readonly links: RecordingLink[] = [];
  readonly placeholders: { scope: number; placeholder: Placeholder }[] = [];
  private readonly run = new WordRun(PLACEHOLDER_TRIGGERS);
  /** The inline being read, located (one layout, reused). */
  private layout = newLayout();
  private readonly text: string;
  /** The block being read, for finds that cannot be placed exactly. */
  private from = 0;
  private limit = 0;
  private readonly recording = new Map<string, boolean>();
  /** What the block being read finds, relative to its start (see place). */
  private finds: BlockFind[] = [];

  constructor(
    private readonly parsed: ParsedRecap,
    private readonly hooks: BodyHooks,
  ) {
    this.text = parsed.text;
  }

  walk(): this {
    const tokens = this.parsed.tokens;
    const bounds = inlineBounds(tokens, this.parsed.lines);
    const sections: { level: number; node: number }[] = [];
    const items: number[] = [];
    const lastParagraph = new Map<number, number>();
    let row = -1;
    let heading = -1;
    const container = () => (items.length > 0 ? items[items.length - 1]! : sections.length > 0 ? sections[sections.length - 1]!.node : 0);
    /** A paragraph outside lists (or an HTML block): it continues the last one of its section that mentions a talk. */
    const paragraph = (parent = container()) => this.node(parent, lastParagraph.get(parent) ?? -1);
    for (let t = 0; t < tokens.length; t++) {
      const tok = tokens[t]!;
      switch (tok.type) {
        case 'inline': {
          const outside = heading < 0 && row < 0 && items.length === 0;
          const scope = outside ? paragraph() : heading >= 0 ? heading : row >= 0 ? row : items[items.length - 1]!;
          if (bounds.from[t]! < 0) break;
          this.from = bounds.from[t]!;
          this.limit = bounds.limit[t]!;
          this.inline(tok, scope);
          if (outside && this.scopes.talks[scope]) lastParagraph.set(container(), scope);
          break;
        }
        case 'heading_open': {
          if (items.length > 0) {
            heading = items[items.length - 1]!;
            break;
          }
          const level = HEADING_TAGS[tok.tag] ?? 6;
          while (sections.length > 0 && sections[sections.length - 1]!.level >= level) sections.pop();
          heading = this.node(container());
          sections.push({ level, node: heading });
          break;
        }
        case 'heading_close':
          heading = -1;
          break;
        case 'html_block': {
          // `<video>`, `<iframe>`, MDX components and shortcodes on lines of their own: a block like a paragraph.
          this.finds = [];
          this.embeds(tok.content);
          if (this.finds.length > 0) this.place(this.finds, items.length > 0 ? items[items.length - 1]! : paragraph());
          break;
        }
        case 'list_item_open':
          items.push(this.node(container()));
          break;
        case 'list_item_close':
          items.pop();
          break;
        case 'tr_open':
          row = this.node(container());
          break;
        case 'tr_close':
          row = -1;
          break;
      }
    }
    return this;
  }

  private node(parent: number, previous = -1): number {
    const s = this.scopes;
    s.parent.push(parent);
    s.previous.push(previous);
    s.talks.push(undefined);
    return s.parent.length - 1;
  }

  private inline(tok: Token, scope: number): void {
    const { cache } = this.hooks;
    let finds = cache?.lookup(this.text, this.from, this.limit);
    if (!finds) {
      finds = this.finds = [];
      this.read(this.parsed.body.children(tok));
      // Raw HTML is text to this parser: tags, MDX components and shortcodes are read from the block's source, whole.
      const content = tok.content;
      if (content.includes('<') || content.includes('{{') || content.includes('{%')) this.embeds(content);
      cache?.store(finds);
    }
    this.place(finds, scope);
  }

  /** A block's finds (read now, or unchanged since the last lint) placed at its offset: mentions, placeholders, recording links. */
  private place(finds: readonly BlockFind[], scope: number): void {
    const { from, limit } = this;
    for (const f of finds) {
      if (f.kind === 'recording') {
        this.links.push({ scope, href: f.href, videoOf: f.videoOf });
        continue;
      }
      const located = f.start >= 0;
      const start = located ? from + f.start : from;
      const end = located ? from + f.end : limit;
      if (f.kind === 'placeholder') {
        this.placeholders.push({ scope, placeholder: { start, end, text: f.text, located, talks: [] } });
        continue;
      }
      const talk = typeof f.target === 'number' ? f.target : this.hooks.talkOf(f.target);
      this.hooks.mention(talk, { kind: f.kind, start, end, located, linkEnd: f.linkEnd < 0 ? -1 : from + f.linkEnd });
      const talks = this.scopes.talks[scope];
      if (!talks) this.scopes.talks[scope] = [talk];
      else if (!talks.includes(talk)) talks.push(talk);
    }
  }

  private read(children: Token[]): void {
    const { text, run } = this;
    const layout = (this.layout = layoutInline(text, children, this.from, this.limit, this.layout));
    run.reset();
    let linkOpen = -1;
    for (let k = 0; k < children.length; k++) {
      const c = children[k]!;
      switch (c.type) {
        case 'text': {
          const start = layout.start[k]!;
          const chars = layout.chars[k];
          if (start < 0 || chars) run.addDecoded(c.content, chars);
          else if (c.content.includes('://')) this.sourceWithUrls(start, layout.end[k]!);
          else run.addSource(text, start, layout.end[k]!);
          break;
        }
        case 'softbreak':
        case 'hardbreak':
          run.addBreak();
          break;
        case 'link_open':
          this.flush();
          linkOpen = k;
          break;
        case 'link_close': {
          const open = linkOpen >= 0 ? children[linkOpen]! : undefined;
          const end = layout.end[k]!;
          const start = end > 0 && open ? layout.start[linkOpen]! : -1;
          const href = open?.attrGet('href') ?? '';
          if (open && open.markup !== 'autolink' && isPlaceholderHref(href) && /\b(?:video|recording|watch)/i.test(run.text()))
            this.placeholder(start, end, run.text());
          // The titles and ids in its text are inside it.
          this.flush(start >= 0 ? end : -1);
          if (open) this.linkTo(href, start, end);
          linkOpen = -1;
          break;
        }
        default:
          if (!isEmphasis(c)) this.flush();
      }
    }
    this.flush();
  }

  /**
   * Bare URLs are links to readers of most blogs (GitHub and Hugo link them):
   * a talk's schedule, slides or recording URL written out mentions it, and no title
   * is read inside one (".../event/1MYim/containers-in-a-car").
   */
  private sourceWithUrls(from: number, to: number): void {
    const segment = this.text.slice(from, to);
    let last = 0;
    BARE_URL.lastIndex = 0;
    for (let m = BARE_URL.exec(segment); m; m = BARE_URL.exec(segment)) {
      // "(see https://…/talk)": a closing parenthesis without its opening one is the sentence's.
      let url = m[0];
      while (url.endsWith(')') && url.split('(').length < url.split(')').length) url = url.slice(0, -1);
      if (m.index > last) this.run.addSource(this.text, from + last, from + m.index);
      this.flush();
      const at = from + m.index;
      this.linkTo(url, at, at + url.length);
      last = m.index + url.length;
      BARE_URL.lastIndex = last;
    }
    if (last < segment.length) this.run.addSource(this.text, from + last, to);
  }

  /**
   * A link (its target, or a bare URL): a mention when it points at an
   * indexed talk's recording, slides or schedule page, and noted when it is a
   * recording. A target written as the index writes it is found at once;
   * only other links cost a URL parse.
   */
  private linkTo(href: string, start: number, end: number): void {
    const { catalog } = this.hooks;
    let session: IndexedSession | undefined;
    let videoOf: IndexedSession | undefined;
    const exact = catalog.sessionByHref(href);
    let youtube = false;
    if (exact) {
      session = exact.session;
      if (exact.video) videoOf = session;
    } else {
      const key = urlKey(href);
      if (key === undefined) return;
      session = catalog.sessionByUrl(key);
      videoOf = catalog.sessionByVideo(key);
      // The key already says so: no URL parse for the most common recording host.
      youtube = key.startsWith('youtube:');
    }
    if (session) this.mention(session, 'link', start, end, -1);
    let recording = videoOf !== undefined || youtube || this.recording.get(href);
    if (recording === undefined) {
      recording = isRecordingUrl(href);
      this.recording.set(href, recording);
    }
    if (recording) this.finds.push({ kind: 'recording', href, videoOf });
  }

  /** Recordings embedded in a text or a tag (see embeddedRecordings): links of the current block. */
  private embeds(content: string): void {
    for (const href of embeddedRecordings(content)) {
      const key = urlKey(href);
      this.finds.push({ kind: 'recording', href, videoOf: key === undefined ? undefined : this.hooks.catalog.sessionByVideo(key) });
    }
  }

  /** Titles, ids and placeholders in the run so far (inside a link that ends at `linkEnd`, or -1); then a new run. */
  private flush(linkEnd = -1): void {
    const run = this.run;
    // Ids first, mentioned after the titles: a title is not read inside an id
    // ("…/robrix-a-pure-rust-multi-platform-matrix-client-and-more" is the id, not the title).
    const ids: IdFind[] = [];
    if (run.slash) for (const p of run.pieces) this.ids(p, ids);
    this.titles(ids, linkEnd);
    for (const f of ids) this.mention(f.session, 'id', f.start, f.end, linkEnd);
    if (run.triggered) {
      for (const m of findPlaceholders(run.text())) {
        const start = run.toSource(m.start);
        const end = run.toSource(m.end, true);
        this.placeholder(start, end, m.text);
      }
    }
    run.reset();
  }

  private titles(ids: readonly IdFind[], linkEnd: number): void {
    const { matcher, extra } = this.hooks;
    const { run, text } = this;
    const hasExtra = extra.size > 0;
    for (let i = 0; i + 1 < run.count; i++) {
      if (!matcher.mayStartAt(run, i) && !(hasExtra && extra.mayStartAt(run, i))) continue;
      const a = matcher.matchAt(run, i);
      const b = hasExtra ? extra.matchAt(run, i) : undefined;
      if (!a && !b) continue;
      const found: TitleCandidate<IndexedSession | number> = b && (!a || b.pattern.hashes.length >= a.pattern.hashes.length) ? b : a!;
      const { hashes, trailing } = found.pattern;
      const n = hashes.length;
      const start = run.wordSource(i);
      if (start >= 0 && insideAny(ids, start)) continue;
      let end = run.wordSource(i + n - 1, true);
      // "Needs!" keeps its "!" when the text has it too, right after the last word.
      if (trailing && end >= 0 && text.startsWith(trailing, end) && run.pieces[run.wordPiece[i + n - 1]!]!.map === undefined) end += trailing.length;
      this.mention(found.target, 'title', start, end, linkEnd);
      i += n - 1;
    }
  }

  private ids({ string, from: base, to, map }: Piece, out: IdFind[]): void {
    const s = string.slice(base, to);
    if (!s.includes('/')) return;
    FULL_ID.lastIndex = 0;
    for (let m = FULL_ID.exec(s); m; m = FULL_ID.exec(s)) {
      const session = this.hooks.catalog.index.get(m[0]);
      if (!session) continue;
      const start = map ? (map[m.index] ?? -1) : base + m.index;
      const end = map ? (map[m.index + m[0].length] ?? -1) : base + m.index + m[0].length;
      out.push({ session, start, end });
    }
  }

  /**
   * `target`: the session, or the index of a frontmatter talk (titles of the
   * recap's own talks); `start` < 0 when the find could not be placed;
   * `linkEnd`: the end of the link it is inside, else -1.
   */
  private mention(target: IndexedSession | number, kind: BodyMention['kind'], start: number, end: number, linkEnd: number): void {
    const { from } = this;
    const located = start >= 0 && end > start;
    this.finds.push({ kind, target, start: located ? start - from : -1, end: located ? end - from : -1, linkEnd: linkEnd < 0 ? -1 : linkEnd - from });
  }

  private placeholder(start: number, end: number, text: string): void {
    const located = start >= 0 && end > start;
    this.finds.push({ kind: 'placeholder', start: located ? start - this.from : -1, end: located ? end - this.from : -1, text });
  }
}
