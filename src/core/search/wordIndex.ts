import type { Vocabulary } from './vocabulary';
import { editDistance, sameAs, typoBudget } from './words';

/** A term a query word expands to, with how well it matches (1 exact … lower for prefixes and typos). */
export interface Expansion {
  term: number;
  quality: number;
}

/**
 * Inverted index from words to documents, with two ways to reach a term the
 * query did not spell exactly: prefixes (binary search over the sorted
 * vocabulary) and typos (a trigram index over the vocabulary, never over the
 * documents, then a bounded edit distance on the few terms it proposes).
 */
export class WordIndex {
  readonly terms: string[];
  /** All posting lists in one array (term t's documents are postings[offsets[t] .. offsets[t+1]]). */
  readonly postings: Uint32Array;
  /** For each posting, the fields (bits the caller chose: title, speakers…) the term is in. */
  readonly fields: Uint8Array;
  private readonly offsets: Uint32Array;
  /**
   * Term ids by their first two characters, for prefix look-ups. Each group is
   * sorted the first time a prefix reaches it: sorting the whole vocabulary up
   * front was a fifth of the build at 100,000 sessions.
   */
  private readonly groups = new Map<number, { sorted: boolean; ids: number[] }>();
  /**
   * Trigram bucket → the terms holding a trigram of that bucket (CSR again).
   * Hashing trigrams into buckets keeps them out of a Map; a collision only
   * proposes a term that the edit distance then turns down.
   */
  private readonly gramTerms: Uint32Array;
  private readonly gramOffsets: Uint32Array;
  private readonly counts: Uint16Array;

  /** `documentTerms(doc, add)` calls `add` with the id of each of the document's words and the field (a bit) it is in. */
  constructor(
    private readonly vocabulary: Vocabulary,
    readonly documentCount: number,
    documentTerms: (doc: number, add: (term: number, field: number) => void) => void,
  ) {
    // Two passes, no per-term arrays: collect (doc, term, fields) triples, then lay them out by term.
    let docTerms = new Uint32Array(1 << 16);
    let docFields = new Uint8Array(1 << 16);
    let used = 0;
    const docEnds = new Uint32Array(documentCount);
    let counts = new Uint32Array(1024);
    let lastDoc = new Int32Array(1024).fill(-1);
    let lastAt = new Uint32Array(1024);
    let doc = 0;
    const add = (id: number, field: number) => {
      if (id >= counts.length) {
        const size = Math.max(id + 1, counts.length * 2);
        counts = grown(counts, size, 0);
        lastDoc = grown(lastDoc, size, -1);
        lastAt = grown(lastAt, size, 0);
      }
      if (lastDoc[id] === doc) {
        docFields[lastAt[id]!]! |= field;
        return;
      }
      lastDoc[id] = doc;
      counts[id]!++;
      if (used === docTerms.length) {
        docTerms = grown(docTerms, used * 2, 0);
        docFields = grown(docFields, used * 2, 0);
      }
      lastAt[id] = used;
      docFields[used] = field;
      docTerms[used++] = id;
    };
    for (; doc < documentCount; doc++) {
      documentTerms(doc, add);
      docEnds[doc] = used;
    }
    this.terms = vocabulary.terms;
    const termCount = this.terms.length;
    this.offsets = new Uint32Array(termCount + 1);
    for (let t = 0; t < termCount; t++) this.offsets[t + 1] = this.offsets[t]! + (counts[t] ?? 0);
    this.postings = new Uint32Array(used);
    this.fields = new Uint8Array(used);
    const cursor = this.offsets.slice(0, termCount);
    let k = 0;
    for (let d = 0; d < documentCount; d++) {
      for (; k < docEnds[d]!; k++) {
        const at = cursor[docTerms[k]!]!++;
        this.postings[at] = d;
        this.fields[at] = docFields[k]!;
      }
    }
    const terms = this.terms;
    for (let t = 0; t < termCount; t++) {
      const key = groupKey(terms[t]!);
      let group = this.groups.get(key);
      if (!group) {
        group = { sorted: false, ids: [] };
        this.groups.set(key, group);
      }
      group.ids.push(t);
    }
    [this.gramOffsets, this.gramTerms] = trigramTable(terms);
    this.counts = new Uint16Array(termCount);
  }

  /** Where term's postings start and end in postings and fields. */
  start(term: number): number {
    return this.offsets[term]!;
  }

  end(term: number): number {
    return this.offsets[term + 1]!;
  }

  docs(term: number): Uint32Array {
    return this.postings.subarray(this.offsets[term]!, this.offsets[term + 1]!);
  }

  df(term: number): number {
    return this.offsets[term + 1]! - this.offsets[term]!;
  }

  /** Inverse document frequency: rare words (a surname) weigh more than common ones ("the", "fosdem"). */
  idf(term: number): number {
    return Math.log(1 + this.documentCount / this.df(term));
  }

  /** Exact, prefix (when the word may be unfinished) and typo matches of one query word. */
  expand(word: string, unfinished: boolean): Expansion[] {
    const out = new Map<number, number>();
    const add = (term: number, quality: number) => {
      if ((out.get(term) ?? 0) < quality) out.set(term, quality);
    };
    const exact = this.vocabulary.idOf(word);
    if (exact !== undefined) add(exact, 1);
    for (const other of sameAs(word)) {
      const id = this.vocabulary.idOf(other);
      if (id !== undefined) add(id, 0.9);
    }
    // One letter is too little to guess a word from; it still matches itself ("c", "r").
    if (unfinished && word.length > 1) for (const term of this.prefixed(word)) add(term, 0.55 + 0.4 * (word.length / this.terms[term]!.length));
    // A word being typed that already is a word, or begins some, is most likely spelt right so far:
    // looking for its typos (the costliest look-up at 100,000 sessions) would only find what its completions do.
    const budget = unfinished && out.size > 0 ? 0 : typoBudget(word.length);
    if (budget > 0) {
      for (const term of this.nearby(word, budget)) {
        const d = editDistance(word, this.terms[term]!, budget);
        if (d <= budget) add(term, d === 0 ? 1 : 0.8 - 0.2 * d);
      }
    }
    return [...out].map(([term, quality]) => ({ term, quality }));
  }

  /**
   * Terms starting with a prefix of two or more characters; for short prefixes
   * only the most frequent ones, so two letters never flood the candidates.
   */
  private prefixed(prefix: string): number[] {
    const found: number[] = [];
    const ids = this.sortedGroup(groupKey(prefix));
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.terms[ids[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < ids.length && this.terms[ids[i]!]!.startsWith(prefix); i++) found.push(ids[i]!);
    const cap = prefix.length <= 2 ? 24 : 200;
    if (found.length <= cap) return found;
    return found.sort((a, b) => this.df(b) - this.df(a)).slice(0, cap);
  }

  private sortedGroup(key: number): readonly number[] {
    const group = this.groups.get(key);
    if (!group) return [];
    if (!group.sorted) {
      // By UTF-16 code units, as `<` in prefixed() compares.
      group.ids.sort((a, b) => (this.terms[a]! < this.terms[b]! ? -1 : 1));
      group.sorted = true;
    }
    return group.ids;
  }

  /** Terms sharing enough trigrams with the word to be within `budget` edits (each edit breaks at most 3 trigrams). */
  private nearby(word: string, budget: number): number[] {
    const grams: number[] = [];
    trigramsOf(word, grams, 0);
    const need = Math.max(1, grams.length - 3 * budget);
    const size = (g: number) => this.gramOffsets[g + 1]! - this.gramOffsets[g]!;
    // A term sharing `need` of the word's trigrams shares one of its rarest (n - need + 1):
    // only those buckets are walked; the commonest ("ion", "on$") are only looked up in.
    grams.sort((a, b) => size(a) - size(b));
    const walked = grams.length - need + 1;
    const touched: number[] = [];
    const result: number[] = [];
    for (let k = 0; k < walked; k++) {
      const g = grams[k]!;
      for (let i = this.gramOffsets[g]!; i < this.gramOffsets[g + 1]!; i++) {
        const t = this.gramTerms[i]!;
        if (this.counts[t] === 0) touched.push(t);
        this.counts[t]!++;
      }
    }
    for (const t of touched) {
      let shared = this.counts[t]!;
      this.counts[t] = 0;
      if (Math.abs(this.terms[t]!.length - word.length) > budget) continue;
      for (let k = walked; k < grams.length && shared < need; k++) if (this.bucketHolds(grams[k]!, t)) shared++;
      if (shared >= need) result.push(t);
    }
    return result;
  }

  /** Whether a trigram bucket lists the term (each bucket is in term order). */
  private bucketHolds(g: number, term: number): boolean {
    let lo = this.gramOffsets[g]!;
    let hi = this.gramOffsets[g + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.gramTerms[mid]!;
      if (t === term) return true;
      if (t < term) lo = mid + 1;
      else hi = mid;
    }
    return false;
  }
}

/** A word's first two characters (or its only one) as one number. */
function groupKey(word: string): number {
  return word.charCodeAt(0) * 65537 + (word.length > 1 ? word.charCodeAt(1) + 1 : 0);
}

const BUCKET_BITS = 18;

/** Terms by trigram bucket, as CSR arrays: [offsets, terms]. */
function trigramTable(terms: readonly string[]): [Uint32Array, Uint32Array] {
  // Every term's buckets in one flat array (no array per term), then laid out by bucket.
  let grams = new Uint32Array(1 << 16);
  const ends = new Uint32Array(terms.length);
  const counts = new Uint32Array((1 << BUCKET_BITS) + 1);
  let used = 0;
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t]!;
    if (term.length >= 3) {
      if (used + term.length + 1 > grams.length) grams = grown(grams, Math.max(grams.length * 2, used + term.length + 1), 0);
      const first = used;
      used = trigramsOf(term, grams, used);
      for (let k = first; k < used; k++) counts[grams[k]! + 1]!++;
    }
    ends[t] = used;
  }
  for (let b = 0; b < 1 << BUCKET_BITS; b++) counts[b + 1]! += counts[b]!;
  const offsets = counts.slice();
  const cursor = counts;
  const table = new Uint32Array(used);
  let k = 0;
  for (let t = 0; t < terms.length; t++) for (; k < ends[t]!; k++) table[cursor[grams[k]!]!++] = t;
  return [offsets, table];
}

/**
 * Writes the buckets of the word's trigrams (^ and $ mark its ends), each
 * bucket once, into `out` from `at`; returns where they end.
 */
function trigramsOf(word: string, out: Uint32Array | number[], at: number): number {
  const from = at;
  let a = 94; // ^
  let b = word.charCodeAt(0);
  for (let i = 1; i <= word.length; i++) {
    const c = i < word.length ? word.charCodeAt(i) : 36; // $
    const g = Math.imul(Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ c, 0xc2b2ae35) >>> (32 - BUCKET_BITS);
    let seen = false;
    for (let k = from; k < at && !seen; k++) seen = out[k] === g;
    if (!seen) out[at++] = g;
    a = b;
    b = c;
  }
  return at;
}

function grown<T extends Uint32Array | Int32Array | Uint8Array>(array: T, size: number, fill: number): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.fill(fill);
  next.set(array);
  return next;
}
