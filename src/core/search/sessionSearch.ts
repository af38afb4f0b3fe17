import type { SearchData } from '../index/prebuiltSearch';
import type { IndexedSession, SessionIndex, SessionTable } from '../index/sessionIndex';
import { Vocabulary } from './vocabulary';
import { WordIndex, type Expansion } from './wordIndex';
import { joinedWords, words } from './words';

export interface SearchOptions {
  /** At most this many results (completion lists never need more than ~100). */
  limit?: number;
  /** Only sessions of these events. */
  onlyEvents?: ReadonlySet<string>;
  /**
   * The recap's own event and its co-located events: among comparably good
   * matches their sessions come first (a bonus, never enough to put a talk
   * that misses a query word ahead of one that has them all), and other
   * years of the same conference next, the nearer the year the sooner.
   */
  preferEvents?: ReadonlySet<string>;
}

export interface SearchResult {
  session: IndexedSession;
  /** Higher is better; comparable within one query only. */
  score: number;
}

// Where a word was found (bits of a posting's field mask) and what that is worth:
// the title says what a talk is about; a speaker's name is nearly as telling;
// companies, track and event only place it.
const TITLE = 1;
const SPEAKER = 2;
const CONTEXT = 4;
const FIELD_WEIGHT = new Float32Array(8).map((_, mask) => (mask & TITLE ? 1 : mask & SPEAKER ? 0.8 : mask & CONTEXT ? 0.4 : 0));

// A session's score, from 0 to about 1.2 (see rank()):
/** Share of the query's words matched, each weighed by its rarity: all matched beats some. */
const COVERAGE = 0.6;
/** How well they matched: exact > prefix > typo, title > speaker > context, rare words more. */
const STRENGTH = 0.3;
/** The recap's own events: a tie-breaker among comparably good matches. */
const OWN_EVENT = 0.2;
/** The same conference in another year, less the further that year is (gone after 8 years). */
const SAME_SERIES = 0.05;
/** Share of the title's words the query matched: a query that is most of a title. */
const TITLE_SHARE = 0.01;
/** When every query word is common ("th", "linux"), at most this many sessions are scored (and all the preferred events'). */
const PICK_CAP = 3000;

/**
 * Search over the whole session index, fast enough for every keystroke.
 * Each query word is matched exactly, as a prefix (the word being typed),
 * within one or two typos, or as the joined form of a text's words
 * ("http3" for "HTTP/3", "degoogleify" for "de-Google-ify"); each session
 * is scored on how many of the words it has (weighed by rarity), how well
 * and where (title, speakers, context), then by the recap's event.
 */
export class SessionSearch {
  private readonly words: WordIndex;
  /** The documents: every session of the index, or a bundle's table followed by the rest (see SessionIndex.tableDocuments). */
  private readonly list: readonly IndexedSession[] | undefined;
  private readonly table: SessionTable | undefined;
  private readonly replaced: ReadonlyMap<number, IndexedSession> = new Map();
  private readonly rest: readonly IndexedSession[] = [];
  private readonly documentCount: number;
  // Per-document scratch space, reused by every query and left zeroed after it.
  private readonly cover: Float32Array;
  private readonly strength: Float32Array;
  private readonly bestCover: Float32Array;
  private readonly bestStrength: Float32Array;
  private readonly inTitle: Uint8Array;
  private readonly titleHits: Uint8Array;
  private readonly touchedBy: Uint8Array;
  /** Each session's number of title words, and its event as an index into eventIds. */
  private readonly titleLength: Uint8Array;
  private readonly eventOf: Uint32Array;
  private readonly eventIds: string[] = [];
  /** The words of each event's id and name, looked up once per event rather than once per session. */
  private readonly eventTerms = new Map<string, number[]>();
  private readonly expansions = new Map<string, Expansion[]>();

  constructor(private readonly index: SessionIndex) {
    // The bundle's prebuilt search, where the index still starts with its sessions unchanged:
    // only the sessions after them (the workspace's own) are read, and the bundle's are made
    // only when a search returns them.
    const documents = index.tableDocuments();
    const prebuilt = documents?.table.search;
    let n: number;
    const eventNumbers = new Map<string, number>();
    const number = (eventId: string) => {
      let e = eventNumbers.get(eventId);
      if (e === undefined) {
        e = this.eventIds.push(eventId) - 1;
        eventNumbers.set(eventId, e);
      }
      return e;
    };
    // Rows whose words changed since the search was prebuilt: those a later source replaced, and
    // every row of an event it renamed (a session's words include its event's name).
    const again = new Set<number>();
    if (documents && prebuilt) {
      const { table, replaced, rest } = documents;
      this.table = table;
      this.replaced = replaced;
      this.rest = rest;
      n = table.count + rest.length;
      this.eventOf = new Uint32Array(n);
      // Events in the order their first session comes, as below.
      for (const { event, first, count } of table.events) {
        if (count === 0) continue;
        this.eventOf.fill(number(event.id), first, first + count);
        if (index.events.get(event.id)?.name !== event.name) for (let row = first; row < first + count; row++) again.add(row);
      }
      rest.forEach((s, i) => (this.eventOf[table.count + i] = number(s.eventId)));
      for (const row of replaced.keys()) again.add(row);
    } else {
      this.list = index.sessions;
      n = this.list.length;
      this.eventOf = new Uint32Array(n);
      for (let i = 0; i < n; i++) this.eventOf[i] = number(this.list[i]!.eventId);
    }
    this.documentCount = n;
    this.titleLength = new Uint8Array(n);
    const vocabulary = new Vocabulary(prebuilt?.vocabulary);
    if (prebuilt) this.titleLength.set(prebuilt.titleLength);
    const reread = [...again].sort((a, b) => a - b);
    const base = prebuilt && { data: prebuilt, documentCount: prebuilt.titleLength.length, reread };
    this.words = new WordIndex(vocabulary, n, (i, add) => this.documentTerms(vocabulary, i, add), base);
    this.cover = new Float32Array(n);
    this.strength = new Float32Array(n);
    this.bestCover = new Float32Array(n);
    this.bestStrength = new Float32Array(n);
    this.inTitle = new Uint8Array(n);
    this.titleHits = new Uint8Array(n);
    this.touchedBy = new Uint8Array(n);
  }

  get vocabularySize(): number {
    return this.words.termCount;
  }

  /** Document d's session. */
  private sessionAt(d: number): IndexedSession {
    if (this.list) return this.list[d]!;
    const table = this.table!;
    return d < table.count ? (this.replaced.get(d) ?? table.session(d)) : this.rest[d - table.count]!;
  }

  /** What a bundle stores to skip this build (see PrebuiltSearch). */
  data(): SearchData {
    return { ...this.words.data(), titleLength: this.titleLength.slice() };
  }

  /** What a person may type to find a session: its title, speakers, companies, track and event. */
  private documentTerms(vocabulary: Vocabulary, i: number, add: (term: number, field: number) => void): void {
    const s = this.sessionAt(i);
    let eventTerms = this.eventTerms.get(s.eventId);
    if (!eventTerms) {
      const terms: number[] = [];
      const collect = (term: number) => terms.push(term);
      vocabulary.scan(s.eventId, collect);
      const event = this.index.events.get(s.eventId);
      if (event) vocabulary.scan(event.name, collect);
      this.eventTerms.set(s.eventId, (eventTerms = terms));
    }
    let titleWords = 0;
    vocabulary.scan(s.title, (t) => {
      titleWords++;
      add(t, TITLE);
    });
    this.titleLength[i] = Math.min(255, titleWords);
    for (const joined of joinedWords(s.title)) add(vocabulary.intern(joined), TITLE);
    const speaker = (t: number) => add(t, SPEAKER);
    const context = (t: number) => add(t, CONTEXT);
    for (const sp of s.speakers) {
      vocabulary.scan(sp.name, speaker);
      for (const joined of joinedWords(sp.name)) add(vocabulary.intern(joined), SPEAKER);
      if (sp.affiliation) vocabulary.scan(sp.affiliation, context);
    }
    if (s.track) vocabulary.scan(s.track, context);
    for (const t of eventTerms) add(t, CONTEXT);
  }

  search(query: string, options: SearchOptions = {}): SearchResult[] {
    const limit = Math.max(1, options.limit ?? 20);
    const exact = this.exactly(query);
    const all = words(query);
    const qwords = [...new Set(all)].slice(0, 12);
    if (qwords.length === 0) return exact ? [{ session: exact, score: 2 }] : [];
    const unfinishedLast = !/\s$/.test(query) && all.at(-1) === qwords[qwords.length - 1];
    const index = this.words;
    const expanded = qwords.map((word, w) => this.expand(word, unfinishedLast && w === qwords.length - 1));
    // What each word is worth: its best match's rarity. A word that matches nothing weighs nothing.
    const worth = expanded.map((ex) => ex.reduce((max, e) => Math.max(max, e.quality * index.idf(e.term)), 0));
    const worthSum = worth.reduce((a, b) => a + b, 0);
    if (worthSum === 0) return exact ? [{ session: exact, score: 2 }] : [];
    // A word found in a large share of all sessions ("the", "fosdem", a prefix's commonest
    // completions) cannot pick candidates: it only scores the sessions the rarer words picked.
    // When every word is that common, each picks.
    const reach = expanded.map((ex) => ex.reduce((sum, e) => sum + index.df(e.term), 0));
    const common = Math.max(200, this.documentCount * 0.04);
    const order = qwords
      .map((_, w) => w)
      .filter((w) => worth[w]! > 0)
      .sort((a, b) => reach[a]! - reach[b]!);
    const anySelective = reach[order[0]!]! <= common;
    const allowed = this.eventMask(options.onlyEvents);
    const bonus = this.eventBonus(options.preferEvents);
    const { cover, strength, bestCover, bestStrength, inTitle, titleHits, touchedBy } = this;
    const { postings, fields } = index;
    const touched: number[] = [];
    try {
      for (const w of order) {
        const picks = !anySelective || reach[w]! <= common;
        const wordTouched: number[] = [];
        for (const { term, quality } of expanded[w]!) {
          const weight = quality * index.idf(term);
          for (let k = index.start(term), end = index.end(term); k < end; k++) {
            const d = postings[k]!;
            if (touchedBy[d] === 0) {
              if (!picks || (allowed && allowed[this.eventOf[d]!] === 0)) continue;
              // Words this common pick a bounded number of sessions, the preferred events' all.
              if (!anySelective && touched.length >= PICK_CAP && !(bonus && bonus[this.eventOf[d]!]! >= OWN_EVENT)) continue;
              touchedBy[d] = 1;
              touched.push(d);
            }
            if (bestCover[d] === 0) wordTouched.push(d);
            const f = fields[k]!;
            if (quality > bestCover[d]!) bestCover[d] = quality;
            const s = weight * FIELD_WEIGHT[f]!;
            if (s > bestStrength[d]!) bestStrength[d] = s;
            if (f & TITLE) inTitle[d] = 1;
          }
        }
        const wordWorth = worth[w]!;
        for (const d of wordTouched) {
          cover[d]! += bestCover[d]! * wordWorth;
          strength[d]! += bestStrength[d]!;
          titleHits[d]! += inTitle[d]!;
          bestCover[d] = 0;
          bestStrength[d] = 0;
          inTitle[d] = 0;
        }
      }
      if (touched.length === 0) return exact ? [{ session: exact, score: 2 }] : [];
      return this.rank(touched, worthSum, limit, bonus, exact);
    } finally {
      for (const d of touched) {
        cover[d] = 0;
        strength[d] = 0;
        titleHits[d] = 0;
        touchedBy[d] = 0;
      }
    }
  }

  /**
   * The session whose full id (or alias) the query is. Only a query that starts
   * with an event id and a slash can be one (event ids hold no slash), so
   * "HTTP/3" does not make the index list every session.
   */
  private exactly(query: string): IndexedSession | undefined {
    const id = query.trim();
    const slash = id.indexOf('/');
    if (slash <= 0 || !this.index.events.has(id.slice(0, slash))) return undefined;
    return this.index.get(id);
  }

  /** A query's words as the index expands them, remembered: each keystroke repeats all but the last word. */
  private expand(word: string, unfinished: boolean): Expansion[] {
    const key = unfinished ? `${word}…` : word;
    let found = this.expansions.get(key);
    if (!found) {
      if (this.expansions.size >= 256) this.expansions.clear();
      this.expansions.set(key, (found = this.words.expand(word, unfinished).sort((a, b) => b.quality - a.quality)));
    }
    return found;
  }

  /** 1 for each event (by its number) that onlyEvents lets through; undefined when all may. */
  private eventMask(only: ReadonlySet<string> | undefined): Uint8Array | undefined {
    if (!only) return undefined;
    return Uint8Array.from(this.eventIds, (id) => (only.has(id) ? 1 : 0));
  }

  /** Each event's bonus (by its number): the recap's own events, then the same conference's other years. */
  private eventBonus(prefer: ReadonlySet<string> | undefined): Float32Array | undefined {
    if (!prefer || prefer.size === 0) return undefined;
    const years = new Map<string, number[]>();
    for (const id of prefer) {
      const at = yearOf(id);
      if (!at) continue;
      const list = years.get(at.series);
      if (list) list.push(at.year);
      else years.set(at.series, [at.year]);
    }
    return Float32Array.from(this.eventIds, (id) => {
      if (prefer.has(id)) return OWN_EVENT;
      const at = yearOf(id);
      const near = at && years.get(at.series);
      if (!near) return 0;
      const distance = Math.min(...near.map((y) => Math.abs(y - at.year)));
      return SAME_SERIES * Math.max(0, 1 - distance / 8);
    });
  }

  /** The `limit` best of the touched sessions, best first. */
  private rank(touched: number[], worthSum: number, limit: number, bonus: Float32Array | undefined, exact: IndexedSession | undefined): SearchResult[] {
    const { cover, strength, titleHits, titleLength, eventOf } = this;
    // A bounded insertion list: nearly every session falls below the current worst at once.
    const top: { d: number; score: number }[] = [];
    let floor = -Infinity;
    for (const d of touched) {
      const score =
        (COVERAGE * cover[d]! + STRENGTH * strength[d]!) / worthSum +
        (bonus ? bonus[eventOf[d]!]! : 0) +
        TITLE_SHARE * Math.min(1, titleHits[d]! / Math.max(1, titleLength[d]!));
      if (top.length === limit && score <= floor) continue;
      let at = top.length;
      while (at > 0 && top[at - 1]!.score < score) at--;
      top.splice(at, 0, { d, score });
      if (top.length > limit) top.pop();
      if (top.length === limit) floor = top[limit - 1]!.score;
    }
    const results = top.map(({ d, score }) => ({ session: this.sessionAt(d), score }));
    if (exact) {
      const at = results.findIndex((r) => r.session === exact);
      if (at >= 0) results.splice(at, 1);
      results.unshift({ session: exact, score: 3 });
      if (results.length > limit) results.pop();
    }
    return results;
  }
}

const YEAR = /(?:^|-)((?:19|20)\d\d)(?=-|$)/;

/** "fosdem-2024" → fosdem in 2024; "kubecon-eu-2024-argocon" → kubecon-eu-*-argocon in 2024. */
function yearOf(eventId: string): { series: string; year: number } | undefined {
  const m = YEAR.exec(eventId);
  if (!m) return undefined;
  return { series: eventId.slice(0, m.index) + '*' + eventId.slice(m.index + m[0].length), year: Number(m[1]) };
}
