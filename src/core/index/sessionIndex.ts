import { MAX_PARENT_DEPTH } from './eventParents';
import { fullId, type ConferenceEvent, type Session, type Speaker } from './model';
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

export interface IndexStats extends SessionCounts {
  events: number;
  workspaceFiles: number;
}

/**
 * The merged, read-only view every feature queries. Sources are applied in
 * order, so a workspace file given after the bundled index overrides any
 * entry with the same full id, and its event's fields override the bundled event's.
 */
export class SessionIndex {
  readonly events = new Map<string, IndexedEvent>();
  private readonly byId = new Map<string, IndexedSession>();
  /** An old full id (a session's alias) → its current full id. */
  private readonly aliases = new Map<string, string>();
  private readonly children = new Map<string, string[]>();
  private list: IndexedSession[] | undefined;
  private counted: IndexStats | undefined;

  constructor(sources: Iterable<IndexSource>) {
    for (const source of sources) {
      const { event } = source;
      const previous = this.events.get(event.id);
      this.events.set(event.id, { ...previous, ...event, origin: previous && source.origin.bundled ? previous.origin : source.origin });
      source.sessions.forEach((session, i) => {
        const id = fullId(event.id, session.id);
        const line = source.sessionLines?.[i];
        const speakers = distinctSpeakers(session.speakers);
        this.byId.set(id, { ...session, speakers, eventId: event.id, fullId: id, origin: line ? { ...source.origin, line } : source.origin });
        if (session.aliases) for (const alias of session.aliases) this.aliases.set(fullId(event.id, alias), id);
      });
    }
    for (const event of this.events.values()) {
      if (!event.parent) continue;
      const siblings = this.children.get(event.parent);
      if (siblings) siblings.push(event.id);
      else this.children.set(event.parent, [event.id]);
    }
  }

  get sessions(): readonly IndexedSession[] {
    this.list ??= [...this.byId.values()];
    return this.list;
  }

  /**
   * The session with this full id, or the one that had it as an alias (an id
   * a schedule renamed): compare the result's fullId to tell the two apart.
   */
  get(id: string): IndexedSession | undefined {
    const session = this.byId.get(id);
    if (session || this.aliases.size === 0) return session;
    const current = this.aliases.get(id);
    return current === undefined ? undefined : this.byId.get(current);
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
    for (const entry of this.sessions) if (!entry.origin.bundled) files.add(entry.origin.file);
    for (const entry of this.events.values()) if (!entry.origin.bundled) files.add(entry.origin.file);
    this.counted = { events: this.events.size, ...countSessions(this.sessions), workspaceFiles: files.size };
    return { ...this.counted };
  }
}

/**
 * Schedules now and then list one person twice for a talk (FOSDEM 2024 has
 * such talks): completion, cards and the speaker check name them once. The
 * first entry wins; the array is kept as it is when there is nothing to drop.
 */
function distinctSpeakers(speakers: readonly Speaker[]): Speaker[] {
  if (speakers.length < 2) return speakers as Speaker[];
  const seen = new Set<string>();
  const out = speakers.filter((s) => !seen.has(s.name) && (seen.add(s.name), true));
  return out.length === speakers.length ? (speakers as Speaker[]) : out;
}
