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
  private postings: Uint32Array[] = [];
  private sorted: Uint32Array = new Uint32Array(0);
  private trigrams = new Map<string, Uint32Array>();
  private counts = new Uint16Array(0);

  constructor(readonly documentCount: number, documentWords: (doc: number) => Iterable<string>) {
    const lists: number[][] = [];
    for (let doc = 0; doc < documentCount; doc++) {
      for (const word of new Set(documentWords(doc))) {
        let id = this.termIds.get(word);
        if (id === undefined) {
          id = this.terms.push(word) - 1;
          this.termIds.set(word, id);
          lists.push([]);
        }
        lists[id]!.push(doc);
      }
    }
    this.postings = lists.map((l) => Uint32Array.from(l));
    this.sorted = Uint32Array.from(this.terms.keys()).sort((a, b) => (this.terms[a]! < this.terms[b]! ? -1 : 1));
    const grams = new Map<string, number[]>();
    this.terms.forEach((term, id) => {
      if (term.length < 3) return;
      for (const g of trigramsOf(term)) {
        let l = grams.get(g);
        if (!l) grams.set(g, (l = []));
        l.push(id);
      }
    });
    for (const [g, l] of grams) this.trigrams.set(g, Uint32Array.from(l));
    this.counts = new Uint16Array(this.terms.length);
  }

  docs(term: number): Uint32Array {
    return this.postings[term]!;
  }

  /** Inverse document frequency: rare words (a surname) weigh more than common ones ("the", "fosdem"). */
  idf(term: number): number {
    return Math.log(1 + this.documentCount / this.postings[term]!.length);
  }

  /** Exact, prefix (when the word may be unfinished) and typo matches of one query word. */
  expand(word: string, unfinished: boolean): Expansion[] {
    const out = new Map<number, number>();
    const add = (term: number, quality: number) => {
      if ((out.get(term) ?? 0) < quality) out.set(term, quality);
    };
    const exact = this.termIds.get(word);
    if (exact !== undefined) add(exact, 1);
    if (unfinished) for (const term of this.prefixed(word)) add(term, 0.55 + 0.4 * (word.length / this.terms[term]!.length));
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
    return found.sort((a, b) => this.postings[b]!.length - this.postings[a]!.length).slice(0, cap);
  }

  /** Terms sharing enough trigrams with the word to be within `budget` edits (each edit breaks at most 3 trigrams). */
  private nearby(word: string, budget: number): number[] {
    const grams = trigramsOf(word);
    const need = Math.max(1, grams.length - 3 * budget);
    const touched: number[] = [];
    const result: number[] = [];
    for (const g of grams) {
      const list = this.trigrams.get(g);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const t = list[i]!;
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

function trigramsOf(word: string): string[] {
  const padded = `^${word}$`;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return [...out];
}
