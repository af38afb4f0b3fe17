import { MAX_PARENT_DEPTH } from './eventParents';
import { fullId, type ConferenceEvent, type Session, type Speaker } from './model';
import type { PrebuiltSearch } from './prebuiltSearch';
import { countSessions, type SessionCounts } from './sessionCounts';

/** Where an entry was defined: the bundled index, or a workspace file and line (for Go to Definition). */
export interface Origin {
  file: string;
  line?: number;
  bundled?: boolean;
}

export interface IndexedSession extends Session {
  eventId: string;
  fullId: string;
  origin: Origin;
}

export interface IndexedEvent extends ConferenceEvent {
  origin: Origin;
}

/** One source of entries: the bundled index, or one workspace index file. */
export interface IndexSource {
  origin: Origin;
  event: ConferenceEvent;
  sessions: Session[];
  sessionLines?: number[];
}

/**
 * The sessions of many events, each made only when asked for (a binary
 * bundle's, see binaryBundle.ts): an index whose first input is a table can
 * be searched before most of them are made.
 */
export interface SessionTable {
  readonly kind: 'table';
  readonly origin: Origin;
  /** Its events in order; event k's sessions are rows first .. first + count - 1. */
  readonly events: readonly { event: ConferenceEvent; first: number; count: number }[];
  readonly count: number;
  /** The search prebuilt over exactly these rows, if the table has one. */
  readonly search: PrebuiltSearch | undefined;
  /** Row r's session: the same object every time, with its eventId, fullId and origin, its speakers distinct. */
  session(row: number): IndexedSession;
  /** Every row's session, in order. */
  all(): readonly IndexedSession[];
  /** The row of the event's session with this id. */
  rowOf(eventId: string, sessionId: string): number | undefined;
  /** Alias full id → current full id, for the sessions that have some. */
  aliases(): ReadonlyMap<string, string>;
  /** What stats() counts, from the columns, leaving out the rows `except`: sessions with a video and with slides, the speakers' names in lower case. */
  counts(except?: ReadonlySet<number>): { sessionsWithVideo: number; sessionsWithSlides: number; speakerNames: Set<string> };
}

/** What an index is built from: sources (index files, a JSON bundle's events) and session tables, in order. */
export type IndexInput = IndexSource | SessionTable;

const isTable = (input: IndexInput | readonly IndexedSession[]): input is SessionTable => (input as SessionTable).kind === 'table';

export interface IndexStats extends SessionCounts {
  events: number;
  workspaceFiles: number;
}

/**
 * The merged, read-only view every feature queries. Sources are applied in
 * order, so a workspace file given after the bundled index overrides any
 * entry with the same full id, and its event's fields override the bundled event's.
 * A session table's sessions are made the first time a session is looked up
 * or all are listed; until then only the documents' view (tableDocuments())
 * reaches them, one at a time.
 */
export class SessionIndex {
  readonly events = new Map<string, IndexedEvent>();
  private byId: Map<string, IndexedSession> | undefined;
  /** An old full id (a session's alias) → its current full id. */
  private aliases: Map<string, string> | undefined;
  private readonly children = new Map<string, string[]>();
  /** The inputs' sessions in order: tables, and the other sources' sessions indexed. */
  private readonly segments: (SessionTable | IndexedSession[])[] = [];
  /** The first input, when it is a table. */
  private readonly table: SessionTable | undefined;
  private documents:
    { table: SessionTable; replaced: Map<number, IndexedSession>; rest: IndexedSession[]; restById: Map<string, IndexedSession> } | null | undefined;
  private list: IndexedSession[] | undefined;
  private counted: IndexStats | undefined;
  /** What other modules compute from this index (see derived), kept with it and dropped with it. */
  private readonly derivations = new Map<object, unknown>();

  /**
   * What `build` makes from this index, made once per index: the title
   * catalog, the title matchers, completion's per-event counts. `key` is the
   * function asking (its module's own entry point), so each derivation has
   * one owner, and all of them live here, in plain sight, as long as the
   * index does.
   */
  derived<T>(key: object, build: (index: SessionIndex) => T): T {
    if (!this.derivations.has(key)) this.derivations.set(key, build(this));
    return this.derivations.get(key) as T;
  }

  constructor(inputs: Iterable<IndexInput>) {
    for (const input of inputs) {
      if (isTable(input)) {
        if (this.segments.length === 0) this.table = input;
        for (const { event } of input.events) this.addEvent(event, input.origin);
        this.segments.push(input);
        continue;
      }
      const source = input;
      const { event } = source;
      this.addEvent(event, source.origin);
      this.segments.push(
        source.sessions.map((session, i) => {
          const id = fullId(event.id, session.id);
          const line = source.sessionLines?.[i];
          const speakers = distinctSpeakers(session.speakers);
          return { ...session, speakers, eventId: event.id, fullId: id, origin: line ? { ...source.origin, line } : source.origin };
        }),
      );
    }
    for (const event of this.events.values()) {
      if (!event.parent) continue;
      const siblings = this.children.get(event.parent);
      if (siblings) siblings.push(event.id);
      else this.children.set(event.parent, [event.id]);
    }
  }

  private addEvent(event: ConferenceEvent, origin: Origin): void {
    const previous = this.events.get(event.id);
    this.events.set(event.id, { ...previous, ...event, origin: previous && origin.bundled ? previous.origin : origin });
  }

  /** Every session by full id, in the order `sessions` lists them (made on first use). */
  private ids(): Map<string, IndexedSession> {
    if (!this.byId) {
      const byId = new Map<string, IndexedSession>();
      const aliases = new Map<string, string>();
      for (const segment of this.segments) {
        for (const session of isTable(segment) ? segment.all() : segment) {
          byId.set(session.fullId, session);
          if (session.aliases) for (const alias of session.aliases) aliases.set(fullId(session.eventId, alias), session.fullId);
        }
      }
      this.byId = byId;
      this.aliases = aliases;
    }
    return this.byId;
  }

  get sessions(): readonly IndexedSession[] {
    if (!this.list) {
      const documents = this.tableDocuments();
      this.list = documents ? [...documents.table.all(), ...documents.rest] : [...this.ids().values()];
      if (documents) for (const [row, session] of documents.replaced) this.list[row] = session;
    }
    return this.list;
  }

  /** How many sessions there are, without listing them. */
  get size(): number {
    const documents = this.tableDocuments();
    return documents ? documents.table.count + documents.rest.length : this.sessions.length;
  }

  /** The search prebuilt over the first input's sessions, if that is a table with one. */
  get prebuiltSearch(): PrebuiltSearch | undefined {
    return this.table?.search;
  }

  /**
   * When the first input is a table: `sessions` is then the table's rows (a
   * row whose full id a later input gives again replaced by that session, as
   * `replaced` says) followed by `rest`. This lets a search reach the table's
   * sessions without making them all.
   */
  tableDocuments(): { table: SessionTable; replaced: ReadonlyMap<number, IndexedSession>; rest: readonly IndexedSession[] } | undefined {
    if (this.documents === undefined) {
      this.documents = null;
      const table = this.table;
      if (!table) return undefined;
      const replaced = new Map<number, IndexedSession>();
      const restById = new Map<string, IndexedSession>();
      for (const segment of this.segments.slice(1)) {
        for (const session of isTable(segment) ? segment.all() : segment) {
          const row = table.rowOf(session.eventId, session.id);
          if (row === undefined) restById.set(session.fullId, session);
          else replaced.set(row, session);
        }
      }
      this.documents = { table, replaced, rest: [...restById.values()], restById };
    }
    return this.documents ?? undefined;
  }

  /**
   * The session with this full id, or the one that had it as an alias (an id
   * a schedule renamed): compare the result's fullId to tell the two apart.
   */
  get(id: string): IndexedSession | undefined {
    if (!this.byId) this.tableDocuments();
    const documents = this.byId ? undefined : this.documents;
    if (documents) {
      // Without making every session: the rest by full id, the table's row by event and id.
      const { table, replaced, restById } = documents;
      const find = (id: string): IndexedSession | undefined => {
        const found = restById.get(id);
        if (found) return found;
        const slash = id.indexOf('/');
        const row = slash > 0 ? table.rowOf(id.slice(0, slash), id.slice(slash + 1)) : undefined;
        return row === undefined ? undefined : (replaced.get(row) ?? table.session(row));
      };
      const found = find(id);
      if (found) return found;
      if (!this.aliases) {
        const aliases = new Map(table.aliases());
        for (const segment of this.segments.slice(1)) {
          for (const session of isTable(segment) ? segment.all() : segment) {
            if (session.aliases) for (const alias of session.aliases) aliases.set(fullId(session.eventId, alias), session.fullId);
          }
        }
        this.aliases = aliases;
      }
      const current = this.aliases.get(id);
      return current === undefined ? undefined : find(current);
    }
    const session = this.ids().get(id);
    if (session || this.aliases!.size === 0) return session;
    const current = this.aliases!.get(id);
    return current === undefined ? undefined : this.byId!.get(current);
  }

  /**
   * The event and every event co-located with it (its children, theirs, and
   * so on, MAX_PARENT_DEPTH levels down), so a recap of KubeCon finds its
   * day-0 events' talks. Iterative and loop-safe: a chain of any length or a
   * cycle of parents (reported by eventParentProblems) cannot overflow the stack.
   */
  family(eventId: string): Set<string> {
    const out = new Set<string>([eventId]);
    let level = [eventId];
    for (let depth = 0; depth < MAX_PARENT_DEPTH && level.length > 0; depth++) {
      const next: string[] = [];
      for (const id of level) {
        for (const child of this.children.get(id) ?? []) {
          if (out.has(child)) continue;
          out.add(child);
          next.push(child);
        }
      }
      level = next;
    }
    return out;
  }

  /** Counted once: the index never changes, and the status item asks on every change of diagnostics. */
  stats(): IndexStats {
    if (this.counted) return { ...this.counted };
    const files = new Set<string>();
    const documents = this.tableDocuments();
    // A table counts from its columns, without making its sessions; the sessions replacing rows count as the rest do.
    const fromTable = documents !== undefined && !this.list;
    const others = fromTable ? [...documents.replaced.values(), ...documents.rest] : this.sessions;
    for (const entry of others) if (!entry.origin.bundled) files.add(entry.origin.file);
    for (const entry of this.events.values()) if (!entry.origin.bundled) files.add(entry.origin.file);
    let counts = countSessions(others);
    if (fromTable) {
      const table = documents.table.counts(new Set(documents.replaced.keys()));
      const speakers = table.speakerNames;
      for (const s of others) for (const sp of s.speakers) speakers.add(sp.name.toLowerCase());
      counts = {
        sessions: counts.sessions + documents.table.count - documents.replaced.size,
        speakers: speakers.size,
        sessionsWithVideo: counts.sessionsWithVideo + table.sessionsWithVideo,
        sessionsWithSlides: counts.sessionsWithSlides + table.sessionsWithSlides,
      };
    }
    this.counted = { events: this.events.size, ...counts, workspaceFiles: files.size };
    return { ...this.counted };
  }
}

/**
 * Schedules now and then list one person twice for a talk (FOSDEM 2024 has
 * such talks): completion, cards and the speaker check name them once. The
 * first entry wins; the array is kept as it is when there is nothing to drop.
 */
export function distinctSpeakers(speakers: readonly Speaker[]): Speaker[] {
  if (speakers.length < 2) return speakers as Speaker[];
  const seen = new Set<string>();
  const out = speakers.filter((s) => !seen.has(s.name) && (seen.add(s.name), true));
  return out.length === speakers.length ? (speakers as Speaker[]) : out;
}
