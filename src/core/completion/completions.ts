import type { IndexedSession, SessionIndex } from '../index/sessionIndex';
import type { TextEdit } from '../edits/textEdit';
import type { ParsedRecap } from '../recap/parseRecap';
import type { SessionSearch } from '../search/sessionSearch';
import { editDistance } from '../search/words';
import { referenceText } from '../talks/referenceText';
import { speakerLine, talkCard } from '../talks/talkCard';
import { speakerEntryYaml, talkEntryYaml } from '../edits/talkEntry';
import { addTalkEdit } from '../edits/addTalkEdit';
import { cursorContext, type CursorContext, type Span } from './cursorContext';

export type CompletionKind = 'event' | 'talk' | 'talk-id' | 'speaker' | 'reference';

/** One suggestion, free of VS Code types: the adapter maps it one to one. */
export interface CompletionEntry {
  kind: CompletionKind;
  label: string;
  /** Shown beside the label: speakers, event, whether a video is known. */
  description: string;
  /** One line above the documentation. */
  detail: string;
  /** The whole card, Markdown. */
  documentation: string;
  insertText: string;
  replace: Span;
  /** VS Code filters on this; the typed text itself, since the search already chose and ordered the items. */
  filterText: string;
  sortText: string;
  /** Edits elsewhere in the recap (a reference's entry under `talks:`). */
  additionalEdits: TextEdit[];
  /** Full id of the talk, for items about a talk. */
  talk?: string;
}

export interface CompletionList {
  items: CompletionEntry[];
  /** True when typing on must ask again (the search filtered, not VS Code). */
  isIncomplete: boolean;
}

export interface CompletionOptions {
  index: SessionIndex;
  search: SessionSearch;
  /** Characters that start a body reference (`@@`). */
  trigger: string;
  referenceTemplate?: string;
  /** Whether a body reference also adds the talk under `talks:` when it is not there yet. */
  addToTalks?: boolean;
  limit?: number;
  /** The file declares nothing but was recognised as a recap by the talks it mentions (the lint's `recognition`, see recognizeRecap.ts). */
  recognized?: boolean;
}

const EMPTY: CompletionList = { items: [], isIncomplete: false };

export function completeAt(parsed: ParsedRecap, offset: number, options: CompletionOptions): CompletionList {
  if (!parsed.isRecap && !options.recognized) return EMPTY;
  const context = cursorContext(parsed.text, offset, { trigger: options.trigger, codeLines: parsed.codeLines, lines: parsed.lines });
  if (!context) return EMPTY;
  const completer = new Completer(parsed, options);
  return completer.complete(context);
}

class Completer {
  private readonly limit: number;
  private readonly own: Set<string>;

  constructor(
    private readonly parsed: ParsedRecap,
    private readonly options: CompletionOptions,
  ) {
    this.limit = Math.min(options.limit ?? 50, 100);
    this.own = new Set(parsed.events.flatMap((e) => [...options.index.family(e.value)]));
  }

  complete(context: CursorContext): CompletionList {
    switch (context.kind) {
      case 'event':
        return this.events(context.replace, context.prefix);
      case 'talk':
        return this.talks(context);
      case 'talk-id':
        return this.talkIds(context.replace, context.prefix);
      case 'speaker':
        return this.speakers(context);
      case 'reference':
        return this.references(context.replace, context.query);
    }
  }

  private events(replace: Span, prefix: string): CompletionList {
    const { index } = this.options;
    const words = prefix
      .toLowerCase()
      .split(/[\s-]+/)
      .filter(Boolean);
    const events = [...index.events.values()].filter((e) => {
      const hay = `${e.id} ${e.name}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    });
    // Newest first: recaps are written about recent events.
    events.sort((a, b) => (b.start ?? '').localeCompare(a.start ?? '') || a.id.localeCompare(b.id));
    const counts = eventCounts(index);
    // Every match, not the first `limit`: there are hundreds of events, not tens of thousands, and
    // a list cut at 50 of the newest would hide older years from the editor's own filtering.
    const items = events.map((e, i): CompletionEntry => {
      const c = counts.get(e.id) ?? { sessions: 0, video: 0 };
      const where = [e.location, e.start].filter(Boolean).join(', ');
      return {
        kind: 'event',
        label: e.id,
        description: e.name,
        detail: `${e.name}${where ? ` — ${where}` : ''}`,
        documentation: `**${e.name}**\n\n${where}\n\n${c.sessions} sessions, ${c.video} with video${e.parent ? `\n\nCo-located with \`${e.parent}\`` : ''}${e.origin.bundled ? '' : `\n\nFrom ${e.origin.file}`}`,
        insertText: e.id,
        replace,
        filterText: `${e.id} ${e.name}`,
        sortText: String(i).padStart(4, '0'),
        additionalEdits: [],
      };
    });
    return { items, isIncomplete: false };
  }

  /** Sessions for a query: the recap's own events first; with no query, its own events' talks. */
  private sessionsFor(query: string, exclude: ReadonlySet<string>): IndexedSession[] {
    const { index, search } = this.options;
    if (!query.trim()) {
      const mine = index.sessions.filter((s) => this.own.has(s.eventId) && !exclude.has(s.fullId));
      return mine.slice(0, this.limit);
    }
    return search
      .search(query, { limit: this.limit + exclude.size, preferEvents: this.own.size > 0 ? this.own : undefined })
      .map((r) => r.session)
      .filter((s) => !exclude.has(s.fullId))
      .slice(0, this.limit);
  }

  private talkItem(session: IndexedSession, i: number, replace: Span, insertText: string, kind: CompletionKind): CompletionEntry {
    const event = this.options.index.events.get(session.eventId);
    const video = session.video ? '▶ video' : 'no video';
    return {
      kind,
      label: session.title,
      // Whether there is a video first: the list cuts long descriptions short.
      description: [video, speakerLine(session), event?.name ?? session.eventId].filter(Boolean).join(' · '),
      detail: `${event?.name ?? session.eventId} · ${video}${session.slides ? ' · slides' : ''}`,
      documentation: talkCard(session, event),
      insertText,
      replace,
      filterText: this.typed(replace),
      sortText: String(i).padStart(4, '0'),
      additionalEdits: [],
      talk: session.fullId,
    };
  }

  private listedIds(): Set<string> {
    return new Set(this.parsed.talks.flatMap((t) => (t.id ? [t.id.value] : [])));
  }

  private talks(context: Extract<CursorContext, { kind: 'talk' }>): CompletionList {
    const sessions = this.sessionsFor(context.prefix, this.listedIds());
    const items = sessions.map((s, i) => {
      let text = talkEntryYaml(s, context.indent);
      if (context.listItem) text = text.slice(context.indent + 2);
      else if (context.convertFlow) text = `\n${text}`;
      return this.talkItem(s, i, context.replace, text, 'talk');
    });
    return { items, isIncomplete: true };
  }

  private talkIds(replace: Span, prefix: string): CompletionList {
    const sessions = this.sessionsFor(prefix, new Set());
    return {
      items: sessions.map((s, i) => ({ ...this.talkItem(s, i, replace, s.fullId, 'talk-id'), label: s.fullId, description: s.title })),
      isIncomplete: true,
    };
  }

  private speakers(context: Extract<CursorContext, { kind: 'speaker' }>): CompletionList {
    const { index } = this.options;
    const talk = this.parsed.talks.find((t) => t.range.start <= context.replace.start && context.replace.start <= t.range.end);
    const listed = new Set((talk?.speakers?.value ?? []).flatMap((s) => (s.name && s.nameRange?.start !== context.replace.start ? [s.name] : [])));
    const seen = new Set<string>();
    const found: { name: string; affiliation?: string; from: IndexedSession }[] = [];
    const consider = (session: IndexedSession, matchOnly: boolean) => {
      for (const sp of session.speakers) {
        const key = `${sp.name}\u0000${sp.affiliation ?? ''}`;
        if (seen.has(key) || listed.has(sp.name)) continue;
        if (matchOnly && !nameMatches(sp.name, context.prefix)) continue;
        seen.add(key);
        found.push({ ...sp, from: session });
      }
    };
    // The talk's own speakers first: that is who the author is most likely typing.
    const own = talk?.id ? index.get(talk.id.value) : undefined;
    if (own) consider(own, context.prefix.length > 0);
    if (context.prefix.trim()) for (const s of this.sessionsFor(context.prefix, new Set())) consider(s, true);
    const items = found.slice(0, this.limit).map((sp, i): CompletionEntry => {
      const event = index.events.get(sp.from.eventId);
      return {
        kind: 'speaker',
        label: sp.name,
        description: sp.affiliation ?? '',
        detail: `${sp.affiliation ? `${sp.affiliation} · ` : ''}${sp.from.title}`,
        documentation: talkCard(sp.from, event),
        insertText: speakerEntryYaml(sp.name, sp.affiliation, context.keyColumn, context.form),
        replace: context.replace,
        filterText: this.typed(context.replace),
        sortText: String(i).padStart(4, '0'),
        additionalEdits: [],
        talk: sp.from.fullId,
      };
    });
    return { items, isIncomplete: true };
  }

  private references(replace: Span, query: string): CompletionList {
    const { index } = this.options;
    const listed = this.listedIds();
    let sessions: IndexedSession[];
    if (query.trim()) sessions = this.sessionsFor(query, new Set());
    else {
      // Nothing typed yet: the talks the recap already lists, then its events' other talks.
      const first = [...listed].flatMap((id) => index.get(id) ?? []);
      sessions = [...first, ...this.sessionsFor('', listed)].slice(0, this.limit);
    }
    const items = sessions.map((s, i) => {
      const item = this.talkItem(s, i, replace, referenceText(s, index.events.get(s.eventId), this.options.referenceTemplate), 'reference');
      if (this.options.addToTalks && !listed.has(s.fullId)) {
        const edit = addTalkEdit(this.parsed, s);
        if (edit) {
          item.additionalEdits = [edit];
          item.detail += ' · adds it to talks:';
        }
      }
      return item;
    });
    return { items, isIncomplete: true };
  }

  private typed(replace: Span): string {
    return this.parsed.text.slice(replace.start, replace.end);
  }
}

function nameMatches(name: string, prefix: string): boolean {
  const words = prefix.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = name.toLowerCase();
  return words.every((w) => hay.includes(w) || hay.split(/\s+/).some((part) => near(part, w)));
}

/** One typo in a word of four or more letters, as far as the user has typed it. */
function near(part: string, typed: string): boolean {
  return typed.length >= 4 && editDistance(part.slice(0, typed.length), typed, 1) <= 1;
}

/** Sessions and sessions with video per event, counted once per index rather than on every keystroke. */
function eventCounts(index: SessionIndex): Map<string, { sessions: number; video: number }> {
  return index.derived(eventCounts, () => {
    const counts = new Map<string, { sessions: number; video: number }>();
    for (const s of index.sessions) {
      const c = counts.get(s.eventId) ?? { sessions: 0, video: 0 };
      c.sessions++;
      if (s.video) c.video++;
      counts.set(s.eventId, c);
    }
    return counts;
  });
}
