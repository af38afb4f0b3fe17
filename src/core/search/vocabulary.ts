import type { VocabularyData } from '../index/prebuiltSearch';
import { words } from './words';

const EMPTY = -1;

/**
 * The distinct words of an index, each with a number. Building a 100,000-session
 * index means splitting and looking up about two million words; doing that with
 * `words()` and a `Map` was most of the build time. ASCII text (nearly all of
 * it) is split, lower-cased and looked up in one pass over its characters, with
 * no string made for a word already known. Any other text goes through `words()`,
 * so both ways yield exactly the words `words()` does.
 */
export class Vocabulary {
  /** Each id's word; for a prebuilt vocabulary, filled in as words are asked for. */
  private readonly list: string[];
  private count: number;
  private hashes: Int32Array;
  /** Open addressing: slot → term id, EMPTY when free. Kept at most half full. */
  private slots: Int32Array;
  /** A prebuilt vocabulary's words, all in one string: word t is text[starts[t], starts[t + 1]). */
  private readonly packed: { text: string; starts: Uint32Array } | undefined;

  /**
   * Empty, or as data() gave it (its ids the same): a prebuilt vocabulary
   * makes a string of a word only when the word is asked for.
   */
  constructor(prebuilt?: VocabularyData) {
    if (prebuilt) {
      this.count = prebuilt.starts.length - 1;
      this.list = new Array<string>(this.count);
      this.packed = { text: prebuilt.text, starts: prebuilt.starts };
      // Copies: new words change them, and a prebuilt vocabulary may serve several indexes.
      this.hashes = new Int32Array(Math.max(1024, this.count * 2));
      this.hashes.set(prebuilt.hashes);
      this.slots = prebuilt.slots.slice();
    } else {
      this.count = 0;
      this.list = [];
      this.packed = undefined;
      this.hashes = new Int32Array(1024);
      this.slots = new Int32Array(1 << 12).fill(EMPTY);
    }
  }

  get size(): number {
    return this.count;
  }

  /** The word with this id. */
  term(id: number): string {
    let word = this.list[id];
    if (word === undefined) {
      const { text, starts } = this.packed!;
      word = this.list[id] = text.slice(starts[id]!, starts[id + 1]!);
    }
    return word;
  }

  /** Every word, by id. */
  get terms(): string[] {
    return Array.from({ length: this.count }, (_, id) => this.term(id));
  }

  /** What a bundle stores to rebuild this vocabulary without hashing a word (see the constructor). */
  data(): VocabularyData {
    const words = this.terms;
    const starts = new Uint32Array(words.length + 1);
    for (let t = 0; t < words.length; t++) starts[t + 1] = starts[t]! + words[t]!.length;
    return { text: words.join(''), starts, hashes: this.hashes.slice(0, this.count), slots: this.slots.slice() };
  }

  idOf(word: string): number | undefined {
    const hash = hashOf(word);
    for (let s = hash & (this.slots.length - 1); ; s = (s + 1) & (this.slots.length - 1)) {
      const id = this.slots[s]!;
      if (id === EMPTY) return undefined;
      if (this.hashes[id] === hash && this.term(id) === word) return id;
    }
  }

  intern(word: string): number {
    return this.idOf(word) ?? this.add(word, hashOf(word));
  }

  /** Calls `sink` with the id of each of the text's words, in order, as `words(text)` splits them. */
  scan(text: string, sink: (id: number) => void): void {
    let start = -1;
    let hash = 0;
    let emitted = 0;
    const length = text.length;
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) return this.scanSlowly(text, emitted, sink);
      const folded = WORD_CHAR[c]!;
      if (folded !== 0) {
        if (start < 0) {
          start = i;
          hash = FNV_OFFSET;
        }
        hash = Math.imul(hash ^ folded, FNV_PRIME);
      } else if (start >= 0) {
        sink(this.find(text, start, i, hash) ?? this.add(text.slice(start, i).toLowerCase(), hash));
        emitted++;
        start = -1;
      }
    }
    if (start >= 0) sink(this.find(text, start, length, hash) ?? this.add(text.slice(start).toLowerCase(), hash));
  }

  /**
   * Text with other than ASCII in it. The words already emitted ended before
   * its first such character, so they are the first words `words()` finds too.
   */
  private scanSlowly(text: string, skip: number, sink: (id: number) => void): void {
    const all = words(text);
    for (let k = skip; k < all.length; k++) sink(this.intern(all[k]!));
  }

  /** The id of text[start, end) lower-cased, without making that string. */
  private find(text: string, start: number, end: number, hash: number): number | undefined {
    const length = end - start;
    for (let s = hash & (this.slots.length - 1); ; s = (s + 1) & (this.slots.length - 1)) {
      const id = this.slots[s]!;
      if (id === EMPTY) return undefined;
      if (this.hashes[id] !== hash) continue;
      const term = this.term(id);
      if (term.length !== length) continue;
      let same = true;
      for (let k = 0; k < length && same; k++) same = WORD_CHAR[text.charCodeAt(start + k)] === term.charCodeAt(k);
      if (same) return id;
    }
  }

  private add(word: string, hash: number): number {
    const id = this.count++;
    this.list[id] = word;
    if (id === this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = hash;
    if (this.count * 2 > this.slots.length) this.grow();
    else this.place(id);
    return id;
  }

  private place(id: number): void {
    let s = this.hashes[id]! & (this.slots.length - 1);
    while (this.slots[s] !== EMPTY) s = (s + 1) & (this.slots.length - 1);
    this.slots[s] = id;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    for (let id = 0; id < this.count; id++) this.place(id);
  }
}

/** For each ASCII code: the lower-case letter or digit it is, or 0 for a character between words. */
const WORD_CHAR = new Uint8Array(128);
for (let c = 48; c <= 57; c++) WORD_CHAR[c] = c;
for (let c = 97; c <= 122; c++) WORD_CHAR[c] = WORD_CHAR[c - 32] = c;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** FNV-1a over UTF-16 code units, the same as scan() computes for ASCII words. */
function hashOf(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return hash;
}
