import { words } from '../search/words';

/**
 * The word scanner behind title matching. Titles and recap text go through
 * the same scanner, so "Sometimes, Lipstick Is…" and "sometimes lipstick
 * is…" give the same word hashes. It hashes words as it reads them and
 * allocates no strings for ASCII words: a 1 MB recap is scanned in a few
 * milliseconds, which is what keeps the whole lint near markdown-it's own
 * parse time.
 */

/** The gap before a word holds punctuation (anything but whitespace). */
export const GAP_PUNCT = 1;
/** …punctuation that ends a phrase (. ! ? : ; parentheses…), not a comma, quote or dash. */
export const GAP_STRONG = 2;

const WORD = 1;
const SPACE = 2;
const WEAK = 3;
const STRONG = 4;

// Quotes, dashes and list-ish separators are how the same title gets written
// differently ("Beyond — Maturing", "Beyond - Maturing", “…” vs "…"): weak.
const ASCII_CLASS = new Uint8Array(128).fill(STRONG);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = WORD;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = WORD;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = WORD;
for (const ch of ' \t\n\r\f\v') ASCII_CLASS[ch.charCodeAt(0)] = SPACE;
for (const ch of ',\'"`-/*_~') ASCII_CLASS[ch.charCodeAt(0)] = WEAK;

const WEAK_UNICODE = new Set([
  0x2018, 0x2019, 0x201a, 0x201b, 0x201c, 0x201d, 0x201e, 0x00ab, 0x00bb, 0x2039, 0x203a, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2032, 0x2033,
]);
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const SPACE_CHAR = /\s/u;
// Filled on first sight of each code unit; recaps use a handful of non-ASCII characters.
const unicodeClass = new Uint8Array(65536);

function classOf(c: number): number {
  if (c < 128) return ASCII_CLASS[c]!;
  let k = unicodeClass[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    // Surrogates (emoji and rare scripts) end words: they never occur inside an indexed title word.
    k = c >= 0xd800 && c <= 0xdfff ? STRONG : WEAK_UNICODE.has(c) ? WEAK : WORD_CHAR.test(ch) ? WORD : SPACE_CHAR.test(ch) ? SPACE : STRONG;
    unicodeClass[c] = k;
  }
  return k;
}

const SEED = 0x2f1b3c5d | 0;
/** The map of a decoded piece that could not be placed: every offset unknown. */
const NO_MAP = new Int32Array(0);

/** The hash the scanner gives a normalized (lower-case, folded) word. */
export function hashWord(word: string): number {
  let h = SEED;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h;
}

/** A key for two consecutive words, kept in V8's small-integer range so Map lookups stay cheap. */
export function pairKey(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ b) & 0x3fffffff;
}

/** A piece of a run: the string it reads, its range in it, where it starts in the run, its map to recap offsets (decoded pieces). */
export interface Piece {
  string: string;
  from: number;
  to: number;
  start: number;
  map: Int32Array | undefined;
  lineBreak: boolean;
}

/**
 * The words of one run of text (the text of a block between links, code
 * spans and images), as parallel arrays reused from run to run (resetting
 * is setting counters to zero: no word allocates).
 *
 * A run is fed piece by piece: ranges of the recap's own text (markdown-it's
 * text children, located in it), and rarely a child's decoded text when
 * escapes or entities make it differ from the source. Reading the one recap
 * string keeps every `charCodeAt` on a single string: on markdown-it's
 * content strings (sliced, concatenated, one- and two-byte) V8's property
 * lookup goes megamorphic and costs more than the scan itself.
 *
 * Word positions are offsets into the recap text (-1 where a decoded piece
 * has no map back). Run offsets (pieces laid end to end, a line break
 * counting one) serve the phrase search over the run's text.
 */
export class WordRun {
  count = 0;
  /** Offsets in the word's piece string (the recap text, or a decoded child text): see `wordSource`. */
  local = new Int32Array(256);
  localEnd = new Int32Array(256);
  hash = new Int32Array(256);
  /** GAP_* flags of the text between the previous word and this one. */
  gap = new Uint8Array(256);
  /** The piece each word is in (words never span pieces). */
  wordPiece = new Int32Array(256);
  /** Folded form of words with non-ASCII letters (ASCII words are compared in place). */
  private readonly folded: (string | undefined)[] = [];
  private hasFolded = false;
  readonly pieces: Piece[] = [];
  length = 0;
  /** Set when a word of `triggers` was seen. */
  triggered = false;
  /** Set when the run has a slash (a full id may be written in it). */
  slash = false;
  private pendingGap = 0;

  constructor(private readonly triggers: Int32Array = new Int32Array(0)) {}

  reset(): void {
    this.count = 0;
    this.pieces.length = 0;
    this.length = 0;
    this.pendingGap = 0;
    this.triggered = false;
    this.slash = false;
    if (this.hasFolded) {
      this.folded.length = 0;
      this.hasFolded = false;
    }
  }

  private addPiece(string: string, from: number, to: number, map: Int32Array | undefined, lineBreak = false): void {
    this.pieces.push({ string, from, to, start: this.length, map, lineBreak });
    this.length += to - from;
  }

  /** A line break between pieces: whitespace. */
  addBreak(): void {
    this.addPiece('\n', 0, 1, undefined, true);
  }

  /** Text of the recap itself, `text[from, to)`. */
  addSource(text: string, from: number, to: number): void {
    this.addPiece(text, from, to, undefined);
    this.scan(text, from, to);
  }

  /** Decoded text that differs from the source; `map` gives where each character's source starts, and the end (see InlineLayout.chars), when known. */
  addDecoded(content: string, map: Int32Array | undefined): void {
    const m = map ?? NO_MAP;
    this.addPiece(content, 0, content.length, m);
    this.scan(content, 0, content.length);
  }

  private scan(s: string, from: number, n: number): void {
    let gap = this.pendingGap;
    let i = from;
    while (i < n) {
      const c = s.charCodeAt(i);
      const k = c < 128 ? ASCII_CLASS[c]! : classOf(c);
      if (k !== WORD) {
        if (k === STRONG) gap |= GAP_PUNCT | GAP_STRONG;
        else if (k === WEAK) {
          gap |= GAP_PUNCT;
          if (c === 47) this.slash = true;
        }
        i++;
        continue;
      }
      const start = i;
      let h = SEED;
      let ascii = true;
      while (i < n) {
        const d = s.charCodeAt(i);
        if (d < 128) {
          if (ASCII_CLASS[d] !== WORD) break;
          h = (Math.imul(h, 31) + (d <= 90 && d >= 65 ? d + 32 : d)) | 0;
        } else {
          if (classOf(d) !== WORD) break;
          ascii = false;
        }
        i++;
      }
      if (ascii) this.push(start, i, h, gap);
      else {
        for (const w of words(s.slice(start, i))) {
          const at = this.count;
          this.push(start, i, hashWord(w), gap);
          this.folded[at] = w;
          this.hasFolded = true;
        }
      }
      gap = 0;
    }
    this.pendingGap = gap;
  }

  private push(local: number, localEnd: number, hash: number, gap: number): void {
    const i = this.count;
    if (i === this.local.length) this.grow();
    this.local[i] = local;
    this.localEnd[i] = localEnd;
    this.hash[i] = hash;
    this.gap[i] = gap;
    this.wordPiece[i] = this.pieces.length - 1;
    this.count = i + 1;
    const t = this.triggers;
    for (let k = 0; k < t.length; k++) if (t[k] === hash) this.triggered = true;
  }

  private grow(): void {
    const size = this.local.length * 2;
    const copy = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    this.local = copy(this.local, new Int32Array(size));
    this.localEnd = copy(this.localEnd, new Int32Array(size));
    this.hash = copy(this.hash, new Int32Array(size));
    this.gap = copy(this.gap, new Uint8Array(size));
    this.wordPiece = copy(this.wordPiece, new Int32Array(size));
  }

  /** Word i is `w` (normalized), compared in place: no string is made for an ASCII word. */
  wordIs(i: number, w: string): boolean {
    const folded = this.hasFolded ? this.folded[i] : undefined;
    if (folded !== undefined) return folded === w;
    const s = this.pieces[this.wordPiece[i]!]!.string;
    const from = this.local[i]!;
    if (this.localEnd[i]! - from !== w.length) return false;
    for (let j = 0; j < w.length; j++) {
      const c = s.charCodeAt(from + j);
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== w.charCodeAt(j)) return false;
    }
    return true;
  }

  /** The normalized text of word i. */
  word(i: number): string {
    if (this.hasFolded && this.folded[i] !== undefined) return this.folded[i]!;
    return this.pieces[this.wordPiece[i]!]!.string.slice(this.local[i]!, this.localEnd[i]!).toLowerCase();
  }

  /** Recap offset where word i starts (its end when `end`), or -1 (a decoded piece without a map back). */
  wordSource(i: number, end = false): number {
    const map = this.pieces[this.wordPiece[i]!]!.map;
    const local = end ? this.localEnd[i]! : this.local[i]!;
    return map === undefined ? local : (map[local] ?? -1);
  }

  /** The whole run as one string (for the phrase search, only on runs that mention a video). */
  text(): string {
    let out = '';
    for (const p of this.pieces) out += p.string.slice(p.from, p.to);
    return out;
  }

  /** Recap offset of run offset `at` (as an end when `end`), or -1 when it falls in a decoded piece without a map. */
  toSource(at: number, end = false): number {
    const pieces = this.pieces;
    let lo = 0;
    let hi = pieces.length - 1;
    const probe = end ? at - 1 : at;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pieces[mid]!.start <= probe) lo = mid;
      else hi = mid - 1;
    }
    const { from, start, map, lineBreak } = pieces[lo]!;
    const local = from + probe - start;
    if (lineBreak) return -1;
    if (!map) return end ? local + 1 : local;
    return (end ? map[local + 1] : map[local]) ?? -1;
  }
}
