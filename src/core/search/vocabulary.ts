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
  readonly terms: string[] = [];
  private hashes: number[] = [];
  /** Open addressing: slot → term id, EMPTY when free. Kept at most half full. */
  private slots = new Int32Array(1 << 12).fill(EMPTY);

  get size(): number {
    return this.terms.length;
  }

  idOf(word: string): number | undefined {
    const hash = hashOf(word);
    for (let s = hash & (this.slots.length - 1); ; s = (s + 1) & (this.slots.length - 1)) {
      const id = this.slots[s]!;
      if (id === EMPTY) return undefined;
      if (this.hashes[id] === hash && this.terms[id] === word) return id;
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
      const term = this.terms[id]!;
      if (term.length !== length) continue;
      let same = true;
      for (let k = 0; k < length && same; k++) same = WORD_CHAR[text.charCodeAt(start + k)] === term.charCodeAt(k);
      if (same) return id;
    }
  }

  private add(word: string, hash: number): number {
    const id = this.terms.push(word) - 1;
    this.hashes.push(hash);
    if (this.terms.length * 2 > this.slots.length) this.grow();
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
    for (let id = 0; id < this.terms.length; id++) this.place(id);
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
