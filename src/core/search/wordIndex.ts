import type { WordIndexData } from '../index/prebuiltSearch';
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
  /** All posting lists in one array (term t's documents are postings[starts[t] .. ends[t]], ascending). */
  readonly postings: Uint16Array | Uint32Array;
  /** For each posting, the fields (bits the caller chose: title, speakers…) the term is in. */
  readonly fields: Uint8Array;
  /** Built in one go, the lists lie in term order: ends[t] is starts[t + 1] (both are views of one offsets array). */
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;
  /**
   * Term ids by their first two characters, for prefix look-ups. Each group is
   * sorted the first time a prefix reaches it: sorting the whole vocabulary up
   * front was a fifth of the build at 100,000 sessions.
   */
  private readonly groups = new Map<number, { sorted: boolean; ids: number[] }>();
  /** Or, from a prebuilt index, every term id in text order (then there are no groups). */
  private readonly sorted: Uint16Array | Uint32Array | undefined;
  /**
   * Trigram bucket → the terms holding a trigram of that bucket (CSR again).
   * Hashing trigrams into buckets keeps them out of a Map; a collision only
   * proposes a term that the edit distance then turns down.
   */
  private readonly gramTerms: Uint16Array | Uint32Array;
  private readonly gramOffsets: Uint32Array;
  /** Over a prebuilt table, the trigram buckets of the terms added since (bucket → term ids, ascending, all above the table's). */
  private readonly moreGrams: Map<number, number[]> | undefined;
  /** How many terms the table (gramOffsets, gramTerms) covers. */
  private readonly gramTermCount: number;
  private readonly counts: Uint16Array;

  /**
   * `documentTerms(doc, add)` calls `add` with the id of each of the document's words and the field (a bit) it is in.
   * With `base` (the data() of an index over this vocabulary's first terms and
   * the first `base.documentCount` documents), only the documents after those
   * are read, and those of them listed in `reread` (ascending) again, their
   * words in base forgotten: the result is the index a build over all of them
   * gives, except that words the base has and no document has any longer keep
   * their ids (with no documents, so that no query matches them).
   */
  constructor(
    private readonly vocabulary: Vocabulary,
    readonly documentCount: number,
    documentTerms: (doc: number, add: (term: number, field: number) => void) => void,
    base?: { data: WordIndexData; documentCount: number; reread?: readonly number[] },
  ) {
    const firstDoc = base?.documentCount ?? 0;
    const baseTerms = base ? base.data.vocabulary.starts.length - 1 : 0;
    const reread = base?.reread ?? [];
    const readCount = reread.length + documentCount - firstDoc;
    // Two passes, no per-term arrays: collect (doc, term, fields) triples, then lay them out by term.
    let docTerms = new Uint32Array(readCount === 0 ? 0 : 1 << 16);
    let docFields = new Uint8Array(docTerms.length);
    let used = 0;
    // The documents read, in the order read (ascending), and where each one's triples end.
    const readDocs = new Uint32Array(readCount);
    const readEnds = new Uint32Array(readCount);
    // Sized for the words known already (a prebuilt vocabulary's), grown for new ones.
    const known = Math.max(1024, vocabulary.size + 1024);
    let counts = new Uint32Array(known);
    let lastDoc = new Int32Array(known).fill(-1);
    let lastAt = new Uint32Array(known);
    let doc = -1;
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
        docTerms = grown(docTerms, Math.max(used * 2, 1 << 16), 0);
        docFields = grown(docFields, docTerms.length, 0);
      }
      lastAt[id] = used;
      docFields[used] = field;
      docTerms[used++] = id;
    };
    let r = 0;
    const read = (d: number) => {
      doc = d;
      documentTerms(d, add);
      readDocs[r] = d;
      readEnds[r++] = used;
    };
    for (const d of reread) read(d);
    for (let d = firstDoc; d < documentCount; d++) read(d);
    const termCount = vocabulary.size;
    this.counts = new Uint16Array(termCount);
    if (!base) {
      const offsets = new Uint32Array(termCount + 1);
      for (let t = 0; t < termCount; t++) offsets[t + 1] = offsets[t]! + (counts[t] ?? 0);
      this.postings = new Uint32Array(offsets[termCount]!);
      this.fields = new Uint8Array(offsets[termCount]!);
      const cursor = offsets.slice(0, termCount);
      for (let i = 0, k = 0; i < readCount; i++) {
        const d = readDocs[i]!;
        for (; k < readEnds[i]!; k++) {
          const at = cursor[docTerms[k]!]!++;
          this.postings[at] = d;
          this.fields[at] = docFields[k]!;
        }
      }
      this.starts = offsets.subarray(0, termCount);
      this.ends = offsets.subarray(1);
      this.sorted = undefined;
      this.groupTerms(0, termCount);
      [this.gramOffsets, this.gramTerms] = trigramTable(vocabulary, 0, termCount);
      this.gramTermCount = termCount;
      this.moreGrams = undefined;
      return;
    }
    const data = base.data;
    ({ gramOffsets: this.gramOffsets, gramTerms: this.gramTerms } = data);
    this.gramTermCount = baseTerms;
    if (readCount === 0) {
      // Nothing read: the prebuilt arrays are the index.
      ({ postings: this.postings, fields: this.fields, sorted: this.sorted } = data);
      this.starts = data.offsets.subarray(0, baseTerms);
      this.ends = data.offsets.subarray(1);
      this.moreGrams = undefined;
      return;
    }
    // The prebuilt lists are kept where they are; a term whose list changes (documents read again
    // had it, or documents read have it) gets its new list after them, and its start and end there.
    const again = new Uint8Array(firstDoc);
    for (const d of reread) again[d] = 1;
    const { offsets: baseOffsets, postings: basePostings, fields: baseFields } = data;
    const changed = new Uint8Array(termCount);
    const kept = new Uint32Array(termCount);
    for (let t = 0; t < baseTerms; t++) {
      const from = baseOffsets[t]!;
      const to = baseOffsets[t + 1]!;
      kept[t] = to - from;
      if (reread.length === 0) continue;
      for (let k = from; k < to; k++) {
        if (again[basePostings[k]!]) {
          kept[t]!--;
          changed[t] = 1;
        }
      }
    }
    // The new triples by term (counting sort; each term's documents stay ascending, as read).
    const newOffsets = new Uint32Array(termCount + 1);
    for (let t = 0; t < termCount; t++) {
      newOffsets[t + 1] = newOffsets[t]! + (counts[t] ?? 0);
      if (counts[t]) changed[t] = 1;
    }
    const newDocs = new Uint32Array(used);
    const newFields = new Uint8Array(used);
    const cursor = newOffsets.slice(0, termCount);
    for (let i = 0, k = 0; i < readCount; i++) {
      const d = readDocs[i]!;
      for (; k < readEnds[i]!; k++) {
        const at = cursor[docTerms[k]!]!++;
        newDocs[at] = d;
        newFields[at] = docFields[k]!;
      }
    }
    let size = basePostings.length;
    for (let t = 0; t < termCount; t++) if (changed[t]) size += kept[t]! + (counts[t] ?? 0);
    // Same-typed arrays copy as one block; 16 bits hold every document number up to 65,535.
    this.postings = documentCount <= 0x10000 && basePostings instanceof Uint16Array ? new Uint16Array(size) : new Uint32Array(size);
    this.postings.set(basePostings);
    this.fields = new Uint8Array(size);
    this.fields.set(baseFields);
    this.starts = new Uint32Array(termCount);
    this.ends = new Uint32Array(termCount);
    this.starts.set(baseOffsets.subarray(0, baseTerms));
    this.ends.set(baseOffsets.subarray(1));
    let at = basePostings.length;
    for (let t = 0; t < termCount; t++) {
      if (!changed[t]) continue;
      this.starts[t] = at;
      let i = t < baseTerms ? baseOffsets[t]! : 0;
      const iEnd = t < baseTerms ? baseOffsets[t + 1]! : 0;
      let j = newOffsets[t]!;
      const jEnd = newOffsets[t + 1]!;
      while (i < iEnd || j < jEnd) {
        if (i < iEnd && again[basePostings[i]!]) {
          i++;
          continue;
        }
        if (j >= jEnd || (i < iEnd && basePostings[i]! < newDocs[j]!)) {
          this.postings[at] = basePostings[i]!;
          this.fields[at++] = baseFields[i++]!;
        } else {
          this.postings[at] = newDocs[j]!;
          this.fields[at++] = newFields[j++]!;
        }
      }
      this.ends[t] = at;
    }
    if (termCount === baseTerms) {
      this.sorted = data.sorted;
      this.moreGrams = undefined;
      return;
    }
    // New words: the prebuilt order with them merged in, and their trigrams beside the prebuilt table.
    // Each new word goes where a binary search over the prebuilt order puts it (few words are read that way).
    const added = Array.from({ length: termCount - baseTerms }, (_, i) => baseTerms + i).sort((a, b) => (vocabulary.term(a) < vocabulary.term(b) ? -1 : 1));
    const sorted = new Uint32Array(termCount);
    let copied = 0;
    for (let j = 0; j < added.length; j++) {
      const word = vocabulary.term(added[j]!);
      let lo = copied;
      let hi = data.sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (vocabulary.term(data.sorted[mid]!) < word) lo = mid + 1;
        else hi = mid;
      }
      sorted.set(data.sorted.subarray(copied, lo), copied + j);
      sorted[lo + j] = added[j]!;
      copied = lo;
    }
    sorted.set(data.sorted.subarray(copied), copied + added.length);
    this.sorted = sorted;
    this.moreGrams = new Map();
    const grams: number[] = [];
    for (let t = baseTerms; t < termCount; t++) {
      const word = vocabulary.term(t);
      if (word.length < 3) continue;
      grams.length = 0;
      trigramsOf(word, grams, 0);
      for (const g of grams) {
        const list = this.moreGrams.get(g);
        if (list) list.push(t);
        else this.moreGrams.set(g, [t]);
      }
    }
  }

  /** Puts terms from..to - 1 in the prefix groups. */
  private groupTerms(from: number, to: number): void {
    for (let t = from; t < to; t++) {
      const key = groupKey(this.vocabulary.term(t));
      let group = this.groups.get(key);
      if (!group) {
        group = { sorted: false, ids: [] };
        this.groups.set(key, group);
      }
      group.ids.push(t);
    }
  }

  /** The index as arrays, for a bundle to store (see WordIndexData). */
  data(): WordIndexData {
    const terms = this.vocabulary.terms;
    const sorted = this.sorted ?? Uint32Array.from(terms.keys()).sort((a, b) => (terms[a]! < terms[b]! ? -1 : 1));
    // The lists one after another in term order (as a build lays them out).
    const offsets = new Uint32Array(terms.length + 1);
    for (let t = 0; t < terms.length; t++) offsets[t + 1] = offsets[t]! + this.df(t);
    const postings = new Uint32Array(offsets[terms.length]!);
    const fields = new Uint8Array(postings.length);
    for (let t = 0; t < terms.length; t++) {
      postings.set(this.postings.subarray(this.starts[t]!, this.ends[t]!), offsets[t]!);
      fields.set(this.fields.subarray(this.starts[t]!, this.ends[t]!), offsets[t]!);
    }
    const [gramOffsets, gramTerms] = this.moreGrams ? trigramTable(this.vocabulary, 0, terms.length) : [this.gramOffsets, this.gramTerms];
    return { vocabulary: this.vocabulary.data(), offsets, postings, fields, sorted, gramOffsets, gramTerms };
  }

  get termCount(): number {
    return this.vocabulary.size;
  }

  /** Where term's postings start and end in postings and fields. */
  start(term: number): number {
    return this.starts[term]!;
  }

  end(term: number): number {
    return this.ends[term]!;
  }

  docs(term: number): Uint16Array | Uint32Array {
    return this.postings.subarray(this.starts[term]!, this.ends[term]!);
  }

  df(term: number): number {
    return this.ends[term]! - this.starts[term]!;
  }

  /** Inverse document frequency: rare words (a surname) weigh more than common ones ("the", "fosdem"). */
  idf(term: number): number {
    return Math.log(1 + this.documentCount / this.df(term));
  }

  /** Exact, prefix (when the word may be unfinished) and typo matches of one query word. */
  expand(word: string, unfinished: boolean): Expansion[] {
    const out = new Map<number, number>();
    const add = (term: number, quality: number) => {
      // A word no document has any longer (see the constructor) matches nothing, as in a fresh build it would not exist.
      if ((out.get(term) ?? 0) < quality && this.df(term) > 0) out.set(term, quality);
    };
    const exact = this.vocabulary.idOf(word);
    if (exact !== undefined) add(exact, 1);
    for (const other of sameAs(word)) {
      const id = this.vocabulary.idOf(other);
      if (id !== undefined) add(id, 0.9);
    }
    // One letter is too little to guess a word from; it still matches itself ("c", "r").
    if (unfinished && word.length > 1) for (const term of this.prefixed(word)) add(term, 0.55 + 0.4 * (word.length / this.vocabulary.term(term).length));
    // A word being typed that already is a word, or begins some, is most likely spelt right so far:
    // looking for its typos (the costliest look-up at 100,000 sessions) would only find what its completions do.
    const budget = unfinished && out.size > 0 ? 0 : typoBudget(word.length);
    if (budget > 0) {
      for (const term of this.nearby(word, budget)) {
        const d = editDistance(word, this.vocabulary.term(term), budget);
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
    const ids = this.sorted ?? this.sortedGroup(groupKey(prefix));
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.vocabulary.term(ids[mid]!) < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < ids.length && this.vocabulary.term(ids[i]!).startsWith(prefix); i++) found.push(ids[i]!);
    const cap = prefix.length <= 2 ? 24 : 200;
    if (found.length <= cap) return found;
    return found.sort((a, b) => this.df(b) - this.df(a)).slice(0, cap);
  }

  private sortedGroup(key: number): readonly number[] {
    const group = this.groups.get(key);
    if (!group) return [];
    if (!group.sorted) {
      // By UTF-16 code units, as `<` in prefixed() compares.
      group.ids.sort((a, b) => (this.vocabulary.term(a) < this.vocabulary.term(b) ? -1 : 1));
      group.sorted = true;
    }
    return group.ids;
  }

  /** Terms sharing enough trigrams with the word to be within `budget` edits (each edit breaks at most 3 trigrams). */
  private nearby(word: string, budget: number): number[] {
    const grams: number[] = [];
    trigramsOf(word, grams, 0);
    const need = Math.max(1, grams.length - 3 * budget);
    const more = this.moreGrams;
    const size = (g: number) => this.gramOffsets[g + 1]! - this.gramOffsets[g]! + (more?.get(g)?.length ?? 0);
    // A term sharing `need` of the word's trigrams shares one of its rarest (n - need + 1):
    // only those buckets are walked; the commonest ("ion", "on$") are only looked up in.
    grams.sort((a, b) => size(a) - size(b));
    const walked = grams.length - need + 1;
    const touched: number[] = [];
    const result: number[] = [];
    const touch = (t: number) => {
      if (this.counts[t] === 0) touched.push(t);
      this.counts[t]!++;
    };
    for (let k = 0; k < walked; k++) {
      const g = grams[k]!;
      for (let i = this.gramOffsets[g]!; i < this.gramOffsets[g + 1]!; i++) touch(this.gramTerms[i]!);
      // Terms added over a prebuilt table come after all of its own, as in a table built over all of them.
      const added = more?.get(g);
      if (added) for (const t of added) touch(t);
    }
    for (const t of touched) {
      let shared = this.counts[t]!;
      this.counts[t] = 0;
      if (Math.abs(this.vocabulary.term(t).length - word.length) > budget) continue;
      for (let k = walked; k < grams.length && shared < need; k++) if (this.bucketHolds(grams[k]!, t)) shared++;
      if (shared >= need) result.push(t);
    }
    return result;
  }

  /** Whether a trigram bucket lists the term (each bucket is in term order). */
  private bucketHolds(g: number, term: number): boolean {
    if (this.moreGrams && term >= this.gramTermCount) return this.moreGrams.get(g)?.includes(term) ?? false;
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

/** Terms from..to - 1 by trigram bucket, as CSR arrays: [offsets, terms]. */
function trigramTable(vocabulary: Vocabulary, from: number, to: number): [Uint32Array, Uint32Array] {
  // Every term's buckets in one flat array (no array per term), then laid out by bucket.
  let grams = new Uint32Array(1 << 16);
  const ends = new Uint32Array(to);
  const counts = new Uint32Array((1 << BUCKET_BITS) + 1);
  let used = 0;
  for (let t = from; t < to; t++) {
    const term = vocabulary.term(t);
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
  for (let t = from; t < to; t++) for (; k < ends[t]!; k++) table[cursor[grams[k]!]!++] = t;
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
