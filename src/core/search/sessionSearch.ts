import Fuse from 'fuse.js';
import type { IndexedSession, SessionIndex } from '../index/sessionIndex';
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
  affiliations: string;
  event: string;
  track: string;
}

const CANDIDATES = 120;
const FUSE_OPTIONS = {
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.7,
  keys: [
    { name: 'title', weight: 1 },
    { name: 'speakers', weight: 0.8 },
    { name: 'affiliations', weight: 0.35 },
    { name: 'event', weight: 0.35 },
    { name: 'track', weight: 0.2 },
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

  constructor(private readonly index: SessionIndex) {
    this.sessions = index.sessions;
    this.words = new WordIndex(this.sessions.length, (i) => this.documentWords(this.sessions[i]!));
    this.total = new Float32Array(this.sessions.length);
    this.best = new Float32Array(this.sessions.length);
    this.matched = new Uint8Array(this.sessions.length);
  }

  get vocabularySize(): number {
    return this.words.terms.length;
  }

  private documentWords(s: IndexedSession): string[] {
    const event = this.index.events.get(s.eventId);
    return [
      ...words(s.title),
      ...s.speakers.flatMap((sp) => [...words(sp.name), ...(sp.affiliation ? words(sp.affiliation) : [])]),
      ...(s.track ? words(s.track) : []),
      ...words(s.eventId),
      ...(event ? words(event.name) : []),
    ];
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
    try {
      qwords.forEach((word, w) => {
        const expansions = this.words.expand(word, unfinishedLast && w === qwords.length - 1);
        const wordTouched: number[] = [];
        let wordWeight = 0;
        for (const { term, quality } of expansions) {
          const weight = quality * this.words.idf(term);
          if (weight > wordWeight) wordWeight = weight;
          const docs = this.words.docs(term);
          for (let k = 0; k < docs.length; k++) {
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
      return this.rank(query, qwords.length, touched, weightSum, limit, options.preferEvents, exact);
    } finally {
      for (const d of touched) {
        total[d] = 0;
        matched[d] = 0;
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
    const { total, matched } = this;
    const key = (d: number) => matched[d]! + (prefer?.has(this.sessions[d]!.eventId) ? 0.5 : 0);
    let pool = touched;
    if (pool.length > CANDIDATES * 4) {
      // Only the best-covered documents can make the cut: skip sorting the long tail.
      let top = 0;
      for (const d of pool) top = Math.max(top, key(d));
      const floor = top - 1;
      pool = pool.filter((d) => key(d) >= floor);
      if (pool.length > CANDIDATES * 4) pool = pool.filter((d) => key(d) >= top - 0.5);
    }
    pool.sort((a, b) => key(b) - key(a) || total[b]! - total[a]!);
    const candidates = pool.slice(0, CANDIDATES);
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
      affiliations: s.speakers.flatMap((sp) => (sp.affiliation ? [sp.affiliation] : [])).join(', '),
      event: this.index.events.get(s.eventId)?.name ?? s.eventId,
      track: s.track ?? '',
    };
  }
}
