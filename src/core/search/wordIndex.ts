import { editDistance, typoBudget } from './words';

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
  readonly terms: string[] = [];
  private readonly termIds = new Map<string, number>();
  /** All posting lists in one array (term t's documents are postings[offsets[t] .. offsets[t+1]]). */
  private postings = new Uint32Array(0);
  private offsets = new Uint32Array(0);
  private sorted: Uint32Array = new Uint32Array(0);
  /** Trigram (packed into a number) → its row in the CSR arrays below, which list the terms holding it. */
  private gramRows = new Map<number, number>();
  private gramTerms = new Uint32Array(0);
  private gramOffsets = new Uint32Array(0);
  private counts = new Uint16Array(0);

  constructor(readonly documentCount: number, documentWords: (doc: number) => Iterable<string>) {
    // Two passes, no per-term arrays: collect (doc, term) pairs, then lay them out by term.
    const docTerms: number[] = [];
    const docEnds = new Uint32Array(documentCount);
    const counts: number[] = [];
    const lastDoc: number[] = [];
    for (let doc = 0; doc < documentCount; doc++) {
      for (const word of documentWords(doc)) {
        let id = this.termIds.get(word);
        if (id === undefined) {
          id = this.terms.push(word) - 1;
          this.termIds.set(word, id);
          counts.push(0);
          lastDoc.push(-1);
        }
        if (lastDoc[id] === doc) continue;
        lastDoc[id] = doc;
        counts[id]!++;
        docTerms.push(id);
      }
      docEnds[doc] = docTerms.length;
    }
    this.offsets = new Uint32Array(this.terms.length + 1);
    for (let t = 0; t < this.terms.length; t++) this.offsets[t + 1] = this.offsets[t]! + counts[t]!;
    this.postings = new Uint32Array(docTerms.length);
    const cursor = this.offsets.slice(0, this.terms.length);
    let k = 0;
    for (let doc = 0; doc < documentCount; doc++) {
      for (; k < docEnds[doc]!; k++) this.postings[cursor[docTerms[k]!]!++] = doc;
    }
    // The native sort orders strings by UTF-16 code units, as `<` in prefixed() does.
    this.sorted = Uint32Array.from([...this.terms].sort(), (term) => this.termIds.get(term)!);
    const pairs: number[] = [];
    const gramCounts: number[] = [];
    const gramLastTerm: number[] = [];
    this.terms.forEach((term, id) => {
      if (term.length < 3) return;
      for (const g of trigramsOf(term)) {
        let row = this.gramRows.get(g);
        if (row === undefined) {
          row = gramCounts.push(0) - 1;
          gramLastTerm.push(-1);
          this.gramRows.set(g, row);
        }
        if (gramLastTerm[row] === id) continue;
        gramLastTerm[row] = id;
        gramCounts[row]!++;
        pairs.push(row, id);
      }
    });
    this.gramOffsets = new Uint32Array(gramCounts.length + 1);
    for (let r = 0; r < gramCounts.length; r++) this.gramOffsets[r + 1] = this.gramOffsets[r]! + gramCounts[r]!;
    this.gramTerms = new Uint32Array(pairs.length / 2);
    const gramCursor = this.gramOffsets.slice(0, gramCounts.length);
    for (let i = 0; i < pairs.length; i += 2) this.gramTerms[gramCursor[pairs[i]!]!++] = pairs[i + 1]!;
    this.counts = new Uint16Array(this.terms.length);
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
    const exact = this.termIds.get(word);
    if (exact !== undefined) add(exact, 1);
    // One letter is too little to guess a word from; it still matches itself ("c", "r").
    if (unfinished && word.length > 1) for (const term of this.prefixed(word)) add(term, 0.55 + 0.4 * (word.length / this.terms[term]!.length));
    const budget = typoBudget(word.length);
    if (budget > 0) {
      for (const term of this.nearby(word, budget)) {
        const d = editDistance(word, this.terms[term]!, budget);
        if (d <= budget) add(term, d === 0 ? 1 : 0.8 - 0.2 * d);
      }
    }
    return [...out].map(([term, quality]) => ({ term, quality }));
  }

  /** Terms starting with the prefix; for short prefixes only the most frequent ones, so one letter never floods the candidates. */
  private prefixed(prefix: string): number[] {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.terms[this.sorted[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    for (let i = lo; i < this.sorted.length && this.terms[this.sorted[i]!]!.startsWith(prefix); i++) found.push(this.sorted[i]!);
    const cap = prefix.length <= 2 ? 24 : 200;
    if (found.length <= cap) return found;
    return found.sort((a, b) => this.df(b) - this.df(a)).slice(0, cap);
  }

  /** Terms sharing enough trigrams with the word to be within `budget` edits (each edit breaks at most 3 trigrams). */
  private nearby(word: string, budget: number): number[] {
    const grams = trigramsOf(word);
    const need = Math.max(1, grams.length - 3 * budget);
    const touched: number[] = [];
    const result: number[] = [];
    for (const g of grams) {
      const row = this.gramRows.get(g);
      if (row === undefined) continue;
      for (let i = this.gramOffsets[row]!; i < this.gramOffsets[row + 1]!; i++) {
        const t = this.gramTerms[i]!;
        if (this.counts[t] === 0) touched.push(t);
        this.counts[t]!++;
      }
    }
    for (const t of touched) {
      if (this.counts[t]! >= need && Math.abs(this.terms[t]!.length - word.length) <= budget) result.push(t);
      this.counts[t] = 0;
    }
    return result;
  }
}

/** The word's trigrams, with ^ and $ marking its ends, each packed into one number (3 × 16 bits). */
function trigramsOf(word: string): number[] {
  const padded = `^${word}$`;
  const out: number[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) {
    const g = padded.charCodeAt(i) * 4294967296 + padded.charCodeAt(i + 1) * 65536 + padded.charCodeAt(i + 2);
    if (!out.includes(g)) out.push(g);
  }
  return out;
}
