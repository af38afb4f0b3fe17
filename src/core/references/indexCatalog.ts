import type { IndexedSession, SessionIndex } from '../index/sessionIndex';
import { markdownEngine } from '../markdown/engine';
import { EventNames } from './eventNames';
import { titlePattern, type TitlePattern } from './titlePattern';
import { urlKey } from '../links/urlKey';

/**
 * What reference finding needs from an index, computed once per index (the
 * index is immutable; a changed workspace file makes a new one): every
 * title's pattern and sessions, and the sessions behind every video, slides
 * and schedule URL.
 */
export class IndexCatalog {
  /** Parallel to `index.sessions`. */
  readonly patterns: TitlePattern[];
  private readonly sessionsByKey = new Map<string, IndexedSession[]>();
  private readonly urls = new Map<string, IndexedSession>();
  private readonly videos = new Map<string, IndexedSession>();
  /** Every video, slides and schedule URL as the index writes it and as markdown-it encodes it. */
  private readonly written = new Map<string, { session: IndexedSession; video: boolean }>();
  private names: EventNames | undefined;

  /** Sessions [0, titled) have their title's pattern; [0, linked) their URLs. */
  private titled = 0;
  private linked = 0;

  /** Built by complete() (the titles; the URLs on first use) or by buildInSlices. */
  constructor(readonly index: SessionIndex) {
    this.patterns = new Array(index.sessions.length);
  }

  /** The titles' part built (at once; a no-op once built). */
  complete(): this {
    this.addTitles(this.index.sessions.length);
    return this;
  }

  /**
   * Builds all of it, `slice` sessions at a time, awaiting `pause()` between
   * slices: for 35,000 sessions it takes about 2 s of CPU, which at once
   * would hold the editor's extension host that long.
   */
  async buildInSlices(pause: () => Promise<void>, slice = 250): Promise<this> {
    const n = this.index.sessions.length;
    while (this.titled < n) {
      this.addTitles(Math.min(n, this.titled + slice));
      await pause();
    }
    while (this.linked < n) {
      this.addUrls(Math.min(n, this.linked + slice));
      await pause();
    }
    this.eventNames();
    return this;
  }

  private addTitles(to: number): void {
    const sessions = this.index.sessions;
    for (let i = this.titled; i < to; i++) {
      const s = sessions[i]!;
      const p = titlePattern(s.title);
      this.patterns[i] = p;
      const list = this.sessionsByKey.get(p.key);
      if (list) list.push(s);
      else this.sessionsByKey.set(p.key, [s]);
    }
    this.titled = to;
  }

  /** A title (by pattern key) that occurs in several events: "Welcome", "Lightning Talks" and "The State of Go" do. */
  inSeveralEvents(key: string): boolean {
    const sessions = this.sessionsWithTitle(key);
    return sessions.some((s) => s.eventId !== sessions[0]!.eventId);
  }

  sessionsWithTitle(key: string): readonly IndexedSession[] {
    return this.sessionsByKey.get(key) ?? [];
  }

  /** The index's events as posts name them ("FOSDEM 2016", "KubeCon EU 2024"), built on first use. */
  eventNames(): EventNames {
    return (this.names ??= new EventNames(this.index));
  }

  /** What is built on first use, built now: the lint worker does it while a recap's text is still on its way. */
  warm(): void {
    this.addUrls();
    this.eventNames();
  }

  /** The session whose recording, slides or schedule page a link points to. */
  sessionByUrl(key: string): IndexedSession | undefined {
    this.addUrls();
    return this.urls.get(key);
  }

  /** The session whose recording a link is (only the video URL, not the schedule page). */
  sessionByVideo(key: string): IndexedSession | undefined {
    this.addUrls();
    return this.videos.get(key);
  }

  /**
   * The session behind a link exactly as markdown-it hands its target over
   * (the same URL written the same way): most links to indexed talks are
   * copied from the index, and this finds them without building a key.
   */
  sessionByHref(href: string): { session: IndexedSession; video: boolean } | undefined {
    this.addUrls();
    return this.written.get(href);
  }

  /** The URLs of sessions up to `to` (all of them by default). */
  private addUrls(to = this.index.sessions.length): void {
    if (this.linked >= to) return;
    const md = markdownEngine();
    const sessions = this.index.sessions;
    for (let i = this.linked; i < to; i++) {
      const s = sessions[i]!;
      // Slides mention the talk too, but are no recording; the video comes last, so a URL that is both counts as the recording.
      for (const [url, video] of [
        [s.schedule, false],
        [s.slides, false],
        [s.video, true],
      ] as const) {
        if (!url) continue;
        const hit = { session: s, video };
        const raw = url.trim();
        // markdown-it's normalizeLink is the slow part of building this: once per URL.
        const href = md.normalizeLink(raw);
        this.written.set(raw, hit);
        this.written.set(href, hit);
        const key = urlKey(href);
        if (key === undefined) continue;
        this.urls.set(key, s);
        if (video) this.videos.set(key, s);
      }
      // FOSDEM's schedule pages follow one pattern every year (and stay on archive.fosdem.org): known without the index saying so.
      const year = FOSDEM_EVENT.exec(s.eventId)?.[1];
      if (year) {
        const key = `fosdem.org/${year}/schedule/event/${s.id}`;
        if (!this.urls.has(key)) this.urls.set(key, s);
      }
    }
    this.linked = to;
  }
}

const FOSDEM_EVENT = /^fosdem-(\d{4})$/;

/** The index's catalog, made once per index and kept by it. */
export function indexCatalog(index: SessionIndex): IndexCatalog {
  // Complete even while buildInSlices is under way: whoever asks at once gets all of it.
  return index.derived(indexCatalog, () => new IndexCatalog(index)).complete();
}

/**
 * The index's catalog, built a slice at a time (see buildInSlices) unless it
 * is built already: the editor awaits it before its first check in an index.
 */
export function indexCatalogInSlices(index: SessionIndex, pause: () => Promise<void>): Promise<IndexCatalog> {
  return index.derived(indexCatalogInSlices, () => {
    return index.derived(indexCatalog, () => new IndexCatalog(index)).buildInSlices(pause);
  });
}
