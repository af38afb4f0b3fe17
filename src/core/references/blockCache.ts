import type { IndexedSession, SessionIndex } from '../index/sessionIndex';
import type { BodyMention } from './model';

/**
 * One find of a block, with offsets relative to the block's start (-1: not
 * placed): a mention (its target the session, or a frontmatter talk's index
 * for titles of the frontmatter's own talks; `linkEnd` as BodyMention's), a
 * placeholder, or a recording link.
 */
export type BlockFind =
  | { kind: BodyMention['kind']; target: IndexedSession | number; start: number; end: number; linkEnd: number }
  | { kind: 'placeholder'; start: number; end: number; text: string }
  | { kind: 'recording'; href: string; videoOf: IndexedSession | undefined };

/**
 * What the lint found in each block of a recap, keyed by the block's text,
 * so a re-lint after typing re-reads only the block that changed. One cache
 * per open document; it keeps the blocks of the last lint, and forgets
 * everything when the index, the recap's events, its frontmatter talks or
 * its link reference definitions change (the same text can link elsewhere).
 * Keys are two hashes and a length, not the text, so no old version of the
 * document is kept alive.
 */
export class BlockCache {
  private index: SessionIndex | undefined;
  private signature = '';
  /** The blocks of the last lint, and those of this one. */
  private last = new Map<string, BlockFind[]>();
  private used = new Map<string, BlockFind[]>();
  private key = '';

  /** Starts a lint: the last lint's blocks are kept only if they were made against the same index and talk lists. */
  begin(index: SessionIndex, signature: string): void {
    this.last = index === this.index && signature === this.signature ? this.used : new Map();
    this.used = new Map();
    this.index = index;
    this.signature = signature;
  }

  /** The finds of a block whose text is unchanged, else undefined (then `store` what the walk finds). */
  lookup(text: string, from: number, limit: number): BlockFind[] | undefined {
    let h1 = 0x811c9dc5 | 0;
    let h2 = 0x1b873593 | 0;
    for (let i = from; i < limit; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 + c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    const key = `${h1} ${h2} ${limit - from}`;
    this.key = key;
    const finds = this.used.get(key) ?? this.last.get(key);
    if (finds) this.used.set(key, finds);
    return finds;
  }

  /** Stores the finds of the block last looked up. */
  store(finds: BlockFind[]): void {
    this.used.set(this.key, finds);
  }
}
