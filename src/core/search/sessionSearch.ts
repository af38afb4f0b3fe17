import Fuse from 'fuse.js';
import type { IndexedSession, SessionIndex } from '../index/sessionIndex';
import { Vocabulary } from './vocabulary';
import { WordIndex } from './wordIndex';
import { words } from './words';

export interface SearchOptions {
  /** At most this many results (completion lists never need more than ~100). */
  limit?: number;
  /** Only sessions of these events. */
  onlyEvents?: ReadonlySet<string>;
  /** Sessions of these events rank first (the recap's own event and its co-located events). */
  preferEvents?: ReadonlySet<string>;
}

export interface SearchResult {
  session: IndexedSession;
  /** Higher is better; comparable within one query only. */
  score: number;
}

/** What fuse.js sees of a candidate: the fields a person types. */
interface Card {
  i: number;
  title: string;
  speakers: string;
  context: string;
}

// Measured (npm run bench): fuse.js's ranking is most of a query's cost; 60 candidates keep
// the same top-5 recall as 120 at half the keystroke latency.
const CANDIDATES = 60;
const FUSE_OPTIONS = {
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.7,
  keys: [
    { name: 'title', weight: 1 },
    { name: 'speakers', weight: 0.8 },
    // Companies, event and track in one field: fuse.js's cost grows with the number of keys.
    { name: 'context', weight: 0.35 },
  ],
};

/**
 * Search over the whole session index, fast enough for every keystroke:
 * the word index picks at most a hundred or so candidates (every query word
 * matched exactly, as a prefix, or within one or two typos), and fuse.js
 * ranks only those.
 */
export class SessionSearch {
  private readonly words: WordIndex;
  private readonly sessions: readonly IndexedSession[];
  // Per-document scratch space, reused by every query and left zeroed after it.
  private readonly total: Float32Array;
  private readonly best: Float32Array;
  private readonly matched: Uint8Array;
  /** The words of each event's id and name, looked up once per event rather than once per session. */
  private readonly eventTerms = new Map<string, number[]>();

  constructor(private readonly index: SessionIndex) {
    this.sessions = index.sessions;
    const vocabulary = new Vocabulary();
    this.words = new WordIndex(vocabulary, this.sessions.length, (i, add) => this.documentTerms(vocabulary, this.sessions[i]!, add));
    this.total = new Float32Array(this.sessions.length);
    this.best = new Float32Array(this.sessions.length);
    this.matched = new Uint8Array(this.sessions.length);
  }

  get vocabularySize(): number {
    return this.words.terms.length;
  }

  /** What a person may type to find a session: its title, speakers, companies, track and event. */
  private documentTerms(vocabulary: Vocabulary, s: IndexedSession, add: (term: number) => void): void {
    let eventTerms = this.eventTerms.get(s.eventId);
    if (!eventTerms) {
      const terms: number[] = [];
      const collect = (term: number) => terms.push(term);
      vocabulary.scan(s.eventId, collect);
      const event = this.index.events.get(s.eventId);
      if (event) vocabulary.scan(event.name, collect);
      this.eventTerms.set(s.eventId, (eventTerms = terms));
    }
    vocabulary.scan(s.title, add);
    for (const sp of s.speakers) {
      vocabulary.scan(sp.name, add);
      if (sp.affiliation) vocabulary.scan(sp.affiliation, add);
    }
    if (s.track) vocabulary.scan(s.track, add);
    for (const t of eventTerms) add(t);
  }

  search(query: string, options: SearchOptions = {}): SearchResult[] {
    const limit = Math.max(1, options.limit ?? 20);
    const exact = query.includes('/') ? this.index.get(query.trim()) : undefined;
    const qwords = words(query).slice(0, 12);
    if (qwords.length === 0) return exact ? [{ session: exact, score: 2 }] : [];
    const unfinishedLast = !/\s$/.test(query);
    const { total, best, matched } = this;
    const touched: number[] = [];
    let weightSum = 0;
    const expanded = qwords.map((word, w) => this.words.expand(word, unfinishedLast && w === qwords.length - 1));
    // A word found in a large share of all sessions ("the", "fosdem", a first letter's commonest
    // completions) cannot pick candidates; it still counts in fuse.js's ranking. When every word
    // is that common, each still picks, from a bounded slice of its documents.
    const reach = expanded.map((ex) => ex.reduce((sum, e) => sum + this.words.df(e.term), 0));
    const common = Math.max(200, this.sessions.length * 0.04);
    const selective = reach.map((r) => r <= common);
    const anySelective = selective.some(Boolean);
    const perTermCap = anySelective ? Infinity : Math.max(2000, Math.ceil(common));
    let wordCount = 0;
    try {
      expanded.forEach((expansions, w) => {
        if (anySelective && !selective[w]) return;
        wordCount++;
        const wordTouched: number[] = [];
        let wordWeight = 0;
        for (const { term, quality } of expansions) {
          const weight = quality * this.words.idf(term);
          if (weight > wordWeight) wordWeight = weight;
          const docs = this.words.docs(term);
          const end = Math.min(docs.length, perTermCap);
          for (let k = 0; k < end; k++) {
            const d = docs[k]!;
            if (options.onlyEvents && !options.onlyEvents.has(this.sessions[d]!.eventId)) continue;
            if (best[d] === 0) wordTouched.push(d);
            if (weight > best[d]!) best[d] = weight;
          }
        }
        weightSum += wordWeight || 1;
        for (const d of wordTouched) {
          if (matched[d] === 0) touched.push(d);
          total[d]! += best[d]!;
          matched[d]!++;
          best[d] = 0;
        }
      });
      if (touched.length === 0) return exact ? [{ session: exact, score: 2 }] : [];
      return this.rank(query, wordCount, touched, weightSum, limit, options.preferEvents, exact);
    } finally {
      for (const d of touched) {
        total[d] = 0;
        matched[d] = 0;
        best[d] = 0;
      }
    }
  }

  /**
   * Picks the candidates (more query words matched first; the preferred
   * events' sessions ahead of others that match one word fewer; then by
   * weight) and lets fuse.js rank them.
   */
  private rank(
    query: string,
    wordCount: number,
    touched: number[],
    weightSum: number,
    limit: number,
    prefer: ReadonlySet<string> | undefined,
    exact: IndexedSession | undefined,
  ): SearchResult[] {
    const { total, matched, best: keys } = this;
    let top = 0;
    for (const d of touched) {
      keys[d] = matched[d]! + (prefer?.has(this.sessions[d]!.eventId) ? 0.5 : 0);
      if (keys[d]! > top) top = keys[d]!;
    }
    // A caller asking for more results than usual gets more candidates ranked.
    const wanted = Math.max(CANDIDATES, limit);
    let pool = touched;
    // Only the best-covered documents can make the cut: skip sorting the long tail.
    if (pool.length > wanted * 4) pool = pool.filter((d) => keys[d]! >= top - 1);
    if (pool.length > wanted * 4) pool = pool.filter((d) => keys[d]! >= top - 0.5);
    pool.sort((a, b) => keys[b]! - keys[a]! || total[b]! - total[a]!);
    const candidates = pool.slice(0, wanted);
    const cards: Card[] = candidates.map((i) => this.card(i));
    const fuse = new Fuse(cards, FUSE_OPTIONS);
    const fuseScores = new Map<number, number>();
    for (const r of fuse.search(query.trim().slice(0, 64))) fuseScores.set(r.item.i, r.score ?? 1);
    const results = candidates.map((i) => {
      const coverage = matched[i]! / wordCount;
      const strength = Math.min(1, total[i]! / weightSum);
      const fuzzy = 1 - (fuseScores.get(i) ?? 1);
      const own = prefer?.has(this.sessions[i]!.eventId) ? 1 : 0;
      return { session: this.sessions[i]!, score: own + 0.45 * coverage + 0.25 * strength + 0.3 * fuzzy };
    });
    results.sort((a, b) => b.score - a.score);
    if (exact) {
      const at = results.findIndex((r) => r.session === exact);
      if (at >= 0) results.splice(at, 1);
      results.unshift({ session: exact, score: 3 });
    }
    return results.slice(0, limit);
  }

  private card(i: number): Card {
    const s = this.sessions[i]!;
    return {
      i,
      title: s.title,
      speakers: s.speakers.map((sp) => sp.name).join(', '),
      context: [
        ...s.speakers.flatMap((sp) => (sp.affiliation ? [sp.affiliation] : [])),
        this.index.events.get(s.eventId)?.name ?? s.eventId,
        s.track ?? '',
      ].join(' · '),
    };
  }
}
