import type { IndexedSession, SessionIndex } from '../index/sessionIndex';
import { indexCatalog } from './indexCatalog';
import { titlePattern, withoutPrefix, type TitlePattern } from './titlePattern';
import { GAP_STRONG, pairKey, type WordRun } from './wordScan';

export interface TitleCandidate<T> {
  pattern: TitlePattern;
  target: T;
}

/**
 * Finds titles in scanned text. Every prefix (of two words or more) of every
 * title is a key in one map, keyed by a hash chained over its words' hashes:
 * reading a recap's words from a position follows the chain only as long as
 * some title starts that way, so each word costs about one integer-keyed
 * lookup, whatever the number of titles and however many share their first
 * words ("How to…", "The state of…").
 */
export class TitleMatcher<T> {
  /** Prefix key → -1 (only a prefix), or the first title (index) whose words are exactly that prefix. */
  private readonly prefixes = new Map<number, number>();
  /**
   * A bit per (20 bits of a) prefix key: most word pairs of a recap start no
   * title, and most prefixes extend to none, and that is answered without a lookup.
   */
  private readonly bits = new Int32Array(1 << 15);
  private readonly candidates: TitleCandidate<T>[] = [];
  /** Per title: the next title with the same words (other punctuation), or -1. */
  private readonly next: number[] = [];

  get size(): number {
    return this.candidates.length;
  }

  /** Titles need two words at least (the callers ask for more). */
  add(pattern: TitlePattern, target: T): void {
    const { hashes } = pattern;
    const n = hashes.length;
    if (n < 2) return;
    const t = this.candidates.length;
    this.candidates.push({ pattern, target });
    this.next.push(-1);
    let key = pairKey(hashes[0]!, hashes[1]!);
    for (let k = 2; ; k++) {
      this.bits[(key & 0xfffff) >>> 5]! |= 1 << (key & 31);
      const value = this.prefixes.get(key);
      if (k === n) {
        if (value === undefined || value < 0) this.prefixes.set(key, t);
        else {
          let last = value;
          while (this.next[last]! >= 0) last = this.next[last]!;
          this.next[last] = t;
        }
        break;
      }
      if (value === undefined) this.prefixes.set(key, -1);
      key = chainKey(key, hashes[k]!);
    }
  }

  /**
   * The longest title starting at word `i` of the run: every word equal, and
   * no sentence-ending punctuation in the text between two words where the
   * title has none ("…containers. In a car" is not "Containers in a Car").
   * Hashes find it; its words, compared whole, confirm it.
   */
  matchAt(run: WordRun, i: number): TitleCandidate<T> | undefined {
    const count = run.count;
    if (i + 1 >= count) return undefined;
    const rh = run.hash;
    let key = pairKey(rh[i]!, rh[i + 1]!);
    let best = -1;
    for (let k = 2; ; k++) {
      if ((this.bits[(key & 0xfffff) >>> 5]! & (1 << (key & 31))) === 0) break;
      const value = this.prefixes.get(key);
      if (value === undefined) break;
      // A title of exactly k words: its hashes are equal (the chain says so, up to collisions).
      for (let t = value; t >= 0; t = this.next[t]!) if (this.fits(t, run, i, k)) best = t;
      if (i + k >= count) break;
      key = chainKey(key, rh[i + k]!);
    }
    if (best < 0) return undefined;
    const c = this.candidates[best]!;
    const { words } = c.pattern;
    for (let j = 0; j < words.length; j++) if (!run.wordIs(i + j, words[j]!)) return undefined;
    return c;
  }

  /** Whether a title may start at word i (no false negatives): most words are answered here, without a lookup. */
  mayStartAt(run: WordRun, i: number): boolean {
    const key = pairKey(run.hash[i]!, run.hash[i + 1]!);
    return (this.bits[(key & 0xfffff) >>> 5]! & (1 << (key & 31))) !== 0;
  }

  private fits(t: number, run: WordRun, i: number, n: number): boolean {
    const { hashes, punctBefore } = this.candidates[t]!.pattern;
    const { hash, gap } = run;
    for (let j = 0; j < n; j++) {
      if (hash[i + j] !== hashes[j]) return false;
      if (j > 0 && (gap[i + j]! & GAP_STRONG) !== 0 && punctBefore[j] !== 1) return false;
    }
    return true;
  }
}

function chainKey(key: number, hash: number): number {
  return (Math.imul(key, 0x01000193) ^ hash) & 0x3fffffff;
}

/** Titles shorter than this are too likely to be ordinary words in a sentence. */
export const MIN_TITLE_WORDS = 3;
export const MIN_TITLE_CHARS = 12;
/** Without an `event:` the whole index is searched: only titles this long are specific enough. */
export const MIN_TITLE_WORDS_ANY_EVENT = 4;

const MAX_CACHED = 8;

/**
 * The matcher for a recap's events with their co-located events (`family`),
 * or for the whole index (empty); built once per index and event set.
 * Left out: short titles, titles that occur in several events ("Welcome",
 * "Lightning Talks", "The State of Go"), and titles two sessions share.
 */
export function titleMatcher(index: SessionIndex, family: ReadonlySet<string>): TitleMatcher<IndexedSession> {
  const key = [...family].sort().join('\n');
  // The last few event sets' matchers, kept by the index.
  const perIndex = index.derived(titleMatcher, () => new Map<string, TitleMatcher<IndexedSession>>());
  let matcher = perIndex.get(key);
  if (matcher) return matcher;

  const catalog = indexCatalog(index);
  const minWords = family.size > 0 ? MIN_TITLE_WORDS : MIN_TITLE_WORDS_ANY_EVENT;
  const chosen = new Map<string, { pattern: TitlePattern; session: IndexedSession | null }>();
  const offer = (pattern: TitlePattern, session: IndexedSession) => {
    if (pattern.hashes.length < minWords || pattern.chars < MIN_TITLE_CHARS || catalog.inSeveralEvents(pattern.key)) return;
    const seen = chosen.get(pattern.key);
    // Two sessions with one title: neither can be told from the other.
    chosen.set(pattern.key, { pattern, session: seen === undefined || seen.session === session ? session : null });
  };
  const sessions = index.sessions;
  for (let i = 0; i < sessions.length; i++) {
    const s = sessions[i]!;
    if (family.size > 0 && !family.has(s.eventId)) continue;
    offer(catalog.patterns[i]!, s);
    const short = withoutPrefix(s.title);
    if (short !== undefined) offer(titlePattern(short), s);
  }
  matcher = new TitleMatcher<IndexedSession>();
  for (const { pattern, session } of chosen.values()) if (session) matcher.add(pattern, session);
  if (perIndex.size >= MAX_CACHED) perIndex.delete(perIndex.keys().next().value!);
  perIndex.set(key, matcher);
  return matcher;
}
